"""The case lifecycle in the domain: apply, accept (容缺, 补正, rejection), review steps, decide,
issue the result; the timeline, the notifications written with each change, and e-licence reuse."""

from __future__ import annotations

import asyncio

import pytest

from server.domain.accounts.models import Enterprise
from server.domain.cases import apply, review, window
from server.domain.cases.apply import Application
from server.domain.cases.models import Case, CaseEvent, CaseMaterial, ELicence, VerifiedMaterial
from server.domain.errors import DomainError, DomainErrors
from server.domain.notifications.models import Outbox
from server.domain.shareddata.models import SharedDataPull
from tests import factories as f

pytestmark = pytest.mark.usefixtures("database")

FORM = {"changeItems": "经营范围", "reason": "拓展业务", "contactPhone": "13800138000"}


async def _submitted(*, dishonest: bool = False):
    """A company change submitted online by the representative of a fresh enterprise."""
    rep = await f.citizen()
    ent = await f.enterprise(rep, dishonest=dishonest)
    me = f.as_citizen(rep)
    *_, mats, app = await f.company_change(me, ent)
    case = (await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=app)).case
    return me, rep, case, mats


async def test_full_lifecycle_with_missing_material_steps_and_elicence_reuse() -> None:
    rep = await f.citizen(name="李建华")
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    item, version, sit, mats, app = await f.company_change(me, ent)
    submitted = await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=app)
    case = submitted.case
    assert case.status == "submitted" and (case.number or "").startswith("371500-") and len(case.query_code or "") == 8
    assert case.version_id == version.id and case.applicant_kind == "enterprise"
    # 营业执照正副本 is deferrable and not held yet: it waits for the window
    licence_row = await CaseMaterial.get(case_id=case.id, name="营业执照正、副本（缴回）")
    assert licence_row.state == "pending"

    clerk = await f.staff("city_clerk")
    with pytest.raises(DomainErrors) as exc:
        await window.accept(actor=clerk, settings=None, case_id=case.id)
    assert {e.code for e in exc.value.errors} == {"MISSING_MATERIAL"}
    case = await window.accept_with_missing(
        actor=clerk, settings=None, case_id=case.id, commitment="申请人已签署容缺受理承诺书",
        missing=[window.Missing(licence_row.material_id, "领证时交回")],
    )
    assert case.status == "accepted" and case.deadline is not None and case.supply_by is not None
    assert case.supply_by <= case.deadline
    assert (await CaseMaterial.get(id=licence_row.id)).state == "missing"

    reviewer = await f.staff("city_reviewer_scjg")
    case = await review.claim(actor=reviewer, settings=None, case_id=case.id)
    assert case.status == "under_review"
    case = await review.approve(actor=reviewer, settings=None, case_id=case.id, opinion="材料齐全，符合法定形式")
    # the second step, 核准: still the claimant's, under review (one claim covers every step)
    assert case.status == "under_review" and case.review_step == 1 and case.claimed_by_id == reviewer.user_id
    with pytest.raises(DomainError) as err:
        await review.approve(actor=reviewer, settings=None, case_id=case.id, opinion="准予")
    assert err.value.code == "MISSING_MATERIAL"

    case = await window.supply(actor=me, settings=None, case_id=case.id,
                               materials=[window.Supplied(licence_row.material_id, await f.upload(me))])
    assert case.status == "under_review" and case.supply_by is None
    case = await review.approve(actor=reviewer, settings=None, case_id=case.id, opinion="准予变更登记")
    assert case.status == "approved" and case.decision == "approved"
    lic = await ELicence.get(case_id=case.id)
    assert lic.kind == "营业执照" and lic.holder_enterprise_id == ent.id

    with pytest.raises(DomainError):
        await window.issue_result(actor=clerk, settings=None, case_id=case.id, method="postal", tracking_number="12")
    case = await window.issue_result(actor=clerk, settings=None, case_id=case.id, method="postal",
                                     tracking_number="SF1234567890")
    assert case.status == "result_issued"
    case = await window.complete(actor=clerk, settings=None, case_id=case.id)
    assert case.status == "completed" and case.working_days_used is not None

    actions = [e.action for e in await CaseEvent.filter(case_id=case.id).order_by("id")]
    assert actions == [
        "submitted", "accepted_missing", "claimed", "step_passed", "supplied", "approved",
        "elicence_issued", "result_issued", "completed",
    ]
    events = await CaseEvent.filter(case_id=case.id).order_by("id")
    assert events[1].actor_name == "刘芳" and events[1].from_status == "submitted" and events[1].to_status == "accepted"
    assert events[1].data["commitment"]
    # the applicant heard about every step (inbox and SMS), the department about the new case
    events_out = {r.event for r in await Outbox.filter(citizen_id=rep.id)}
    assert {"submitted", "accepted_missing", "approved", "elicence_issued", "result_posted",
            "evaluation_invitation"} <= events_out
    assert await Outbox.filter(event="staff_new_case", staff_id=reviewer.user_id).exists()
    # paper checked at the window is trust level B for the next application
    assert await VerifiedMaterial.filter(holder_enterprise_id=ent.id).exists()

    # a second application reuses the e-licence without asking again (trust level A)
    food, fv = await f.item("食品经营许可")
    fsit, fmats = await f.situation(fv, "食品经营许可新办")
    second = await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=Application(
        item_id=food.id, situation_id=fsit.id, form_data=f.form_answers(fv), enterprise_id=ent.id,
        materials=await f.uploads_for(me, fmats),
    ))
    reused = await CaseMaterial.get(case_id=second.case.id, name="营业执照或者其他主体资格证明文件")
    assert reused.state == "reused" and reused.trust == "A" and reused.elicence_id == lic.id


