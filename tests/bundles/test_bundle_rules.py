"""The bundle's rules in the domain: the derived status (states.parent_status), which items open and
which are held (bundle_flow), and applying once for ten items — one upload recorded on every item
that needs it, each item routed to its department — idempotently, even twice at once."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from server.domain.cases import bundle_flow, bundles
from server.domain.cases.models import Case, CaseBundle, CaseEvent, CaseMaterial
from server.domain.cases.states import ParentStatus, Status, parent_status
from server.domain.errors import DomainError, DomainErrors
from server.domain.themes.resolve import resolve
from tests import factories as f
from tests.bundles import helpers as t

S = Status


# ---------------------------------------------------------------- the derived status


@pytest.mark.parametrize(("subs", "stages", "withdrawn", "expected", "label"), [
    ([], 2, False, ParentStatus.AT_WINDOW, "已申报，待窗口受理"),
    ([(1, S.SUBMITTED, False), (1, S.SUBMITTED, False)], 2, False, ParentStatus.AT_WINDOW, "已申报，待窗口受理"),
    ([(1, S.ACCEPTED, False), (1, S.SUBMITTED, False)], 2, False, ParentStatus.IN_PROGRESS, "办理中：第 1 阶段（共 2 个阶段）"),
    ([(1, S.CORRECTION_REQUESTED, False), (1, S.SUBMITTED, False)], 2, False, ParentStatus.WAITING_APPLICANT,
     "待申请人补正或补齐材料：第 1 阶段（共 2 个阶段）"),
    ([(1, S.UNDER_REVIEW, True)], 1, False, ParentStatus.WAITING_APPLICANT, "待申请人补正或补齐材料"),
    ([(1, S.COMPLETED, False), (1, S.COMPLETED, False)], 2, False, ParentStatus.IN_PROGRESS, "办理中：第 1 阶段（共 2 个阶段）"),
    ([(1, S.COMPLETED, False), (2, S.ACCEPTED, False)], 2, False, ParentStatus.IN_PROGRESS, "办理中：第 2 阶段（共 2 个阶段）"),
    ([(1, S.COMPLETED, False), (2, S.COMPLETED, False)], 2, False, ParentStatus.DONE, "已全部办结"),
    # approved: done for the bundle (the next stage may open); the results go out together
    ([(1, S.APPROVED, False), (1, S.COMPLETED, False)], 2, False, ParentStatus.IN_PROGRESS, "办理中：第 1 阶段（共 2 个阶段）"),
    ([(1, S.COMPLETED, False), (2, S.APPROVED, False), (2, S.RESULT_ISSUED, False)], 2, False, ParentStatus.RESULTS_READY,
     "各事项均已准予，办理结果待统一领取或寄递"),
    ([(1, S.APPROVED, False), (1, S.DENIED, False)], 1, False, ParentStatus.PARTLY_DENIED, "部分事项未获准予"),
    ([(1, S.COMPLETED, False), (1, S.RESULT_ISSUED, False)], 1, False, ParentStatus.RESULTS_ISSUED,
     "办理结果已统一出件，待领取或寄递中"),
    ([(1, S.COMPLETED, False), (1, S.DENIED, False)], 2, False, ParentStatus.PARTLY_DENIED, "部分事项未获准予"),
    ([(1, S.ACCEPTED, False), (1, S.DENIED, False)], 2, False, ParentStatus.PARTLY_DENIED, "部分事项未获准予"),
    ([(1, S.REJECTED, False), (1, S.WITHDRAWN, False)], 1, False, ParentStatus.FAILED, "未获办理"),
    ([(1, S.COMPLETED, False), (1, S.WITHDRAWN, False)], 2, True, ParentStatus.WITHDRAWN, "已撤回"),
])
def test_the_bundle_status_is_derived_from_what_stands(
    subs: list[tuple[int, Status, bool]], stages: int, withdrawn: bool, expected: ParentStatus, label: str,
) -> None:
    d = parent_status(subs, stages=stages, withdrawn=withdrawn)
    assert (d.status, d.label) == (expected, label)


# ---------------------------------------------------------------- which items open, which are held


PLAN = [
    {"stage": 1, "name": "一", "items": [{"key": "a", "item_id": 1, "name": "A", "depends_on": []},
                                          {"key": "b", "item_id": 2, "name": "B", "depends_on": []}]},
    {"stage": 2, "name": "二", "items": [{"key": "c", "item_id": 3, "name": "C", "depends_on": ["a"]},
                                          {"key": "d", "item_id": 4, "name": "D", "depends_on": ["a", "b"]}]},
    {"stage": 3, "name": "三", "items": [{"key": "e", "item_id": 5, "name": "E", "depends_on": ["c", "d"]}]},
]


def _sub(pk: int, stage: int, item: int, status: Status) -> Any:
    return SimpleNamespace(id=pk, bundle_stage=stage, item_id=item, status=status.value)


def test_an_item_opens_when_what_it_waits_for_completed_and_is_held_when_it_failed() -> None:
    latest = bundle_flow.latest_subs(PLAN, [_sub(1, 1, 1, S.COMPLETED), _sub(2, 1, 2, S.UNDER_REVIEW)])
    # C waits for A only (the theme says so): it opens while B is still being reviewed
    assert [i["key"] for i in bundle_flow.openable(PLAN, latest)] == ["c"]
    latest = bundle_flow.latest_subs(PLAN, [_sub(1, 1, 1, S.COMPLETED), _sub(2, 1, 2, S.DENIED), _sub(3, 2, 3, S.COMPLETED)])
    states = bundle_flow.item_states(PLAN, latest)
    assert states == {"a": "completed", "b": "failed", "c": "completed", "d": "held", "e": "held"}
    assert bundle_flow.holders(PLAN, states, "e") == ["B"]  # through D
    assert bundle_flow.openable(PLAN, latest) == []
    # B applied for again and completed: D opens (its newest sub-case is what counts)
    latest = bundle_flow.latest_subs(PLAN, [_sub(1, 1, 1, S.COMPLETED), _sub(2, 1, 2, S.DENIED), _sub(3, 2, 3, S.COMPLETED),
                                            _sub(9, 1, 2, S.COMPLETED)])
    assert [i["key"] for i in bundle_flow.openable(PLAN, latest)] == ["d"]


# ---------------------------------------------------------------- applying once for ten items


async def test_a_bundle_of_ten_items(database: str) -> None:
    version = await t.publish(t.TEN)
    a = await t.applicant()
    done = await t.apply(a, version)
    b = done.bundle
    subs = await t.subs(b)
    assert len(subs) == 10 and b.stages == 1
    assert {c.department_code for c in subs} == {"371500-XZSPJ", "371500-CGJ", "371500-RSJ", "371500-SWJ", "371500-GJJ",
                                                 "371500-GAJ", "371500-ZJJ"}
    assert len({c.number for c in subs} | {b.number}) == 11 and all(c.status == "submitted" for c in subs)
    # the 委托书 (one standard material, WTS) of the advertising and the fire-acceptance items: one upload on both
    wts = await CaseMaterial.filter(case_id__in=[c.id for c in subs], material__standard_code="WTS")
    assert len(wts) == 2 and len({m.upload_id for m in wts}) == 1 and wts[0].upload_id is not None
    # the 申请书 of every item is generated from the one form; the 营业执照 comes from shared data
    forms = await CaseMaterial.filter(case_id__in=[c.id for c in subs], material__standard_code="SQB")
    assert len(forms) == 7 and {m.state for m in forms} == {"exempt"}
    # accepted in one move, each into its department's queue with its own deadline; the bundle's
    # deadline from the theme's budget (8 working hours: one working day)
    clerk = await f.staff("city_clerk")
    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
    subs = await t.subs(b)
    assert all(c.deadline for c in subs)
    # the instant items among them (tax, social insurance, housing fund…) are approved at once (秒批)
    from server.domain.catalog.models import ItemVersion

    # when their rule holds; one that needs a person (an upload to check) said why at submission
    instant = {v.id for v in await ItemVersion.filter(id__in=[c.version_id for c in subs], instant=True)}
    declined = set(await CaseEvent.filter(case_id__in=[c.id for c in subs], action="instant_declined")
                   .values_list("case_id", flat=True))
    # (an item a partner takes — a bank some other test registered for the city — is the partner's to
    # decide, never instant)
    decided_here = [c for c in subs if not c.partner_code]
    assert {c.status for c in decided_here if c.version_id in instant and c.id not in declined} == {"approved"}
    assert {c.status for c in subs if c.version_id not in instant or c.id in declined or c.partner_code} == {"accepted"}
    assert len(instant) == 6 and len(declined) == 2
    assert b.deadline is not None and b.deadline <= max(c.deadline for c in subs if c.deadline)
    v = await bundles.load_view(b)
    assert v.derived.status == ParentStatus.IN_PROGRESS and v.derived.stages == 1


async def test_the_same_key_twice_at_once_makes_one_bundle(database: str) -> None:
    version = await t.publish(t.RESTAURANT)
    a = await t.applicant()
    key = f.key()
    b = await resolve(version=version, answers={"ad": "no"})
    app = bundles.ThemeApplication(theme_id=version.theme_id, answers={"ad": "no"}, form_data=t.form_for(b.form),
                                   materials=await t.uploads(a, version, {"ad": "no"}), enterprise_id=a.enterprise.id)
    # the same request twice at once (a double tap)
    first, second = await asyncio.gather(*(bundles.submit(actor=a.actor, settings=None, idempotency_key=key, app=app)
                                           for _ in range(2)))
    assert first.bundle.id == second.bundle.id and sorted([first.created, second.created]) == [False, True]
    assert await CaseBundle.filter(idempotency_key__endswith=key).count() == 1
    assert await Case.filter(bundle_id=first.bundle.id).count() == 1


async def test_what_the_applicant_must_give_is_said_once_for_the_bundle(database: str) -> None:
    version = await t.publish(t.RESTAURANT)
    a = await t.applicant()
    with pytest.raises(DomainErrors) as refused:
        await t.apply(a, version, {"ad": "yes"}, leave_out=frozenset({"设计效果图"}))
    assert [(e.code, e.message) for e in refused.value.errors] == [
        ("MISSING_MATERIAL", "请提交“设计效果图、位置平面图及结构安全设计计算书”")]
    with pytest.raises(DomainErrors) as bad:
        await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=bundles.ThemeApplication(
            theme_id=version.theme_id, answers={}, enterprise_id=a.enterprise.id))
    assert {e.code for e in bad.value.errors} == {"INVALID_ANSWERS"}
    # a person theme is not for an enterprise, nor an enterprise theme for a person alone
    with pytest.raises(DomainError) as who:
        await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=bundles.ThemeApplication(
            theme_id=version.theme_id, answers={"ad": "no"}))
    assert who.value.code == "ITEM_UNAVAILABLE" and "企业身份" in who.value.message


async def test_withdrawing_before_acceptance_withdraws_every_item(database: str) -> None:
    version = await t.publish(t.RESTAURANT)
    a = await t.applicant()
    b = (await t.apply(a, version, {"ad": "yes"})).bundle
    b = await bundles.withdraw(actor=a.actor, settings=None, bundle_id=b.id, reason="信息填错")
    assert {c.status for c in await t.subs(b)} == {"withdrawn"}
    v = await bundles.load_view(b)
    assert v.derived.status == ParentStatus.WITHDRAWN and v.denial is not None and v.denial.options == []
    stranger = f.as_citizen(await f.citizen())
    with pytest.raises(DomainError) as hidden:
        await bundles.withdraw(actor=stranger, settings=None, bundle_id=b.id)
    assert hidden.value.code == "NOT_FOUND"


async def test_a_rejection_of_the_bundle_is_proposed_by_the_clerk_and_decided_by_the_supervisor(database: str) -> None:
    version = await t.publish(t.RESTAURANT)
    a = await t.applicant()
    b = (await t.apply(a, version, {"ad": "yes"})).bundle
    clerk, supervisor = await f.staff("city_clerk"), await f.staff("city_supervisor")
    with pytest.raises(DomainError) as alone:
        await bundles.confirm_rejection(actor=clerk, settings=None, bundle_id=b.id)
    assert alone.value.code == "NOT_ALLOWED"
    await bundles.propose_rejection(actor=clerk, settings=None, bundle_id=b.id, reason="不属于本大厅受理范围")
    assert {c.status for c in await t.subs(b)} == {"rejection_proposed"}
    await bundles.overturn_rejection(actor=supervisor, settings=None, bundle_id=b.id, reason="属于受理范围，请受理")
    assert {c.status for c in await t.subs(b)} == {"submitted"}
    await bundles.propose_rejection(actor=clerk, settings=None, bundle_id=b.id, reason="经营场所不符合规划")
    await bundles.confirm_rejection(actor=supervisor, settings=None, bundle_id=b.id)
    v = await bundles.load_view(await CaseBundle.get(id=b.id))
    assert v.derived.status == ParentStatus.FAILED
    assert [(x.name, x.reason) for x in v.denial.failed] == [  # type: ignore[union-attr]
        ("食品经营许可", "经营场所不符合规划"), ("设置大型户外广告审批", "经营场所不符合规划")]
