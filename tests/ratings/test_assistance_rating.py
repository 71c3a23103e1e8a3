"""好差评 of 帮办代办 over HTTP (issue 18): the request "closes with the person's confirmation and is
rated like a case" — the same five levels and the national dimension sets (the window set for help
in person, the online set for remote help), one rating per request whatever the channel, a bad one
opening a rectification for the hall (started, finished, revisited like a case's), and the measures
counting it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.domain.accounts import tokens
from server.domain.accounts.models import StaffUser
from server.domain.cases import clock, rectification
from server.domain.cases.models import CaseRating, Rectification
from server.domain.complaints.models import AssistanceRequest
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient, refusal

ERRS = "errors { code field message }"
REQUEST = f"mutation($i: RequestAssistanceInput!) {{ requestAssistance(input: $i) {{ request {{ id number }} {ERRS} }} }}"
ASSIGN = f"mutation($i: AssignAssistanceAgentInput!) {{ assignAssistanceAgent(input: $i) {{ request {{ id }} {ERRS} }} }}"
CONTACT = f"mutation($i: RecordAssistanceContactInput!) {{ recordAssistanceContact(input: $i) {{ request {{ id }} {ERRS} }} }}"
CONFIRM = f"mutation($i: CloseAssistanceInput!) {{ confirmAssistance(input: $i) {{ request {{ id status }} {ERRS} }} }}"
RATING = "rating { level levelLabel channel comment dimensionSet dimensionVersion scores { key label score } hallCode }"
RATE = f"mutation($i: RateAssistanceInput!) {{ rateAssistance(input: $i) {{ request {{ id status {RATING} }} {ERRS} }} }}"
MINE = f"{{ myAssistanceRequests {{ id {RATING} }} }}"
RECTS = "{ rectifications(first: 200) { total items { id caseNumber itemName departmentCode hallCode status rating { level channel } } } }"
START = f"mutation($i: RectificationInput!) {{ startRectification(input: $i) {{ rectification {{ status }} {ERRS} }} }}"
FINISH = f"mutation($i: RectificationInput!) {{ finishRectification(input: $i) {{ rectification {{ status needsRevisit }} {ERRS} }} }}"
REVISIT = f"""mutation($i: RecordRatingRevisitInput!) {{ recordRatingRevisit(input: $i) {{
  rectification {{ status needsRevisit revisit {{ satisfaction }} }} {ERRS} }} }}"""
MEASURES = "{ ratingMeasures { completed ratedByPeople defaults bad rectifications realNameBad revisited revisitRate } }"


async def _token(settings: Settings, user: StaffUser) -> str:
    return (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token


async def test_a_confirmed_request_is_rated_once_and_a_bad_rating_is_rectified_by_the_hall(
        gql: GraphQLClient, settings: Settings) -> None:
    hall = await f.hall()
    supervisor = await f.new_staff("hall_supervisor", hall_code=hall.code)
    agent = await f.new_staff("assistance_agent", hall_code=hall.code)
    sup, ag = await _token(settings, supervisor), await _token(settings, agent)
    m0 = (await gql(MEASURES, token=sup))["ratingMeasures"]  # the supervisor's region: other tests' cases too
    person = await f.citizen(name="孙老汉")
    me = await f.citizen_client(gql, settings, person)
    made = (await me(REQUEST, {"i": {"kind": "DOOR_TO_DOOR", "hallCode": hall.code, "description": "腿脚不便，想办理养老待遇认证",
                                     "address": "东昌府区柳园街道 1 号"}}))["requestAssistance"]
    rid, number = made["request"]["id"], made["request"]["number"]
    assert (await gql(ASSIGN, {"i": {"requestId": rid, "agentUsername": agent.username}}, token=sup))[
        "assignAssistanceAgent"]["errors"] == []
    assert (await gql(CONTACT, {"i": {"requestId": rid, "kind": "VISIT", "note": "上门完成认证"}}, token=ag))[
        "recordAssistanceContact"]["errors"] == []
    # not before the person confirmed
    early = (await me(RATE, {"i": {"requestId": rid, "level": 5}}))["rateAssistance"]
    assert early["errors"][0]["code"] == "INVALID_STATE" and early["request"] is None
    assert (await me(CONFIRM, {"i": {"requestId": rid}}))["confirmAssistance"]["request"]["status"] == "CONFIRMED"
    # only the person who asked; the dimension set is the window one (help in person); a bad one needs its reason
    stranger = await f.citizen_client(gql, settings, await f.citizen(name="钱某"))
    assert (await stranger(RATE, {"i": {"requestId": rid, "level": 5}}))["rateAssistance"]["errors"][0]["code"] == "NOT_FOUND"
    staff = await gql(RATE, {"i": {"requestId": rid, "level": 5}}, token=sup, expect_errors=True)
    assert refusal(staff, "rateAssistance") == "FORBIDDEN"
    online_key = (await me(RATE, {"i": {"requestId": rid, "level": 4, "scores": [{"key": "usability", "score": 4}]}}))
    assert online_key["rateAssistance"]["errors"][0]["field"] == ["scores"]
    no_reason = (await me(RATE, {"i": {"requestId": rid, "level": 2}}))["rateAssistance"]
    assert no_reason["errors"][0]["field"] == ["comment"]
    bad = (await me(RATE, {"i": {"requestId": rid, "level": 2, "comment": "约好上午，下午才到",
                                 "scores": [{"key": "attitude", "score": 3}, {"key": "efficiency", "score": 1}]}}))["rateAssistance"]
    assert bad["errors"] == [], bad
    r = bad["request"]["rating"]
    assert (r["level"], r["levelLabel"], r["channel"], r["dimensionSet"], r["dimensionVersion"], r["hallCode"]) == (
        2, "不满意", "app", "window", 1, hall.code)
    assert {s["label"]: s["score"] for s in r["scores"]} == {"整体满意度": 2, "服务效率": 1, "服务态度": 3}
    # one rating per request whatever the channel
    again = (await me(RATE, {"i": {"requestId": rid, "level": 5, "channel": "web"}}))["rateAssistance"]
    assert again["errors"][0]["code"] == "INVALID_STATE" and "已评价" in again["errors"][0]["message"]
    pk = (await AssistanceRequest.get(citizen_id=person.id, kind="door_to_door")).id
    row = await CaseRating.get(assistance_request_id=pk)
    assert (row.case_id, row.citizen_id, row.level) == (None, person.id, 2)
    assert (await me(MINE))["myAssistanceRequests"][0]["rating"]["level"] == 2

    # the bad rating opened a rectification for the hall, due in the configured working days; the
    # hall's supervisor was told, handles it like a case's and revisits the person
    rect = await Rectification.get(assistance_request_id=pk)
    assert rect.due_date == await rectification.due_in(rect.region_code, settings, start=clock.today())
    told = await Outbox.filter(event="staff_assistance_rectification", staff_id=supervisor.id).first()
    assert told is not None and told.params["number"] == number
    listed = (await gql(RECTS, token=sup))["rectifications"]
    ours = [x for x in listed["items"] if x["hallCode"] == hall.code]  # besides the city's cases' (other tests')
    assert len(ours) == 1, listed
    card = ours[0]
    assert (card["caseNumber"], card["itemName"], card["hallCode"], card["status"], card["rating"]) == (
        number, "帮办代办：上门服务", hall.code, "pending", {"level": 2, "channel": "app"})
    # overdue: the red card goes to the hall's supervisors, naming the request
    await rectification.cards(today=rect.due_date + timedelta(days=1), settings=settings)
    assert (await Rectification.get(id=rect.id)).card == "red"
    red = await Outbox.filter(event="rectification_red", staff_id=supervisor.id).order_by("-id").first()
    assert red is not None and red.params["case_no"] == number and red.case_id is None
    assert card["id"] in [x["id"] for x in (await gql(RECTS, token=sup))["rectifications"]["items"]]
    reviewer = await gql.as_user("city_reviewer_scjg")  # a department's reviewer does not see the hall's
    assert card["id"] not in [x["id"] for x in (await reviewer(RECTS))["rectifications"]["items"]]
    assert (await gql(START, {"i": {"id": card["id"]}}, token=sup))["startRectification"]["rectification"]["status"] == "in_progress"
    finished = (await gql(FINISH, {"i": {"id": card["id"], "text": "帮办员按约定时间上门，超时提前电话告知"}}, token=sup))
    assert finished["finishRectification"]["rectification"] == {"status": "done", "needsRevisit": True}
    visited = (await gql(REVISIT, {"i": {"id": card["id"], "satisfaction": 4, "note": "认可"}}, token=sup))["recordRatingRevisit"]
    assert visited["errors"] == [] and visited["rectification"]["revisit"] == {"satisfaction": 4}

    # the measures of the hall count the request: completed, rated, 差评, rectified, revisited
    m = (await gql(MEASURES, token=sup))["ratingMeasures"]
    assert {k: m[k] - m0[k] for k in m if k != "revisitRate"} == {
        "completed": 1, "ratedByPeople": 1, "defaults": 0, "bad": 1, "rectifications": 1, "realNameBad": 1, "revisited": 1}
    assert m["revisitRate"] == pytest.approx(m["revisited"] / m["realNameBad"], abs=0.01)


async def test_remote_help_is_rated_on_the_online_set(gql: GraphQLClient, settings: Settings) -> None:
    hall = await f.hall()
    supervisor = await f.new_staff("hall_supervisor", hall_code=hall.code)
    agent = await f.new_staff("assistance_agent", hall_code=hall.code)
    sup, ag = await _token(settings, supervisor), await _token(settings, agent)
    before = (await gql(RECTS, token=sup))["rectifications"]["total"]  # the hall's, from other tests
    had = await Rectification.filter(hall_code=hall.code).count()
    me = await f.citizen_client(gql, settings, await f.citizen(name="李晓"))
    rid = (await me(REQUEST, {"i": {"kind": "REMOTE", "hallCode": hall.code, "description": "视频指导填表"}}))[
        "requestAssistance"]["request"]["id"]
    await gql(ASSIGN, {"i": {"requestId": rid, "agentUsername": agent.username}}, token=sup)
    await gql(CONTACT, {"i": {"requestId": rid, "kind": "VIDEO", "note": "视频指导完成"}}, token=ag)
    await me(CONFIRM, {"i": {"requestId": rid}})
    done = (await me(RATE, {"i": {"requestId": rid, "level": 5, "channel": "web",
                                  "scores": [{"key": "usability", "score": 5}]}}))["rateAssistance"]
    assert done["errors"] == [] and done["request"]["rating"]["dimensionSet"] == "online"
    assert done["request"]["rating"]["channel"] == "web"
    assert await Rectification.filter(hall_code=hall.code).count() == had  # a good rating opens none
    assert (await gql(RECTS, token=sup))["rectifications"]["total"] == before
