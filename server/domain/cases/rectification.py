"""差评整改 (issue 18): a bad rating (★1–2) opens a rectification for the responsible department
(and the window's hall), due in ``settings.rectification_days`` working days on the region's calendar.

States: pending → in_progress → done; or unable_review (无法整改, a hall supervisor or city admin
reviews: accepted → unable, refused → in_progress); or appealed (申诉复核 that the rating is invalid,
the city admin reviews: upheld → upheld, the rating taken out of the measures but kept; rejected →
in_progress). One extension. The scheduled job ``rectification_cards`` shows a yellow card on the
last working day and a red card once the due day has passed, like a case's deadline warnings.
A revisit (回访) is recorded for every real-name bad rating once its rectification is closed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from server.domain.accounts.roles import Actor, Role
from server.domain.calendar import service as calendar
from server.domain.cases import clock, errors
from server.domain.cases.flow import Outgoing, reason_text, staff_with_role
from server.domain.cases.models import Case, CaseRating, RatingRevisit, Rectification
from server.domain.cases.scope import case_scope
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

STATUSES = {
    "pending": "待整改", "in_progress": "整改中", "done": "已整改", "unable_review": "无法整改（待审核）",
    "unable": "无法整改", "appealed": "申诉复核中", "upheld": "申诉成立",
}
OPEN = frozenset({"pending", "in_progress"})  # on the clock (cards)
CLOSED = frozenset({"done", "unable", "upheld"})
HANDLERS = frozenset({Role.DEPT_REVIEWER, Role.HALL_SUPERVISOR})
SUPERVISORS = frozenset({Role.HALL_SUPERVISOR, Role.CITY_ADMIN})
MAX_EXTENSION = 10  # working days
REVISIT_METHODS = ("phone", "sms", "visit")


async def due_date(case: Case, settings: Settings, *, start: date | None = None, days: int | None = None) -> date:
    return await due_in(case.region_code, settings, start=start, days=days)


async def due_in(region_code: str, settings: Settings, *, start: date | None = None, days: int | None = None) -> date:
    d = await calendar.add_working_days(region_path_or_code=region_code, start=start or clock.today(),
                                        days=days or settings.rectification_days)
    return d.deadline


async def open_for(conn: Any, out: Outgoing, rating: CaseRating, case: Case, due: date) -> Rectification:
    """In the rating's transaction: the rectification, and the department's reviewers told."""
    row = await Rectification.create(rating_id=rating.id, case_id=case.id, department_code=case.department_code,
                                     region_code=case.region_code, hall_code=case.hall_code, due_date=due,
                                     created_at=clock.now(), using_db=conn)
    staff = await staff_with_role(Role.DEPT_REVIEWER, department_code=case.department_code)
    await out.staff("rectification_assigned", staff, level=rating.level, due=due.isoformat())
    return row


async def open_for_assistance(conn: Any, rating: CaseRating, request: Any, due: date) -> tuple[Rectification, list[int]]:
    """In the rating's transaction: the rectification of a bad rating of an assistance request (帮办代办),
    for its hall (the hall's supervisors answer for its agents); the outbox rows to hand on."""
    row = await Rectification.create(rating_id=rating.id, assistance_request_id=request.id, department_code="",
                                     region_code=request.region_code, hall_code=request.hall_code, due_date=due,
                                     created_at=clock.now(), using_db=conn)
    ids = []
    for sid in await staff_with_role(Role.HALL_SUPERVISOR, hall_code=request.hall_code):
        out = await notify.enqueue(conn, event="staff_assistance_rectification", channel=Channel.INBOX,
                                   recipient=notify.Recipient(staff_id=sid),
                                   params={"number": assistance_number(request), "level": str(rating.level),
                                           "due": due.isoformat()})
        ids.append(out.id)
    return row, ids


def assistance_number(request: Any) -> str:
    from server.domain.complaints.assistance import number_of

    return number_of(request)


async def scope(actor: Actor) -> Q:
    """Rectifications of the cases the caller sees (and of the assistance requests of their hall or
    region), for handlers and supervisors."""
    from server.domain.complaints.assistance import staff_scope
    from server.domain.complaints.models import AssistanceRequest

    if not (actor.is_staff and actor.has_any(HANDLERS | SUPERVISORS | {Role.COUNTY_VIEWER})):
        return Q(id__in=[])
    cases = Q(case_id__in=Subquery(Case.filter(await case_scope(actor)).values("id")))
    helped = staff_scope(actor)
    if helped is None:
        return cases
    return cases | Q(assistance_request_id__in=Subquery(AssistanceRequest.filter(helped).values("id")))


@dataclass(frozen=True, slots=True)
class Filter:
    status: str | None = None
    card: str | None = None


async def listing(*, actor: Actor, flt: Filter, limit: int = 50, offset: int = 0) -> tuple[list[Rectification], int]:
    if not (actor.is_staff and actor.has_any(HANDLERS | SUPERVISORS | {Role.COUNTY_VIEWER})):
        raise DomainError(errors.NOT_ALLOWED, "没有查看差评整改的权限")
    if flt.status and flt.status not in STATUSES:
        raise DomainError(errors.INVALID, "未知的整改状态", ["status"])
    if flt.card and flt.card not in ("yellow", "red"):
        raise DomainError(errors.INVALID, "牌色为 yellow 或 red", ["card"])
    qs = Rectification.filter(await scope(actor))
    if flt.status:
        qs = qs.filter(status=flt.status)
    if flt.card:
        qs = qs.filter(card=flt.card)
    total = await qs.count()
    rows = await qs.order_by("due_date", "id").offset(offset).limit(min(limit, 200)).prefetch_related("rating")
    return list(rows), total


async def get(actor: Actor, rect_id: int) -> Rectification:
    row = await Rectification.filter(await scope(actor), id=rect_id).prefetch_related("rating").first()
    if row is None:
        raise DomainError(errors.NOT_FOUND, "整改单不存在或无权查看", ["id"])
    return row


async def _mine(actor: Actor, rect_id: int, roles: frozenset[Role], what: str) -> Rectification:
    if not (actor.is_staff and actor.has_any(roles)):
        raise DomainError(errors.NOT_ALLOWED, f"没有{what}的权限")
    row = await get(actor, rect_id)
    if Role.DEPT_REVIEWER in actor.roles and not actor.has_any(SUPERVISORS) and actor.department_code != row.department_code:
        raise DomainError(errors.NOT_ALLOWED, f"只有责任部门可以{what}")
    return row


async def _move(row: Rectification, frm: frozenset[str], **updates: Any) -> Rectification:
    """Compare-and-set on the status: a concurrent move loses with CONFLICT."""
    if row.status not in frm:
        raise DomainError(errors.INVALID_STATE, f"整改单当前为“{STATUSES[row.status]}”，不能这样处理", ["id"])
    n = await Rectification.filter(id=row.id, status=row.status).update(**updates)
    if not n:
        raise DomainError(errors.CONFLICT, "整改单已被他人处理，请刷新", ["id"])
    return await Rectification.get(id=row.id).prefetch_related("rating")


async def start(*, actor: Actor, rect_id: int) -> Rectification:
    row = await _mine(actor, rect_id, HANDLERS, "处理差评整改")
    return await _move(row, frozenset({"pending"}), status="in_progress", started_at=clock.now(), handled_by_id=actor.user_id)


async def finish(*, actor: Actor, rect_id: int, measures: str) -> Rectification:
    row = await _mine(actor, rect_id, HANDLERS, "处理差评整改")
    text = reason_text(measures, required=True, what="整改措施", field_name="measures")
    return await _move(row, OPEN, status="done", measures=text, finished_at=clock.now(), handled_by_id=actor.user_id)


async def report_unable(*, actor: Actor, rect_id: int, reason: str) -> Rectification:
    row = await _mine(actor, rect_id, HANDLERS, "处理差评整改")
    text = reason_text(reason, required=True, what="无法整改的理由", field_name="reason")
    return await _move(row, OPEN, status="unable_review", reason=text, handled_by_id=actor.user_id)


async def review_unable(*, actor: Actor, rect_id: int, accept: bool, note: str) -> Rectification:
    row = await _mine(actor, rect_id, SUPERVISORS, "审核无法整改")
    text = reason_text(note, required=True, what="审核意见", field_name="note")
    if accept:
        return await _move(row, frozenset({"unable_review"}), status="unable", review="accepted", review_note=text,
                           reviewed_by_id=actor.user_id, finished_at=clock.now())
    return await _move(row, frozenset({"unable_review"}), status="in_progress", review="refused", review_note=text,
                       reviewed_by_id=actor.user_id)


async def appeal(*, actor: Actor, rect_id: int, reason: str) -> Rectification:
    """申诉: the department holds the rating invalid (malicious, not about this service …)."""
    row = await _mine(actor, rect_id, HANDLERS, "提出申诉")
    text = reason_text(reason, required=True, what="申诉理由", field_name="reason")
    if row.review in ("upheld", "rejected"):
        raise DomainError(errors.INVALID_STATE, "已申诉过一次", ["id"])
    return await _move(row, OPEN, status="appealed", reason=text, handled_by_id=actor.user_id)


async def review_appeal(*, actor: Actor, rect_id: int, upheld: bool, note: str) -> Rectification:
    """申诉复核 by the city: upheld takes the rating out of the measures (kept, marked excluded);
    rejected sends the rectification back to in progress."""
    if not (actor.is_staff and Role.CITY_ADMIN in actor.roles):
        raise DomainError(errors.NOT_ALLOWED, "申诉由市级管理员复核")
    row = await get(actor, rect_id)
    text = reason_text(note, required=True, what="复核意见", field_name="note")
    if row.status != "appealed":
        raise DomainError(errors.INVALID_STATE, "该整改单没有待复核的申诉", ["id"])
    async with in_transaction() as conn:
        n = await Rectification.filter(id=row.id, status="appealed").using_db(conn).update(
            status="upheld" if upheld else "in_progress", review="upheld" if upheld else "rejected",
            review_note=text, reviewed_by_id=actor.user_id, finished_at=clock.now() if upheld else None)
        if not n:
            raise DomainError(errors.CONFLICT, "整改单已被他人处理，请刷新", ["id"])
        if upheld:
            await CaseRating.filter(id=row.rating_id).using_db(conn).update(excluded=True, excluded_reason=text)
    return await Rectification.get(id=row.id).prefetch_related("rating")


async def extend(*, actor: Actor, rect_id: int, days: int, reason: str, settings: Settings) -> Rectification:
    row = await _mine(actor, rect_id, HANDLERS | SUPERVISORS, "延长整改期限")
    text = reason_text(reason, required=True, what="延期理由", field_name="reason")
    if row.extended:
        raise DomainError(errors.ALREADY_EXTENDED, "整改期限只能延长一次", ["id"])
    if not 1 <= days <= MAX_EXTENSION:
        raise DomainError(errors.INVALID, f"延长 1 到 {MAX_EXTENSION} 个工作日", ["days"])
    new_due = await due_in(row.region_code, settings, start=row.due_date, days=days)
    return await _move(row, OPEN, due_date=new_due, extended=True, card=None, review_note=text)


async def revisit(*, actor: Actor, rect_id: int, satisfaction: int, method: str, note: str) -> RatingRevisit:
    """回访 of the person behind a real-name bad rating, once the rectification is closed."""
    row = await _mine(actor, rect_id, HANDLERS | SUPERVISORS, "回访")
    if row.status not in ("done", "unable"):
        raise DomainError(errors.INVALID_STATE, "整改完成（或经审核无法整改）后回访", ["id"])
    if row.rating.citizen_id is None or row.rating.channel == "default":
        raise DomainError(errors.INVALID_STATE, "匿名评价无需回访", ["id"])
    if satisfaction not in range(1, 6):
        raise DomainError(errors.INVALID, "满意度应为 1 到 5", ["satisfaction"])
    if method not in REVISIT_METHODS:
        raise DomainError(errors.INVALID, "回访方式为 phone、sms 或 visit", ["method"])
    if await RatingRevisit.exists(rectification_id=row.id):
        raise DomainError(errors.INVALID_STATE, "已回访过", ["id"])
    return await RatingRevisit.create(rectification_id=row.id, satisfaction=satisfaction, method=method,
                                      note=note.strip()[:500], by_id=actor.user_id, at=clock.now())


async def cards(*, today: date, settings: Settings) -> int:
    """The scheduled job: a yellow card on the due day (its last working day), a red card once it has
    passed; each card once, the handlers (and for red the hall's supervisors) told."""
    shown = 0
    for row in await Rectification.filter(status__in=list(OPEN), due_date__lte=today).order_by("id"):
        card = "red" if row.due_date < today else "yellow"
        if row.card == card:
            continue
        item, number, case_id = await _what(row)
        async with in_transaction() as conn:
            n = await Rectification.filter(id=row.id, status__in=list(OPEN)).filter(card=row.card) \
                .using_db(conn).update(card=card)
            if not n:
                continue
            staff = [row.handled_by_id] if row.handled_by_id else await staff_with_role(
                Role.DEPT_REVIEWER, department_code=row.department_code)
            if card == "red" and row.hall_code:
                staff += [s for s in await staff_with_role(Role.HALL_SUPERVISOR, hall_code=row.hall_code) if s not in staff]
            ids = []
            for sid in dict.fromkeys(staff):
                out = await notify.enqueue(conn, event=f"rectification_{card}", channel=Channel.INBOX,
                                           recipient=notify.Recipient(staff_id=sid), case_id=case_id,
                                           params={"item": item, "case_no": number, "due": row.due_date.isoformat()})
                ids.append(out.id)
        await notify.after_commit(settings, ids)
        shown += 1
    return shown


async def _what(row: Rectification) -> tuple[str, str, int | None]:
    """What a rectification is about: (item or kind of help, case or request number, case id)."""
    if row.case_id is None:
        from server.domain.complaints.assistance import KINDS
        from server.domain.complaints.models import AssistanceRequest

        r = await AssistanceRequest.get(id=row.assistance_request_id)
        return f"帮办代办：{KINDS[r.kind]}", assistance_number(r), None
    case = await Case.get(id=row.case_id)
    return case.item_name, case.number or str(case.id), case.id


@dataclass(frozen=True, slots=True)
class View:
    """A rectification with what its card shows: the case's number and item, the revisit."""

    row: Rectification
    rating: CaseRating
    case_number: str
    item_name: str
    revisit: RatingRevisit | None

    @property
    def needs_revisit(self) -> bool:
        return (self.revisit is None and self.rating.citizen_id is not None and self.rating.channel != "default"
                and self.row.status in ("done", "unable"))


async def views(rows: list[Rectification]) -> list[View]:
    """Batch the cases and revisits of ``rows`` (two queries whatever their number)."""
    from server.domain.complaints.assistance import KINDS
    from server.domain.complaints.models import AssistanceRequest

    case_ids = [r.case_id for r in rows if r.case_id is not None]
    help_ids = [r.assistance_request_id for r in rows if r.assistance_request_id is not None]
    cases = {c.id: c for c in await Case.filter(id__in=case_ids)} if case_ids else {}
    helped = {a.id: a for a in await AssistanceRequest.filter(id__in=help_ids)} if help_ids else {}
    visits = {v.rectification_id: v for v in await RatingRevisit.filter(rectification_id__in=[r.id for r in rows])} \
        if rows else {}

    def about(r: Rectification) -> tuple[str, str]:
        if r.case_id is not None:
            return cases[r.case_id].number or str(r.case_id), cases[r.case_id].item_name
        a = helped[r.assistance_request_id]
        return assistance_number(a), f"帮办代办：{KINDS[a.kind]}"

    return [View(r, r.rating, *about(r), visits.get(r.id)) for r in rows]


async def view(actor: Actor, rect_id: int) -> View:
    if not (actor.is_staff and actor.has_any(HANDLERS | SUPERVISORS | {Role.COUNTY_VIEWER})):
        raise DomainError(errors.NOT_ALLOWED, "没有查看差评整改的权限")
    return (await views([await get(actor, rect_id)]))[0]


@dataclass(frozen=True, slots=True)
class Measures:
    """好差评 measures over completed cases (issue 18): a default rating is no person's voice, an
    upheld appeal takes a rating out (kept, marked excluded)."""

    completed: int
    rated_by_people: int
    defaults: int
    bad: int
    excluded: int
    rectifications: int
    rectified_on_time: int
    closed: int
    overdue_open: int  # still open past the due day: late whatever happens next
    real_name_bad: int
    revisited: int

    @property
    def coverage(self) -> float | None:
        return self.rated_by_people / self.completed if self.completed else None

    @property
    def bad_share(self) -> float | None:
        counted = self.rated_by_people - self.excluded
        return self.bad / counted if counted > 0 else None

    @property
    def on_time_rate(self) -> float | None:
        due = self.closed + self.overdue_open
        return self.rectified_on_time / due if due else None

    @property
    def revisit_rate(self) -> float | None:
        return self.revisited / self.real_name_bad if self.real_name_bad else None


async def measures(case_filter: Q, *, progress: Any = None, today: date | None = None,
                   assistance_filter: Q | None = None) -> Measures:
    """The measures over the cases ``case_filter`` selects (a caller's scope, or everything), and the
    assistance requests ``assistance_filter`` selects (帮办代办, confirmed ones count as completed)."""
    from server.domain.cases.states import RATEABLE

    def step(what: str) -> None:
        if progress is not None:
            progress(what)

    scoped = Subquery(Case.filter(case_filter).values("id"))
    step("办结办件")
    completed = await Case.filter(case_filter, status__in=list(RATEABLE), bundle_id=None).count()
    ratings = CaseRating.filter(case_id__in=scoped, bundle_id=None)
    step("评价")
    people = await ratings.exclude(channel="default").count()
    defaults = await ratings.filter(channel="default").count()
    bad = await ratings.exclude(channel="default").filter(level__lte=2, excluded=False).count()
    excluded = await ratings.filter(excluded=True).count()
    step("差评整改")
    rects = Rectification.filter(case_id__in=Subquery(Case.filter(case_filter).values("id")))
    total = await rects.count()
    closed_rows = await rects.filter(status__in=["done", "unable"]).values("due_date", "finished_at")
    on_time = sum(1 for r in closed_rows if r["finished_at"] and calendar.local_date(r["finished_at"]) <= r["due_date"])
    overdue = await rects.filter(status__in=list(OPEN), due_date__lt=today or clock.today()).count()
    step("回访")
    real_name = await CaseRating.filter(case_id__in=Subquery(Case.filter(case_filter).values("id")), level__lte=2,
                                        excluded=False, citizen_id__not_isnull=True).exclude(channel="default").count()
    revisited = await RatingRevisit.filter(
        rectification__case_id__in=Subquery(Case.filter(case_filter).values("id"))).count()
    m = Measures(completed, people, defaults, bad, excluded, total, on_time, len(closed_rows), overdue, real_name,
                 revisited)
    if assistance_filter is not None:
        step("帮办代办")
        m = _add(m, await _assistance_measures(assistance_filter, today or clock.today()))
    return m


def _add(a: Measures, b: Measures) -> Measures:
    return Measures(*(x + y for x, y in zip(dataclasses.astuple(a), dataclasses.astuple(b), strict=True)))


async def _assistance_measures(flt: Q, today: date) -> Measures:
    """The same measures over assistance requests: confirmed ones are the completed; no default rating."""
    from server.domain.complaints.assistance import CONFIRMED
    from server.domain.complaints.models import AssistanceRequest

    ids = Subquery(AssistanceRequest.filter(flt).values("id"))
    completed = await AssistanceRequest.filter(flt, status=CONFIRMED).count()
    ratings = CaseRating.filter(assistance_request_id__in=ids)
    people = await ratings.exclude(channel="default").count()
    bad = await ratings.exclude(channel="default").filter(level__lte=2, excluded=False).count()
    excluded = await ratings.filter(excluded=True).count()
    rects = Rectification.filter(assistance_request_id__in=ids)
    total = await rects.count()
    closed_rows = await rects.filter(status__in=["done", "unable"]).values("due_date", "finished_at")
    on_time = sum(1 for r in closed_rows if r["finished_at"] and calendar.local_date(r["finished_at"]) <= r["due_date"])
    overdue = await rects.filter(status__in=list(OPEN), due_date__lt=today).count()
    real_name = await ratings.filter(level__lte=2, excluded=False, citizen_id__not_isnull=True).exclude(
        channel="default").count()
    revisited = await RatingRevisit.filter(rectification__assistance_request_id__in=ids).count()
    return Measures(completed, people, 0, bad, excluded, total, on_time, len(closed_rows), overdue, real_name, revisited)


async def measures_for(actor: Actor) -> Measures:
    if not (actor.is_staff and actor.has_any(HANDLERS | SUPERVISORS | {Role.COUNTY_VIEWER})):
        raise DomainError(errors.NOT_ALLOWED, "没有查看好差评统计的权限")
    from server.domain.complaints.assistance import staff_scope

    return await measures(await case_scope(actor), assistance_filter=staff_scope(actor))


async def ratings_listing(*, actor: Actor, bad_only: bool = False, limit: int = 50,
                          offset: int = 0) -> tuple[list[tuple[CaseRating, str, str]], int]:
    """Ratings of the cases the caller sees, newest first, with each case's number and item."""
    if not (actor.is_staff and actor.has_any(HANDLERS | SUPERVISORS | {Role.COUNTY_VIEWER})):
        raise DomainError(errors.NOT_ALLOWED, "没有查看评价的权限")
    qs = CaseRating.filter(case_id__in=Subquery(Case.filter(await case_scope(actor)).values("id")))
    if bad_only:
        qs = qs.filter(level__lte=2).exclude(channel="default")
    total = await qs.count()
    rows = await qs.order_by("-rated_at", "-id").offset(offset).limit(min(limit, 200))
    cases = {c.id: c for c in await Case.filter(id__in=[r.case_id for r in rows])} if rows else {}
    return [(r, cases[r.case_id].number or str(r.case_id), cases[r.case_id].item_name) for r in rows], total
