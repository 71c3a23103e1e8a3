"""吐槽找茬: complaints about a hall, a window, a department, a staff member or a case (issue 18).

Anyone complains: a signed-in citizen (the complaint is theirs, listed in ``myComplaints``) or
anybody without signing in (given a number and a query code to follow it, guarded per number like
``trackCase``); the 12345 hotline imports its work orders through a ``hotline`` API key
(idempotent by the hotline's own number).

The flow, as the provincial complaint line runs it (:data:`MOVES`)::

    accepted ─assign(转办)→ assigned ─handle→ handled ─answer→ answered ─revisit(满意)→ revisited ─close→ closed
                                ↑                                    │
                                └──── redo (不满意, 第一次: 重办) ────────┤
                                      supervise (不满意, 重办之后: 督办单) ┘

A complaint is due ``complaint_days`` working days (15) after it is made, in its region's calendar;
one extension adds ``complaint_extension_days`` (7). A redo or a 督办单 keeps the deadline (the answer
is late already or not); the measure "answered on time" counts the first answer.

The daily job :func:`complaint_cards` gives a yellow card on the working day before the deadline
and a red card on the first working day after it, once each, to the handler and the supervisors of
the hall (or the region's administrators when no hall is named).

Who sees what: the complainant sees everything of theirs (signed in, or with number and query code);
staff in scope (the hall's supervisors, the region's administrators and county viewers, the
department's handlers) see the complaint with the complainant's name and phone masked.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts.identifiers import check_phone, mask_name, mask_phone
from server.domain.accounts.models import StaffUser
from server.domain.accounts.ratelimit import SlidingWindowLimiter
from server.domain.accounts.roles import Actor, Role
from server.domain.calendar import service as calendar_service
from server.domain.cases.apply import query_code as new_query_code
from server.domain.cases.flow import staff_with_role
from server.domain.cases.models import Case, Upload
from server.domain.catalog.models import Department, Hall, Region, Window
from server.domain.complaints import errors
from server.domain.complaints.models import Complaint, ComplaintEvent
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

log = logging.getLogger("liaoyi.complaints")

ACCEPTED, ASSIGNED, HANDLED, ANSWERED, REVISITED, CLOSED = (
    "accepted", "assigned", "handled", "answered", "revisited", "closed")
STATUSES = (ACCEPTED, ASSIGNED, HANDLED, ANSWERED, REVISITED, CLOSED)
OPEN = (ACCEPTED, ASSIGNED, HANDLED)  # not answered yet: on the clock
TARGET_KINDS = ("hall", "window", "department", "staff", "case")
CATEGORIES = {
    "attitude": "服务态度", "efficiency": "办事效率", "conduct": "工作纪律（吃拿卡要、推诿扯皮）",
    "rules": "办事规定与材料", "environment": "大厅环境与设施", "online": "网上办事", "other": "其他",
}
# action: (the states it leaves from, the state it reaches)
MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    "accept": ((), ACCEPTED),
    "assign": ((ACCEPTED, ASSIGNED), ASSIGNED),
    "extend": ((ACCEPTED, ASSIGNED, HANDLED), ""),  # the state stays
    "handle": ((ASSIGNED,), HANDLED),
    "answer": ((HANDLED,), ANSWERED),
    "revisit": ((ANSWERED,), REVISITED),
    "redo": ((ANSWERED,), ASSIGNED),
    "supervise": ((ANSWERED,), ASSIGNED),
    "close": ((REVISITED,), CLOSED),
}
SUPERVISORS = frozenset({Role.HALL_SUPERVISOR, Role.CITY_ADMIN})
READERS = frozenset({Role.HALL_SUPERVISOR, Role.CITY_ADMIN, Role.COUNTY_VIEWER, Role.DEPT_REVIEWER})
MAX_CONTENT = 2000
MAX_NOTE = 1000
MAX_ATTACHMENTS = 9
MAX_LIST = 200
_anonymous: dict[int, SlidingWindowLimiter] = {}  # per limit: anonymous complaints per client address and hour


def _anonymous_hit(settings: Settings, client: str) -> None:
    limit = max(1, settings.complaint_anonymous_per_hour)
    limiter = _anonymous.setdefault(limit, SlidingWindowLimiter(limit, 3600.0))
    decision = limiter.hit(f"complaint:{client or '?'}")
    if not decision.allowed:
        minutes = max(1, decision.retry_after_seconds // 60)
        raise DomainError(errors.RATE_LIMITED, f"本网络匿名投诉过于频繁，请 {minutes} 分钟后再试，或登录后投诉")


@dataclass(frozen=True, slots=True)
class Target:
    kind: str
    ref: str
    label: str
    region: Region
    hall_code: str | None
    department_code: str | None


@dataclass(frozen=True, slots=True)
class ComplaintView:
    """A complaint as one reader may see it: ``full`` for the complainant, masked for staff."""

    complaint: Complaint
    full: bool
    events: list[ComplaintEvent]

    @property
    def contact_name(self) -> str | None:
        c = self.complaint.contact_name or None
        return c if self.full else mask_name(c)

    @property
    def contact_phone(self) -> str | None:
        p = self.complaint.contact_phone or None
        return p if self.full else mask_phone(p)


def _text(value: str | None, *, field: str, what: str, limit: int, required: bool = True) -> str:
    text = (value or "").strip()
    if required and len(text) < 2:
        raise DomainError(errors.INVALID, f"请填写{what}", [field])
    if len(text) > limit:
        raise DomainError(errors.INVALID, f"{what}最多 {limit} 字", [field])
    return text


async def _region(code: str) -> Region:
    region = await Region.get_or_none(code=code)
    if region is None:
        raise DomainError(errors.NOT_FOUND, f"区划 {code} 不存在", ["targetCode"])
    return region


REF_WIDTH = {"hall": 24, "department": 24, "staff": 64, "case": 32, "window": 33}
"""The longest code of each kind of target (its column): a longer one is no target at all."""


async def resolve_target(kind: str, ref: str) -> Target:
    """What the complaint is about, and so where it belongs (its region, hall and department)."""
    ref = (ref or "").strip()
    if kind not in TARGET_KINDS:
        raise DomainError(errors.INVALID, "投诉对象类别无效", ["targetKind"])
    if not ref or len(ref) > 40:
        raise DomainError(errors.INVALID, "请填写投诉对象", ["targetCode"])
    missing = DomainError(errors.NOT_FOUND, "投诉对象不存在，请核对后重新填写", ["targetCode"])
    hall_part, _, window_part = ref.rpartition("/")
    if len(ref) > REF_WIDTH.get(kind, 40) or (kind == "window" and (len(hall_part) > 24 or len(window_part) > 8)):
        raise missing  # longer than any such code: never a lookup (the column would refuse it)
    if kind == "hall":
        hall = await Hall.get_or_none(code=ref)
        if hall is None:
            raise missing
        return Target(kind, ref, hall.name, await _region(hall.region_id), hall.code, None)
    if kind == "window":
        hall_code, _, number = ref.rpartition("/")
        window = await Window.get_or_none(hall_id=hall_code, number=number).select_related("hall") if hall_code else None
        if window is None:
            raise missing
        codes = list(window.department_codes or [])
        return Target(kind, ref, f"{window.hall.name} {window.number} 号窗口（{window.name}）",
                      await _region(window.hall.region_id), hall_code, codes[0] if len(codes) == 1 else None)
    if kind == "department":
        dept = await Department.get_or_none(code=ref)
        if dept is None:
            raise missing
        return Target(kind, ref, dept.name, await _region(dept.region_id), None, dept.code)
    if kind == "staff":
        staff = await StaffUser.get_or_none(username=ref, is_active=True)
        if staff is None or staff.region_id is None:
            raise missing
        return Target(kind, ref, f"工作人员 {staff.username}", await _region(staff.region_id), staff.hall_id,
                      staff.department_id)
    case = await Case.get_or_none(number=ref)
    if case is None:
        raise missing
    return Target(kind, ref, f"办件 {case.number}（{case.item_name}）", await _region(case.region_code), case.hall_code,
                  case.department_code)


async def _deadline(region: str, start: date, days: int) -> date:
    return (await calendar_service.add_working_days(region_path_or_code=region, start=start, days=days)).deadline


async def _new_number(today: date) -> str:
    return f"TS{today:%Y%m%d}{secrets.randbelow(10**6):06d}"


async def submit(*, actor: Actor, settings: Settings, target_kind: str, target_code: str, category: str,
                 content: str, contact_name: str = "", contact_phone: str = "", attachment_ids: list[int] | None = None,
                 hotline_ref: str | None = None, client: str = "") -> Complaint:
    """Record a complaint: a citizen's own, an anonymous one (the number and query code are its key),
    or a hotline work order (``hotline_ref``, through a hotline API key; the same order twice gives
    the complaint it gave the first time)."""
    if hotline_ref is not None:
        if actor.partner_kind != "hotline" or actor.api_key_id is None:
            raise DomainError(errors.NOT_ALLOWED, "只有 12345 热线系统的 API 密钥可以导入热线工单")
        hotline_ref = _text(hotline_ref, field="hotlineRef", what="热线工单号", limit=40)
        known = await Complaint.get_or_none(hotline_ref=hotline_ref)
        if known is not None:
            return known
    elif actor.is_staff or actor.is_partner:
        raise DomainError(errors.NOT_ALLOWED, "投诉由办事群众提交（登录或匿名）；热线工单通过热线系统导入")
    if category not in CATEGORIES:
        raise DomainError(errors.INVALID, "投诉类别无效", ["category"])
    text = _text(content, field="content", what="投诉内容", limit=MAX_CONTENT)
    name = _text(contact_name, field="contactName", what="联系人姓名", limit=32, required=False)
    phone = check_phone(contact_phone, "contactPhone") if (contact_phone or "").strip() else ""
    ids = sorted(set(attachment_ids or []))
    if len(ids) > MAX_ATTACHMENTS:
        raise DomainError(errors.INVALID, f"附件最多 {MAX_ATTACHMENTS} 个", ["attachmentIds"])
    if ids:
        if not actor.is_citizen:
            raise DomainError(errors.INVALID, "匿名投诉不能附带附件；登录后可上传附件", ["attachmentIds"])
        owned = await Upload.filter(id__in=ids, owner_citizen_id=actor.citizen_id).count()
        if owned != len(ids):
            raise DomainError(errors.NOT_FOUND, "附件不存在或不是您上传的", ["attachmentIds"])
    target = await resolve_target(target_kind, target_code)
    if hotline_ref is None and not actor.is_citizen:
        _anonymous_hit(settings, client)
    now = clock.now()
    deadline = await _deadline(target.region.code, now.date(), settings.complaint_days)
    for _ in range(5):
        try:
            async with in_transaction() as conn:
                row = await Complaint.create(
                    number=await _new_number(now.date()), query_code=new_query_code(), citizen_id=actor.citizen_id,
                    contact_name=name, contact_phone=phone, channel="hotline" if hotline_ref else "app",
                    hotline_ref=hotline_ref, target_kind=target.kind, target_ref=target.ref,
                    target_label=target.label, category=category, content=text, attachment_ids=ids,
                    region_code=target.region.code, region_path=target.region.path, hall_code=target.hall_code,
                    department_code=target.department_code, status=ACCEPTED, deadline=deadline, using_db=conn,
                )
                await ComplaintEvent.create(complaint_id=row.id, action="accept", to_status=ACCEPTED,
                                            actor_kind=actor.kind, actor_id=actor.user_id or actor.citizen_id,
                                            note="热线导入" if hotline_ref else "", using_db=conn)
            break
        except IntegrityError:
            if hotline_ref is not None:
                known = await Complaint.get_or_none(hotline_ref=hotline_ref)
                if known is not None:
                    return known
    else:  # pragma: no cover - six random digits colliding five times
        raise DomainError(errors.INVALID, "投诉编号生成失败，请重试")
    await _tell_supervisors(row, settings, "staff_complaint_received", {})
    log.info("complaint %s accepted (%s)", row.number, row.channel, extra={"complaint": row.number})
    return row


# ---------------------------------------------------------------- who may act, who may read


def _supervises(actor: Actor, c: Complaint) -> bool:
    if Role.CITY_ADMIN in actor.roles and actor.covers(c.region_path):
        return True
    if Role.HALL_SUPERVISOR in actor.roles:
        if c.hall_code is not None:
            return actor.hall_code == c.hall_code
        return actor.region_code == c.region_code  # no hall named: the region's own supervisors
    return False


def _reads(actor: Actor, c: Complaint) -> bool:
    if _supervises(actor, c):
        return True
    if Role.COUNTY_VIEWER in actor.roles and actor.covers(c.region_path):
        return True
    if Role.DEPT_REVIEWER in actor.roles and (c.handler_id == actor.user_id or (
            c.department_code is not None and c.department_code == actor.department_code)):
        return True
    return False


def _staff_scope(actor: Actor) -> Q | None:
    """The complaints a staff member may list, or None."""
    parts: list[Q] = []
    if actor.has_any({Role.CITY_ADMIN, Role.COUNTY_VIEWER}) and actor.region_path:
        parts.append(Q(region_path__startswith=actor.region_path))
    if Role.HALL_SUPERVISOR in actor.roles:
        if actor.hall_code:
            parts.append(Q(hall_code=actor.hall_code))
        if actor.region_code:
            parts.append(Q(hall_code__isnull=True, region_code=actor.region_code))
    if Role.DEPT_REVIEWER in actor.roles:
        parts.append(Q(handler_id=actor.user_id))
        if actor.department_code:
            parts.append(Q(department_code=actor.department_code))
    if not parts:
        return None
    out = parts[0]
    for p in parts[1:]:
        out = out | p
    return out


async def _events(c: Complaint) -> list[ComplaintEvent]:
    return list(await ComplaintEvent.filter(complaint_id=c.id).order_by("id"))


async def _get(complaint_id: int) -> Complaint:
    c = await Complaint.get_or_none(id=complaint_id)
    if c is None:
        raise DomainError(errors.NOT_FOUND, "投诉不存在", ["complaintId"])
    return c


async def view(actor: Actor, c: Complaint) -> ComplaintView:
    return ComplaintView(complaint=c, full=actor.is_citizen and c.citizen_id == actor.citizen_id,
                         events=await _events(c))


async def complaints_by_ids(*, actor: Actor, ids: list[int]) -> dict[int, ComplaintView]:
    """For ``node(id:)``: the citizen's own, and the complaints a staff member's scope covers."""
    if not ids:
        return {}
    out: dict[int, ComplaintView] = {}
    for c in await Complaint.filter(id__in=ids):
        mine = actor.is_citizen and c.citizen_id == actor.citizen_id
        if mine or (actor.is_staff and _reads(actor, c)):
            out[c.id] = await view(actor, c)
    return out


async def my_complaints(*, actor: Actor) -> list[ComplaintView]:
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "请先登录个人账号")
    rows = await Complaint.filter(citizen_id=actor.citizen_id).order_by("-id").limit(MAX_LIST)
    return [await view(actor, c) for c in rows]


async def track(*, number: str, query_code: str, settings: Settings) -> ComplaintView | None:
    """Follow a complaint by its number and query code, whoever asks (the complainant's own view):
    guarded per number as case tracking is (wrong codes lock the number for a while)."""
    from server.domain.cases import tracking

    n = (number or "").strip().upper()
    code = (query_code or "").strip().upper()

    async def find() -> Complaint | None:
        c = await Complaint.get_or_none(number=n) if n else None
        return c if c is not None and code and hmac.compare_digest(c.query_code, code) else None

    found = await tracking.guarded(n, settings, find)
    if found is None:
        return None
    return ComplaintView(complaint=found, full=True, events=await _events(found))


async def complaint_queue(*, actor: Actor, status: str | None = None, mine_only: bool = False,
                          today: date | None = None) -> list[ComplaintView]:
    """The complaints a staff member's scope covers (a handler: ``mine_only``, theirs), the nearest
    deadline first."""
    scope = _staff_scope(actor) if actor.is_staff else None
    if scope is None:
        raise DomainError(errors.NOT_ALLOWED, "只有大厅负责人、管理员、县级查询员和部门承办人员可以查看投诉")
    qs = Complaint.filter(scope)
    if mine_only:
        qs = qs.filter(handler_id=actor.user_id)
    if status is not None:
        if status not in STATUSES:
            raise DomainError(errors.INVALID, "状态无效", ["status"])
        qs = qs.filter(status=status)
    rows = await qs.order_by("deadline", "id").limit(MAX_LIST)
    events: dict[int, list[ComplaintEvent]] = {c.id: [] for c in rows}
    for e in await ComplaintEvent.filter(complaint_id__in=list(events)).order_by("id") if rows else []:
        events[e.complaint_id].append(e)
    return [ComplaintView(complaint=c, full=False, events=events[c.id]) for c in rows]


def card(c: Complaint, today: date) -> str | None:
    """The card shown on the board: red once the deadline has passed unanswered, yellow on its last
    working day or the one before (as sent by the job), else none."""
    if c.status not in OPEN:
        return None
    if c.red_at is not None or today > c.deadline:
        return "red"
    if c.yellow_at is not None or today == c.deadline:
        return "yellow"
    return None


# ---------------------------------------------------------------- the moves


async def _move(c: Complaint, action: str, actor: Actor, *, note: str = "", **changes: Any) -> Complaint:
    sources, target = MOVES[action]
    if c.status not in sources:
        raise DomainError(errors.INVALID_STATE, f"投诉当前为“{STATUS_LABELS[c.status]}”，不能{ACTION_LABELS[action]}")
    to = target or c.status
    async with in_transaction() as conn:
        won = await Complaint.filter(id=c.id, status=c.status).using_db(conn).update(status=to, **changes)
        if won != 1:
            raise DomainError(errors.INVALID_STATE, "投诉已被他人处理，请刷新后重试")
        await ComplaintEvent.create(complaint_id=c.id, action=action, from_status=c.status, to_status=to,
                                    actor_kind=actor.kind, actor_id=actor.user_id or actor.citizen_id, note=note,
                                    using_db=conn)
    return await Complaint.get(id=c.id)


STATUS_LABELS = {ACCEPTED: "已受理", ASSIGNED: "已转办", HANDLED: "已办理", ANSWERED: "已答复", REVISITED: "已回访",
                 CLOSED: "已办结"}
ACTION_LABELS = {"accept": "受理", "assign": "转办", "extend": "延期", "handle": "办理", "answer": "答复",
                 "revisit": "回访", "redo": "重办", "supervise": "督办", "close": "办结"}


def _may_supervise(actor: Actor) -> None:
    if not (actor.is_staff and actor.has_any(SUPERVISORS)):
        raise DomainError(errors.NOT_ALLOWED, "只有大厅负责人或区划管理员可以转办、回访、办结投诉")


def _may_handle(actor: Actor) -> None:
    if not (actor.is_staff and Role.DEPT_REVIEWER in actor.roles):
        raise DomainError(errors.NOT_ALLOWED, "只有部门承办人员可以办理、答复投诉")


def _must_supervise(actor: Actor, c: Complaint) -> None:
    if not (actor.is_staff and _supervises(actor, c)):
        raise DomainError(errors.NOT_ALLOWED, "只有所属大厅负责人或区划管理员可以转办、回访、办结投诉")


def _must_handle(actor: Actor, c: Complaint) -> None:
    if not (actor.is_staff and c.handler_id == actor.user_id):
        raise DomainError(errors.NOT_ALLOWED, "只有转办给您的投诉可以由您办理、答复")


async def assign(*, actor: Actor, settings: Settings, complaint_id: int, handler_username: str,
                 note: str = "") -> Complaint:
    """转办: the supervisor hands the complaint to a handler of a department (a reviewer of it in the
    complaint's region or below). Reassigning before handling is allowed."""
    _may_supervise(actor)
    c = await _get(complaint_id)
    _must_supervise(actor, c)
    handler = await StaffUser.get_or_none(username=(handler_username or "").strip(), is_active=True)
    if handler is None or Role.DEPT_REVIEWER.value not in (handler.roles or []) or handler.department_id is None:
        raise DomainError(errors.NOT_FOUND, "承办人不存在，或不是部门承办人员", ["handlerUsername"])
    paths = await Region.filter(code=handler.region_id).values_list("path", flat=True)
    if not paths or not (str(paths[0]).startswith(c.region_path) or c.region_path.startswith(str(paths[0]))):
        raise DomainError(errors.INVALID, "承办人不在投诉所属区划", ["handlerUsername"])
    text = _text(note, field="note", what="转办意见", limit=MAX_NOTE, required=False)
    moved = await _move(c, "assign", actor, note=text, handler_id=handler.id, department_code=handler.department_id)
    await _tell_staff([handler.id], moved, settings, "staff_complaint_assigned", {})
    return moved


async def extend(*, actor: Actor, settings: Settings, complaint_id: int, reason: str) -> Complaint:
    """The one extension (``complaint_extension_days`` working days), by the handler or the supervisor."""
    if not (actor.is_staff and actor.has_any(SUPERVISORS | {Role.DEPT_REVIEWER})):
        raise DomainError(errors.NOT_ALLOWED, "只有承办人或大厅负责人可以申请延期")
    c = await _get(complaint_id)
    if not (c.handler_id == actor.user_id or _supervises(actor, c)):
        raise DomainError(errors.NOT_ALLOWED, "只有承办人或大厅负责人可以申请延期")
    if c.extended:
        raise DomainError(errors.INVALID_STATE, "投诉只能延期一次")
    text = _text(reason, field="reason", what="延期理由", limit=MAX_NOTE)
    deadline = await _deadline(c.region_code, c.deadline, settings.complaint_extension_days)
    return await _move(c, "extend", actor, note=text, extended=True, extension_reason=text, deadline=deadline,
                       yellow_at=None, red_at=None)


async def handle(*, actor: Actor, complaint_id: int, note: str) -> Complaint:
    _may_handle(actor)
    c = await _get(complaint_id)
    _must_handle(actor, c)
    text = _text(note, field="note", what="办理情况", limit=MAX_NOTE)
    return await _move(c, "handle", actor, note=text, handling_note=text)


async def answer(*, actor: Actor, settings: Settings, complaint_id: int, answer: str) -> Complaint:
    """The handler's answer to the complainant (told in their inbox when signed in, by SMS when a
    phone was left)."""
    _may_handle(actor)
    c = await _get(complaint_id)
    _must_handle(actor, c)
    text = _text(answer, field="answer", what="答复内容", limit=MAX_NOTE)
    now = clock.utcnow()
    moved = await _move(c, "answer", actor, note=text, answer=text, answered_at=now,
                        first_answered_at=c.first_answered_at or now)
    await _tell_complainant(moved, settings)
    return moved


async def revisit(*, actor: Actor, settings: Settings, complaint_id: int | None = None, satisfied: bool,
                  note: str = "", number: str | None = None, query_code: str | None = None) -> Complaint:
    """回访: the complainant's satisfaction with the answer, recorded by the supervisor (who called)
    or given by the complainant (signed in, or with number and query code). Satisfied: revisited.
    Not satisfied: redone (重办) the first time, a 督办单 after a redo; after a 督办单 the complaint is
    revisited whatever the answer."""
    if number is not None:
        found = await track(number=number, query_code=query_code or "", settings=settings)
        if found is None:
            raise DomainError(errors.NOT_FOUND, "投诉编号或查询码不正确", ["queryCode"])
        c = found.complaint
    else:
        if not (actor.is_citizen or (actor.is_staff and actor.has_any(SUPERVISORS))):
            raise DomainError(errors.NOT_ALLOWED, "回访由大厅负责人记录，或由投诉人本人表态")
        if complaint_id is None:
            raise DomainError(errors.INVALID, "请指定投诉", ["complaintId"])
        c = await _get(complaint_id)
        own = actor.is_citizen and c.citizen_id == actor.citizen_id
        if not own:
            _must_supervise(actor, c)
    text = _text(note, field="note", what="回访记录", limit=MAX_NOTE, required=False)
    if satisfied or c.supervised:
        return await _move(c, "revisit", actor, note=text, satisfied=satisfied, revisit_note=text)
    if c.redo_count == 0:
        moved = await _move(c, "redo", actor, note=text, satisfied=False, revisit_note=text, redo_count=1)
        if moved.handler_id is not None:
            await _tell_staff([moved.handler_id], moved, settings, "staff_complaint_redo", {})
        return moved
    sup_note = f"重办后仍不满意，督办：{text}" if text else "重办后仍不满意，督办"
    moved = await _move(c, "supervise", actor, note=sup_note, satisfied=False, revisit_note=text, supervised=True,
                        supervision_note=sup_note)
    ids = [moved.handler_id] if moved.handler_id is not None else []
    await _tell_staff(ids, moved, settings, "staff_complaint_supervised", {})
    await _tell_supervisors(moved, settings, "staff_complaint_supervised", {})
    return moved


async def close(*, actor: Actor, complaint_id: int, note: str = "") -> Complaint:
    _may_supervise(actor)
    c = await _get(complaint_id)
    _must_supervise(actor, c)
    text = _text(note, field="note", what="办结意见", limit=MAX_NOTE, required=False)
    return await _move(c, "close", actor, note=text, closed_at=clock.utcnow())


# ---------------------------------------------------------------- telling people


def _params(c: Complaint) -> dict[str, str]:
    return {"number": c.number, "target": c.target_label, "deadline": c.deadline.isoformat(),
            "category": CATEGORIES.get(c.category, c.category)}


async def _tell_staff(staff_ids: list[int], c: Complaint, settings: Settings, event: str,
                      extra: dict[str, str]) -> None:
    if not staff_ids:
        return
    ids = []
    async with in_transaction() as conn:
        for sid in dict.fromkeys(staff_ids):
            row = await notify.enqueue(conn, event=event, channel=Channel.INBOX,
                                       recipient=notify.Recipient(staff_id=sid), params={**_params(c), **extra})
            ids.append(row.id)
    await notify.after_commit(settings, ids)


async def supervisor_ids(c: Complaint) -> list[int]:
    if c.hall_code is not None:
        found = await staff_with_role(Role.HALL_SUPERVISOR, hall_code=c.hall_code)
        if found:
            return found
    rows = await StaffUser.filter(
        is_active=True, region_id=c.region_code, role_tags__contains=f"|{Role.CITY_ADMIN.value}|",
    ).order_by("id").limit(20).values("id")
    return [int(r["id"]) for r in rows]


async def _tell_supervisors(c: Complaint, settings: Settings, event: str, extra: dict[str, str]) -> None:
    await _tell_staff(await supervisor_ids(c), c, settings, event, extra)


async def _tell_complainant(c: Complaint, settings: Settings) -> None:
    ids = []
    async with in_transaction() as conn:
        if c.citizen_id is not None:
            row = await notify.enqueue(conn, event="complaint_answered", channel=Channel.INBOX,
                                       recipient=notify.Recipient(citizen_id=c.citizen_id), params=_params(c))
            ids.append(row.id)
        if c.contact_phone:
            row = await notify.enqueue(conn, event="complaint_answered", channel=Channel.SMS,
                                       recipient=notify.Recipient(phone=c.contact_phone), params=_params(c))
            ids.append(row.id)
    await notify.after_commit(settings, ids)


# ---------------------------------------------------------------- the cards (a daily job)


async def complaint_cards(*, today: date, settings: Settings) -> dict[str, int]:
    """Yellow and red cards for unanswered complaints, once each: yellow on the working day before
    the deadline, red on the first working day after it (the job runs every day; a card due on a
    day off waits for the next working day). Sent to the handler and the supervisors."""
    sent = {"yellow": 0, "red": 0}
    rows = await Complaint.filter(Q(yellow_at__isnull=True) | Q(red_at__isnull=True), status__in=OPEN)
    working: dict[str, bool] = {}
    for c in rows:
        if c.region_code not in working:
            working[c.region_code] = await calendar_service.is_working_day(region=c.region_code, day=today)
        if not working[c.region_code]:
            continue
        if c.red_at is None and today > c.deadline:
            kind, column = "red", "red_at"
        elif c.yellow_at is None and today < c.deadline and await _deadline(c.region_code, today, 1) >= c.deadline:
            kind, column = "yellow", "yellow_at"
        else:
            continue
        won = await Complaint.filter(id=c.id, status__in=OPEN, **{f"{column}__isnull": True}).update(
            **{column: clock.utcnow()})
        if won != 1:
            continue
        sent[kind] += 1
        who = [c.handler_id] if c.handler_id is not None else []
        event = "staff_complaint_yellow_card" if kind == "yellow" else "staff_complaint_red_card"
        await _tell_staff(who + await supervisor_ids(c), c, settings, event, {})
    return sent


# ---------------------------------------------------------------- measures


@dataclass(frozen=True, slots=True)
class OnTime:
    total: int
    answered: int
    on_time: int

    @property
    def share(self) -> float:
        return self.on_time / self.answered if self.answered else 0.0


async def answered_on_time(*, since: datetime | None = None, until: datetime | None = None) -> OnTime:
    """Complaints made in [since, until): how many were answered, and how many of those by their
    deadline (the first answer counts)."""
    qs = Complaint.all()
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    if until is not None:
        qs = qs.filter(created_at__lt=until)
    total = answered = on_time = 0
    for deadline, first in await qs.values_list("deadline", "first_answered_at"):
        total += 1
        if first is not None:
            answered += 1
            if clock.china(first).date() <= deadline:
                on_time += 1
    return OnTime(total=total, answered=answered, on_time=on_time)