async def test_submission_is_idempotent_and_pins_the_version() -> None:
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    *_, app = await f.company_change(me, ent)
    k = f.key()
    first = await apply.submit(actor=me, settings=None, idempotency_key=k, app=app)
    again = await apply.submit(actor=me, settings=None, idempotency_key=k, app=app)
    assert first.created and not again.created and again.case.id == first.case.id
    results = await asyncio.gather(*[apply.submit(actor=me, settings=None, idempotency_key=k + "x", app=app) for _ in range(4)])
    assert len({r.case.id for r in results}) == 1
    assert await Case.filter(idempotency_key__endswith=k + "x").count() == 1


async def test_submission_validates_form_and_materials_all_at_once() -> None:
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    *_, app = await f.company_change(me, ent)
    app.materials = []
    app.form_data = {"nonsense": "x"}
    with pytest.raises(DomainErrors) as exc:
        await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=app)
    codes = [e.code for e in exc.value.errors]
    assert "MISSING_MATERIAL" in codes and len(codes) >= 3
    assert all(e.message for e in exc.value.errors)


async def test_unverified_citizen_cannot_submit_and_stranger_cannot_apply_for_enterprise() -> None:
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    stranger = f.as_citizen(await f.citizen())
    *_, app = await f.company_change(stranger, ent)
    with pytest.raises(DomainError) as err:
        await apply.submit(actor=stranger, settings=None, idempotency_key=f.key(), app=app)
    assert err.value.code == "NOT_ALLOWED"
    unverified = await f.citizen(verified=False)
    food, fv = await f.item("公共场所卫生许可")
    sit, mats = await f.situation(fv, "公共场所卫生许可新办")
    with pytest.raises(DomainError) as err:
        await apply.submit(actor=f.as_citizen(unverified), settings=None, idempotency_key=f.key(),
                           app=Application(item_id=food.id, situation_id=sit.id))
    assert err.value.code == "NOT_VERIFIED"


