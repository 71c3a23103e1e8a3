"""The back office (后台分类审批): a department's reviewers claim a case, go through the item's
review steps, and approve or deny with reasons; suspension (off the clock) and extension too.

An approval that the item version gives an e-licence for issues it in the same transaction (trust
level A, reusable by the applicant's later applications).
"""

from __future__ import annotations

from typing import Any

from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors
from server.domain.cases.apply import issue_elicence
from server.domain.cases.flow import Acting, Outgoing, reason_text, record, require_role, require_status, transition, visible_case
from server.domain.cases.models import Case, CaseMaterial
from server.domain.cases.states import Status
from server.domain.cases.window import _region_deadlines
from server.domain.catalog.models import ItemVersion
from server.domain.errors import DomainError
from server.settings import Settings

REVIEWERS = frozenset({Role.DEPT_REVIEWER})
EXTENDERS = frozenset({Role.DEPT_REVIEWER, Role.HALL_SUPERVISOR})
DEFAULT_STEP = "审查决定"
MAX_EXTENSION = 30


def steps_of(version: ItemVersion) -> list[str]:
    return list(version.review_steps or []) or [DEFAULT_STEP]


async def _reviewer_case(actor: Actor, case_id: int, what: str) -> Case:
    require_role(actor, REVIEWERS, what)
    case = await visible_case(actor, case_id)
    if case.department_code != actor.department_code:
        raise DomainError(errors.NOT_ALLOWED, f"只有本部门审批人员可以{what}")
    return case


def _require_claimant(actor: Actor, case: Case, what: str) -> None:
    if case.claimed_by_id != actor.user_id:
        raise DomainError(errors.NOT_ALLOWED, f"该办件由其他审批人员领取，您不能{what}", ["caseId"])


async def claim(*, actor: Actor, settings: Settings | None, case_id: int) -> Case:
    """领取: the case leaves the department's queue for this reviewer (one winner if two claim)."""
    case = await _reviewer_case(actor, case_id, "领取办件")
    require_status(case, {Status.ACCEPTED}, "领取")
    version = await ItemVersion.get(id=case.version_id)  # type: ignore[attr-defined]
    step = steps_of(version)[min(case.review_step, len(steps_of(version)) - 1)]
    return await transition(
        case, acting=Acting(actor), action="claimed", to=Status.UNDER_REVIEW, settings=settings,
        reason=f"环节：{step}", updates={"claimed_by_id": actor.user_id}, data={"step": case.review_step, "step_name": step},
    )


async def release(*, actor: Actor, settings: Settings | None, case_id: int, reason: str = "") -> Case:
    """退回队列: the claimant hands the case back (leave, reassignment)."""
    case = await _reviewer_case(actor, case_id, "退回办件")
    require_status(case, {Status.UNDER_REVIEW}, "退回队列")
    _require_claimant(actor, case, "退回")
    return await transition(
        case, acting=Acting(actor), action="released", to=Status.ACCEPTED, settings=settings,
        reason=reason_text(reason, required=False), updates={"claimed_by_id": None},
    )


async def approve(*, actor: Actor, settings: Settings | None, case_id: int, opinion: str) -> Case:
    """Pass the current review step; at the last step, 准予 (and the e-licence, if the item gives one)."""
    case = await _reviewer_case(actor, case_id, "审批")
    require_status(case, {Status.UNDER_REVIEW}, "审批")
    _require_claimant(actor, case, "审批")
    why = reason_text(opinion, required=True, what="审查意见", field_name="opinion")
    version = await ItemVersion.get(id=case.version_id)  # type: ignore[attr-defined]
    steps = steps_of(version)
    step_name = steps[min(case.review_step, len(steps) - 1)]
    if case.review_step + 1 < len(steps):
        return await transition(
            case, acting=Acting(actor), action="step_passed", to=Status.ACCEPTED, settings=settings,
            reason=f"{step_name}：{why}", updates={"review_step": case.review_step + 1, "claimed_by_id": None},
            data={"step": case.review_step, "step_name": step_name, "next": steps[case.review_step + 1]},
        )
    if await CaseMaterial.exists(case_id=case.id, state="missing"):
        raise DomainError(errors.MISSING_MATERIAL, "容缺材料尚未补齐，不能作出准予决定", ["caseId"])

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("approved")
        if version.result_licence:
            lic = await issue_elicence(conn, case, version.result_licence)
            await record(case, conn=conn, acting=Acting(actor), action="elicence_issued",
                         reason=f"{lic.kind} {lic.number}", data={"elicence_id": lic.id})
            await out.applicant("elicence_issued", sms=False)

    return await transition(
        case, acting=Acting(actor), action="approved", to=Status.APPROVED, settings=settings,
        reason=f"{step_name}：{why}", updates={"decision": "approved", "decision_reason": why, "decided_at": clock.now()},
        data={"step": case.review_step, "step_name": step_name}, side=side,
    )


