"""Rating a case (好差评, article 11): one rating per case, five levels; a case left unrated for the
configured number of natural days after completion is rated 基本满意 by default.

Issue 18: the national dimension sets (online and window, versioned) with a score per dimension; the
rated parties (department, item, hall, window; the bundle for themes); the channels — app and web
signed in, the SMS link sent at completion and the QR code printed on the result (a signed,
single-use, expiring token, no sign-in), the hall's evaluator device at a window (an API key of kind
hall_device rating the case just served there); one rating per case whatever the channel; a
follow-up (追加评价); and a bad rating (★1–2) opens its rectification (:mod:`rectification`).
The default is recorded with channel ``default`` and never counts as a person's voice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.clock import day_start
from server.domain.accounts.models import ApiKey
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors
from server.domain.cases.flow import SYSTEM, Acting, Outgoing, reason_text, transition, visible_case
from server.domain.cases.models import Case, CaseBundle, CaseRating, RatingToken, WindowService
from server.domain.cases.states import RATEABLE, Action
from server.domain.catalog.models import Window
from server.domain.errors import DomainError
from server.settings import Settings

LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
DEFAULT_LEVEL = 3
BAD = frozenset({1, 2})  # 差评
CHANNELS = ("app", "web", "sms", "window", "qr")
DEFAULT_BATCH = 500
DEVICE_KIND = "hall_device"  # the API key kind of a window's evaluator device
DEVICE_WINDOW = timedelta(minutes=30)  # the device rates the case served at its window within this

# The national dimension sets (GB/T 39734-2020, 39735-2020), versioned: a rating records the set and
# the version it was given on, so a later version does not reinterpret old scores.
DIMENSION_SETS: dict[tuple[str, int], tuple[tuple[str, str], ...]] = {
    ("online", 1): (("overall", "整体满意度"), ("efficiency", "办事效率"), ("guide", "办事指南精确度"),
                    ("convenience", "办事便捷度"), ("usability", "平台操作性")),
    ("window", 1): (("overall", "整体满意度"), ("efficiency", "服务效率"), ("competence", "服务水平"),
                    ("attitude", "服务态度")),
}
CURRENT_VERSION = {"online": 1, "window": 1}


def dimension_set_for(case: Case, channel: str) -> str:
    """The window set for a case served at a window (or rated at one), the online set otherwise."""
    return "window" if channel == "window" or case.channel == "window" else "online"


def dimensions(name: str, version: int | None = None) -> tuple[tuple[str, str], ...]:
    return DIMENSION_SETS[(name, version or CURRENT_VERSION[name])]


def _scores(level: int, scores: dict[str, int] | None, set_name: str) -> dict[str, int]:
    keys = [k for k, _ in dimensions(set_name)]
    given = dict(scores or {})
    unknown = sorted(set(given) - set(keys))
    if unknown:
        raise DomainError(errors.INVALID, f"评价维度不属于本次评价：{'、'.join(unknown)}", ["scores"])
    if any(not isinstance(v, int) or v not in LEVELS for v in given.values()):
        raise DomainError(errors.INVALID, "各维度评分应为 1 到 5", ["scores"])
    given["overall"] = level  # 整体满意度 is the rating's level
    return {k: given[k] for k in keys if k in given}


@dataclass(frozen=True, slots=True)
class Given:
    """What a person gives, whatever the channel."""

    level: int
    comment: str = ""
    scores: dict[str, int] | None = None


async def rate(*, actor: Actor, case_id: int, level: int, channel: str = "app", comment: str = "",
               scores: dict[str, int] | None = None, settings: Settings | None = None) -> Case:
    """The applicant rates a finished case, signed in (app or web), once; returns the case."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有申请人可以评价")
    case = await visible_case(actor, case_id)
    if channel not in ("app", "web"):
        raise DomainError(errors.INVALID, "登录后评价的渠道为 app 或 web；短信、二维码和评价器各有入口", ["channel"])
    return await _record(case, acting=Acting(actor), given=Given(level, comment, scores), channel=channel,
                         citizen_id=actor.citizen_id, settings=settings)


