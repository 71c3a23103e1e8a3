"""帮办代办: a person or an enterprise asks a hall for help (issue 18).

Kinds: an appointment (预约办), extended-hours or weekend service (延时、周末办), door-to-door (上门办),
remote by video (远程视频办), or full assistance for a complex start-up (全程帮办). The hall's
supervisor (or the region's administrator) assigns an assistance agent; the agent acts under a
mandate of today's kind (:mod:`server.domain.accounts.mandates`): one in force for the agent and the
person (or enterprise) is reused, otherwise one for all items for ``MANDATE_DAYS`` is recorded.
The agent records each contact and visit; the request closes when the person confirms it
(or they cancel it before).

    requested ─assign→ assigned ─confirm→ confirmed ─rate→ (rated like a case: one rating, a bad
        │                 │                               one opens a rectification for the hall)
        └────────┴──cancel (the person)──→ cancelled
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts import mandates
from server.domain.accounts.identifiers import mask_name
from server.domain.accounts.models import Citizen, Enterprise, EnterpriseOperator, Mandate, StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.cases.flow import staff_with_role
from server.domain.catalog.models import Hall, Region
from server.domain.complaints import errors
from server.domain.complaints.models import AssistanceContact, AssistanceRequest
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

KINDS = {
    "appointment": "预约办理", "extended_hours": "延时服务", "weekend": "周末服务", "door_to_door": "上门服务",
    "remote": "远程视频帮办", "startup": "企业开办全程帮办",
}
CONTACT_KINDS = {"phone": "电话联系", "video": "视频连线", "visit": "上门走访", "hall": "大厅陪同办理"}
REQUESTED, ASSIGNED, CONFIRMED, CANCELLED = "requested", "assigned", "confirmed", "cancelled"
STATUSES = (REQUESTED, ASSIGNED, CONFIRMED, CANCELLED)
MANDATE_DAYS = 30
MAX_TEXT = 1000
MAX_LIST = 200


@dataclass(frozen=True, slots=True)
class RequestView:
    request: AssistanceRequest
    requester_name: str | None  # masked for staff
    agent_name: str | None
    contacts: list[AssistanceContact]
    rating: Any = None  # its CaseRating (好差评), once rated

    @property
    def number(self) -> str:
        return number_of(self.request)


def number_of(r: AssistanceRequest) -> str:
    return f"BB{clock.china(r.created_at):%Y%m%d}{r.id:06d}"


def _text(value: str | None, *, field: str, what: str, required: bool = True) -> str:
    text = (value or "").strip()
    if required and len(text) < 2:
        raise DomainError(errors.INVALID, f"请填写{what}", [field])
    if len(text) > MAX_TEXT:
        raise DomainError(errors.INVALID, f"{what}最多 {MAX_TEXT} 字", [field])
    return text


async def _own_citizen(actor: Actor) -> Citizen:
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "请先登录个人账号")
    citizen = await Citizen.get_or_none(id=actor.citizen_id, is_active=True)
    if citizen is None or citizen.verified_at is None:
        raise DomainError(errors.NOT_ALLOWED, "请先完成实名认证再申请帮办代办")
    return citizen


async def request_help(*, actor: Actor, settings: Settings, kind: str, hall_code: str, description: str,
                       enterprise_id: int | None = None, preferred_day: date | None = None,
                       address: str = "") -> AssistanceRequest:
    """A verified citizen asks for help, for themselves or for an enterprise they represent or operate for."""
    citizen = await _own_citizen(actor)
    if kind not in KINDS:
        raise DomainError(errors.INVALID, "帮办类别无效", ["kind"])
    text = _text(description, field="description", what="需要帮助的事项")
    place = (address or "").strip()
    if kind == "door_to_door" and len(place) < 4:
        raise DomainError(errors.INVALID, "上门服务请填写地址", ["address"])
    if len(place) > 128:
        raise DomainError(errors.INVALID, "地址最多 128 字", ["address"])
    if preferred_day is not None and preferred_day < clock.today():
        raise DomainError(errors.INVALID, "希望办理的日期不能早于今天", ["preferredDay"])
    if enterprise_id is not None:
        ours = await Enterprise.filter(Q(legal_rep_id=citizen.id) | Q(
            id__in=await EnterpriseOperator.filter(citizen_id=citizen.id).values_list("enterprise_id", flat=True)),
            id=enterprise_id).exists()
        if not ours:
            raise DomainError(errors.NOT_ALLOWED, "只能为您担任法定代表人或经办人的企业申请", ["enterpriseId"])
    hall = await Hall.get_or_none(code=(hall_code or "").strip())
    if hall is None:
        raise DomainError(errors.NOT_FOUND, "大厅不存在", ["hallCode"])
    region = await Region.get(code=hall.region_id)
    row = await AssistanceRequest.create(
        citizen_id=citizen.id, enterprise_id=enterprise_id, kind=kind, hall_code=hall.code, region_code=region.code,
        region_path=region.path, description=text, preferred_day=preferred_day, address=place, status=REQUESTED,
    )
    await _tell(settings, await staff_with_role(Role.HALL_SUPERVISOR, hall_code=hall.code), None,
                "staff_assistance_requested", row)
    return row


def _supervises(actor: Actor, r: AssistanceRequest) -> bool:
    if not actor.is_staff:
        return False
    if Role.HALL_SUPERVISOR in actor.roles and actor.hall_code == r.hall_code:
        return True
    return Role.CITY_ADMIN in actor.roles and actor.covers(r.region_path)


async def _get(request_id: int) -> AssistanceRequest:
    r = await AssistanceRequest.get_or_none(id=request_id)
    if r is None:
        raise DomainError(errors.NOT_FOUND, "帮办申请不存在", ["requestId"])
    return r


async def _reuse_or_mandate(actor: Actor, r: AssistanceRequest, agent: StaffUser, today: date) -> Mandate:
    principal = ({"principal_enterprise_id": r.enterprise_id} if r.enterprise_id is not None
                 else {"principal_citizen_id": r.citizen_id})
    found = await Mandate.filter(agent_id=agent.id, revoked_at=None, valid_from__lte=today, valid_to__gte=today,
                                 all_items=True, **principal).order_by("-valid_to").first()
    if found is not None:
        return found
    return await mandates.create_mandate(
        actor=actor, agent_id=agent.id, principal_citizen_id=principal.get("principal_citizen_id"),
        principal_enterprise_id=principal.get("principal_enterprise_id"), all_items=True, valid_from=today,
        valid_to=today + timedelta(days=MANDATE_DAYS), note=f"帮办代办申请 {number_of(r)}", today=today,
    )


async def assign(*, actor: Actor, settings: Settings, request_id: int, agent_username: str) -> AssistanceRequest:
    """The hall's supervisor assigns an agent (again, to change the agent) under a mandate."""
    refused = DomainError(errors.NOT_ALLOWED, "只有该大厅的负责人或所在区划的管理员可以指派帮办代办员")
    if not (actor.is_staff and actor.has_any({Role.HALL_SUPERVISOR, Role.CITY_ADMIN})):
        raise refused
    r = await _get(request_id)
    if not _supervises(actor, r):
        raise refused
    if r.status not in (REQUESTED, ASSIGNED):
        raise DomainError(errors.INVALID_STATE, "该申请已办结或已取消")
    agent = await StaffUser.get_or_none(username=(agent_username or "").strip(), is_active=True)
    if agent is None or Role.ASSISTANCE_AGENT.value not in (agent.roles or []):
        raise DomainError(errors.NOT_FOUND, "帮办代办员不存在或已停用", ["agentUsername"])
    mandate = await _reuse_or_mandate(actor, r, agent, clock.today())
    won = await AssistanceRequest.filter(id=r.id, status__in=(REQUESTED, ASSIGNED)).update(
        status=ASSIGNED, agent_id=agent.id, mandate_id=mandate.id, assigned_by_id=actor.user_id,
        assigned_at=clock.utcnow())
    if won != 1:
        raise DomainError(errors.INVALID_STATE, "该申请已办结或已取消")
    r = await _get(r.id)
    await _tell(settings, [agent.id], None, "staff_assistance_assigned", r)
    await _tell(settings, [], r.citizen_id, "assistance_assigned", r, agent=agent.display_name)
    return r


