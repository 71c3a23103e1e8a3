"""Reading the base databases: :func:`pull` is the only way domain code reads them, and every pull
is logged (PIPL: 目的、办件、调用者、字段). Reading the log: administrators of a region (:func:`log`),
and a person or enterprise about themselves (:func:`about_me`).

One application step (a submission, a draft, a walk-in, a later stage opening) makes one pull over
the bases it needs — each base read once, all the log rows written in one statement under one
``batch`` — and, once its case or bundle exists, :func:`attach` names it on those rows in the same
transaction (one UPDATE). A base that cannot answer (a remote base down) is logged with its error;
nothing is taken from it, and the application goes on without it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from tortoise.expressions import Q

from server import clock
from server.domain.accounts.identifiers import mask_name
from server.domain.accounts.roles import ROLE_LABELS, Actor
from server.domain.accounts.service import is_staff_admin
from server.domain.cases.scope import enterprise_ids_of, region_q
from server.domain.errors import DomainError
from server.domain.shareddata import rules, sources
from server.domain.shareddata.models import SharedDataPull
from server.domain.shareddata.rules import Base
from server.domain.shareddata.sources import Record, SourceUnavailable, Subject
from server.settings import Settings

MAX_PURPOSE = 200


@dataclass(frozen=True, slots=True)
class Caller:
    """Who made the pull (kept in the log): the applicant, a staff member, a partner, the system."""

    kind: str  # citizen | staff | partner | system
    id: int | None = None
    label: str = ""

    @classmethod
    def of(cls, actor: Actor) -> Caller:
        if actor.is_staff:
            roles = "、".join(ROLE_LABELS[r] for r in sorted(actor.roles)) or "工作人员"
            return cls("staff", actor.user_id, f"{actor.display_name}（{roles}）"[:96])
        if actor.is_citizen:
            return cls("citizen", actor.citizen_id, "申请人本人")
        if actor.is_partner:
            return cls("partner", actor.api_key_id or actor.exchange_partner_id, actor.partner_code or "合作单位")
        return SYSTEM


SYSTEM = Caller("system", None, "系统")


@dataclass(frozen=True, slots=True)
class Why:
    """Why the bases are read, for what, by whom: every pull says so (and the log keeps it)."""

    purpose: str  # Chinese: 网上申请“公司变更登记”：材料免提交核验、申请表预填
    caller: Caller
    region_code: str = ""  # where the matter is handled (the log is scoped by it)
    city_code: str = ""
    county_code: str | None = None
    case_id: int | None = None
    case_number: str | None = None
    bundle_id: int | None = None
    bundle_number: str | None = None

    @classmethod
    def on(cls, purpose: str, caller: Caller, region: Any) -> Why:
        """For a matter of ``region`` (a catalogue Region: code and path)."""
        codes = [c for c in str(region.path).split("/") if c]
        return cls(purpose=purpose[:MAX_PURPOSE], caller=caller, region_code=region.code,
                   city_code=codes[2] if len(codes) >= 3 else region.code,
                   county_code=codes[3] if len(codes) >= 4 else None)


@dataclass(frozen=True, slots=True)
class Ask:
    base: Base
    subject: Subject
    fields: tuple[str, ...]


@dataclass(slots=True)
class Answer:
    ask: Ask
    record: Record | None
    error: str = ""  # the base could not answer
    mode: str = "local"
    partner_code: str | None = None


@dataclass(slots=True)
class Pulled:
    """What one pull found, base by base (each base asked once)."""

    batch: str | None = None
    answers: dict[Base, Answer] = field(default_factory=dict)

    def record(self, base: Base) -> Record | None:
        a = self.answers.get(base)
        return a.record if a else None

    @property
    def unavailable(self) -> dict[Base, str]:
        """The bases that could not answer, with why (Chinese)."""
        return {b: a.error for b, a in self.answers.items() if a.error}


@dataclass(frozen=True, slots=True)
class Prefilled:
    """A form value a base gave: the field it came from, and which base."""

    key: str
    value: Any
    base: Base
    field: str

    @property
    def source_label(self) -> str:
        return rules.source_label(self.base)


def prefill(pulled: Pulled, form_keys: Sequence[str]) -> dict[str, Prefilled]:
    """The form fields of ``form_keys`` the bases filled (a base without the value leaves it)."""
    out: dict[str, Prefilled] = {}
    for key in form_keys:
        found = rules.FORM_FIELDS.get(key)
        if found is None:
            continue
        base, name = found
        record = pulled.record(base)
        value = record.values.get(name) if record else None
        if value is not None and value != "":
            out[key] = Prefilled(key, value, base, name)
    return out


async def pull(
    asks: Sequence[Ask], *, why: Why, settings: Settings | None, form_keys: Sequence[str] = (),
    client: httpx.AsyncClient | None = None,
) -> Pulled:
    """Read each asked base once for its subject, through the configured source, and log every read
    (one row per base, written in one statement, found or not, with the error of a base that could
    not answer). ``form_keys``: the form the pull fills, so that the log says which fields it filled."""
    if not asks:
        return Pulled()
    if not why.purpose.strip():
        raise DomainError("INVALID", "读取基础库须说明目的")
    configured = sources.configured(settings, client=client)
    pulled = Pulled(batch=uuid.uuid4().hex)
    for ask in asks:
        source = configured[ask.base]
        try:
            record = await source.lookup(ask.subject, fields=ask.fields, purpose=why.purpose)
            pulled.answers[ask.base] = Answer(ask, record, mode=source.mode, partner_code=source.partner_code)
        except SourceUnavailable as exc:
            pulled.answers[ask.base] = Answer(ask, None, error=exc.message, mode=source.mode,
                                              partner_code=source.partner_code)
    filled: dict[Base, dict[str, str]] = {}
    for p in prefill(pulled, form_keys).values():
        filled.setdefault(p.base, {})[p.key] = p.field
    now = clock.now()
    await SharedDataPull.bulk_create([
        SharedDataPull(
            batch=pulled.batch, base=a.ask.base.value, mode=a.mode, partner_code=a.partner_code,
            subject_kind=a.ask.subject.kind, subject_label=a.ask.subject.label[:160],
            subject_citizen_id=a.ask.subject.citizen_id, subject_enterprise_id=a.ask.subject.enterprise_id,
            purpose=why.purpose[:MAX_PURPOSE], case_id=why.case_id, case_number=why.case_number,
            bundle_id=why.bundle_id, bundle_number=why.bundle_number, region_code=why.region_code,
            city_code=why.city_code, county_code=why.county_code, caller_kind=why.caller.kind,
            caller_id=why.caller.id, caller_label=why.caller.label[:96], fields_asked=list(a.ask.fields),
            fields_returned=sorted(a.record.values) if a.record else [], filled=filled.get(a.ask.base, {}),
            found=a.record is not None, error=a.error, at=now,
        )
        for a in pulled.answers.values()
    ])
    return pulled


async def attach(batch: str | None, *, conn: Any = None, case: Any = None, bundle: Any = None) -> None:
    """Name the case (and bundle) a pull was for, once they exist (one UPDATE, in ``conn``)."""
    if not batch:
        return
    values: dict[str, Any] = {}
    if case is not None:
        values.update(case_id=case.id, case_number=case.number)
    if bundle is not None:
        values.update(bundle_id=bundle.id, bundle_number=bundle.number)
    if values:
        qs = SharedDataPull.filter(batch=batch)
        await (qs.using_db(conn) if conn is not None else qs).update(**values)


# ---------------------------------------------------------------- what a case's form took from the bases


async def prefilled_of(keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Prefilled]]:
    """Per ("case", id) or ("bundle", id): the form fields the bases filled (the latest pull of each
    key wins), from the pull log. One query for all the keys."""
    cases = [i for k, i in keys if k == "case"]
    bundles = [i for k, i in keys if k == "bundle"]
    cond: list[Q] = []
    if cases:
        cond.append(Q(case_id__in=cases, bundle_id=None))
    if bundles:
        cond.append(Q(bundle_id__in=bundles, case_id=None))
    out: dict[tuple[str, int], list[Prefilled]] = {k: [] for k in keys}
    if not cond:
        return out
    rows = await SharedDataPull.filter(Q(*cond, join_type="OR"), found=True).order_by("id").values(
        "case_id", "bundle_id", "base", "filled")
    latest: dict[tuple[str, int], dict[str, tuple[Base, str]]] = {}
    for r in rows:
        key = ("bundle", r["bundle_id"]) if r["case_id"] is None else ("case", r["case_id"])
        for form_key, name in (r["filled"] or {}).items():
            latest.setdefault(key, {})[form_key] = (Base(r["base"]), str(name))
    for key, filled in latest.items():
        if key in out:
            out[key] = [Prefilled(k, None, b, n) for k, (b, n) in filled.items()]
    return out


# ---------------------------------------------------------------- reading the log


@dataclass(slots=True)
class LogFilter:
    base: str | None = None
    case_number: str | None = None
    found: bool | None = None


def _filtered(qs: Any, flt: LogFilter | None) -> Any:
    if flt is None:
        return qs
    if flt.base:
        if flt.base not in {b.value for b in Base}:
            raise DomainError("INVALID", "基础库只能为：" + "、".join(rules.BASE_LABELS.values()), ["base"])
        qs = qs.filter(base=flt.base)
    if flt.case_number:
        number = flt.case_number.strip()[:32]
        qs = qs.filter(Q(case_number=number, bundle_number=number, join_type="OR"))
    if flt.found is not None:
        qs = qs.filter(found=flt.found)
    return qs


def _admin_qs(actor: Actor) -> Any:
    """Pulls for matters of the admin's region: a city admin every pull of the city, a county admin
    those of the county's cases and bundles (the log is scoped in the query, as cases are)."""
    if not is_staff_admin(actor):
        raise DomainError("NOT_ALLOWED", "只有管理员可以查看基础库调用日志")
    return SharedDataPull.filter(region_q(actor.region_path))


