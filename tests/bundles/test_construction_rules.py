"""工程建设项目审批's rules: the 项目代码 check, the theme's budgets by investment type, the send-back
move of the lifecycle table (who may send back, who may resubmit, the applicant's time off the
clock) and what it holds in a bundle."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from server.domain.cases import sendback
from server.domain.cases.models import Case
from server.domain.cases.states import TABLE, Action, ParentStatus, Party, Status, parent_status
from server.domain.construction.service import code_problems
from server.domain.errors import DomainError
from server.domain.themes.content import content_from_dict
from server.domain.themes.content import validate as validate_content
from tests import factories as f
from tests.bundles import helpers as t

REGIONS = {"371500", "371502"}
TODAY = date(2025, 6, 1)


def _messages(code: str, kind: str = "social", answers: dict[str, str] | None = None) -> list[str]:
    return [e.message for e in code_problems(code, investment_type=kind, answers=answers or {}, known_regions=REGIONS,
                                             today=TODAY)]


def test_a_project_code_is_checked_segment_by_segment() -> None:
    assert _messages("2025-371500-47-03-000123", answers={"approval": "filing"}) == []
    assert _messages("2024-371502-48-02-000001", answers={"approval": "approval"}) == []
    assert _messages("2025-371500-47-01-000123", "government") == []
    assert _messages("2025371500-47-01-000123") == [
        "项目代码格式应为“年份-地区代码-行业代码-项目类型-流水号”，如 2025-371500-47-01-000123"]
    assert _messages("2026-110000-99-04-000000") == [
        "项目代码的年份 2026 不正确（赋码年份应在 2000 年至今年之间）", "项目代码的地区代码 110000 不是本市的行政区划代码",
        "项目代码的行业代码 99 不正确（应为国民经济行业分类的大类代码 01–97）", "项目代码的项目类型 04 不正确（01 审批、02 核准、03 备案）",
        "项目代码的流水号不能为 000000"]
    assert _messages("2025-371500-47-03-000123", "government") == ["政府投资项目的项目代码应为审批类（项目类型 01）"]
    assert _messages("2025-371500-47-03-000123", answers={"approval": "approval"}) == [
        "项目代码为备案类，与所选的项目管理方式（核准类）不一致"]


def _theme(**changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "name": "测试工程建设", "audience": "enterprise", "life_stage": "construction", "lead_department": "371500-XZSPJ",
        "budget": {"value": 100, "unit": "working_day"}, "guide": t.GUIDE,
        "budgets": {"social": {"total": 100, "main": 45}},
        "stages": [
            {"key": "a", "name": "一", "main": True, "budgets": {"social": 30},
             "items": [{"key": "design", "basic_code": "100502001000", "department": "371500-ZRZYJ"}]},
            {"key": "b", "name": "二", "budgets": {"social": 20},
             "items": [{"key": "drawings", "basic_code": "100503002000", "department": "371500-ZJJ", "intermediary": True}]},
        ],
    }
    raw.update(changes)
    return raw


def test_budgets_by_investment_type_are_validated_with_each_stage_share() -> None:
    ok = content_from_dict(_theme())
    assert ok.stages[1]["items"][0]["intermediary"] is True and ok.stages[0]["main"] is True
    assert [p.message for p in validate_content(ok) if "时限" in p.message] == []
    over = content_from_dict(_theme(budgets={"social": {"total": 40, "main": 50}, "private": {"total": 1, "main": 1}}))
    assert sorted(p.message for p in validate_content(over) if "时限" in p.message or "投资类型" in p.message) == sorted([
        "未知的投资类型：private（应为 government 或 social）", "社会投资项目的主流程时限不能超过全流程时限",
        "社会投资项目各阶段的时限份额之和超过全流程时限 40 个工作日"])
    stages = _theme()["stages"]
    stages[0]["budgets"] = {"social": 50}
    del stages[1]["budgets"]
    shares = content_from_dict(_theme(stages=stages))
    assert sorted(p.message for p in validate_content(shares) if "份额" in p.message) == [
        "社会投资项目主流程各阶段的时限份额之和超过主流程时限 45 个工作日", "阶段须写明社会投资项目的时限份额（工作日）"]


def test_the_table_has_the_send_back_and_the_resubmission() -> None:
    back = TABLE[(Status.UNDER_REVIEW, Action.SENT_BACK)]
    assert back.to == (Status.RETURNED,) and back.who == frozenset({Party.REVIEWER})
    again = TABLE[(Status.RETURNED, Action.RESUBMITTED)]
    assert again.to == (Status.UNDER_REVIEW,) and Party.APPLICANT in again.who and Party.REVIEWER not in again.who
    assert (Status.ACCEPTED, Action.SENT_BACK) not in TABLE  # only a claimed case is sent back
    assert (Status.RETURNED, Action.WITHDRAWN) in TABLE
    assert parent_status([(2, Status.RETURNED, False), (1, Status.APPROVED, False)], stages=4).status == (
        ParentStatus.WAITING_APPLICANT)


async def test_only_the_claimant_sends_back_and_only_the_applicant_resubmits(database: str) -> None:
    theme = _theme()
    theme["budgets"] = {}
    for st in theme["stages"]:
        st.pop("budgets"), st.pop("main", None)
    tv = await t.publish(theme)
    a = await t.applicant()
    from server.domain.cases import bundles
    from server.domain.themes.resolve import resolve

    resolved = await resolve(version=tv, answers={})
    files = [bundles.MaterialFile(m.key, await f.upload(a.actor, m.name)) for m in resolved.materials
             if m.necessity != "optional" and not m.generated]  # the shared bases do not know this enterprise
    b = (await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=bundles.ThemeApplication(
        theme_id=tv.theme_id, form_data=t.form_for(resolved.form), materials=files, enterprise_id=a.enterprise.id))).bundle

    b = await bundles.accept(actor=await f.staff("city_clerk"), settings=None, bundle_id=b.id)
    [design] = [c for c in await t.subs(b) if c.status == "accepted"]
    r = await t.reviewer(design.department_code)
    from server.domain.cases import review

    with pytest.raises(DomainError, match="无权"):
        await sendback.send_back(actor=a.actor, settings=None, case_id=design.id, reason="补正")
    with pytest.raises(DomainError, match="不能审查中退回申请人补正"):  # not claimed yet: the table has no move
        await sendback.send_back(actor=r, settings=None, case_id=design.id, reason="补正")
    await review.claim(actor=r, settings=None, case_id=design.id)
    other = await f.staff((await f.new_staff("dept_reviewer", department_code=design.department_code)).username)
    with pytest.raises(DomainError, match="其他审批人员领取"):
        await sendback.send_back(actor=other, settings=None, case_id=design.id, reason="补正")
    with pytest.raises(DomainError, match="请填写退回补正的理由和要求"):
        await sendback.send_back(actor=r, settings=None, case_id=design.id, reason=" ")
    done = await sendback.send_back(actor=r, settings=None, case_id=design.id, reason="设计说明缺少日照分析")
    assert done.status == "returned" and done.correction_note == "设计说明缺少日照分析"
    # the item after it is held, naming it
    v = bundles.view(b, await t.subs(b))
    assert [(i.key, i.state, i.held_by) for i in v.items] == [
        ("design", "open", []), ("drawings", "held", [design.item_name])]
    stranger = f.as_citizen(await f.citizen())
    with pytest.raises(DomainError, match="办件不存在或无权查看"):
        await sendback.resubmit(actor=stranger, settings=None, case_id=design.id)
    back = await sendback.resubmit(actor=a.actor, settings=None, case_id=design.id, note="已补充日照分析")
    assert back.status == "under_review" and back.claimed_by_id == r.user_id
    assert (await Case.get(id=design.id)).paused_since is None
    with pytest.raises(DomainError, match="不能补正后重新提交"):  # once only: it is under review again
        await sendback.resubmit(actor=a.actor, settings=None, case_id=design.id)


async def _construction_app(a: t.Applicant, code: str) -> Any:
    from server.domain.cases import bundles
    from server.domain.construction.service import ProjectInput
    from server.domain.themes.resolve import resolve
    from server.domain.themes.service import published_version

    version = await published_version(code="construction-approval")
    assert version is not None
    answers = {"approval": "filing", "land": "transfer", "civil_defence": "no", "fire": "no"}
    resolved = await resolve(version=version, answers=answers)
    files = [bundles.MaterialFile(m.key, await f.upload(a.actor, m.name)) for m in resolved.materials
             if m.necessity != "optional" and not m.generated]
    return bundles.ThemeApplication(theme_id=version.theme_id, answers=answers, form_data=t.form_for(resolved.form),
                                    materials=files, enterprise_id=a.enterprise.id,
                                    project=ProjectInput(code, "social", "聊城市东昌府区建设路 1 号"))


async def test_a_denied_item_holds_the_stages_after_it_and_a_project_code_is_taken_until_withdrawn(database: str) -> None:
    import uuid

    from server.domain.cases import bundles
    from server.domain.construction import service as construction
    from server.domain.construction.models import ConstructionProject
    from server.domain.errors import DomainErrors

    a = await t.applicant()
    code = f"2025-371500-47-03-{uuid.uuid4().int % 999_999 + 1:06d}"
    b = (await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=await _construction_app(a, code))).bundle
    b = await bundles.accept(actor=await f.staff("city_clerk"), settings=None, bundle_id=b.id)
    land = next(c for c in await t.subs(b) if c.basic_code == "010501002000")
    await t.finish(land, deny="用地范围与规划条件不符")
    project = await ConstructionProject.get(bundle_id=b.id)
    time = await construction.project_time(b, await t.subs(b), project)
    assert [s.status for s in time.stages] == ["with_applicant", "held", "held", "held"]
    assert time.stages[1].held_by == [land.item_name]
    [todo] = time.todo
    assert (todo.kind, todo.reason, todo.stage) == ("reapply", "用地范围与规划条件不符", 1)
    # the project's code is taken while its bundle stands
    again = await _construction_app(a, code)
    with pytest.raises(DomainErrors) as refused:
        await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=again)
    assert [e.message for e in refused.value.errors] == [f"项目代码 {code} 已有在办的工程建设项目审批，请勿重复申请"]
    # (nothing of it can be withdrawn now: the applicant applies again for the land permit inside it)
    # a project withdrawn while at the window frees its code
    other = f"2025-371500-47-03-{uuid.uuid4().int % 999_999 + 1:06d}"
    first = (await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=await _construction_app(a, other))).bundle
    await bundles.withdraw(actor=a.actor, settings=None, bundle_id=first.id, reason="重新策划项目")
    fresh = (await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=await _construction_app(a, other))).bundle
    assert (await ConstructionProject.get(bundle_id=fresh.id)).code == other


async def test_the_window_receives_a_construction_project_walk_in_with_its_project(database: str) -> None:
    import uuid

    from server.domain.cases import bundles
    from server.domain.cases import window as desk
    from server.domain.construction.models import ConstructionProject
    from server.domain.construction.service import ProjectInput
    from server.domain.errors import DomainErrors
    from server.domain.themes.resolve import resolve
    from server.domain.themes.service import published_version

    version = await published_version(code="construction-approval")
    assert version is not None
    a = await t.applicant()
    clerk = await f.staff("city_clerk")
    answers = {"approval": "approval", "land": "allocation", "civil_defence": "yes", "fire": "yes"}
    resolved = await resolve(version=version, answers=answers)
    person = desk.WalkInPerson(id_number=a.rep.id_number or "", enterprise_credit_code=a.enterprise.credit_code)
    paper = [bundles.MaterialFile(m.key) for m in resolved.materials if m.necessity != "optional" and not m.generated]

    async def receive(project: ProjectInput | None) -> Any:
        return await bundles.receive_walk_in(
            actor=clerk, settings=None, idempotency_key=f.key(), theme_id=version.theme_id, answers=answers, person=person,
            form_data=t.form_for(resolved.form), materials=paper, project=project)

    with pytest.raises(DomainErrors) as missing:
        await receive(None)
    assert [e.message for e in missing.value.errors] == ["请填写工程建设项目信息（项目代码、投资类型、建设地点）"]
    code = f"2025-371502-48-01-{uuid.uuid4().int % 999_999 + 1:06d}"
    b = await receive(ProjectInput(code, "government", "聊城市东昌府区柳园街道"))
    row = await ConstructionProject.get(bundle_id=b.id)
    assert (row.investment_type, row.total_days, row.main_days, row.unit_name) == ("government", 100, 70, a.enterprise.name)
    assert row.stage_days == {"land": 25, "planning": 20, "construction": 25, "acceptance": 20}
    assert b.channel == "window" and b.applicant_enterprise_id == a.enterprise.id