async def record_contact(*, actor: Actor, request_id: int, kind: str, note: str) -> AssistanceRequest:
    """The assigned agent records a contact or a visit; returns the request."""
    if not (actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles):
        raise DomainError(errors.NOT_ALLOWED, "只有指派的帮办代办员可以记录联系和走访")
    r = await _get(request_id)
    if r.agent_id != actor.user_id:
        raise DomainError(errors.NOT_ALLOWED, "只有指派的帮办代办员可以记录联系和走访")
    if r.status != ASSIGNED:
        raise DomainError(errors.INVALID_STATE, "该申请不在帮办中")
    if kind not in CONTACT_KINDS:
        raise DomainError(errors.INVALID, "联系方式无效", ["kind"])
    text = _text(note, field="note", what="联系记录")
    assert actor.user_id is not None
    await AssistanceContact.create(request_id=r.id, kind=kind, note=text, agent_id=actor.user_id)
    return r


async def confirm(*, actor: Actor, request_id: int, comment: str = "") -> AssistanceRequest:
    """The person confirms the help was given: the request closes."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有申请人本人可以确认办结")
    r = await _get(request_id)
    if r.citizen_id != actor.citizen_id:
        raise DomainError(errors.NOT_FOUND, "帮办申请不存在", ["requestId"])
    if r.status != ASSIGNED:
        raise DomainError(errors.INVALID_STATE, "只有帮办中的申请可以确认办结")
    if not await AssistanceContact.filter(request_id=r.id).exists():
        raise DomainError(errors.INVALID_STATE, "帮办代办员尚未记录任何联系或走访，暂不能确认办结")
    text = _text(comment, field="comment", what="评价", required=False)
    await AssistanceRequest.filter(id=r.id, status=ASSIGNED).update(status=CONFIRMED, closed_at=clock.utcnow(),
                                                                     confirm_comment=text)
    return await _get(r.id)


# in-person help is rated on the window set (服务效率, 服务水平, 服务态度), remote help on the online one
ONLINE_KINDS = frozenset({"remote"})


async def rate(*, actor: Actor, settings: Settings, request_id: int, level: int, comment: str = "",
               scores: dict[str, int] | None = None, channel: str = "app") -> AssistanceRequest:
    """好差评 of a confirmed request by the person who asked, as a case is rated: the five levels, the
    national dimension set (versioned), one rating per request whatever the channel (the unique row);
    a bad rating (★1–2) opens its rectification for the hall, in the same transaction."""
    from tortoise.exceptions import IntegrityError

    from server.domain.cases import ratings, rectification
    from server.domain.cases.models import CaseRating

    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有申请人本人可以评价")
    r = await _get(request_id)
    if r.citizen_id != actor.citizen_id:
        raise DomainError(errors.NOT_FOUND, "帮办申请不存在", ["requestId"])
    if r.status != CONFIRMED:
        raise DomainError(errors.INVALID_STATE, "确认办结后才能评价", ["requestId"])
    if channel not in ("app", "web"):
        raise DomainError(errors.INVALID, "评价渠道为 app 或 web", ["channel"])
    if level not in ratings.LEVELS:
        raise DomainError(errors.INVALID, "评价等级应为 1 到 5", ["level"])
    already = DomainError(errors.INVALID_STATE, "该帮办申请已评价过（每次服务只评价一次）", ["requestId"])
    if await CaseRating.exists(assistance_request_id=r.id):
        raise already
    set_name = "online" if r.kind in ONLINE_KINDS else "window"
    given = ratings._scores(level, scores, set_name)
    text = (comment or "").strip()
    if level in ratings.BAD and len(text) < 2:
        raise DomainError(errors.INVALID, "请填写不满意的原因", ["comment"])
    if len(text) > MAX_TEXT:
        raise DomainError(errors.INVALID, f"评价内容最多 {MAX_TEXT} 字", ["comment"])
    due = await rectification.due_in(r.region_code, settings) if level in ratings.BAD else None
    ids: list[int] = []
    try:
        async with in_transaction() as conn:
            row = await CaseRating.create(
                assistance_request_id=r.id, level=level, channel=channel, comment=text, citizen_id=actor.citizen_id,
                department_code="", region_code=r.region_code, hall_code=r.hall_code, rated_at=clock.utcnow(),
                dimension_set=set_name, dimension_version=ratings.CURRENT_VERSION[set_name], scores=given,
                using_db=conn)
            if due is not None:
                _, ids = await rectification.open_for_assistance(conn, row, r, due)
    except IntegrityError:
        raise already from None
    await notify.after_commit(settings, ids)
    return r


def staff_scope(actor: Actor) -> Q | None:
    """The assistance requests a member of staff answers for (their hall's, their region's), or None."""
    if not actor.is_staff:
        return None
    parts: list[Q] = []
    if Role.HALL_SUPERVISOR in actor.roles and actor.hall_code:
        parts.append(Q(hall_code=actor.hall_code))
    if actor.has_any({Role.CITY_ADMIN, Role.COUNTY_VIEWER}) and actor.region_path:
        parts.append(Q(region_path__startswith=actor.region_path))
    if not parts:
        return None
    scope = parts[0]
    for p in parts[1:]:
        scope = scope | p
    return scope


async def cancel(*, actor: Actor, request_id: int, reason: str = "") -> AssistanceRequest:
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有申请人本人可以取消申请")
    r = await _get(request_id)
    if r.citizen_id != actor.citizen_id:
        raise DomainError(errors.NOT_FOUND, "帮办申请不存在", ["requestId"])
    if r.status not in (REQUESTED, ASSIGNED):
        raise DomainError(errors.INVALID_STATE, "该申请已办结或已取消")
    text = _text(reason, field="reason", what="取消原因", required=False)
    await AssistanceRequest.filter(id=r.id).update(status=CANCELLED, closed_at=clock.utcnow(), cancel_reason=text)
    return await _get(r.id)


async def _views(rows: list[AssistanceRequest], *, masked: bool) -> list[RequestView]:
    if not rows:
        return []
    names = dict(await Citizen.filter(id__in={r.citizen_id for r in rows}).values_list("id", "name"))
    agents = dict(await StaffUser.filter(id__in={r.agent_id for r in rows if r.agent_id}).values_list(
        "id", "display_name"))
    contacts: dict[int, list[AssistanceContact]] = {r.id: [] for r in rows}
    for c in await AssistanceContact.filter(request_id__in=list(contacts)).order_by("id"):
        contacts[c.request_id].append(c)
    from server.domain.cases.models import CaseRating

    rated = {x.assistance_request_id: x for x in await CaseRating.filter(assistance_request_id__in=list(contacts))}
    return [RequestView(request=r, requester_name=mask_name(names.get(r.citizen_id)) if masked else names.get(
        r.citizen_id), agent_name=agents.get(r.agent_id) if r.agent_id else None, contacts=contacts[r.id],
        rating=rated.get(r.id)) for r in rows]


async def my_requests(*, actor: Actor) -> list[RequestView]:
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "请先登录个人账号")
    return await _views(list(await AssistanceRequest.filter(citizen_id=actor.citizen_id).order_by("-id")
                             .limit(MAX_LIST)), masked=False)


async def staff_requests(*, actor: Actor, status: str | None = None) -> list[RequestView]:
    """A hall's requests for its supervisor, the region's for its administrators, an agent's own."""
    parts: list[Q] = []
    if actor.is_staff:
        if Role.HALL_SUPERVISOR in actor.roles and actor.hall_code:
            parts.append(Q(hall_code=actor.hall_code))
        if Role.CITY_ADMIN in actor.roles and actor.region_path:
            parts.append(Q(region_path__startswith=actor.region_path))
        if Role.ASSISTANCE_AGENT in actor.roles:
            parts.append(Q(agent_id=actor.user_id))
    if not parts:
        raise DomainError(errors.NOT_ALLOWED, "只有大厅负责人、管理员和帮办代办员可以查看帮办申请")
    scope = parts[0]
    for p in parts[1:]:
        scope = scope | p
    qs = AssistanceRequest.filter(scope)
    if status is not None:
        if status not in STATUSES:
            raise DomainError(errors.INVALID, "状态无效", ["status"])
        qs = qs.filter(status=status)
    return await _views(list(await qs.order_by("-id").limit(MAX_LIST)), masked=True)