async def log(*, actor: Actor, flt: LogFilter | None = None, offset: int = 0, limit: int = 20) -> list[SharedDataPull]:
    """The pull log of the admin's region, newest first."""
    return list(await _filtered(_admin_qs(actor), flt).order_by("-id").offset(offset).limit(limit))


async def count_log(*, actor: Actor, flt: LogFilter | None = None) -> int:
    return int(await _filtered(_admin_qs(actor), flt).count())


async def _mine_qs(actor: Actor) -> Any:
    """Pulls of the citizen's own data, and of the enterprises they represent or operate for."""
    if not actor.is_citizen:
        raise DomainError("NOT_ALLOWED", "请先登录个人账号")
    ents = await enterprise_ids_of(actor.citizen_id)  # type: ignore[arg-type]
    mine = Q(subject_citizen_id=actor.citizen_id)
    return SharedDataPull.filter(Q(mine, Q(subject_enterprise_id__in=ents), join_type="OR") if ents else mine)


async def about_me(*, actor: Actor, base: str | None = None, offset: int = 0, limit: int = 20) -> list[SharedDataPull]:
    """Who read my data (or my enterprise's), for which case, newest first."""
    qs = _filtered(await _mine_qs(actor), LogFilter(base=base))
    return list(await qs.order_by("-id").offset(offset).limit(limit))


async def count_about_me(*, actor: Actor, base: str | None = None) -> int:
    return int(await _filtered(await _mine_qs(actor), LogFilter(base=base)).count())


async def log_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, SharedDataPull]:
    """Log rows by id, those the admin's region covers (anyone else: none)."""
    if not is_staff_admin(actor) or not ids:
        return {}
    return {p.id: p for p in await _admin_qs(actor).filter(id__in=list(ids))}


async def mine_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, SharedDataPull]:
    """Log rows by id, those about the citizen (or their enterprises)."""
    if not actor.is_citizen or not ids:
        return {}
    return {p.id: p for p in await (await _mine_qs(actor)).filter(id__in=list(ids))}


def caller_for_subject(row: SharedDataPull) -> str:
    """How the subject sees who read their data: staff by name (masked) and role."""
    if row.caller_kind == "staff":
        name, sep, roles = row.caller_label.partition("（")
        return f"工作人员 {mask_name(name) or ''}{sep}{roles}"
    if row.caller_kind == "citizen":
        return "申请人本人"
    if row.caller_kind == "partner":
        return f"合作单位系统（{row.caller_label}）"
    return "系统（主题办件后续阶段开办等）"