async def _record(case: Case, *, acting: Acting, given: Given, channel: str, citizen_id: int | None,
                  settings: Settings | None, window_id: int | None = None, token_id: int | None = None) -> Case:
    """One rating of a case, by any channel: checks, the rated parties, the rating, and for a bad
    rating its rectification (差评整改), in the transition's transaction."""
    from server.domain.cases import rectification

    if case.bundle_id is not None:
        raise DomainError(errors.INVALID_STATE, "该办件属于主题办件（一件事），请对主题办件整体评价一次", ["caseId"])
    if case.status not in RATEABLE:
        raise DomainError(errors.INVALID_STATE, "办结后才能评价", ["caseId"])
    if await CaseRating.exists(case_id=case.id):
        raise DomainError(errors.INVALID_STATE, "该办件已评价过（每件每次服务只评价一次）", ["caseId"])
    level = given.level
    if level not in LEVELS:
        raise DomainError(errors.INVALID, "评价等级应为 1 到 5", ["level"])
    if channel not in CHANNELS:
        raise DomainError(errors.INVALID, "未知的评价渠道", ["channel"])
    set_name = dimension_set_for(case, channel)
    scores = _scores(level, given.scores, set_name)
    text = reason_text(given.comment, required=level in BAD, what="不满意的原因", field_name="comment")
    if window_id is None:
        served = await WindowService.filter(case_id=case.id).order_by("-served_at", "-id").first()
        window_id = served.window_id if served else None
    cfg = settings or Settings()
    due = await rectification.due_date(case, cfg) if level in BAD else None

    async def side(conn: Any, out: Outgoing) -> None:
        if token_id is not None:
            used = await RatingToken.filter(id=token_id, used_at=None).using_db(conn).update(used_at=clock.now())
            if not used:
                raise DomainError(errors.INVALID_STATE, "该评价链接已使用过", ["token"])
        rating = await CaseRating.create(
            case_id=case.id, level=level, channel=channel, comment=text, citizen_id=citizen_id,
            department_code=case.department_code, region_code=case.region_code, rated_at=clock.now(),
            dimension_set=set_name, dimension_version=CURRENT_VERSION[set_name], scores=scores,
            item_id=case.item_id, hall_code=case.hall_code, window_id=window_id, using_db=conn,
        )
        if due is not None:
            await rectification.open_for(conn, out, rating, case, due)

    try:
        return await transition(case, acting=acting, action=Action.RATED, settings=settings, reason=LEVELS[level],
                                data={"level": level, "channel": channel}, side=side)
    except IntegrityError:
        raise DomainError(errors.INVALID_STATE, "该办件已评价过（每件每次服务只评价一次）", ["caseId"]) from None


