"""Complaints (吐槽找茬) over HTTP: an anonymous complaint followed by its query code, assigned, handled,
answered, redone once and closed; a 督办单 after a failed redo; masking for staff; the one extension;
yellow and red cards from the daily job; hotline import through a hotline key; the measure."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from strawberry import relay

from server import clock
from server.domain.accounts import apikeys, tokens
from server.domain.accounts.models import StaffUser
from server.domain.calendar import service as calendar_service
from server.domain.complaints import service
from server.domain.complaints.models import Complaint
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

SUBMIT = """mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) {
  queryCode complaint { id number status targetLabel contactName contactPhone deadline }
  errors { code field message } } }"""
TRACK = """query($n: String!, $q: String!) { trackComplaint(number: $n, queryCode: $q) {
  number status statusLabel answer contactName contactPhone redoCount supervised satisfied
  steps { action actionLabel toStatus note } } }"""
QUEUE = """query($s: ComplaintStatus, $m: Boolean! = false) { complaintQueue(status: $s, mine: $m) {
  id number status contactName contactPhone content card deadline extended } }"""
FIELDS = "complaint { id status redoCount supervised deadline extended answer satisfied } errors { code field message }"
ASSIGN = "mutation($i: AssignComplaintInput!) { assignComplaint(input: $i) { " + FIELDS + " } }"
EXTEND = "mutation($i: ComplaintNoteInput!) { extendComplaint(input: $i) { " + FIELDS + " } }"
HANDLE = "mutation($i: ComplaintNoteInput!) { handleComplaint(input: $i) { " + FIELDS + " } }"
ANSWER = "mutation($i: ComplaintNoteInput!) { answerComplaint(input: $i) { " + FIELDS + " } }"
REVISIT = "mutation($i: RevisitComplaintInput!) { revisitComplaint(input: $i) { " + FIELDS + " } }"
RESPOND = "mutation($i: RespondToComplaintInput!) { respondToComplaint(input: $i) { " + FIELDS + " } }"
CLOSE = "mutation($i: ComplaintNoteInput!) { closeComplaint(input: $i) { " + FIELDS + " } }"
HOTLINE = """mutation($i: ImportHotlineComplaintInput!) { importHotlineComplaint(input: $i) {
  complaint { id number status targetLabel } errors { code message } } }"""


async def _token(settings: Settings, user: StaffUser) -> str:
    return (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token


async def _cast(settings: Settings) -> dict[str, Any]:
    """A hall of its own with its supervisor, a department with a handler, and an outsider handler."""
    hall = await f.hall()
    dept = await f.department()
    supervisor = await f.new_staff("hall_supervisor", hall_code=hall.code)
    handler = await f.new_staff("dept_reviewer", department_code=dept.code)
    other = await f.new_staff("dept_reviewer", department_code=dept.code)
    return {"hall": hall, "dept": dept, "supervisor": supervisor, "handler": handler, "other": other,
            "sup": await _token(settings, supervisor), "hand": await _token(settings, handler),
            "oth": await _token(settings, other)}


def _ok(payload: dict[str, Any]) -> dict[str, Any]:
    assert payload["errors"] == [], payload["errors"]
    return dict(payload["complaint"])


async def _walk_to_answer(gql: GraphQLClient, cast: dict[str, Any], cid: str, *, assign: bool = True) -> None:
    if assign:
        _ok((await gql(ASSIGN, {"i": {"complaintId": cid, "handlerUsername": cast["handler"].username,
                                      "note": "请核实"}}, token=cast["sup"]))["assignComplaint"])
    _ok((await gql(HANDLE, {"i": {"complaintId": cid, "note": "已约谈窗口人员"}}, token=cast["hand"]))["handleComplaint"])
    _ok((await gql(ANSWER, {"i": {"complaintId": cid, "note": "已批评教育并整改"}}, token=cast["hand"]))["answerComplaint"])


async def test_an_anonymous_complaint_followed_by_its_query_code_redone_once_and_closed(
    gql: GraphQLClient, settings: Settings
) -> None:
    cast = await _cast(settings)
    phone = f.phone()  # the suite shares one database: the contract's examples complain from 13800001111
    made = (await gql(SUBMIT, {"i": {"targetKind": "HALL", "targetCode": cast["hall"].code, "category": "ATTITUDE",
                                     "content": "窗口人员态度生硬，不解释为什么材料不合格", "contactName": "李明明",
                                     "contactPhone": phone}}))["submitComplaint"]
    assert made["errors"] == [] and len(made["queryCode"]) == 8
    c = made["complaint"]
    number, code, cid = c["number"], made["queryCode"], c["id"]
    # the complainant (with the code) sees it in full; 15 working days of the hall's region
    due = (await calendar_service.add_working_days(region_path_or_code="371500", start=clock.today(), days=15)).deadline
    assert (c["status"], c["contactName"], c["deadline"]) == ("ACCEPTED", "李明明", due.isoformat())
    tracked = (await gql(TRACK, {"n": number, "q": code}))["trackComplaint"]
    assert (tracked["status"], tracked["contactPhone"]) == ("ACCEPTED", phone)
    assert (await gql(TRACK, {"n": number, "q": "WRONG000"}))["trackComplaint"] is None
    # the hall's supervisor was told, and sees it masked on the board
    assert await Outbox.filter(event="staff_complaint_received", staff_id=cast["supervisor"].id).count() == 1
    board = (await gql(QUEUE, token=cast["sup"]))["complaintQueue"]
    assert [b["number"] for b in board] == [number]
    assert board[0]["contactName"] == "李**" and board[0]["contactPhone"] != phone
    assert phone[-4:] in board[0]["contactPhone"] and board[0]["card"] is None
    # the other handler of the department sees nothing of it until it is theirs; the handler cannot answer
    # before it is assigned
    assert (await gql(QUEUE, {"m": True}, token=cast["oth"]))["complaintQueue"] == []
    early = (await gql(HANDLE, {"i": {"complaintId": cid, "note": "x办理"}}, token=cast["hand"]))["handleComplaint"]
    assert early["errors"][0]["code"] == "NOT_ALLOWED"

    await _walk_to_answer(gql, cast, cid)
    assert await Outbox.filter(event="staff_complaint_assigned", staff_id=cast["handler"].id).count() == 1
    assert await Outbox.filter(event="complaint_answered", phone=phone).count() == 1
    # someone else's handler may not answer; the supervisor may not handle
    mine = (await gql(QUEUE, {"m": True}, token=cast["hand"]))["complaintQueue"]
    assert [m["status"] for m in mine] == ["ANSWERED"]
    tracked = (await gql(TRACK, {"n": number, "q": code}))["trackComplaint"]
    assert (tracked["status"], tracked["answer"]) == ("ANSWERED", "已批评教育并整改")

    # not satisfied: redone once (back to the handler), answered again, then satisfied and closed
    redo = _ok((await gql(RESPOND, {"i": {"number": number, "queryCode": code, "satisfied": False,
                                          "note": "没有说明原因"}}))["respondToComplaint"])
    assert (redo["status"], redo["redoCount"], redo["supervised"]) == ("ASSIGNED", 1, False)
    assert await Outbox.filter(event="staff_complaint_redo", staff_id=cast["handler"].id).count() == 1
    await _walk_to_answer(gql, cast, cid, assign=False)
    wrong = (await gql(RESPOND, {"i": {"number": number, "queryCode": "WRONG000", "satisfied": True}}))
    assert wrong["respondToComplaint"]["errors"][0]["code"] == "NOT_FOUND"
    happy = _ok((await gql(RESPOND, {"i": {"number": number, "queryCode": code, "satisfied": True}}))["respondToComplaint"])
    assert (happy["status"], happy["satisfied"]) == ("REVISITED", True)
    refused = (await gql(CLOSE, {"i": {"complaintId": cid}}, token=cast["hand"]))["closeComplaint"]
    assert refused["errors"][0]["code"] == "NOT_ALLOWED"
    assert _ok((await gql(CLOSE, {"i": {"complaintId": cid, "note": "办结"}}, token=cast["sup"]))["closeComplaint"])[
        "status"] == "CLOSED"
    tracked = (await gql(TRACK, {"n": number, "q": code}))["trackComplaint"]
    assert [s["action"] for s in tracked["steps"]] == [
        "accept", "assign", "handle", "answer", "redo", "handle", "answer", "revisit", "close"]
    assert tracked["statusLabel"] == "已办结"
    again = (await gql(CLOSE, {"i": {"complaintId": cid}}, token=cast["sup"]))["closeComplaint"]
    assert again["errors"][0]["code"] == "INVALID_STATE"


async def test_a_signed_in_complaint_about_a_case_with_an_attachment_supervised_after_a_failed_redo(
    gql: GraphQLClient, settings: Settings
) -> None:
    cast = await _cast(settings)
    person = await f.citizen(name="王小红")
    me = await f.citizen_client(gql, settings, person)
    case = await f.case(department_code=cast["dept"].code, hall_code=cast["hall"].code)
    upload = await f.upload(f.as_citizen(person), "照片.pdf")
    stranger = await f.citizen(name="赵四")
    theirs = await f.upload(f.as_citizen(stranger), "别人的.pdf")
    gid = str(relay.GlobalID("UploadedFile", str(upload)))
    base = {"targetKind": "CASE", "targetCode": case.number, "category": "EFFICIENCY", "content": "办件拖了很久没有进展"}
    bad = (await me(SUBMIT, {"i": {**base, "attachmentIds": [str(relay.GlobalID("UploadedFile", str(theirs)))]}}))
    assert bad["submitComplaint"]["errors"][0]["code"] == "NOT_FOUND"
    missing = (await me(SUBMIT, {"i": {**base, "targetCode": "371500-20000101-99999"}}))["submitComplaint"]
    assert missing["errors"][0]["code"] == "NOT_FOUND"
    made = (await me(SUBMIT, {"i": {**base, "attachmentIds": [gid]}}))["submitComplaint"]
    assert made["errors"] == []
    cid = made["complaint"]["id"]
    row = await Complaint.get(id=relay.GlobalID.from_id(cid).node_id)
    assert (row.citizen_id, row.attachment_ids, row.department_code) == (person.id, [upload], cast["dept"].code)
    mine = (await me("{ myComplaints { id number status targetLabel attachmentCount } }"))["myComplaints"]
    assert [m["id"] for m in mine] == [cid] and mine[0]["attachmentCount"] == 1 and case.number in mine[0]["targetLabel"]
    # the department's handlers see it before it is assigned (it names their department); staff may not complain
    assert [q["id"] for q in (await gql(QUEUE, token=cast["oth"]))["complaintQueue"]] == [cid]
    staff_try = (await gql(SUBMIT, {"i": base}, token=cast["sup"]))["submitComplaint"]
    assert staff_try["errors"][0]["code"] == "NOT_ALLOWED"

    # the one extension, by the handler
    _ok((await gql(ASSIGN, {"i": {"complaintId": cid, "handlerUsername": cast["handler"].username}},
                   token=cast["sup"]))["assignComplaint"])
    longer = _ok((await gql(EXTEND, {"i": {"complaintId": cid, "note": "需要调取监控核实"}},
                            token=cast["hand"]))["extendComplaint"])
    due = (await calendar_service.add_working_days(region_path_or_code="371500", start=row.deadline, days=7)).deadline
    assert (longer["extended"], longer["deadline"], longer["status"]) == (True, due.isoformat(), "ASSIGNED")
    twice = (await gql(EXTEND, {"i": {"complaintId": cid, "note": "还要延期"}}, token=cast["hand"]))["extendComplaint"]
    assert twice["errors"][0]["code"] == "INVALID_STATE"

    # not satisfied twice: redone, then a 督办单; after it the complaint is revisited whatever the answer
    await _walk_to_answer(gql, cast, cid, assign=False)
    redo = _ok((await me(REVISIT, {"i": {"complaintId": cid, "satisfied": False}}))["revisitComplaint"])
    assert (redo["status"], redo["redoCount"]) == ("ASSIGNED", 1)
    await _walk_to_answer(gql, cast, cid, assign=False)
    sup = _ok((await gql(REVISIT, {"i": {"complaintId": cid, "satisfied": False, "note": "电话回访仍不满意"}},
                         token=cast["sup"]))["revisitComplaint"])
    assert (sup["status"], sup["supervised"]) == ("ASSIGNED", True)
    assert await Outbox.filter(event="staff_complaint_supervised", staff_id=cast["handler"].id).count() == 1
    assert await Outbox.filter(event="staff_complaint_supervised", staff_id=cast["supervisor"].id).count() == 1
    await _walk_to_answer(gql, cast, cid, assign=False)
    assert await Outbox.filter(event="complaint_answered", citizen_id=person.id).count() == 3
    last = _ok((await me(REVISIT, {"i": {"complaintId": cid, "satisfied": False}}))["revisitComplaint"])
    assert (last["status"], last["satisfied"]) == ("REVISITED", False)
    # another citizen may not revisit it
    other = await f.citizen_client(gql, settings, stranger)
    assert (await other(REVISIT, {"i": {"complaintId": cid, "satisfied": True}}))["revisitComplaint"]["errors"][0][
        "code"] == "NOT_ALLOWED"
    node = (await me("query($id: ID!) { node(id: $id) { ... on Complaint { number contactName } } }", {"id": cid}))
    assert node["node"]["number"] == made["complaint"]["number"]
    assert (await other("query($id: ID!) { node(id: $id) { id } }", {"id": cid}))["node"] is None


async def test_yellow_and_red_cards_go_to_the_handler_and_the_supervisor_once(
    gql: GraphQLClient, settings: Settings
) -> None:
    cast = await _cast(settings)
    made = (await gql(SUBMIT, {"i": {"targetKind": "HALL", "targetCode": cast["hall"].code, "category": "ENVIRONMENT",
                                     "content": "大厅空调坏了一周没人修"}}))["submitComplaint"]
    cid = made["complaint"]["id"]
    _ok((await gql(ASSIGN, {"i": {"complaintId": cid, "handlerUsername": cast["handler"].username}},
                   token=cast["sup"]))["assignComplaint"])
    row = await Complaint.get(number=made["complaint"]["number"])
    # the working day before the deadline: a yellow card; again that day: nothing more
    before = await _working_day_before(row.deadline)
    assert (await service.complaint_cards(today=before, settings=settings))["yellow"] >= 1
    assert await Complaint.filter(id=row.id, yellow_at__isnull=False, red_at__isnull=True).exists()
    await service.complaint_cards(today=before, settings=settings)
    for who in (cast["handler"], cast["supervisor"]):
        assert await Outbox.filter(event="staff_complaint_yellow_card", staff_id=who.id).count() == 1
    # on the deadline itself: nothing; on the first working day after it: a red card, once
    await service.complaint_cards(today=row.deadline, settings=settings)
    assert await Complaint.filter(id=row.id, red_at__isnull=True).exists()
    after = (await calendar_service.add_working_days(region_path_or_code="371500", start=row.deadline, days=1)).deadline
    await service.complaint_cards(today=after, settings=settings)
    await service.complaint_cards(today=after, settings=settings)
    for who in (cast["handler"], cast["supervisor"]):
        assert await Outbox.filter(event="staff_complaint_red_card", staff_id=who.id).count() == 1
    board = (await gql(QUEUE, {"s": "ASSIGNED"}, token=cast["sup"]))["complaintQueue"]
    assert [(b["id"], b["card"]) for b in board] == [(cid, "RED")]
    # answered late: the measure counts it answered, not on time
    await Complaint.filter(id=row.id).update(deadline=clock.today() - timedelta(days=1))
    _ok((await gql(HANDLE, {"i": {"complaintId": cid, "note": "已报修"}}, token=cast["hand"]))["handleComplaint"])
    _ok((await gql(ANSWER, {"i": {"complaintId": cid, "note": "空调已修好"}}, token=cast["hand"]))["answerComplaint"])
    measured = await service.answered_on_time(since=row.created_at, until=row.created_at + timedelta(seconds=1))
    assert (measured.answered, measured.on_time) == (1, 0)


async def _working_day_before(day: date) -> date:
    d = day - timedelta(days=1)
    while not await calendar_service.is_working_day(region="371500", day=d):
        d -= timedelta(days=1)
    return d


async def test_the_hotline_imports_a_work_order_once_through_its_key(
    gql: GraphQLClient, settings: Settings, client: httpx.AsyncClient
) -> None:
    cast = await _cast(settings)
    key = await apikeys.issue(name="12345 热线", kind="hotline")
    county = await apikeys.issue(name="县级系统", kind="county_system", region_code="371525")
    order = {"hotlineRef": f"12345-{f.tag()}", "targetKind": "HALL", "targetCode": cast["hall"].code,
             "category": "CONDUCT", "content": "来电反映窗口人员推诿", "contactName": "张先生",
             "contactPhone": "13900002222"}

    async def as_key(k: str) -> dict[str, Any]:
        r = await client.post("/graphql", json={"query": HOTLINE, "variables": {"i": order}}, headers={"x-api-key": k})
        return dict(r.json()["data"]["importHotlineComplaint"])

    first = await as_key(key.full_key)
    assert first["errors"] == [] and first["complaint"]["status"] == "ACCEPTED"
    again = await as_key(key.full_key)
    assert again["complaint"]["number"] == first["complaint"]["number"]
    assert await Complaint.filter(hotline_ref=order["hotlineRef"]).count() == 1
    assert (await as_key(county.full_key))["errors"][0]["code"] == "NOT_ALLOWED"
    board = (await gql(QUEUE, token=cast["sup"]))["complaintQueue"]
    assert [b["number"] for b in board] == [first["complaint"]["number"]]
    assert board[0]["contactName"] != "张先生" and board[0]["contactName"].startswith("张")
    assert board[0]["contactPhone"] != "13900002222"
