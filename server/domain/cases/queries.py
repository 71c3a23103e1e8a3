"""Reading cases: the applicant's own, the queues, the overdue lists, tracking without login.

Every list is scoped by :func:`case_scope` in its query and pages by keyset (``(sort key, id)``
after a cursor), so a page costs the same at the start of a queue of a million cases as at its end.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from tortoise.expressions import Q

from server.domain.accounts.identifiers import mask_name
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors
from server.domain.cases.models import Case, CaseEvent, CaseMaterial, ELicence
from server.domain.cases.scope import case_scope, sees_cases
from server.domain.cases.states import CLOCK_RUNNING, PRIVATE_ACTIONS, Status
from server.domain.catalog.models import Department
from server.domain.errors import DomainError

QUEUE_STATUSES = {
    "window": [Status.SUBMITTED, Status.REJECTION_PROPOSED, Status.CORRECTION_REQUESTED],
    "review": [Status.ACCEPTED, Status.UNDER_REVIEW, Status.SUSPENDED, Status.RETURNED],
    "result": [Status.APPROVED, Status.RESULT_ISSUED],
}


@dataclass(slots=True)
class CaseFilter:
    statuses: list[str] = field(default_factory=list)
    item_text: str | None = None
    number: str | None = None
    department_code: str | None = None
    hall_code: str | None = None
    region_code: str | None = None
    claimed_by_me: bool = False
    unclaimed: bool = False
    instant_only: bool = False  # instant approvals, to sample for inspection


@dataclass(slots=True)
class CaseRow:
    """A case as a plain row, for the lists (myCases, the queues, the overdue lists): every column of
    ``Case`` but the JSON ones (the form's data, the pauses, the enterprise to be founded) and the
    idempotency columns, which no list shows. The graph's Case reads the whole case (``Case`` by
    id, through its scoped loader) for the fields that need them."""

    id: int
    number: str | None
    query_code: str | None
    status: str
    channel: str
    item_id: int
    version_id: int
    situation_id: int | None
    item_name: str
    basic_code: str
    department_code: str
    region_code: str
    city_code: str
    county_code: str | None
    hall_code: str | None
    partner_code: str | None
    parent_id: int | None
    bundle_id: int | None
    bundle_stage: int | None
    forwarded_platform: str | None
    forwarded_number: str | None
    applicant_kind: str
    applicant_citizen_id: int | None
    applicant_enterprise_id: int | None
    applicant_name: str
    contact_phone: str
    contact_citizen_id: int | None
    submitted_by_staff_id: int | None
    mandate_id: int | None
    submitted_at: datetime | None
    accepted_at: datetime | None
    decided_at: datetime | None
    completed_at: datetime | None
    committed_limit: int
    committed_unit: str
    working_days_used: int | None
    deadline: date | None
    statutory_deadline: date | None
    warn_on: date | None
    extension_days: int
    paused_since: date | None
    resume_status: str | None
    supply_by: date | None
    correction_note: str
    correction_sent: bool
    claimed_by_id: int | None
    review_step: int
    decision: str | None
    decision_reason: str
    instant_rule: str | None
    result_method: str | None
    tracking_number: str | None
    warned_yellow: bool
    warned_red: bool
    row_version: int
    created_at: datetime
    updated_at: datetime


CASE_ROW_COLUMNS = tuple(f.name for f in fields(CaseRow))


async def case_rows(qs: Any) -> list[CaseRow]:
    """The rows of a queryset of ``Case`` as :class:`CaseRow` (no model built per row)."""
    return [CaseRow(*r) for r in await qs.values_list(*CASE_ROW_COLUMNS)]


def _cursor_q(order: str, cursor: tuple[Any, int] | None) -> Q:
    """Rows after ``cursor`` in ``order`` (``deadline`` ascending with nulls last, or ``-id``)."""
    if cursor is None:
        return Q()
    key, last_id = cursor
    if order == "-id":
        return Q(id__lt=last_id)
    if order == "id":
        return Q(id__gt=last_id)
    # deadline, id: the queue of a department (accepted cases all have a deadline)
    if key is None:
        return Q(deadline=None, id__gt=last_id)
    return Q(Q(deadline__gt=key), Q(deadline=key, id__gt=last_id), Q(deadline=None), join_type="OR")


def _ordering(order: str) -> list[str]:
    return ["-id"] if order == "-id" else (["id"] if order == "id" else ["deadline", "id"])


class MyCases:
    """The caller's own applications (a citizen's, or those an agent submitted), newest first: the
    pages and the count of one request share one scope, so a citizen's enterprises (legal
    representative, operator) are read once."""

    def __init__(self, *, actor: Actor, statuses: Sequence[str] = (), include_drafts: bool = True) -> None:
        self.actor, self.statuses, self.include_drafts = actor, list(statuses), include_drafts
        self._scope: Q | None = None

    async def _qs(self) -> Any:
        """The queryset, or None for anyone but a citizen or an assistance agent."""
        actor = self.actor
        if not actor.is_citizen and not (actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles):
            return None
        if self._scope is None:
            self._scope = await case_scope(actor)
        qs = Case.filter(self._scope)
        if actor.is_staff:
            qs = qs.filter(submitted_by_staff_id=actor.user_id)
        if self.statuses:
            return qs.filter(status__in=self.statuses)
        return qs if self.include_drafts else qs.exclude(status="draft")

    async def page(self, *, after: int | None = None, limit: int = 20) -> list[CaseRow]:
        qs = await self._qs()
        if qs is None:
            return []
        if after is not None:
            qs = qs.filter(id__lt=after)
        return await case_rows(qs.order_by("-id").limit(limit))

    async def count(self) -> int:
        qs = await self._qs()
        return 0 if qs is None else int(await qs.count())


async def my_cases(
    *, actor: Actor, statuses: Sequence[str] = (), after: int | None = None, limit: int = 20, include_drafts: bool = True,
) -> list[CaseRow]:
    """The caller's own applications, newest first (plain rows)."""
    return await MyCases(actor=actor, statuses=statuses, include_drafts=include_drafts).page(after=after, limit=limit)


