"""Themed bundles end to end through the HTTP API, as the app and the admin UI drive them: applying
once for a two-stage theme, the window accepting the bundle, each department working its item, the
next stage opening by itself (once, even when the last two items of a stage finish at the same
moment in two requests), a partial denial made explicit and applied for again, one correction notice
across two items, a walk-in bundle accepted with a missing material, tracking without login (masked),
and what each caller may see."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from server.domain.cases import bundle_flow
from server.domain.cases.models import Case as CaseRow
from server.domain.cases.models import CaseBundle, CaseEvent, CaseMaterial, CaseRating
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient


async def _setup(gql: GraphQLClient, settings: Settings, theme: dict[str, Any] = t.RESTAURANT) -> tuple[Any, t.Applicant, GraphQLClient]:
    version = await t.publish(theme)
    a = await t.applicant()
    me = await f.citizen_client(gql, settings, a.rep)
    return version, a, me


async def _events(bundle_pk: int) -> list[str]:
    """The bundle's notifications to the applicant (inbox rows), in order."""
    b = await CaseBundle.get(id=bundle_pk)
    rows = await Outbox.filter(citizen_id=b.contact_citizen_id, channel="inbox").order_by("id").values_list("event", flat=True)
    return [str(r) for r in rows]


def _pk(gid: str) -> int:
    from strawberry import relay

    return int(relay.GlobalID.from_id(gid).node_id)