async def test_correction_is_told_once_and_rejection_needs_a_supervisor() -> None:
    me, rep, case, mats = await _submitted()
    clerk = await f.staff("city_clerk")
    first = mats[0]
    case = await window.request_correction(actor=clerk, settings=None, case_id=case.id, corrections=[
        window.Correction(first.id, "申请书未签字"), window.Correction(None, "联系电话无法接通"),
    ])
    assert case.status == "correction_requested" and case.supply_by is not None
    case = await window.supply(actor=me, settings=None, case_id=case.id,
                               materials=[window.Supplied(first.id, await f.upload(me))])
    assert case.status == "submitted"
    with pytest.raises(DomainError) as err:
        await window.request_correction(actor=clerk, settings=None, case_id=case.id,
                                        corrections=[window.Correction(None, "再补一次")])
    assert err.value.code == "CORRECTION_ALREADY_SENT"

    case = await window.propose_rejection(actor=clerk, settings=None, case_id=case.id, reason="不属于本机关职权范围")
    assert case.status == "rejection_proposed"
    with pytest.raises(DomainError) as err:  # a clerk never says no alone
        await window.confirm_rejection(actor=clerk, settings=None, case_id=case.id)
    assert err.value.code == "NOT_ALLOWED"
    supervisor = await f.staff("city_supervisor")
    case = await window.overturn_rejection(actor=supervisor, settings=None, case_id=case.id, reason="属于本机关职权，应当受理")
    assert case.status == "submitted"
    assert await Outbox.filter(event="staff_rejection_overturned", staff_id=clerk.user_id).exists()
    case = await window.propose_rejection(actor=clerk, settings=None, case_id=case.id, reason="申请事项依法不需要取得行政许可")
    case = await window.confirm_rejection(actor=supervisor, settings=None, case_id=case.id)
    assert case.status == "rejected" and case.decision == "rejected"
    assert await Outbox.filter(event="rejected", citizen_id=rep.id).exists()


async def test_dishonest_applicant_is_refused_missing_materials() -> None:
    me, rep, case, mats = await _submitted(dishonest=True)
    clerk = await f.staff("city_clerk")
    deferrable = next(m for m in mats if m.necessity == "deferrable")
    with pytest.raises(DomainError) as err:
        await window.accept_with_missing(actor=clerk, settings=None, case_id=case.id, commitment="承诺",
                                         missing=[window.Missing(deferrable.id)])
    assert err.value.code == "DISHONEST" and "来自信用库：失信被执行人" in err.value.message
    # the credit base was asked, for this case, by this clerk, saying why (and nothing moved)
    pull = await SharedDataPull.filter(case_id=case.id, base="credit").order_by("-id").first()
    assert pull is not None and pull.found and pull.caller_kind == "staff" and "容缺受理" in pull.purpose
    assert (await Case.get(id=case.id)).status == "submitted"


async def test_the_credit_base_decides_not_the_account_flag() -> None:
    """An account flagged dishonest that the credit base does not list (a listing since removed) gets
    容缺受理; the base, read through the shared-data interface, is what counts."""
    me, rep, case, mats = await _submitted()
    await Enterprise.filter(id=case.applicant_enterprise_id).update(dishonest=True)
    clerk = await f.staff("city_clerk")
    deferrable = [m for m in mats if m.necessity == "deferrable"]
    done = await window.accept_with_missing(actor=clerk, settings=None, case_id=case.id, commitment="承诺书已签",
                                            missing=[window.Missing(m.id) for m in deferrable])
    assert done.status == "accepted"
    pull = await SharedDataPull.filter(case_id=case.id, base="credit").order_by("-id").first()
    assert pull is not None and pull.found is False and pull.subject_enterprise_id == case.applicant_enterprise_id


async def test_only_deferrable_materials_may_be_missing() -> None:
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    *_, mats, app = await f.company_change(me, ent)
    app.materials = app.materials[1:]  # the first required material is not uploaded …
    with pytest.raises(DomainErrors):
        await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=app)


async def test_concurrent_transitions_have_exactly_one_winner() -> None:
    me, rep, case, mats = await _submitted()
    clerk = await f.staff("city_clerk")
    deferrable = [m for m in mats if m.necessity == "deferrable"]
    results = await asyncio.gather(
        window.accept_with_missing(actor=clerk, settings=None, case_id=case.id, commitment="承诺书已签",
                                   missing=[window.Missing(m.id) for m in deferrable]),
        window.propose_rejection(actor=clerk, settings=None, case_id=case.id, reason="重复申请"),
        window.request_correction(actor=clerk, settings=None, case_id=case.id,
                                  corrections=[window.Correction(None, "请补正")]),
        return_exceptions=True,
    )
    wins = [r for r in results if isinstance(r, Case)]
    losses = [r for r in results if isinstance(r, DomainError)]
    assert len(wins) == 1 and len(losses) == 2, results
    assert {e.code for e in losses} <= {"CONFLICT", "INVALID_STATE"}
    assert await CaseEvent.filter(case_id=case.id).count() == 2  # submitted + the one winner


