"""Mandates (帮办代办): an assistance agent acts for a citizen or an enterprise (the principal), for
some items or all of them, between two dates.

A hall supervisor or a city admin of the agent's region records a mandate and can revoke it. The
cases issue asks :func:`mandate_for` before letting an agent act for a principal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.expressions import Q

from server import clock
from server.domain.accounts import errors
from server.domain.accounts.models import Citizen, Enterprise, Mandate, StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.catalog import rules
from server.domain.catalog.models import ServiceItem
from server.domain.errors import DomainError, DomainErrors

MANDATE_GRANTORS = frozenset({Role.HALL_SUPERVISOR, Role.CITY_ADMIN})
"""Who records and revokes mandates, for agents of their region."""
MANDATE_READERS = MANDATE_GRANTORS | {Role.AUDITOR}
"""Who lists the mandates of agents in their region (an agent lists its own)."""
MAX_CODES = 50
MAX_NOTE = 500
_SELECT = ("agent", "principal_citizen", "principal_enterprise")


def _grantor_path(actor: Actor) -> str:
    if not (actor.is_staff and actor.has_any(MANDATE_GRANTORS) and actor.region_path is not None):
        raise DomainError(errors.NOT_ALLOWED, "只有大厅负责人或管理员可以登记、撤销委托")
    return actor.region_path


async def _agent(*, actor: Actor, agent_id: int | None, agent_username: str | None) -> StaffUser:
    field = ["agentId"] if agent_id is not None else ["agentUsername"]
    if (agent_id is None) == (not agent_username):
        raise DomainError(errors.INVALID, "请指定代办员（ID 或用户名，二选一）", ["agentId"])
    qs = StaffUser.filter(id=agent_id) if agent_id is not None else StaffUser.filter(username=agent_username)
    agent = await qs.select_related("region").first()
    if agent is None:
        raise DomainError(errors.NOT_FOUND, "代办员账号不存在", field)
    if not actor.covers(agent.region.path):
        raise DomainError(errors.NOT_ALLOWED, "只能为本区划的代办员登记委托", field)
    if not agent.is_active or str(Role.ASSISTANCE_AGENT) not in agent.roles:
        raise DomainError(errors.INVALID, "该账号不是在用的帮办代办员", field)
    return agent


async def _principal(*, citizen_id: int | None, enterprise_id: int | None) -> dict[str, Any]:
    if (citizen_id is None) == (enterprise_id is None):
        raise DomainError(errors.INVALID, "委托人须为一位群众或一家企业（二选一）", ["principalCitizenId"])
    if citizen_id is not None:
        citizen = await Citizen.get_or_none(id=citizen_id)
        if citizen is None or not citizen.is_active:
            raise DomainError(errors.NOT_FOUND, "委托人不存在", ["principalCitizenId"])
        if citizen.verified_at is None:
            raise DomainError(errors.NOT_VERIFIED, "委托人尚未完成实名认证", ["principalCitizenId"])
        return {"principal_citizen_id": citizen.id}
    if not await Enterprise.exists(id=enterprise_id):
        raise DomainError(errors.NOT_FOUND, "委托企业不存在", ["principalEnterpriseId"])
    return {"principal_enterprise_id": enterprise_id}


async def _codes(*, all_items: bool, basic_codes: list[str]) -> tuple[list[str], list[DomainError]]:
    if len(basic_codes) > MAX_CODES:
        return [], [DomainError(errors.INVALID, f"一份委托最多 {MAX_CODES} 个事项", ["basicCodes"])]
    codes = sorted({c.strip() for c in basic_codes if c.strip()})
    if all_items:
        if codes:
            return [], [DomainError(errors.INVALID, "委托全部事项时不再列出基本编码", ["basicCodes"])]
        return [], []
    if not codes:
        return [], [DomainError(errors.INVALID, "请列出委托的事项基本编码，或选择全部事项", ["basicCodes"])]
    bad = [c for c in codes if len(c) != rules.BASIC_CODE_LENGTH or not c.isdigit()]
    if bad:
        return [], [DomainError(errors.INVALID, f"基本编码应为 12 位数字：{'、'.join(bad[:5])}", ["basicCodes"])]
    known = set(
        await ServiceItem.filter(basic_code__in=codes, status__in=("active", "suspended"))
        .distinct().values_list("basic_code", flat=True)
    )
    unknown = [c for c in codes if c not in known]
    if unknown:
        return [], [DomainError(errors.NOT_FOUND, f"事项目录中没有这些基本编码：{'、'.join(unknown[:5])}", ["basicCodes"])]
    return codes, []


async def create_mandate(
    *,
    actor: Actor,
    agent_id: int | None = None,
    agent_username: str | None = None,
    principal_citizen_id: int | None = None,
    principal_enterprise_id: int | None = None,
    all_items: bool = False,
    basic_codes: list[str] | None = None,
    valid_from: date,
    valid_to: date,
    note: str = "",
    today: date | None = None,
) -> Mandate:
    """Record a mandate. The agent holds the assistance-agent role in the actor's region; the
    principal is a real-name verified citizen or an enterprise; the items are all, or basic codes in
    the catalogue; the validity ends on or after it starts, and not before today."""
    _grantor_path(actor)
    today = today or clock.today()
    problems: list[DomainError] = []
    subject: dict[str, Any] = {}
    agent: StaffUser | None = None
    for check in (
        lambda: _agent(actor=actor, agent_id=agent_id, agent_username=(agent_username or "").strip() or None),
        lambda: _principal(citizen_id=principal_citizen_id, enterprise_id=principal_enterprise_id),
    ):
        try:
            found = await check()
        except DomainError as e:
            problems.append(e)
            continue
        if isinstance(found, StaffUser):
            agent = found
        else:
            subject = found
    codes, code_problems = await _codes(all_items=all_items, basic_codes=list(basic_codes or []))
    problems += code_problems
    if valid_to < valid_from:
        problems.append(DomainError(errors.INVALID, "委托截止日期不能早于起始日期", ["validTo"]))
    elif valid_to < today:
        problems.append(DomainError(errors.INVALID, "委托截止日期已过", ["validTo"]))
    note = note.strip()
    if len(note) > MAX_NOTE:
        problems.append(DomainError(errors.INVALID, f"备注不超过 {MAX_NOTE} 个字符", ["note"]))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise DomainErrors(problems)
    assert agent is not None
    row = await Mandate.create(
        agent_id=agent.id, all_items=all_items, basic_codes=codes, valid_from=valid_from, valid_to=valid_to,
        note=note, created_by_id=actor.user_id, **subject,
    )
    return await Mandate.get(id=row.id).select_related(*_SELECT)


async def revoke_mandate(*, actor: Actor, mandate_id: int, reason: str) -> Mandate:
    """Revoke a mandate from now on (what the agent already did under it stays recorded): a
    supervisor or admin of the agent's region, or the citizen who gave it."""
    if actor.is_citizen:
        row = await Mandate.filter(id=mandate_id, principal_citizen_id=actor.citizen_id).first()
        if row is None:
            raise DomainError(errors.NOT_FOUND, "委托不存在或不是您本人给出的", ["id"])
    else:
        path = _grantor_path(actor)
        row = await Mandate.filter(id=mandate_id, agent__region__path__startswith=path).first()
        if row is None:
            raise DomainError(errors.NOT_FOUND, "委托不存在或不在本区划内", ["id"])
    reason = reason.strip()
    if not reason or len(reason) > MAX_NOTE:
        raise DomainError(errors.INVALID, f"请填写撤销原因（不超过 {MAX_NOTE} 个字符）", ["reason"])
    now = clock.utcnow()
    done = await Mandate.filter(id=row.id, revoked_at=None).update(
        revoked_at=now, revoked_by_id=actor.user_id, revoked_reason=reason
    )
    if done != 1:
        raise DomainError(errors.INVALID_STATE, "该委托已撤销", ["id"])
    return await Mandate.get(id=row.id).select_related(*_SELECT)