async def follow_up(*, actor: Actor, case_id: int, level: int, comment: str, settings: Settings) -> CaseRating:
    """追加评价: the person who rated adds a follow-up, once, within ``rating_follow_up_days``."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有评价人可以追加评价")
    case = await visible_case(actor, case_id)
    rating = await CaseRating.filter(case_id=case.id).first()
    if rating is None or rating.channel == "default" or rating.citizen_id not in (None, actor.citizen_id):
        raise DomainError(errors.INVALID_STATE, "尚未评价，不能追加评价", ["caseId"])
    if rating.follow_up_at is not None:
        raise DomainError(errors.INVALID_STATE, "已追加评价过", ["caseId"])
    if clock.now() - rating.rated_at > timedelta(days=settings.rating_follow_up_days):
        raise DomainError(errors.INVALID_STATE, f"评价后 {settings.rating_follow_up_days} 日内可追加评价，已超过期限", ["caseId"])
    if level not in LEVELS:
        raise DomainError(errors.INVALID, "评价等级应为 1 到 5", ["level"])
    text = reason_text(comment, required=True, what="追加评价内容", field_name="comment")
    await CaseRating.filter(id=rating.id, follow_up_at=None).update(follow_up_level=level, follow_up_comment=text,
                                                                     follow_up_at=clock.now())
    return await CaseRating.get(id=rating.id)


# ---------------------------------------------------------------- tokens (SMS link, QR code)


def _sign(secret: str, row_id: int, nonce: str, subject: str, purpose: str) -> str:
    mac = hmac.new(secret.encode(), f"{row_id}.{nonce}.{subject}.{purpose}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:18]).decode()


def _subject(row: RatingToken) -> str:
    """What the token rates, inside its signature: a case's id, or ``B`` and a bundle's."""
    return f"B{row.bundle_id}" if row.bundle_id is not None else str(row.case_id)


def _token_text(row: RatingToken, secret: str) -> str:
    return f"{row.id}.{row.nonce}.{_sign(secret, row.id, row.nonce, _subject(row), row.purpose)}"


async def issue_token(conn: Any, case: Case, purpose: str, settings: Settings) -> str:
    """A signed, single-use token rating ``case`` without sign-in, expiring after rating_link_days."""
    row = await RatingToken.create(case_id=case.id, purpose=purpose, nonce=secrets.token_urlsafe(12)[:16],
                                   expires_at=clock.now() + timedelta(days=settings.rating_link_days), using_db=conn)
    return _token_text(row, settings.secret_key)


async def issue_bundle_token(conn: Any, bundle: CaseBundle, settings: Settings) -> str:
    """The SMS token rating a whole bundle (一件事) once, sent when its last item ends."""
    row = await RatingToken.create(bundle_id=bundle.id, purpose="sms", nonce=secrets.token_urlsafe(12)[:16],
                                   expires_at=clock.now() + timedelta(days=settings.rating_link_days), using_db=conn)
    return _token_text(row, settings.secret_key)


def link(settings: Settings, token: str) -> str:
    """The absolute rating link carried by the SMS and the QR code."""
    return f"{settings.public_base_url.rstrip('/')}/rate/{token}"


async def qr_token(*, actor: Actor, case_id: int, settings: Settings) -> str:
    """The token printed as a QR code on the result and the notices: staff who see the case, or its
    applicant; the unused one still valid is printed again rather than a new one made."""
    if not (actor.is_staff or actor.is_citizen):
        raise DomainError(errors.NOT_ALLOWED, "没有打印评价二维码的权限")
    case = await visible_case(actor, case_id)
    if case.bundle_id is not None:
        raise DomainError(errors.INVALID_STATE, "主题办件（一件事）整体评价", ["caseId"])
    row = await RatingToken.filter(case_id=case.id, purpose="qr", used_at=None,
                                   expires_at__gt=clock.now()).order_by("-id").first()
    if row is not None:
        return _token_text(row, settings.secret_key)
    async with in_transaction() as conn:
        return await issue_token(conn, case, "qr", settings)


def qr_svg(text: str) -> str:
    """The QR code of ``text`` as SVG markup, drawn here (segno, offline): what the GET endpoint
    serves and the printed notices embed."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="svg", scale=4, title="扫码评价")
    return buf.getvalue().decode("utf-8")


async def qr_code(*, actor: Actor, case_id: int, settings: Settings) -> str:
    """The SVG of the QR code printed on the result and the notices (see :func:`qr_token`)."""
    return qr_svg(link(settings, await qr_token(actor=actor, case_id=case_id, settings=settings)))


async def _check_token(token: str, settings: Settings) -> RatingToken:
    bad = DomainError(errors.INVALID, "评价链接无效", ["token"])
    parts = (token or "").strip().split(".")
    if len(parts) != 3 or not parts[0].isdigit() or len(parts[0]) > 18:
        raise bad
    row = await RatingToken.filter(id=int(parts[0])).first()
    if row is None or row.nonce != parts[1] or not hmac.compare_digest(
            _sign(settings.secret_key, row.id, row.nonce, _subject(row), row.purpose), parts[2]):
        raise bad
    if row.used_at is not None:
        raise DomainError(errors.INVALID_STATE, "该评价链接已使用过", ["token"])
    if row.expires_at <= clock.now():
        raise DomainError(errors.INVALID, "评价链接已过期", ["token"])
    return row