async def test_two_stage_bundle_through_http(gql: GraphQLClient, settings: Settings) -> None:
    version, a, me = await _setup(gql, settings)
    clerk = await gql.as_user("city_clerk")

    # one application: the bundle and the first stage's two items, each to its department
    i = await g.application(me, a, version, {"ad": "yes"})
    # a theme named by an unknown code, or by nothing, is refused in the payload
    for theme in ({"themeCode": "no-such-theme"}, {}):
        wrong = {k: v for k, v in i.items() if k not in ("themeId", "themeCode")} | theme
        refused = (await me(g.APPLY, {"i": wrong}))["applyForTheme"]
        assert refused["bundle"] is None and [e["code"] for e in refused["errors"]] == [
            "NOT_FOUND" if theme else "INVALID"], refused
    done = (await me(g.APPLY, {"i": i}))["applyForTheme"]
    assert done["errors"] == [] and done["created"], done
    b = done["bundle"]
    assert b["status"] == "AT_WINDOW" and b["stages"] == 2 and b["openStage"] == 1 and b["queryCode"]
    assert b["applicantName"] == a.enterprise.name and b["budget"]["text"] == "10个工作日" and b["themeVersion"]["number"] == b["themeVersionNumber"] == 1
    stage1, stage2 = b["stageList"]
    assert [x["name"] for x in stage1["items"]] == ["食品经营许可", "设置大型户外广告审批"]
    assert [x["state"] for x in stage2["items"]] == ["WAITING", "WAITING"] and not stage2["opened"]
    subs = b["subCases"]
    assert [s["departmentCode"] for s in subs] == ["371500-XZSPJ", "371500-CGJ"]
    assert all(s["status"] == "SUBMITTED" for s in subs)
    # the merged form: each sub-case has its item's keys, the enterprise's credit code filled in
    assert subs[0]["formData"]["creditCode"] == a.enterprise.credit_code
    # the same key again: the same bundle, nothing new
    again = (await me(g.APPLY, {"i": i}))["applyForTheme"]
    assert again["created"] is False and again["bundle"]["id"] == b["id"]
    assert await CaseRow.filter(bundle_id=_pk(b["id"])).count() == 2

    # the window: the bundle is in its queue, and is accepted as one (not item by item)
    one = (await clerk("mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { id } errors { code message } } }",
                       {"i": {"caseId": subs[0]["id"]}}))["acceptCase"]
    assert [e["code"] for e in one["errors"]] == ["INVALID_STATE"] and "主题办件" in one["errors"][0]["message"]
    queue = await clerk("query { bundleQueue(queue: WINDOW, first: 100) { totalCount edges { node { id number } } } }")
    assert b["id"] in [e["node"]["id"] for e in queue["bundleQueue"]["edges"]]
    b = await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    assert b["status"] == "IN_PROGRESS" and b["deadline"] and b["acceptedAt"]
    assert all(s["status"] == "ACCEPTED" and s["deadline"] for s in b["subCases"])
    assert b["statusLabel"] == "办理中：第 1 阶段（共 2 个阶段）"

    # stage 1 worked by its departments; the last completion opens stage 2 without a window visit
    await g.finish_sub(gql, settings, clerk, b["subCases"][0])
    b = await g.read(me, b["id"])
    assert b["openStage"] == 1 and b["stageList"][1]["items"][0]["state"] == "WAITING"
    await g.finish_sub(gql, settings, clerk, b["subCases"][1])
    b = await g.read(me, b["id"])
    new = b["subCases"][2:]
    assert [s["departmentCode"] for s in new] == ["371500-RSJ", "371500-SWJ"]
    # stage 2's items are instant ones (秒批): opened accepted, approved by their rule at once, no reviewer
    assert b["openStage"] == 2 and all(s["status"] == "APPROVED" and s["deadline"] for s in new)
    for s in new:
        actions = await CaseEvent.filter(case_id=_pk(s["id"])).order_by("id").values_list("action", flat=True)
        assert actions == ["opened", "instant_approved"]

    # the notifications speak of the bundle, not of each item (an item's own e-licence excepted)
    told = ["bundle_submitted", "bundle_accepted", "bundle_stage_opened", "bundle_results_ready"]
    events = await _events(_pk(b["id"]))
    assert [e for e in events if e.startswith("bundle_")] == told
    assert set(events) - set(told) == {"elicence_issued"}
    stage_msg = await Outbox.filter(event="bundle_stage_opened", channel="inbox", citizen_id=a.rep.id).first()
    assert stage_msg is not None and stage_msg.params["stage"] == "2" and stage_msg.params["theme"] == "开办餐饮店一件事"
    assert stage_msg.bundle_id == _pk(b["id"])  # the app opens the bundle from the message
    inbox = await me("query { myNotifications(first: 50) { edges { node { event bundleId caseId } } } }")
    told_here = [n["node"] for n in inbox["myNotifications"]["edges"] if n["node"]["event"].startswith("bundle_")]
    assert told_here and {n["bundleId"] for n in told_here} == {b["id"]}

    # every item decided: the results wait to go out together (统一出件), and the applicant heard it once
    assert b["status"] == "RESULTS_READY" and b["denial"] is None and b["finishedAt"] and b["workingDaysUsed"] == 0
    assert all(st["openedAt"] and st["finishedAt"] for st in b["stageList"])
    assert b["stageList"][0]["finishedAt"] <= b["stageList"][1]["openedAt"]
    assert [e for e in await _events(_pk(b["id"])) if e.startswith("bundle_")][-1] == "bundle_results_ready"
    assert b["canRate"] is False  # not before the results are delivered
    # not item by item: the single-case result queue does not list them, nor may one be issued alone
    results = await clerk("query { caseQueue(queue: RESULT, first: 100) { edges { node { id } } } }")
    assert not {s["id"] for s in b["subCases"]} & {e["node"]["id"] for e in results["caseQueue"]["edges"]}
    one = (await clerk("mutation($i: IssueCaseResultInput!) { issueCaseResult(input: $i) { case { id } errors { code message } } }",
                       {"i": {"caseId": new[0]["id"], "method": "PICKUP"}}))["issueCaseResult"]
    assert [e["code"] for e in one["errors"]] == ["INVALID_STATE"] and "统一出件" in one["errors"][0]["message"]
    queue = await clerk("query { bundleQueue(queue: RESULT, first: 100) { edges { node { id } } } }")
    assert b["id"] in [e["node"]["id"] for e in queue["bundleQueue"]["edges"]]
    # one pickup for all four results, one message
    b = await g.do(clerk, "issueBundleResults", "IssueBundleResultsInput", {"bundleId": b["id"], "method": "PICKUP"})
    assert b["resultMethod"] == "PICKUP" and b["resultsIssuedAt"] and b["status"] == "RESULTS_ISSUED"
    assert [s["status"] for s in b["subCases"]] == ["RESULT_ISSUED"] * 4
    again = await g.try_do(clerk, "issueBundleResults", "IssueBundleResultsInput", {"bundleId": b["id"], "method": "PICKUP"})
    assert [e["code"] for e in again["errors"]] == ["INVALID_STATE"]
    b = await g.do(clerk, "completeBundle", "CompleteBundleInput", {"bundleId": b["id"]})
    assert b["status"] == "DONE" and [s["status"] for s in b["subCases"]] == ["COMPLETED"] * 4
    bundle_events = [e for e in await _events(_pk(b["id"])) if e.startswith("bundle_")]
    assert bundle_events[-3:] == ["bundle_results_ready", "bundle_result_pickup", "bundle_completed"]
    assert not await Outbox.filter(event__in=["result_pickup", "evaluation_invitation"], citizen_id=a.rep.id).exists()

    # rated once, as a whole: not item by item, not twice; every department's item carries it
    b = await g.read(me, b["id"])
    assert b["canRate"] is True and b["rating"] is None
    one = (await me("mutation($i: RateCaseInput!) { rateCase(input: $i) { case { id } errors { code message } } }",
                    {"i": {"caseId": new[0]["id"], "level": 5}}))["rateCase"]
    assert [e["code"] for e in one["errors"]] == ["INVALID_STATE"] and "整体评价" in one["errors"][0]["message"]
    b = await g.do(me, "rateBundle", "RateBundleInput", {"bundleId": b["id"], "level": 5, "comment": "一次办好"})
    assert b["rating"] == {"level": 5, "channel": "app", "comment": "一次办好"} and b["canRate"] is False
    again = await g.try_do(me, "rateBundle", "RateBundleInput", {"bundleId": b["id"], "level": 1, "comment": "再评"})
    assert [e["code"] for e in again["errors"]] == ["INVALID_STATE"]
    ratings = await CaseRating.filter(bundle_id=_pk(b["id"])).order_by("id")
    assert [(r.level, r.department_code) for r in ratings] == [
        (5, "371500-XZSPJ"), (5, "371500-CGJ"), (5, "371500-RSJ"), (5, "371500-SWJ")]

    # tracking by number and query code: the stages, masked, no staff names or sub-case numbers
    tracked = (await gql(
        """query($n: String!, $q: String!) { trackBundle(number: $n, queryCode: $q) {
             number themeName applicantName status statusLabel stage stages
             resultMethod resultsIssuedAt
             stageList { number name items { name departmentName stateLabel statusLabel } } } }""",
        {"n": b["number"], "q": b["queryCode"]},
    ))["trackBundle"]
    assert tracked["status"] == "DONE" and [s["name"] for s in tracked["stageList"]] == ["许可办理", "登记备案"]
    assert tracked["resultMethod"] == "PICKUP" and tracked["resultsIssuedAt"]
    # a sub-case names its bundle (for whoever may see it)
    parent = await me("query($id: ID!) { node(id: $id) { ... on Case { bundle { number } } } }", {"id": new[0]["id"]})
    assert parent["node"]["bundle"]["number"] == b["number"]
    assert tracked["stageList"][0]["items"][0]["departmentName"]
    wrong = await gql("query($n: String!) { trackBundle(number: $n, queryCode: \"WRONG000\") { number } }", {"n": b["number"]})
    assert wrong["trackBundle"] is None

    # mine, and as a node; another citizen sees nothing
    mine = await me("query { myBundles(first: 10) { totalCount edges { node { id status } } } }")
    assert [e["node"]["id"] for e in mine["myBundles"]["edges"]] == [b["id"]]
    node = await me("query($id: ID!) { node(id: $id) { ... on Bundle { number } } }", {"id": b["id"]})
    assert node["node"]["number"] == b["number"]
    other = await f.citizen_client(gql, settings, await f.citizen())
    assert (await other("query($id: ID!) { bundle(id: $id) { id } }", {"id": b["id"]}))["bundle"] is None
    assert (await other("query { myBundles { totalCount } }"))["myBundles"]["totalCount"] == 0
    # a reviewer sees the bundle through their item, with the other departments' cases hidden
    rsj = await g.reviewer_client(gql, settings, "371500-RSJ")
    seen = await g.read(rsj, b["id"])
    cases = [x["case"] for st in seen["stageList"] for x in st["items"]]
    assert [c is not None for c in cases] == [False, False, True, False]
    assert seen["queryCode"] is None and seen["applicantName"] == a.enterprise.name