@dataclass(frozen=True, slots=True)
class MandateFilter:
    agent_id: int | None = None
    principal_citizen_id: int | None = None
    principal_enterprise_id: int | None = None
    active_on: date | None = None


def _visible(actor: Actor) -> Q:
    """Mandates the actor may list: those of agents in its region (supervisors, admins, auditors),
    its own (an agent), those it gave (a citizen)."""
    scope: Q | None = None

    def add(q: Q) -> None:
        nonlocal scope
        scope = q if scope is None else scope | q

    if actor.is_staff and actor.has_any(MANDATE_READERS) and actor.region_path is not None:
        add(Q(agent__region__path__startswith=actor.region_path))
    if actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles:
        add(Q(agent_id=actor.user_id))
    if actor.is_citizen:
        add(Q(principal_citizen_id=actor.citizen_id))
    if scope is None:
        raise DomainError(errors.NOT_ALLOWED, "无权查看委托")
    return scope


def can_list(actor: Actor) -> bool:
    try:
        _visible(actor)
    except DomainError:
        return False
    return True


def _active_on(day: date) -> Q:
    return Q(revoked_at=None, valid_from__lte=day, valid_to__gte=day)


def is_active(mandate: Any, *, on: date | None = None) -> bool:
    """Whether ``mandate`` applies on the day ``on`` (China's today by default): not revoked and
    ``on`` within its validity — what :func:`_active_on` selects."""
    day = on or clock.today()
    return mandate.revoked_at is None and mandate.valid_from <= day <= mandate.valid_to


