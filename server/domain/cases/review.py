"""The back office (后台分类审批): a department's reviewer claims a case once and goes through every
one of the item's review steps (each step passed is a timeline entry; the case stays theirs, under
review), then approves or denies with reasons; suspension (off the clock) and extension too.

An approval that the item version gives an e-licence for issues it in the same transaction (trust
level A, reusable by the applicant's later applications).
"""

from __future__ import annotations

from typing import Any

from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors, realestate
from server.domain.cases.apply import issue_elicence
from server.domain.cases.flow import (
    Acting,
    Outgoing,
    check,
    iso,
    may,
    reason_text,
    staff_with_role,
    transition,
    visible_case,
)
from server.domain.cases.models import Case, CaseMaterial
from server.domain.cases.states import Action, Status
from server.domain.cases.window import _region_deadlines
from server.domain.catalog.models import ItemVersion
from server.domain.errors import DomainError
from server.settings import Settings

DEFAULT_STEP = "审查决定"
MAX_EXTENSION = 30


def steps_of(version: ItemVersion) -> list[str]:
    return list(version.review_steps or []) or [DEFAULT_STEP]


async def _reviewer_case(actor: Actor, case_id: int, action: Action, what: str) -> Case:
    may(actor, action)
    case = await visible_case(actor, case_id)
    if case.department_code != actor.department_code:
        raise DomainError(errors.NOT_ALLOWED, f"只有本部门审批人员可以{what}")
    check(case, action, actor)
    return case


def _require_claimant(actor: Actor, case: Case, what: str) -> None:
    if case.claimed_by_id != actor.user_id:
        raise DomainError(errors.NOT_ALLOWED, f"该办件由其他审批人员领取，您不能{what}", ["caseId"])


async def claim(*, actor: Actor, settings: Settings | None, case_id: int) -> Case:
    """领取: the case leaves the department's queue for this reviewer (one winner if two claim), for
    every review step it has left: passing a step keeps it with them."""
    case = await _reviewer_case(actor, case_id, Action.CLAIMED, "领取办件")
    version = await ItemVersion.get(id=case.version_id)
    step = steps_of(version)[min(case.review_step, len(steps_of(version)) - 1)]
    return await transition(
        case, acting=Acting(actor), action=Action.CLAIMED, to=Status.UNDER_REVIEW, settings=settings,
        reason=f"环节：{step}", updates={"claimed_by_id": actor.user_id}, data={"step": case.review_step, "step_name": step},
    )


async def release(*, actor: Actor, settings: Settings | None, case_id: int, reason: str = "") -> Case:
    """退回队列: the claimant hands the case back (leave, reassignment)."""
    case = await _reviewer_case(actor, case_id, Action.RELEASED, "退回办件")
    _require_claimant(actor, case, "退回")
    return await transition(
        case, acting=Acting(actor), action=Action.RELEASED, to=Status.ACCEPTED, settings=settings,
        reason=reason_text(reason, required=False), updates={"claimed_by_id": None},
    )


async def approve(*, actor: Actor, settings: Settings | None, case_id: int, opinion: str) -> Case:
    """Pass the current review step (the case stays with its claimant, under review at the next one);
    at the last step, 准予 (and the e-licence, if the item gives one)."""
    case = await _reviewer_case(actor, case_id, Action.APPROVED, "审批")
    _require_claimant(actor, case, "审批")
    why = reason_text(opinion, required=True, what="审查意见", field_name="opinion")
    version = await ItemVersion.get(id=case.version_id)
    steps = steps_of(version)
    step_name = steps[min(case.review_step, len(steps) - 1)]
    if case.review_step + 1 < len(steps):
        return await transition(
            case, acting=Acting(actor), action=Action.STEP_PASSED, to=Status.UNDER_REVIEW, settings=settings,
            reason=f"{step_name}：{why}", updates={"review_step": case.review_step + 1},
            data={"step": case.review_step, "step_name": step_name, "next": steps[case.review_step + 1]},
        )
    if await CaseMaterial.exists(case_id=case.id, state="missing"):
        raise DomainError(errors.MISSING_MATERIAL, "容缺材料尚未补齐，不能作出准予决定", ["caseId"])
    await realestate.ready_to_register(case)  # a sale's 登簿 waits for the seller, the deed tax, the visit

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("approved")
        if version.result_licence:
            lic = await issue_elicence(conn, case, version.result_licence)
            await transition(case, acting=Acting(actor), action=Action.ELICENCE_ISSUED, settings=None,
                             reason=f"{lic.kind} {lic.number}", data={"elicence_id": lic.id}, within=out.unit)
            await out.applicant("elicence_issued", sms=False)

    return await transition(
        case, acting=Acting(actor), action=Action.APPROVED, to=Status.APPROVED, settings=settings,
        reason=f"{step_name}：{why}", updates={"decision": "approved", "decision_reason": why, "decided_at": clock.now()},
        data={"step": case.review_step, "step_name": step_name}, side=side,
    )