@dataclass(frozen=True, slots=True)
class LinkView:
    """What the page behind a rating link shows before the person rates (nothing personal): the
    case, or the bundle (rated once as a whole, on the online set)."""

    case: Case | None
    bundle: CaseBundle | None
    dimension_set: str
    expires_at: datetime
    rated: bool


async def open_link(*, token: str, settings: Settings) -> LinkView:
    row = await _check_token(token, settings)
    if row.bundle_id is not None:
        bundle = await CaseBundle.get(id=row.bundle_id)
        return LinkView(None, bundle, "online", row.expires_at, await CaseRating.exists(bundle_id=bundle.id))
    case = await Case.get(id=row.case_id)
    channel = "sms" if row.purpose == "sms" else "qr"
    return LinkView(case, None, dimension_set_for(case, channel), row.expires_at,
                    await CaseRating.exists(case_id=case.id))


async def rate_by_token(*, token: str, given: Given, settings: Settings) -> Case:
    """Rating through the SMS link or the QR code: no sign-in, the token used once; the rating is
    real-name (the applicant's) as the token was sent to them or printed on their result."""
    row = await _check_token(token, settings)
    if row.bundle_id is not None:
        raise DomainError(errors.INVALID, "这是主题办件（一件事）的评价链接，请整体评价", ["token"])
    case = await Case.get(id=row.case_id)
    citizen_id = case.contact_citizen_id or case.applicant_citizen_id
    acting = Acting(Actor(citizen_id=citizen_id, username=f"rating-{row.purpose}")) if citizen_id else SYSTEM
    return await _record(case, acting=acting, given=given, channel="sms" if row.purpose == "sms" else "qr",
                         citizen_id=citizen_id, settings=settings, token_id=row.id)


async def rate_bundle_by_token(*, token: str, given: Given, settings: Settings) -> CaseBundle:
    """A bundle rated through the SMS link sent when its last item ended: no sign-in, the token
    used once in the rating's transaction, one rating for the bundle whatever the channel."""
    from server.domain.cases import bundle_flow, bundles

    row = await _check_token(token, settings)
    if row.bundle_id is None:
        raise DomainError(errors.INVALID, "这是单个办件的评价链接", ["token"])
    bundle = await CaseBundle.get(id=row.bundle_id)
    if given.level not in LEVELS:
        raise DomainError(errors.INVALID, "评价等级应为 1 到 5", ["level"])
    text = reason_text(given.comment, required=given.level in BAD, what="不满意的原因", field_name="comment")
    if await CaseRating.exists(bundle_id=bundle.id):
        raise DomainError(errors.INVALID_STATE, "该主题办件已评价过", ["bundleId"])
    subs = bundles.rateable(await bundles.load_view(bundle))
    if not subs:
        raise DomainError(errors.INVALID_STATE, "主题办件的各事项全部办结后才能评价", ["bundleId"])
    citizen_id = bundle_flow.recipient_of(bundle)
    acting = Acting(Actor(citizen_id=citizen_id, username="rating-sms")) if citizen_id else SYSTEM
    await bundles.rate_subs(bundle, subs, acting=acting, settings=settings, level=given.level, channel="sms",
                            comment=text, citizen_id=citizen_id, reason=LEVELS[given.level], token_id=row.id)
    return bundle


# ---------------------------------------------------------------- the window evaluator device


async def serve_at_window(*, actor: Actor, case_id: int, window_id: int) -> WindowService:
    """The clerk at a window marks the case being served there (its evaluator device rates it)."""
    if not (actor.is_staff and Role.WINDOW_CLERK in actor.roles):
        raise DomainError(errors.NOT_ALLOWED, "只有综合窗口受理员可以登记窗口服务")
    case = await visible_case(actor, case_id)
    win = await Window.filter(id=window_id).first()
    if win is None or (actor.hall_code and win.hall_id != actor.hall_code):
        raise DomainError(errors.NOT_FOUND, "窗口不存在或不属于本大厅", ["windowId"])
    return await WindowService.create(window_id=win.id, hall_code=win.hall_id, case_id=case.id,
                                      served_by_id=actor.user_id, served_at=clock.now())