async def test_last_two_items_finishing_at_once_open_the_next_stage_once(
    gql: GraphQLClient, settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two requests complete the last two items of stage 1 at the same moment. Each transaction
    waits a little after writing its item (so that, without the lock on the bundle row, each would
    read the other's item as still open and nothing would open, or both would open stage 2); the
    next stage opens exactly once. On PostgreSQL this is the real test: the transactions overlap."""
    ended = bundle_flow.sub_case_ended

    async def slowly(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(0.2)
        await ended(*args, **kwargs)

    monkeypatch.setattr(bundle_flow, "sub_case_ended", slowly)
    version, a, me = await _setup(gql, settings)
    clerk = await gql.as_user("city_clerk")
    b = (await me(g.APPLY, {"i": await g.application(me, a, version, {"ad": "yes"})}))["applyForTheme"]["bundle"]
    b = await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    first, second = b["subCases"]
    await g.finish_sub(gql, settings, clerk, first, decide=False)
    await g.finish_sub(gql, settings, clerk, second, decide=False)
    # both at their last step; their two departments approve them in two requests at the same moment
    done = await asyncio.gather(g.decide_sub(gql, settings, first), g.decide_sub(gql, settings, second))
    assert [d["status"] for d in done] == ["APPROVED", "APPROVED"]
    pk = _pk(b["id"])
    assert await CaseRow.filter(bundle_id=pk, bundle_stage=2).count() == 2  # not 4, not 0
    row = await CaseBundle.get(id=pk)
    assert row.open_stage == 2
    assert (await _events(pk)).count("bundle_stage_opened") == 1


async def test_a_partial_denial_is_explicit_and_can_be_applied_for_again(gql: GraphQLClient, settings: Settings) -> None:
    version, a, me = await _setup(gql, settings)
    clerk = await gql.as_user("city_clerk")
    b = (await me(g.APPLY, {"i": await g.application(me, a, version, {"ad": "yes"})}))["applyForTheme"]["bundle"]
    b = await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    food, ad = b["subCases"]
    await g.finish_sub(gql, settings, clerk, food)
    await g.finish_sub(gql, settings, clerk, ad, deny="广告设置位置位于城市主干道禁设区域")
    b = await g.read(me, b["id"])
    # what failed and why, what stands, what is held, what the applicant can do
    assert b["status"] == "PARTLY_DENIED" and b["openStage"] == 1
    d = b["denial"]
    assert [(x["itemName"], x["status"], x["reason"]) for x in d["failed"]] == [
        ("设置大型户外广告审批", "DENIED", "广告设置位置位于城市主干道禁设区域")]
    assert d["standing"] == ["食品经营许可"]
    assert [(h["itemName"], h["becauseOf"]) for h in d["held"]] == [
        ("单位社会保险登记", ["设置大型户外广告审批"]), ("单位纳税人税务信息确认", ["设置大型户外广告审批"])]
    assert d["options"] == ["重新申请“设置大型户外广告审批”", "撤回其余在办事项（整件撤回）"]
    assert "设置大型户外广告审批" in d["summary"] and "暂缓" in d["summary"]
    assert [x["state"] for x in b["stageList"][1]["items"]] == ["HELD", "HELD"]
    assert await CaseRow.filter(bundle_id=_pk(b["id"]), bundle_stage=2).count() == 0  # nothing opened
    failed = await Outbox.filter(event="bundle_item_failed", citizen_id=a.rep.id, channel="inbox").first()
    assert failed is not None and "禁设区域" in failed.params["reason"] and "暂缓" in failed.params["effect"]
    # the per-item "denied" message is the bundle's to say
    assert not await Outbox.filter(event="denied", citizen_id=a.rep.id).exists()

    # applied for again inside the bundle: back to the window, accepted, approved: stage 2 opens
    again = (await me(
        "mutation($i: ReapplyBundleItemInput!) { reapplyBundleItem(input: $i) { case { id status departmentCode } "
        + g.ERR + " } }", {"i": {"bundleId": b["id"], "caseId": ad["id"]}}))["reapplyBundleItem"]
    assert again["errors"] == [] and again["case"]["status"] == "SUBMITTED"
    b = await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    item = b["stageList"][0]["items"][1]
    assert item["attempts"] == 2 and item["state"] == "OPEN" and b["denial"] is None
    await g.finish_sub(gql, settings, clerk, {"id": again["case"]["id"], "departmentCode": "371500-CGJ"})
    b = await g.read(me, b["id"])
    # stage 2 opens; its two instant items are approved at once (秒批)
    assert b["openStage"] == 2 and [x["state"] for x in b["stageList"][1]["items"]] == ["COMPLETED", "COMPLETED"]
    assert b["status"] == "RESULTS_READY"


async def test_withdrawing_the_rest_after_a_denial(gql: GraphQLClient, settings: Settings) -> None:
    version, a, me = await _setup(gql, settings)
    clerk = await gql.as_user("city_clerk")
    b = (await me(g.APPLY, {"i": await g.application(me, a, version, {"ad": "yes"})}))["applyForTheme"]["bundle"]
    b = await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    await g.finish_sub(gql, settings, clerk, b["subCases"][1], deny="材料不符合要求")
    b = await g.do(me, "withdrawBundle", "BundleReasonInput", {"bundleId": b["id"], "reason": "不再开办"})
    assert b["status"] == "WITHDRAWN" and b["withdrawnAt"]
    assert [s["status"] for s in b["subCases"]] == ["WITHDRAWN", "DENIED"]
    assert b["denial"]["options"] == []  # nothing left to do
    again = await g.try_do(me, "withdrawBundle", "BundleReasonInput", {"bundleId": b["id"]})
    assert [e["code"] for e in again["errors"]] == ["INVALID_STATE"]
    events = await _events(_pk(b["id"]))
    assert events[-2:] == ["bundle_item_failed", "bundle_withdrawn"]


async def test_one_correction_notice_across_two_items(gql: GraphQLClient, settings: Settings) -> None:
    version, a, me = await _setup(gql, settings)
    clerk = await gql.as_user("city_clerk")
    b = (await me(g.APPLY, {"i": await g.application(me, a, version, {"ad": "yes"})}))["applyForTheme"]["bundle"]
    row = await CaseBundle.get(id=_pk(b["id"]))
    equipment = await t.key_of(row, "主要设备设施")  # 食品经营许可's own
    design = await t.key_of(row, "设计效果图")  # 户外广告's own
    b = await g.do(clerk, "requestBundleCorrection", "RequestBundleCorrectionInput", {"bundleId": b["id"], "items": [
        {"key": equipment, "note": "设备清单缺少冷藏设施"},
        {"key": design, "note": "效果图须标注尺寸"},
        {"note": "申请表经营项目应与营业执照一致"},
    ]})
    assert b["status"] == "WAITING_APPLICANT"
    assert [s["status"] for s in b["subCases"]] == ["CORRECTION_REQUESTED", "CORRECTION_REQUESTED"]
    notice = b["correctionNotice"]
    assert notice["caseNumber"] == b["number"] and notice["itemName"] == "开办餐饮店一件事"
    assert [x["requirement"] for x in notice["items"]] == ["设备清单缺少冷藏设施", "效果图须标注尺寸", "申请表经营项目应与营业执照一致"]
    # the set says what to supply, by the key supplying names, with the window's note
    asked = {m["key"]: m for m in b["materials"] if m["state"] == "PENDING"}
    assert {equipment, design} <= set(asked) and asked[equipment]["supplyNote"] == "设备清单缺少冷藏设施"
    assert asked[design]["itemKeys"] == ["ad"]
    # one message for the bundle (no per-item correction message), listing everything
    pk = _pk(b["id"])
    assert (await _events(pk)).count("bundle_correction_needed") == 1
    assert not await Outbox.filter(event="correction_needed", citizen_id=a.rep.id).exists()
    # the applicant supplies once for the bundle; both items return to the window
    b = await g.do(me, "supplyBundleMaterials", "SupplyBundleMaterialsInput", {"bundleId": b["id"], "materials": [
        {"key": equipment, "uploadId": await g.upload(me.http, me.token)},
        {"key": design, "uploadId": await g.upload(me.http, me.token)},
    ]})
    assert [s["status"] for s in b["subCases"]] == ["SUBMITTED", "SUBMITTED"]
    # told once: no second notice for the bundle
    again = await g.try_do(clerk, "requestBundleCorrection", "RequestBundleCorrectionInput", {
        "bundleId": b["id"], "items": [{"note": "再补"}]})
    assert [e["code"] for e in again["errors"]] == ["CORRECTION_ALREADY_SENT"]
    b = await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    assert b["status"] == "IN_PROGRESS"


async def test_a_walk_in_bundle_accepted_with_a_missing_material(gql: GraphQLClient, settings: Settings) -> None:
    version = await t.publish(t.RESTAURANT)
    a = await t.applicant()
    clerk = await gql.as_user("city_clerk")
    from server.domain.themes.resolve import resolve

    resolved = await resolve(version=version, answers={"ad": "no"})
    paper = [{"key": m.key, "provided": True} for m in resolved.materials
             if not m.generated and not m.shared_data and m.necessity == "required"]
    deferrable = [m for m in resolved.materials if m.necessity == "deferrable" and not m.shared_data]
    assert deferrable, "食品经营许可 has a deferrable material"
    data = (await clerk(
        g.BUNDLE + "mutation($i: ReceiveWalkInBundleInput!) { receiveWalkInBundle(input: $i) { bundle { ...B } " + g.ERR + " } }",
        {"i": {"idempotencyKey": uuid.uuid4().hex, "themeCode": (await version.theme).code, "answers": {"ad": "no"},
               "applicant": {"idNumber": a.rep.id_number, "enterpriseCreditCode": a.enterprise.credit_code},
               "formData": t.form_for(resolved.form), "materials": paper}},
    ))["receiveWalkInBundle"]
    assert data["errors"] == [], data
    b = data["bundle"]
    assert [s["departmentCode"] for s in b["subCases"]] == ["371500-XZSPJ"]  # no advertising: one item in stage 1
    refused = await g.try_do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": b["id"]})
    assert {e["code"] for e in refused["errors"]} == {"MISSING_MATERIAL"}
    b = await g.do(clerk, "acceptBundleWithMissing", "AcceptBundleWithMissingInput", {
        "bundleId": b["id"], "commitment": "本人承诺 5 个工作日内补交", "missing": [
            {"key": deferrable[0].key, "how": "网上上传"}]})
    assert b["status"] == "WAITING_APPLICANT"
    notice = b["deferralNotice"]
    assert notice["caseNumber"] == b["number"] and notice["clerk"] == "刘芳"
    assert [m["requirement"] for m in notice["materials"]] == ["网上上传"]
    pk = _pk(b["id"])
    assert (await _events(pk)) == ["bundle_submitted", "bundle_accepted_missing"]
    # paper checked at the window counts as verified (B) once per material of the set
    assert await CaseMaterial.filter(case_id=_pk(b["subCases"][0]["id"]), trust="B").exists()


async def test_the_detail_page_costs_the_same_for_two_items_and_ten(gql: GraphQLClient, settings: Settings, sql: Any) -> None:
    counts = []
    for n in (2, 10):
        version, a, me = await _setup(gql, settings, t.two_of_ten(n))
        b = (await me(g.APPLY, {"i": await g.application(me, a, version, {})}))["applyForTheme"]
        assert b["errors"] == [], b["errors"]
        assert len(b["bundle"]["subCases"]) == n
        with sql() as counter:
            page = await g.read(me, b["bundle"]["id"])
        assert len(page["subCases"]) == n and len(page["stageList"][0]["items"]) == n
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