async def deny(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """不予许可, with the reasons (the applicant is told of their right to review or sue)."""
    case = await _reviewer_case(actor, case_id, "作出不予许可决定")
    require_status(case, {Status.UNDER_REVIEW}, "作出不予许可决定")
    _require_claimant(actor, case, "作出决定")
    why = reason_text(reason, required=True, what="不予许可的理由")
    used = await clock.used_working_days(case, until=clock.today())

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("denied", reason=why)

    return await transition(
        case, acting=Acting(actor), action="denied", to=Status.DENIED, settings=settings, reason=why,
        updates={"decision": "denied", "decision_reason": why, "decided_at": clock.now(), "completed_at": clock.now(),
                 "working_days_used": used, "supply_by": None},
        side=side,
    )


async def suspend(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """中止 (e.g. expert review, hearing): the clock stops until the case resumes."""
    case = await _reviewer_case(actor, case_id, "中止办理")
    require_status(case, {Status.ACCEPTED, Status.UNDER_REVIEW}, "中止办理")
    why = reason_text(reason, required=True, what="中止的原因")

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("suspended", reason=why)

    return await transition(
        case, acting=Acting(actor), action="suspended", to=Status.SUSPENDED, settings=settings, reason=why,
        updates={"paused_since": clock.today(), "resume_status": case.status}, side=side,
    )


async def resume(*, actor: Actor, settings: Settings | None, case_id: int, reason: str = "") -> Case:
    """恢复: the days suspended are off the clock; the deadline moves by them."""
    case = await _reviewer_case(actor, case_id, "恢复办理")
    require_status(case, {Status.SUSPENDED}, "恢复办理")
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
        case, acting=Acting(actor), action="resumed", to=back, settings=settings,
        reason=reason_text(reason, required=False), data={"paused_from": since.isoformat(), "deadline": dl.deadline.isoformat()},
        updates={"pauses": pauses, "paused_since": None, "resume_status": None, "deadline": dl.deadline,
                 "statutory_deadline": dl.statutory, "warn_on": dl.warn_on, "warned_yellow": False, "warned_red": False},
    )


async def extend(*, actor: Actor, settings: Settings | None, case_id: int, days: int, reason: str) -> Case:
    """延期: once, by up to 30 working days, with reasons; the applicant is told the new deadline."""
    require_role(actor, EXTENDERS, "延长办理时限")
    case = await visible_case(actor, case_id)
    if Role.HALL_SUPERVISOR not in actor.roles and case.department_code != actor.department_code:
        raise DomainError(errors.NOT_ALLOWED, "只有本部门审批人员或大厅负责人可以延长办理时限")
    require_status(case, {Status.ACCEPTED, Status.UNDER_REVIEW}, "延长办理时限")
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
        case, acting=Acting(actor), action="extended", to=Status(case.status), settings=settings, reason=why,
        updates={"extension_days": days, "deadline": dl.deadline, "statutory_deadline": dl.statutory, "warn_on": dl.warn_on,
                 "warned_yellow": False, "warned_red": False},
        data={"days": days, "deadline": dl.deadline.isoformat()}, side=side,
    )