async def count_my_cases(*, actor: Actor, statuses: Sequence[str] = ()) -> int:
    return await MyCases(actor=actor, statuses=statuses).count()


async def _queue_qs(actor: Actor, queue: str, flt: CaseFilter) -> Any:
    if not (actor.is_staff or actor.is_partner) or not sees_cases(actor):
        raise DomainError(errors.NOT_ALLOWED, "无权查看办件队列")
    qs = Case.filter(await case_scope(actor)).exclude(status="draft")
    if queue in ("window", "result"):
        qs = qs.filter(bundle_id=None)  # a bundle is accepted and its results issued as one (bundleQueue)
    if queue == "review" and actor.is_staff:
        qs = qs.filter(partner_code=None)  # forwarded to a partner: it decides (server.domain.exchange)
    statuses = flt.statuses or [s.value for s in QUEUE_STATUSES.get(queue, [])]
    if statuses:
        qs = qs.filter(status__in=statuses)
    if flt.department_code:
        qs = qs.filter(department_code=flt.department_code)
    if flt.hall_code:
        qs = qs.filter(hall_code=flt.hall_code)
    if flt.region_code:
        qs = qs.filter(Q(county_code=flt.region_code) | Q(region_code=flt.region_code) | Q(city_code=flt.region_code))
    if flt.number:
        qs = qs.filter(number=flt.number.strip())
    if flt.item_text:
        text = flt.item_text.strip().replace("%", "").replace("_", "")[:32]
        if text:
            qs = qs.filter(item_name__contains=text)
    if flt.claimed_by_me and actor.user_id is not None:
        qs = qs.filter(claimed_by_id=actor.user_id)
    if flt.unclaimed:
        qs = qs.filter(claimed_by_id=None)
    if flt.instant_only:
        qs = qs.filter(instant_rule__not_isnull=True)
    return qs


DATED = frozenset({*CLOCK_RUNNING, Status.SUSPENDED, Status.RETURNED, Status.DENIED, Status.COMPLETED})
"""States in which a case always has a deadline (it was accepted)."""


def queue_order(queue: str, flt: CaseFilter | None = None) -> str:
    """``deadline`` for the review and result queues, when every status asked for has a deadline (a
    keyset over a nullable column would sort NULLs differently on SQLite and PostgreSQL); else ``id``."""
    if queue == "all":
        return "-id"
    if queue not in ("review", "result"):
        return "id"
    if flt is not None and flt.statuses and not set(flt.statuses) <= {s.value for s in DATED}:
        return "id"
    return "deadline"


