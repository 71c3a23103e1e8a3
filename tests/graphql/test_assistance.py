"""帮办代办 and the hall's appointments over HTTP: a person asks for help, the supervisor assigns an agent
under a mandate (a new one, then today's reused), the agent records contacts, the person confirms;
window check-in, no-shows after the slot, extended-hours and weekend slots; forty concurrent bookings
of a slot of capacity ten give exactly ten."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest
from strawberry import relay

from server import clock
from server.domain.accounts import tokens
from server.domain.accounts.models import Mandate, StaffUser
from server.domain.appointments import service as appointments
from server.domain.appointments.models import Appointment, AppointmentSlotCount
from server.domain.calendar import service as calendar_service
from server.domain.catalog.models import Hall, ServiceItem, Window
from server.domain.errors import DomainError
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.graphql.test_appointments import REGION, _citizen_token, _item_gid, new_hall

REQUEST = """mutation($i: RequestAssistanceInput!) { requestAssistance(input: $i) {
  request { id number kind status requesterName agentName mandateId contacts { kind note } }
  errors { code field message } } }"""
R_FIELDS = "request { id status agentName mandateId requesterName contacts { kind note } } errors { code field message }"
ASSIGN = "mutation($i: AssignAssistanceAgentInput!) { assignAssistanceAgent(input: $i) { " + R_FIELDS + " } }"
CONTACT = "mutation($i: RecordAssistanceContactInput!) { recordAssistanceContact(input: $i) { " + R_FIELDS + " } }"
CONFIRM = "mutation($i: CloseAssistanceInput!) { confirmAssistance(input: $i) { " + R_FIELDS + " } }"
CANCEL = "mutation($i: CloseAssistanceInput!) { cancelAssistanceRequest(input: $i) { " + R_FIELDS + " } }"
LIST = "query($s: AssistanceStatus) { assistanceRequests(status: $s) { id status requesterName agentName } }"
MINE = "{ myAssistanceRequests { id status requesterName contacts { kind } } }"
BOOK = """mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { appointment { id status end }
  errors { code } } }"""
CHECK_IN = """mutation($i: CheckInAppointmentInput!) { checkInAppointment(input: $i) {
  appointment { citizenName appointment { id status attendedAt } } errors { code message } } }"""
PUBLISH = """mutation($i: PublishExtraSlotsInput!) { publishExtraSlots(input: $i) {
  slots { date start end capacity kind } errors { code field message } } }"""
SLOTS = """query($h: String!, $i: ID!, $f: Date!, $t: Date!) {
  appointmentSlots(hallCode: $h, itemId: $i, from: $f, to: $t) { date start end capacity booked kind } }"""


async def _token(settings: Settings, user: StaffUser) -> str:
    return (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token


async def test_a_person_asks_for_help_an_agent_is_assigned_under_a_mandate_and_the_person_confirms(
    gql: GraphQLClient, settings: Settings
) -> None:
    hall = await f.hall()
    supervisor = await f.new_staff("hall_supervisor", hall_code=hall.code)
    agent = await f.new_staff("assistance_agent", hall_code=hall.code)
    other_agent = await f.new_staff("assistance_agent", hall_code=hall.code)
    sup, ag, other = (await _token(settings, supervisor), await _token(settings, agent),
                      await _token(settings, other_agent))
    person = await f.citizen(name="孙老汉")
    me = await f.citizen_client(gql, settings, person)
    made = (await me(REQUEST, {"i": {"kind": "DOOR_TO_DOOR", "hallCode": hall.code, "description": "腿脚不便，想办理养老待遇认证",
                                     "address": "东昌府区柳园街道 1 号"}}))["requestAssistance"]
    assert made["errors"] == [] and made["request"]["status"] == "REQUESTED"
    assert made["request"]["requesterName"] == "孙老汉"
    rid = made["request"]["id"]
    no_address = (await me(REQUEST, {"i": {"kind": "DOOR_TO_DOOR", "hallCode": hall.code,
                                           "description": "上门"}}))["requestAssistance"]
    assert no_address["errors"][0]["field"] == ["address"]
    # the supervisor's list, masked; the agent sees nothing before being assigned
    listed = (await gql(LIST, token=sup))["assistanceRequests"]
    assert [(r["id"], r["requesterName"]) for r in listed] == [(rid, "孙**")]
    assert (await gql(LIST, token=ag))["assistanceRequests"] == []
    # only the supervisor assigns; a new mandate of the person for the agent is recorded
    refused = (await gql(ASSIGN, {"i": {"requestId": rid, "agentUsername": agent.username}}, token=ag))
    assert refused["assignAssistanceAgent"]["errors"][0]["code"] == "NOT_ALLOWED"
    assigned = (await gql(ASSIGN, {"i": {"requestId": rid, "agentUsername": agent.username}}, token=sup))[
        "assignAssistanceAgent"]
    assert assigned["errors"] == [] and assigned["request"]["status"] == "ASSIGNED"
    mandate_id = int(relay.GlobalID.from_id(assigned["request"]["mandateId"]).node_id)
    mandate = await Mandate.get(id=mandate_id)
    assert (mandate.agent_id, mandate.principal_citizen_id, mandate.all_items) == (agent.id, person.id, True)
    assert mandate.valid_from <= clock.today() <= mandate.valid_to
    # a second request the same day reuses today's mandate
    second = (await me(REQUEST, {"i": {"kind": "REMOTE", "hallCode": hall.code, "description": "视频指导填表"}}))[
        "requestAssistance"]["request"]
    again = (await gql(ASSIGN, {"i": {"requestId": second["id"], "agentUsername": agent.username}}, token=sup))[
        "assignAssistanceAgent"]["request"]
    assert again["mandateId"] == assigned["request"]["mandateId"]
    assert await Mandate.filter(agent_id=agent.id, principal_citizen_id=person.id).count() == 1
    # confirming before any contact is refused; another agent may not record
    early = (await me(CONFIRM, {"i": {"requestId": rid}}))["confirmAssistance"]
    assert early["errors"][0]["code"] == "INVALID_STATE"
    assert (await gql(CONTACT, {"i": {"requestId": rid, "kind": "PHONE", "note": "约定上门时间"}}, token=other))[
        "recordAssistanceContact"]["errors"][0]["code"] == "NOT_ALLOWED"
    for kind, note in (("PHONE", "电话约定明天上午上门"), ("VISIT", "上门完成认证")):
        done = (await gql(CONTACT, {"i": {"requestId": rid, "kind": kind, "note": note}}, token=ag))[
            "recordAssistanceContact"]
        assert done["errors"] == []
    assert [c["kind"] for c in done["request"]["contacts"]] == ["PHONE", "VISIT"]
    confirmed = (await me(CONFIRM, {"i": {"requestId": rid, "note": "非常感谢"}}))["confirmAssistance"]
    assert confirmed["errors"] == [] and confirmed["request"]["status"] == "CONFIRMED"
    # the person cancels the second one; a stranger may not
    stranger = await f.citizen_client(gql, settings, await f.citizen(name="钱某"))
    assert (await stranger(CANCEL, {"i": {"requestId": second["id"]}}))["cancelAssistanceRequest"]["errors"][0][
        "code"] == "NOT_FOUND"
    cancelled = (await me(CANCEL, {"i": {"requestId": second["id"], "note": "已自行办理"}}))["cancelAssistanceRequest"]
    assert cancelled["request"]["status"] == "CANCELLED"
    mine = (await me(MINE))["myAssistanceRequests"]
    assert [(m["status"], m["requesterName"]) for m in mine] == [("CANCELLED", "孙老汉"), ("CONFIRMED", "孙老汉")]
    assert [r["status"] for r in (await gql(LIST, {"s": "CONFIRMED"}, token=ag))["assistanceRequests"]] == ["CONFIRMED"]


async def _hall_with(windows: int) -> tuple[Hall, ServiceItem]:
    item = await f.published_item()
    hall = await new_hall()
    for n in range(windows):
        await Window.create(hall_id=hall.code, number=f"B{n:02d}", name=f"窗口{n}", kind="department",
                            department_codes=[item.department_id])
    return hall, item


async def _next_working_day() -> date:
    return (await calendar_service.add_working_days(region_path_or_code=REGION, start=clock.today(), days=1)).deadline


async def test_forty_concurrent_bookings_of_a_slot_of_ten_give_exactly_ten(gql: GraphQLClient, settings: Settings) -> None:
    hall, item = await _hall_with(10)
    day = await _next_working_day()
    people = [await _citizen_token(settings) for _ in range(40)]
    i = {"hallCode": hall.code, "itemId": _item_gid(item), "date": day.isoformat(), "start": "10:00"}
    answers = await asyncio.gather(*(gql(BOOK, {"i": i}, token=t) for _c, t in people))
    codes = [a["bookAppointment"]["errors"][0]["code"] if a["bookAppointment"]["errors"] else "OK" for a in answers]
    assert (codes.count("OK"), codes.count("FULL")) == (10, 30)
    assert await Appointment.filter(hall_code=hall.code, day=day, start="10:00", status="booked").count() == 10
    assert (await AppointmentSlotCount.get(hall_code=hall.code, day=day, start="10:00")).booked == 10


async def test_a_clerk_checks_in_a_booked_person_and_no_shows_are_recorded_after_the_slot(
    gql: GraphQLClient, settings: Settings
) -> None:
    hall, item = await _hall_with(2)
    clerk = await f.new_staff("window_clerk", hall_code=hall.code, region=REGION)
    elsewhere = await f.new_staff("window_clerk", hall_code=(await new_hall()).code, region=REGION)
    day = await _next_working_day()
    (came, t1), (_absent, t2) = await _citizen_token(settings, name="周到"), await _citizen_token(settings)
    i = {"hallCode": hall.code, "itemId": _item_gid(item), "date": day.isoformat(), "start": "09:00"}
    one = (await gql(BOOK, {"i": i}, token=t1))["bookAppointment"]["appointment"]["id"]
    two = (await gql(BOOK, {"i": i}, token=t2))["bookAppointment"]["appointment"]["id"]
    # not before the day; not another hall's clerk
    early = (await gql(CHECK_IN, {"i": {"appointmentId": one}}, token=await _token(settings, clerk)))
    assert early["checkInAppointment"]["errors"][0]["code"] == "INVALID"
    on_the_day = datetime.combine(day, datetime.min.time(), tzinfo=clock.ZONE).replace(hour=9, minute=5)
    appointment_id = int(relay.GlobalID.from_id(one).node_id)
    actor = await f.staff(elsewhere.username)
    with pytest.raises(DomainError) as refused:
        await appointments.check_in(actor=actor, appointment_id=appointment_id, now=on_the_day)
    assert refused.value.code == "NOT_ALLOWED"
    done = await appointments.check_in(actor=await f.staff(clerk.username), appointment_id=appointment_id,
                                       now=on_the_day)
    assert done.appointment.status == "attended" and done.citizen_name == "周*"
    # after the slot ends, the one who did not come is missed; the attended one stays attended
    absent_id = int(relay.GlobalID.from_id(two).node_id)
    await appointments.record_no_shows(now=on_the_day)  # other tests' ended slots may go; this one has not ended
    assert (await Appointment.get(id=absent_id)).status == "booked"
    missed = await appointments.record_no_shows(now=on_the_day.replace(hour=9, minute=31))
    assert missed >= 1
    rows = {a.id: a.status for a in await Appointment.filter(id__in=[appointment_id, absent_id])}
    assert sorted(rows.values()) == ["attended", "missed"] and rows[appointment_id] == "attended"
    assert (await Appointment.get(id=appointment_id)).citizen_id == came.id


async def test_a_hall_publishes_weekend_and_extended_hours_slots_that_people_book(
    gql: GraphQLClient, settings: Settings
) -> None:
    hall, item = await _hall_with(1)
    supervisor = await f.new_staff("hall_supervisor", hall_code=hall.code, region=REGION)
    sup = await _token(settings, supervisor)
    day = await _next_working_day()
    off = clock.today() + timedelta(days=1)
    while await calendar_service.is_working_day(region=REGION, day=off):
        off += timedelta(days=1)
    weekend = {"hallCode": hall.code, "date": off.isoformat(), "start": "09:00", "end": "10:00", "kind": "WEEKEND",
               "capacity": 3}
    wrong = (await gql(PUBLISH, {"i": {**weekend, "kind": "EXTENDED_HOURS"}}, token=sup))["publishExtraSlots"]
    assert wrong["errors"][0]["field"] == ["kind"]
    overlap = {**weekend, "date": day.isoformat(), "kind": "EXTENDED_HOURS", "start": "16:30", "end": "18:00"}
    assert (await gql(PUBLISH, {"i": overlap}, token=sup))["publishExtraSlots"]["errors"][0]["field"] == ["start"]
    published = (await gql(PUBLISH, {"i": weekend}, token=sup))["publishExtraSlots"]
    assert [(s["start"], s["end"], s["capacity"], s["kind"]) for s in published["slots"]] == [
        ("09:00", "09:30", 3, "WEEKEND"), ("09:30", "10:00", 3, "WEEKEND")]
    evening = {**overlap, "start": "17:00", "end": "18:00"}
    assert (await gql(PUBLISH, {"i": evening}, token=sup))["publishExtraSlots"]["errors"] == []
    span = {"h": hall.code, "i": _item_gid(item), "f": min(day, off).isoformat(), "t": max(day, off).isoformat()}
    slots = (await gql(SLOTS, span))["appointmentSlots"]
    kinds = {(s["date"], s["start"]): s["kind"] for s in slots}
    assert kinds[(off.isoformat(), "09:00")] == "WEEKEND" and kinds[(day.isoformat(), "17:30")] == "EXTENDED_HOURS"
    assert kinds[(day.isoformat(), "09:00")] == "REGULAR"
    _c, t = await _citizen_token(settings)
    booked = (await gql(BOOK, {"i": {"hallCode": hall.code, "itemId": _item_gid(item), "date": off.isoformat(),
                                     "start": "09:30"}}, token=t))["bookAppointment"]
    assert booked["errors"] == [] and booked["appointment"]["end"] == "10:00"
    _c2, t2 = await _citizen_token(settings)
    late = (await gql(BOOK, {"i": {"hallCode": hall.code, "itemId": _item_gid(item), "date": day.isoformat(),
                                   "start": "17:30"}}, token=t2))["bookAppointment"]
    assert late["errors"] == [] and late["appointment"]["end"] == "18:00"
    # a day off without published slots is still closed
    nothing = (await gql(BOOK, {"i": {"hallCode": hall.code, "itemId": _item_gid(item), "date": off.isoformat(),
                                      "start": "10:00"}}, token=t2))["bookAppointment"]
    assert nothing["errors"][0]["code"] == "INVALID"
    refused = (await gql(PUBLISH, {"i": weekend}, token=await _token(settings, await f.new_staff(
        "hall_supervisor", hall_code=(await new_hall()).code, region=REGION))))["publishExtraSlots"]
    assert refused["errors"][0]["code"] == "NOT_ALLOWED"