async def deny(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """不予许可, with the reasons (the applicant is told of their right to review or sue)."""
    case = await _reviewer_case(actor, case_id, Action.DENIED, "作出不予许可决定")
    _require_claimant(actor, case, "作出决定")
    why = reason_text(reason, required=True, what="不予许可的理由")
    used = await clock.used_working_days(case, until=clock.today())

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("denied", reason=why)

    return await transition(
        case, acting=Acting(actor), action=Action.DENIED, to=Status.DENIED, settings=settings, reason=why,
        updates={"decision": "denied", "decision_reason": why, "decided_at": clock.now(), "completed_at": clock.now(),
                 "working_days_used": used, "supply_by": None},
        side=side,
    )


async def suspend(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """中止 (e.g. expert review, hearing): the clock stops until the case resumes."""
    case = await _reviewer_case(actor, case_id, Action.SUSPENDED, "中止办理")
    why = reason_text(reason, required=True, what="中止的原因")

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("suspended", reason=why)

    return await transition(
        case, acting=Acting(actor), action=Action.SUSPENDED, to=Status.SUSPENDED, settings=settings, reason=why,
        updates={"paused_since": clock.today(), "resume_status": case.status}, side=side,
    )


async def resume(*, actor: Actor, settings: Settings | None, case_id: int, reason: str = "") -> Case:
    """恢复: the days suspended are off the clock; the deadline moves by them."""
    case = await _reviewer_case(actor, case_id, Action.RESUMED, "恢复办理")
    today = clock.today()
    pauses = list(case.pauses or [])
    since = case.paused_since or today
    if today > since:
        from datetime import timedelta

        pauses.append([since.isoformat(), (today - timedelta(days=1)).isoformat(), "中止"])
    case.pauses = pauses
    dl = await _region_deadlines(case, settings)
    back = Status(case.resume_status or Status.ACCEPTED)
    return await transition(
        case, acting=Acting(actor), action=Action.RESUMED, to=back, settings=settings,
        reason=reason_text(reason, required=False), data={"paused_from": since.isoformat(), "deadline": dl.deadline.isoformat()},
        updates={"pauses": pauses, "paused_since": None, "resume_status": None, "deadline": dl.deadline,
                 "statutory_deadline": dl.statutory, "warn_on": dl.warn_on, "warned_yellow": False, "warned_red": False},
    )


async def extend(*, actor: Actor, settings: Settings | None, case_id: int, days: int, reason: str) -> Case:
    """延期: once, by up to 30 working days, with reasons; the applicant is told the new deadline."""
    may(actor, Action.EXTENDED)
    case = await visible_case(actor, case_id)
    if Role.HALL_SUPERVISOR not in actor.roles and case.department_code != actor.department_code:
        raise DomainError(errors.NOT_ALLOWED, "只有本部门审批人员或大厅负责人可以延长办理时限")
    check(case, Action.EXTENDED, actor)
    if case.extension_days:
        raise DomainError(errors.ALREADY_EXTENDED, "该办件已延期过一次，不能再次延期", ["days"])
    if not 1 <= days <= MAX_EXTENSION:
        raise DomainError(errors.INVALID, f"延长的工作日数应在 1 到 {MAX_EXTENSION} 之间", ["days"])
    why = reason_text(reason, required=True, what="延期的理由")
    case.extension_days = days
    dl = await _region_deadlines(case, settings)

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("extended", deadline=dl.deadline.isoformat(), reason=why)

    return await transition(
        case, acting=Acting(actor), action=Action.EXTENDED, to=Status(case.status), settings=settings, reason=why,
        updates={"extension_days": days, "deadline": dl.deadline, "statutory_deadline": dl.statutory, "warn_on": dl.warn_on,
                 "warned_yellow": False, "warned_red": False},
        data={"days": days, "deadline": dl.deadline.isoformat()}, side=side,
    )


async def urge(*, actor: Actor, settings: Settings | None, case_id: int, message: str) -> Case:
    """督办: a hall supervisor or an administrator (of the case's region: the case must be theirs to
    see) urges the department on a case it holds, with a message. Nothing about the case changes; the
    timeline records the message, and the reviewer who claimed the case is told (the department's
    reviewers when nobody has claimed it yet), in the same transaction."""
    may(actor, Action.URGED)
    case = await visible_case(actor, case_id)
    check(case, Action.URGED, actor)
    why = reason_text(message, required=True, what="督办意见", field_name="message")
    if case.claimed_by_id is not None:
        staff = [int(case.claimed_by_id)]
    else:
        staff = await staff_with_role(Role.DEPT_REVIEWER, department_code=case.department_code)
    by = actor.display_name or actor.username or "大厅负责人"

    async def side(conn: Any, out: Outgoing) -> None:
        await out.staff("staff_case_urged", staff, by=by, message=why, deadline=iso(case.deadline) or "（未定）")

    return await transition(
        case, acting=Acting(actor), action=Action.URGED, to=Status(case.status), settings=settings, reason=why,
        data={"message": why, "notified": staff, "claimed_by": case.claimed_by_id}, side=side,
    )