async def case_queue(
    *, actor: Actor, queue: str, flt: CaseFilter, after: tuple[Any, int] | None = None, limit: int = 20,
) -> list[CaseRow]:
    """A queue: ``window`` (waiting for intake, oldest first), ``review`` (the department's, by
    deadline), ``result`` (results to issue, by deadline), or ``all`` (newest first); plain rows."""
    order = queue_order(queue, flt)
    qs = await _queue_qs(actor, queue, flt)
    return await case_rows(qs.filter(_cursor_q(order, after)).order_by(*_ordering(order)).limit(limit))


async def count_queue(*, actor: Actor, queue: str, flt: CaseFilter) -> int:
    return await (await _queue_qs(actor, queue, flt)).count()


async def overdue_cases(
    *, actor: Actor, level: str = "red", after: tuple[Any, int] | None = None, limit: int = 20, on: date | None = None,
) -> list[CaseRow]:
    """督办: open cases past their deadline (red), or in their yellow days (yellow), by deadline; plain rows."""
    qs = await _overdue_qs(actor, level, on)
    return await case_rows(qs.filter(_cursor_q("deadline", after)).order_by("deadline", "id").limit(limit))


async def count_overdue(*, actor: Actor, level: str = "red", on: date | None = None) -> int:
    return await (await _overdue_qs(actor, level, on)).count()


async def _overdue_qs(actor: Actor, level: str, on: date | None) -> Any:
    if not (actor.is_staff or actor.is_partner) or not sees_cases(actor):
        raise DomainError(errors.NOT_ALLOWED, "无权查看超期办件")
    day = on or clock.today()
    qs = Case.filter(await case_scope(actor), status__in=[s.value for s in CLOCK_RUNNING])
    if level == "red":
        return qs.filter(deadline__lt=day)
    if level == "yellow":
        return qs.filter(deadline__gte=day, warn_on__lte=day)
    return qs.filter(warn_on__lte=day)


async def cases_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, Case]:
    if not ids:
        return {}
    rows = await Case.filter(await case_scope(actor), id__in=list(ids))
    return {c.id: c for c in rows}


async def events_of(case_ids: Sequence[int]) -> dict[int, list[CaseEvent]]:
    """Timelines of cases the caller already may see (the loader is fed from scoped cases)."""
    out: dict[int, list[CaseEvent]] = {i: [] for i in case_ids}
    for e in await CaseEvent.filter(case_id__in=list(case_ids)).order_by("case_id", "id"):
        out[e.case_id].append(e)
    return out


async def materials_of(case_ids: Sequence[int]) -> dict[int, list[CaseMaterial]]:
    out: dict[int, list[CaseMaterial]] = {i: [] for i in case_ids}
    for m in await CaseMaterial.filter(case_id__in=list(case_ids)).order_by("case_id", "position"):
        out[m.case_id].append(m)
    return out


async def elicences_of_cases(case_ids: Sequence[int]) -> dict[int, list[ELicence]]:
    out: dict[int, list[ELicence]] = {i: [] for i in case_ids}
    for e in await ELicence.filter(case_id__in=list(case_ids)).order_by("id"):
        out[e.case_id].append(e)
    return out


async def my_elicences(*, actor: Actor) -> list[ELicence]:
    """E-licences held by the caller and the enterprises they act for."""
    if not actor.is_citizen:
        return []
    from server.domain.cases.scope import enterprise_ids_of

    ents = await enterprise_ids_of(actor.citizen_id)  # type: ignore[arg-type]
    q = Q(holder_citizen_id=actor.citizen_id)
    if ents:
        q = Q(q, Q(holder_enterprise_id__in=ents), join_type="OR")
    return list(await ELicence.filter(q, revoked_at=None).order_by("-issued_at", "-id").limit(100))


TRACK_COLUMNS = (
    "id", "number", "query_code", "status", "item_name", "department_code", "applicant_kind", "applicant_name",
    "submitted_at", "accepted_at", "deadline", "completed_at",
)  # fmt: skip


@dataclass(slots=True)
class PublicStep:
    at: datetime
    action: str
    to_status: str