async def test_withdraw_suspend_resume_extend() -> None:
    me, rep, case, mats = await _submitted()
    clerk = await f.staff("city_clerk")
    deferrable = [m for m in mats if m.necessity == "deferrable"]
    case = await window.accept_with_missing(actor=clerk, settings=None, case_id=case.id, commitment="承诺书已签",
                                            missing=[window.Missing(m.id) for m in deferrable])
    reviewer = await f.staff("city_reviewer_scjg")
    before = case.deadline
    case = await review.extend(actor=reviewer, settings=None, case_id=case.id, days=5, reason="需要现场核查")
    assert before is not None and case.deadline is not None
    assert case.deadline > before and case.extension_days == 5
    with pytest.raises(DomainError) as err:
        await review.extend(actor=reviewer, settings=None, case_id=case.id, days=1, reason="再延")
    assert err.value.code == "ALREADY_EXTENDED"
    case = await review.suspend(actor=reviewer, settings=None, case_id=case.id, reason="组织专家评审")
    assert case.status == "suspended"
    case = await review.resume(actor=reviewer, settings=None, case_id=case.id)
    assert case.status == "accepted"
    case = await window.withdraw(actor=me, settings=None, case_id=case.id, reason="不再需要")
    assert case.status == "withdrawn"
    other = f.as_citizen(await f.citizen())
    with pytest.raises(DomainError) as err:
        await window.withdraw(actor=other, settings=None, case_id=case.id, reason="x")
    assert err.value.code == "NOT_FOUND"


async def test_walk_in_registers_the_person_and_checked_paper_becomes_trust_b() -> None:
    clerk = await f.staff("city_clerk")
    food, fv = await f.item("公共场所卫生许可")
    sit, mats = await f.situation(fv, "公共场所卫生许可新办")
    number = f.id_number()
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    case = await window.receive_walk_in(
        actor=clerk, settings=None, idempotency_key=f.key(), item_id=food.id, situation_id=sit.id,
        person=window.WalkInPerson(id_number=number.lower(), name="王小红", phone=f.phone(),
                                   enterprise_credit_code=ent.credit_code),
        form_data=f.form_answers(fv), materials=[window.PaperMaterial(m.id) for m in mats if m.necessity != "deferrable"],
    )
    assert case.status == "submitted" and case.channel == "window" and case.hall_code == "371500-ZWFWZX"
    events = await CaseEvent.filter(case_id=case.id)
    assert events[0].action == "received" and events[0].actor_name == "刘芳" and events[0].on_behalf_citizen_id
    deferrable = [m for m in mats if m.necessity == "deferrable"]
    case = await window.accept_with_missing(
        actor=clerk, settings=None, case_id=case.id, commitment="申请人已签署承诺书",
        missing=[window.Missing(m.id, "检测报告出具后网上上传") for m in deferrable],
        checks=[window.MaterialCheck(m.id) for m in mats if m.necessity == "required"],
    )
    assert case.status == "accepted"
    assert await VerifiedMaterial.filter(holder_enterprise_id=ent.id, name="卫生许可证申请表").exists()


async def test_two_reviewers_claiming_at_once_one_wins() -> None:
    from server.domain.accounts.roles import Role
    from server.domain.accounts.service import create_user

    me, rep, case, mats = await _submitted()
    clerk = await f.staff("city_clerk")
    await window.accept_with_missing(actor=clerk, settings=None, case_id=case.id, commitment="承诺书已签",
                                     missing=[window.Missing(m.id) for m in mats if m.necessity == "deferrable"])
    others = []
    for i in range(4):
        user = await create_user(actor=None, username=f"race_{f.key()[:10]}", password="race-password-2019",
                                 display_name=f"审批{i}", roles=[Role.DEPT_REVIEWER], region_code="371500",
                                 department_code="371500-XZSPJ")
        others.append(await f.staff(user.username))
    results = await asyncio.gather(
        *[review.claim(actor=a, settings=None, case_id=case.id) for a in others], return_exceptions=True
    )
    wins = [r for r in results if isinstance(r, Case)]
    assert len(wins) == 1, results
    assert all(isinstance(r, DomainError) and r.code in ("CONFLICT", "INVALID_STATE") for r in results if r not in wins)
    row = await Case.get(id=case.id)
    assert row.claimed_by_id == wins[0].claimed_by_id and await CaseEvent.filter(case_id=case.id, action="claimed").count() == 1