def _query(*, actor: Actor, flt: MandateFilter) -> Any:
    qs = Mandate.filter(_visible(actor))
    if flt.agent_id is not None:
        qs = qs.filter(agent_id=flt.agent_id)
    if flt.principal_citizen_id is not None:
        qs = qs.filter(principal_citizen_id=flt.principal_citizen_id)
    if flt.principal_enterprise_id is not None:
        qs = qs.filter(principal_enterprise_id=flt.principal_enterprise_id)
    if flt.active_on is not None:
        qs = qs.filter(_active_on(flt.active_on))
    return qs


async def count_mandates(*, actor: Actor, flt: MandateFilter) -> int:
    return int(await _query(actor=actor, flt=flt).count())


async def list_mandates(*, actor: Actor, flt: MandateFilter, offset: int, limit: int) -> list[Mandate]:
    """A page of mandates, newest first, each with its agent and principal loaded (one query)."""
    qs = _query(actor=actor, flt=flt).select_related(*_SELECT)
    return list(await qs.order_by("-id").offset(offset).limit(limit))


async def mandates_by_ids(*, actor: Actor, ids: list[int]) -> dict[int, Mandate]:
    if not ids or not can_list(actor):
        return {}
    rows = await Mandate.filter(_visible(actor), id__in=ids).select_related(*_SELECT)
    return {m.id: m for m in rows}


async def mandate_for(
    *,
    agent: Actor,
    principal_citizen_id: int | None = None,
    principal_enterprise_id: int | None = None,
    basic_code: str,
    on: date,
) -> Mandate | None:
    """The mandate under which ``agent`` may act for the principal on the item ``basic_code`` on the
    day ``on``, or None.

    The cases issue calls this before an assistance agent submits or supplements a case for a
    citizen or an enterprise: with a mandate the agent can do what the principal could for that
    item, and every such action records both — the principal as the applicant and the agent (with
    the mandate's id) as who acted. A mandate applies only while the agent is a staff member holding
    the assistance-agent role, the mandate is not revoked, ``on`` lies within its validity and it
    covers all items or lists ``basic_code``. When several apply, the one ending last is returned.
    """
    if not agent.is_staff or Role.ASSISTANCE_AGENT not in agent.roles:
        return None
    if (principal_citizen_id is None) == (principal_enterprise_id is None):
        raise ValueError("exactly one of principal_citizen_id and principal_enterprise_id")
    principal = (
        Q(principal_citizen_id=principal_citizen_id) if principal_citizen_id is not None
        else Q(principal_enterprise_id=principal_enterprise_id)
    )
    # the agent's and principal's live mandates on that day: a handful of rows at most; which items
    # each covers is a JSON list, checked here rather than with dialect-specific JSON operators
    rows = await Mandate.filter(principal, _active_on(on), agent_id=agent.user_id).order_by("-valid_to", "-id")
    for row in rows:
        if row.all_items or basic_code in row.basic_codes:
            return row
    return None