@dataclass(slots=True)
class Tracked:
    """What tracking by number and query code shows of a case (:data:`TRACK_COLUMNS`, plain)."""

    id: int
    number: str
    query_code: str | None
    status: str
    item_name: str
    department_code: str
    applicant_kind: str
    applicant_name: str
    submitted_at: datetime | None
    accepted_at: datetime | None
    deadline: date | None
    completed_at: datetime | None
    department_name: str = ""
    steps: list[PublicStep] = field(default_factory=list)  # the public timeline, oldest first

    @property
    def public_applicant_name(self) -> str:
        return masked_applicant_name(self.applicant_kind, self.applicant_name)


async def track(*, number: str, query_code: str) -> Tracked | None:
    """A case by its number and public query code, for anyone, with its department's name and its
    public timeline (plain rows: the case with its timeline in one statement, the department's name
    in another); None when either is wrong (the answer never says whether the number exists)."""
    number = (number or "").strip()
    code = (query_code or "").strip().upper()
    if not (5 <= len(number) <= 32) or not (4 <= len(code) <= 8):
        return None
    joined = [f"case__{c}" for c in TRACK_COLUMNS]
    rows = await CaseEvent.filter(case__number=number).order_by("id").values("at", "action", "to_status", *joined)
    if rows:
        head = {c: rows[0][j] for c, j in zip(TRACK_COLUMNS, joined, strict=True)}
    else:  # no timeline yet
        found = await Case.filter(number=number).values(*TRACK_COLUMNS)
        if not found:
            return None
        head = found[0]
    if head["query_code"] is None or not hmac.compare_digest(head["query_code"], code):
        return None
    case = Tracked(**head)
    case.steps = [PublicStep(r["at"], r["action"], r["to_status"]) for r in rows if r["action"] not in PRIVATE_ACTIONS]
    names: list[Any] = await Department.filter(code=case.department_code).values_list("name", flat=True)
    case.department_name = str(names[0]) if names else ""
    return case


def may_see_query_code(actor: Actor, case: Case | CaseRow) -> bool:
    """The applicant (and whoever acted for them) and front-desk staff, who print it on the receipt."""
    if actor.is_citizen:
        return True  # only their own cases reach them
    return actor.is_staff and actor.has_any(frozenset({Role.WINDOW_CLERK, Role.ASSISTANCE_AGENT, Role.HALL_SUPERVISOR}))




def applicant_name_for(actor: Actor, case: Case | CaseRow) -> str:
    """An enterprise's name is not personal data; a person's name is whole for themself, masked for
    everybody else (staff see it whole through revealPersonalData, which is logged)."""
    if is_own(actor, case):
        return case.applicant_name
    return masked_applicant_name(case.applicant_kind, case.applicant_name)


def masked_applicant_name(kind: str, name: str) -> str:
    """The applicant's name for anybody but themself: an enterprise's whole, a person's masked."""
    return name if kind == "enterprise" else (mask_name(name) or "")


def is_own(actor: Actor, case: Case | CaseRow) -> bool:
    return actor.is_citizen and (case.contact_citizen_id == actor.citizen_id or case.applicant_citizen_id == actor.citizen_id)


async def sub_cases_of(*, actor: Actor, parent_ids: Sequence[int]) -> dict[int, list[Case]]:
    """The sub-cases (of themed bundles) the caller may see, per parent."""
    out: dict[int, list[Case]] = {i: [] for i in parent_ids}
    for c in await Case.filter(await case_scope(actor), parent_id__in=list(parent_ids)).order_by("id"):
        if c.parent_id is not None:  # always: the filter asks for these parents
            out[c.parent_id].append(c)
    return out


async def applicant_credit_listing(*, actor: Actor, case: Case, settings: Any = None) -> str | None:
    """The credit base's dishonesty listings in force of the case's applicant (失信被执行人 …), or
    None: read through the shared-data interface, one logged pull naming the case and the staff
    member who looks (shown to staff at acceptance; a listed applicant gets no 容缺受理)."""
    from server.domain.cases import evidence
    from server.domain.shareddata.service import Caller

    why = evidence.case_why(f"查看办件“{case.item_name}”：受理前信用核查（失信名单）", case, Caller.of(actor))
    return await evidence.credit_listing(await evidence.applicant_holder(case), why=why, settings=settings)


async def ratings_of(case_ids: Sequence[int]) -> dict[int, Any]:
    from server.domain.cases.models import CaseRating

    return {r.case_id: r for r in await CaseRating.filter(case_id__in=list(case_ids)) if r.case_id is not None}