async def requests_by_ids(*, actor: Actor, ids: list[int]) -> dict[int, RequestView]:
    rows = list(await AssistanceRequest.filter(id__in=ids)) if ids else []
    mine = [r for r in rows if actor.is_citizen and r.citizen_id == actor.citizen_id]
    theirs = [r for r in rows if _supervises(actor, r) or (actor.is_staff and r.agent_id == actor.user_id)]
    out = {v.request.id: v for v in await _views(theirs, masked=True)}
    out.update({v.request.id: v for v in await _views(mine, masked=False)})
    return out


async def _tell(settings: Settings, staff_ids: list[int], citizen_id: int | None, event: str,
                r: AssistanceRequest, **extra: str) -> None:
    params = {"number": number_of(r), "kind": KINDS[r.kind], **extra}
    ids = []
    async with in_transaction() as conn:
        for sid in staff_ids:
            row = await notify.enqueue(conn, event=event, channel=Channel.INBOX,
                                       recipient=notify.Recipient(staff_id=sid), params=params)
            ids.append(row.id)
        if citizen_id is not None:
            row = await notify.enqueue(conn, event=event, channel=Channel.INBOX,
                                       recipient=notify.Recipient(citizen_id=citizen_id), params=params)
            ids.append(row.id)
    await notify.after_commit(settings, ids)
