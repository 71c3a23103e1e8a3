"""Rating a case (好差评, article 11): one rating per case, five levels; a case left unrated for the
configured number of natural days after completion is rated 基本满意 by default.

This is the record the evaluation work builds on (bad-review rectification, revisits and appeals
come with it); here the applicant rates, and the scheduled job gives the default.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError

from server.clock import day_start
from server.domain.accounts.roles import Actor
from server.domain.cases import clock, errors
from server.domain.cases.flow import SYSTEM, Acting, Outgoing, reason_text, transition, visible_case
from server.domain.cases.models import Case, CaseBundle, CaseRating
from server.domain.cases.states import RATEABLE, Action
from server.domain.errors import DomainError
from server.settings import Settings

LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
DEFAULT_LEVEL = 3
CHANNELS = ("app", "web", "sms", "window", "qr")
DEFAULT_BATCH = 500


async def rate(*, actor: Actor, case_id: int, level: int, channel: str = "app", comment: str = "") -> Case:
    """The applicant rates a finished case, once; returns the case."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有申请人可以评价")
    case = await visible_case(actor, case_id)
    if case.bundle_id is not None:
        raise DomainError(errors.INVALID_STATE, "该办件属于主题办件（一件事），请对主题办件整体评价一次", ["caseId"])
    if case.status not in RATEABLE:
        raise DomainError(errors.INVALID_STATE, "办结后才能评价", ["caseId"])
    if level not in LEVELS:
        raise DomainError(errors.INVALID, "评价等级应为 1 到 5", ["level"])
    if channel not in CHANNELS:
        raise DomainError(errors.INVALID, "未知的评价渠道", ["channel"])
    text = reason_text(comment, required=level <= 2, what="不满意的原因", field_name="comment")

    async def side(conn: Any, out: Outgoing) -> None:
        await CaseRating.create(
            case_id=case.id, level=level, channel=channel, comment=text, citizen_id=actor.citizen_id,
            department_code=case.department_code, region_code=case.region_code, rated_at=clock.now(), using_db=conn,
        )

    try:
        return await transition(case, acting=Acting(actor), action=Action.RATED, settings=None, reason=LEVELS[level],
                                data={"level": level, "channel": channel}, side=side)
    except IntegrityError:
        raise DomainError(errors.INVALID_STATE, "该办件已评价过", ["caseId"]) from None


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
                                        region_code=c.region_code, rated_at=clock.now(), using_db=conn)

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
