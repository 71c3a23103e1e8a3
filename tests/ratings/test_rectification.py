"""差评整改 over HTTP (issue 18): a bad rating opens a rectification for the department, due in
working days; handled, reviewed when unable, appealed (upheld and rejected), extended once, carded
yellow and red when late, and every real-name bad rating revisited."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

from server.domain.accounts.models import Citizen
from server.domain.calendar import service as calendar
from server.domain.cases import clock, rectification
from server.domain.cases.models import Case, CaseRating, Rectification
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

RATE = "mutation($i: RateCaseInput!) { rateCase(input: $i) { errors { field message code } } }"
FIELDS = """id status statusLabel dueDate extended card measures review reviewNote realName needsRevisit
  caseNumber rating { level excluded excludedReason } revisit { satisfaction method }"""
LIST = f"query($s: String) {{ rectifications(status: $s, first: 200) {{ total items {{ {FIELDS} }} }} }}"
ONE = f"query($id: ID!) {{ rectification(id: $id) {{ {FIELDS} }} }}"


def op(name: str, kind: str) -> str:
    return (f"mutation($i: {kind}!) {{ {name}(input: $i) {{ rectification {{ {FIELDS} }} errors {{ field message code }} }} }}")


START, FINISH = op("startRectification", "RectificationInput"), op("finishRectification", "RectificationInput")
UNABLE, REVIEW_UNABLE = op("reportUnableToRectify", "RectificationInput"), op("reviewUnableToRectify", "RectificationReviewInput")
APPEAL, REVIEW_APPEAL = op("appealRating", "RectificationInput"), op("reviewRatingAppeal", "RectificationReviewInput")
EXTEND, REVISIT = op("extendRectification", "ExtendRectificationInput"), op("recordRatingRevisit", "RecordRatingRevisitInput")


def gid(pk: int, kind: str = "Case") -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


async def _bad(gql: GraphQLClient, settings: Settings, level: int = 1) -> tuple[Case, str]:
    case, citizen_id = await f.completed_case(settings)
    me = await f.citizen_client(gql, settings, await Citizen.get(id=citizen_id))
    assert (await me(RATE, {"i": {"caseId": gid(case.id), "level": level, "comment": "窗口让我跑了三趟"}}))["rateCase"]["errors"] == []
    row = await Rectification.get(case_id=case.id)
    return case, gid(row.id, "Rectification")


def ok(result: dict[str, Any], name: str) -> dict[str, Any]:
    payload = result[name]
    assert payload["errors"] == [], payload["errors"]
    return dict(payload["rectification"])


async def test_a_bad_rating_is_rectified_and_revisited(gql: GraphQLClient, settings: Settings) -> None:
    case, rid = await _bad(gql, settings)
    row = await Rectification.get(case_id=case.id)
    expected = await calendar.add_working_days(region_path_or_code=case.region_code, start=clock.today(),
                                               days=settings.rectification_days)
    assert (row.status, row.department_code, row.hall_code, row.due_date) == (
        "pending", case.department_code, case.hall_code, expected.deadline)
    assert await Outbox.filter(event="rectification_assigned", case_id=case.id).exists()
    reviewer = await gql.as_user("city_reviewer_scjg")
    listed = (await reviewer(LIST, {"s": "pending"}))["rectifications"]
    assert rid in [r["id"] for r in listed["items"]]
    other_dept = await gql.as_user("city_reviewer_bdc")
    assert rid not in [r["id"] for r in (await other_dept(LIST, {"s": None}))["rectifications"]["items"]]
    assert (await other_dept(START, {"i": {"id": rid}}))["startRectification"]["errors"][0]["code"] == "NOT_FOUND"
    clerk = await gql.as_user("city_clerk")
    assert (await clerk(START, {"i": {"id": rid}}))["startRectification"]["errors"][0]["code"] == "NOT_ALLOWED"
    assert ok(await reviewer(START, {"i": {"id": rid}}), "startRectification")["status"] == "in_progress"
    early = (await reviewer(REVISIT, {"i": {"id": rid, "satisfaction": 5}}))["recordRatingRevisit"]
    assert early["errors"][0]["code"] == "INVALID_STATE"
    empty = (await reviewer(FINISH, {"i": {"id": rid, "text": " "}}))["finishRectification"]
    assert empty["errors"][0]["field"] == ["measures"]
    done = ok(await reviewer(FINISH, {"i": {"id": rid, "text": "窗口一次性告知清单已更新，相关人员已培训"}}),
              "finishRectification")
    assert (done["status"], done["realName"], done["needsRevisit"]) == ("done", True, True)
    visited = ok(await reviewer(REVISIT, {"i": {"id": rid, "satisfaction": 4, "method": "phone", "note": "认可整改"}}),
                 "recordRatingRevisit")
    assert visited["revisit"] == {"satisfaction": 4, "method": "phone"} and visited["needsRevisit"] is False
    twice = (await reviewer(REVISIT, {"i": {"id": rid, "satisfaction": 5}}))["recordRatingRevisit"]
    assert twice["errors"][0]["message"] == "已回访过"


async def test_appeals_upheld_and_rejected(gql: GraphQLClient, settings: Settings) -> None:
    upheld_case, upheld = await _bad(gql, settings)
    _, rejected = await _bad(gql, settings, level=2)
    reviewer = await gql.as_user("city_reviewer_scjg")
    admin = await gql.as_user("city_admin")
    for rid in (upheld, rejected):
        assert ok(await reviewer(APPEAL, {"i": {"id": rid, "text": "评价内容与本次办件无关"}}), "appealRating")["status"] == "appealed"
    # the city reviews, not the department
    refused = (await reviewer(REVIEW_APPEAL, {"i": {"id": upheld, "approve": True, "note": "自己复核"}}))["reviewRatingAppeal"]
    assert refused["errors"][0]["code"] == "NOT_ALLOWED"
    up = ok(await admin(REVIEW_APPEAL, {"i": {"id": upheld, "approve": True, "note": "经核实为误评"}}), "reviewRatingAppeal")
    assert (up["status"], up["review"], up["rating"]["excluded"], up["rating"]["excludedReason"]) == (
        "upheld", "upheld", True, "经核实为误评")
    kept = await CaseRating.get(case_id=upheld_case.id)  # never deleted
    assert kept.level == 1 and kept.excluded
    no = ok(await admin(REVIEW_APPEAL, {"i": {"id": rejected, "approve": False, "note": "差评属实，应整改"}}),
            "reviewRatingAppeal")
    assert (no["status"], no["review"], no["rating"]["excluded"]) == ("in_progress", "rejected", False)
    again = (await reviewer(APPEAL, {"i": {"id": rejected, "text": "再申诉"}}))["appealRating"]
    assert again["errors"][0]["message"] == "已申诉过一次"
    # measures: the upheld one is out of the bad count, kept in the rows
    m = await rectification.measures(rectification.Q(id__in=[upheld_case.id]))
    assert (m.bad, m.excluded, m.rated_by_people) == (0, 1, 1)


async def test_unable_to_rectify_is_reviewed_by_a_supervisor(gql: GraphQLClient, settings: Settings) -> None:
    _, rid = await _bad(gql, settings)
    reviewer = await gql.as_user("city_reviewer_scjg")
    supervisor = await gql.as_user("city_admin")
    assert ok(await reviewer(UNABLE, {"i": {"id": rid, "text": "法定时限所限"}}), "reportUnableToRectify")["status"] == "unable_review"
    self_review = (await reviewer(REVIEW_UNABLE, {"i": {"id": rid, "approve": True, "note": "同意"}}))["reviewUnableToRectify"]
    assert self_review["errors"][0]["code"] == "NOT_ALLOWED"
    back = ok(await supervisor(REVIEW_UNABLE, {"i": {"id": rid, "approve": False, "note": "可以缩短时限，继续整改"}}),
              "reviewUnableToRectify")
    assert back["status"] == "in_progress"
    assert ok(await reviewer(UNABLE, {"i": {"id": rid, "text": "法定时限，无法缩短"}}), "reportUnableToRectify")
    accepted = ok(await supervisor(REVIEW_UNABLE, {"i": {"id": rid, "approve": True, "note": "情况属实"}}),
                  "reviewUnableToRectify")
    assert (accepted["status"], accepted["review"], accepted["needsRevisit"]) == ("unable", "accepted", True)


async def test_one_extension_and_the_red_card_when_overdue(gql: GraphQLClient, settings: Settings) -> None:
    case, rid = await _bad(gql, settings)
    reviewer = await gql.as_user("city_reviewer_scjg")
    before = (await reviewer(ONE, {"id": rid}))["rectification"]["dueDate"]
    ext = ok(await reviewer(EXTEND, {"i": {"id": rid, "days": 3, "reason": "需协调窗口排班"}}), "extendRectification")
    assert ext["extended"] is True and ext["dueDate"] > before
    twice = (await reviewer(EXTEND, {"i": {"id": rid, "days": 2, "reason": "再延"}}))["extendRectification"]
    assert twice["errors"][0]["code"] == "ALREADY_EXTENDED"
    row = await Rectification.get(case_id=case.id)
    # on the due day: yellow; after it: red, each once
    assert await rectification.cards(today=row.due_date, settings=settings) >= 1
    assert (await Rectification.get(id=row.id)).card == "yellow"
    assert await Outbox.filter(event="rectification_yellow", case_id=case.id).exists()
    late = row.due_date + timedelta(days=1)
    assert await rectification.cards(today=late, settings=settings) >= 1
    assert (await reviewer(ONE, {"id": rid}))["rectification"]["card"] == "red"
    assert await Outbox.filter(event="rectification_red", case_id=case.id).exists()
    red_count = await Outbox.filter(event="rectification_red", case_id=case.id).count()
    await rectification.cards(today=late, settings=settings)
    assert await Outbox.filter(event="rectification_red", case_id=case.id).count() == red_count  # once
    listed = (await reviewer("{ rectifications(card: \"red\", first: 200) { items { id } } }"))["rectifications"]
    assert rid in [r["id"] for r in listed["items"]]


async def test_ratings_list_and_measures_are_scoped(gql: GraphQLClient, settings: Settings) -> None:
    case, rid = await _bad(gql, settings)
    reviewer = await gql.as_user("city_reviewer_scjg")
    rated = (await reviewer("{ caseRatings(badOnly: true, first: 200) { total items { caseNumber rating { level } } } }"))
    assert case.number in [r["caseNumber"] for r in rated["caseRatings"]["items"]]
    other = await gql.as_user("city_reviewer_bdc")
    theirs = (await other("{ caseRatings(badOnly: true, first: 200) { items { caseNumber } } }"))["caseRatings"]["items"]
    assert case.number not in [r["caseNumber"] for r in theirs]
    m = (await reviewer("{ ratingMeasures { completed ratedByPeople bad coverage badShare realNameBad revisitRate } }"))
    measures = m["ratingMeasures"]
    assert measures["bad"] >= 1 and measures["realNameBad"] >= 1 and 0 < measures["coverage"] <= 1
    citizen = await f.citizen_client(gql, settings, await f.citizen())
    refused = await citizen("{ ratingMeasures { bad } }", expect_errors=True)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