async def rate_at_window(*, actor: Actor, given: Given, settings: Settings) -> Case:
    """The hall's evaluator device at a window rates the case just served there (within
    DEVICE_WINDOW), as the person standing at it."""
    if not (actor.is_partner and actor.partner_kind == DEVICE_KIND and actor.api_key_id):
        raise DomainError(errors.NOT_ALLOWED, "只有大厅评价器的密钥可以在窗口评价")
    key = await ApiKey.filter(id=actor.api_key_id).first()
    window_id = key.window_id if key else None
    served = await WindowService.filter(window_id=window_id, served_at__gte=clock.now() - DEVICE_WINDOW) \
        .order_by("-served_at", "-id").first() if window_id else None
    if served is None:
        raise DomainError(errors.NOT_FOUND, "本窗口刚才没有办理的办件", ["caseId"])
    case = await Case.get(id=served.case_id)
    citizen_id = case.contact_citizen_id or case.applicant_citizen_id
    acting = Acting(Actor(citizen_id=citizen_id, username="rating-window")) if citizen_id else SYSTEM
    return await _record(case, acting=acting, given=given, channel="window", citizen_id=citizen_id,
                         settings=settings, window_id=window_id)


async def default_ratings(*, today: date, settings: Settings, batch: int = DEFAULT_BATCH) -> int:
    """基本满意 for cases finished at least ``default_rating_days`` natural days before ``today`` and
    still unrated (idempotent: the rating is unique per case)."""
    cutoff = day_start(today - timedelta(days=settings.default_rating_days))
    done = 0
    reason = f"{settings.default_rating_days} 日内未评价，默认基本满意"
    done += await _default_bundle_ratings(cutoff=cutoff, reason=reason, batch=batch)
    while True:
        cases = await Case.filter(status__in=list(RATEABLE), completed_at__lt=cutoff, rating=None,
                                  bundle_id=None).order_by("id").limit(batch)
        if not cases:
            return done
        for case in cases:

            async def side(conn: Any, out: Outgoing) -> None:
                c = out.case
                await CaseRating.create(case_id=c.id, level=DEFAULT_LEVEL, channel="default", department_code=c.department_code,
                                        region_code=c.region_code, rated_at=clock.now(), item_id=c.item_id,
                                        hall_code=c.hall_code, dimension_set=dimension_set_for(c, "default"),
                                        using_db=conn)

            try:
                await transition(case, acting=SYSTEM, action=Action.RATED, settings=None, reason=reason,
                                 data={"level": DEFAULT_LEVEL, "channel": "default"}, side=side)
                done += 1
            except (IntegrityError, DomainError):
                continue  # rated meanwhile (by the applicant, or another run)
        if len(cases) < batch:
            return done


async def _default_bundle_ratings(*, cutoff: datetime, reason: str, batch: int) -> int:
    """A bundle is rated once, as a whole: 基本满意 when its last item ended before ``cutoff`` and it
    is still unrated (a bundle with an item still running waits, whenever its first items ended)."""
    from server.domain.cases import bundles

    done, after = 0, 0
    while True:
        ids: list[int] = list(dict.fromkeys(await Case.filter(  # type: ignore[arg-type]
            status__in=list(RATEABLE), completed_at__lt=cutoff, rating=None, bundle_id__gt=after,
        ).order_by("bundle_id").limit(batch).values_list("bundle_id", flat=True)))
        if not ids:
            return done
        after = max(ids)
        for bundle in await CaseBundle.filter(id__in=ids).order_by("id"):
            if await CaseRating.exists(bundle_id=bundle.id):
                continue
            v = await bundles.load_view(bundle)
            subs = bundles.rateable(v)  # every item ended (nothing running, no result waiting)
            ended = max((c.completed_at for c in subs if c.completed_at), default=None)
            if not subs or ended is None or ended >= cutoff:
                continue
            try:
                await bundles.rate_subs(bundle, subs, acting=SYSTEM, settings=None, level=DEFAULT_LEVEL, channel="default",
                                        comment="", citizen_id=None, reason=reason)
                done += 1
            except DomainError:
                continue  # rated meanwhile
