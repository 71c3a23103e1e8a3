"""退回补正 during review: a reviewer sends a case under review back to the applicant (the case never
goes back to the window — for a bundle's sub-case opened by a later stage there is no window step
to go back to), and the applicant resubmits it to the same reviewer.

The days between the send-back and the resubmission are the applicant's own time: off the clock
(a pause ``[from, to, "申请人补正"]`` on ``Case.pauses``, as a suspension's ``"中止"``), so the case's
deadline moves by them, and a construction project (:mod:`server.domain.construction.service`)
shows them as the applicant's days, apart from the working days the departments used. In a
bundle, what waits for the item is held (``bundle_flow.sent_back``) and the applicant is told the
reason and what to do (``bundle_item_sent_back``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from server.domain.accounts.roles import Actor
from server.domain.cases import clock, errors
from server.domain.cases.apply import MaterialInput, owned_uploads
from server.domain.cases.flow import (
    Acting,
    Outgoing,
    check,
    may,
    parties_of,
    reason_text,
    transition,
    visible_case,
)
from server.domain.cases.models import Case, CaseBundle, CaseMaterial
from server.domain.cases.states import Action, Party, Status
from server.domain.errors import DomainError, DomainErrors
from server.settings import Settings

APPLICANT_PAUSE = "申请人补正"
"""The reason a pause of the applicant's own time carries on ``Case.pauses``."""


@dataclass(frozen=True, slots=True)
class Resupplied:
    material_id: int
    upload_id: int | None


async def send_back(*, actor: Actor, settings: Settings | None, case_id: int, reason: str,
                    material_ids: list[int] | None = None) -> Case:
    """退回补正: the claimant sends the case back with what to correct (and, optionally, the
    materials to submit again); its clock stops until the applicant resubmits."""
    from server.domain.cases.review import _require_claimant, _reviewer_case

    case = await _reviewer_case(actor, case_id, Action.SENT_BACK, "退回补正")
    _require_claimant(actor, case, "退回补正")
    why = reason_text(reason, required=True, what="退回补正的理由和要求")
    rows = {r.material_id: r for r in await CaseMaterial.filter(case_id=case.id)}
    wanted = list(dict.fromkeys(material_ids or []))
    unknown = [m for m in wanted if m not in rows]
    if unknown:
        raise DomainErrors([DomainError(errors.INVALID, "材料不属于该办件", ["materialIds", str(m)]) for m in unknown])

    async def side(conn: Any, out: Outgoing) -> None:
        if wanted:
            await CaseMaterial.filter(case_id=case.id, material_id__in=wanted).using_db(conn).update(
                state="pending", supply_note=why[:500])
        if case.bundle_id is None:
            await out.applicant("correction_needed", reason=why[:200], supply_by="重新提交")
            return
        from server.domain.cases import bundle_flow

        bundle = await CaseBundle.filter(id=case.bundle_id).using_db(conn).first()
        if bundle is None or out.unit is None:
            return
        subs = list(await Case.filter(bundle_id=bundle.id).using_db(conn).order_by("id"))
        latest = bundle_flow.latest_subs(bundle.plan, subs)
        states = bundle_flow.item_states(bundle.plan, latest)
        held = [it for it in bundle_flow.plan_items(bundle.plan) if states[it["key"]] == bundle_flow.HELD]
        effect = f"{bundle_flow.names(held)}须等该事项补正办结后才能办理，暂缓" if held else "其余事项不受影响"
        await bundle_flow.tell(out.unit, bundle, "bundle_item_sent_back", item=case.item_name, reason=why[:200],
                               effect=effect)

    return await transition(
        case, acting=Acting(actor), action=Action.SENT_BACK, to=Status.RETURNED, settings=settings, reason=why,
        updates={"paused_since": clock.today(), "correction_note": why},
        data={"materials": wanted, "step": case.review_step}, side=side,
    )


def _may_resubmit(actor: Actor, case: Case) -> None:
    from server.domain.accounts.roles import Role

    if actor.is_citizen:
        return  # visible_case already limited it to their own (or their enterprise's) cases
    if actor.is_staff and (Role.WINDOW_CLERK in actor.roles
                           or (Role.ASSISTANCE_AGENT in actor.roles and case.submitted_by_staff_id == actor.user_id)):
        return
    raise DomainError(errors.NOT_ALLOWED, "只有申请人、其代办员或窗口工作人员可以重新提交")


async def resubmit(*, actor: Actor, settings: Settings | None, case_id: int, note: str = "",
                   materials: list[Resupplied] | None = None) -> Case:
    """补正后重新提交: back to the reviewer who sent it back; the days in between are off the clock
    (the applicant's time), the deadline moves by them."""
    if parties_of(actor).isdisjoint({Party.APPLICANT, Party.AGENT, Party.CLERK}):
        raise DomainError(errors.NOT_ALLOWED, "只有申请人、其代办员或窗口工作人员可以重新提交")
    may(actor, Action.RESUBMITTED)
    case = await visible_case(actor, case_id)
    _may_resubmit(actor, case)
    check(case, Action.RESUBMITTED, actor)
    text = reason_text(note, required=False, what="补正说明")
    given = list(materials or [])
    rows = {r.material_id: r for r in await CaseMaterial.filter(case_id=case.id)}
    await owned_uploads(actor, [MaterialInput(m.material_id, m.upload_id) for m in given])
    problems = [DomainError(errors.INVALID, "材料不属于该办件", ["materials", str(m.material_id)])
                for m in given if m.material_id not in rows]
    supplied = {m.material_id: m for m in given if m.material_id in rows and m.upload_id is not None}
    problems += [DomainError(errors.MISSING_MATERIAL, f"请上传退回补正要求重新提交的“{r.name}”", ["materials", str(mid)])
                 for mid, r in rows.items() if r.state == "pending" and r.supply_note and mid not in supplied]
    if problems:
        raise DomainErrors(problems)
    today = clock.today()
    since = case.paused_since or today
    pauses = list(case.pauses or [])
    if today > since:
        pauses.append([since.isoformat(), (today - timedelta(days=1)).isoformat(), APPLICANT_PAUSE])
    case.pauses = pauses
    from server.domain.cases.window import _region_deadlines

    dl = await _region_deadlines(case, settings)
    staff_ids = [case.claimed_by_id] if case.claimed_by_id else []

    async def side(conn: Any, out: Outgoing) -> None:
        for mid, m in supplied.items():
            await CaseMaterial.filter(id=rows[mid].id).using_db(conn).update(
                state="provided", trust="C", upload_id=m.upload_id, supply_note="")
        await out.staff("staff_case_resubmitted", staff_ids)

    acting = Acting(actor, mandate_id=case.mandate_id if actor.is_staff else None)
    return await transition(
        case, acting=acting, action=Action.RESUBMITTED, to=Status.UNDER_REVIEW, settings=settings,
        reason=text or "已按退回意见补正", updates={
            "pauses": pauses, "paused_since": None, "deadline": dl.deadline, "statutory_deadline": dl.statutory,
            "warn_on": dl.warn_on, "warned_yellow": False, "warned_red": False},
        data={"paused_from": since.isoformat(), "materials": list(supplied), "deadline": dl.deadline.isoformat()},
        side=side,
    )
