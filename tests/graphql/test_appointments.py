"""Appointments over HTTP: free slots (public), booking and cancelling by the citizen, their own list,
a hall's day for its staff with masked names and a fixed number of SQL statements."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from strawberry import relay

from server.domain.accounts import tokens
from server.domain.accounts.models import Citizen, StaffUser
from server.domain.calendar import service as calendar_service
from server.domain.cases import reminders
from server.domain.catalog.models import Hall, ServiceItem, Window
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient, refusal

SLOTS = """query($h: String!, $i: ID!, $f: Date!, $t: Date!) {
  appointmentSlots(hallCode: $h, itemId: $i, from: $f, to: $t) { date start end capacity booked available } }"""
BOOK = """mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) {
  appointment { id hallCode hallName itemId itemName date start end status note }
  errors { field message code } } }"""
CANCEL = """mutation($i: CancelAppointmentInput!) { cancelAppointment(input: $i) {
  appointment { id status cancelReason cancelledAt } errors { field message code } } }"""
MINE = "{ myAppointments { id date start status itemName hallName } }"
HALL_DAY = """query($h: String!, $d: Date!) { hallAppointments(hallCode: $h, day: $d) {
  citizenName appointment { id start end status itemName } } }"""


REGION = "371524"  # 东阿县: no other test lists this county's halls or edits its calendar


async def new_hall() -> Hall:
    """A hall of this test's own (not in the city's list of halls other tests read)."""
    code = f"{REGION}-YY{f.tag()}"
    return await Hall.create(code=code, name=f"预约测试大厅{code[-4:]}", region_id=REGION, address="东阿县测试路 1 号",
                             hours="工作日 9:00-17:00", phone="0635-0000000")


async def _hall_for(item: ServiceItem, windows: int) -> Hall:
    hall = await new_hall()
    for n in range(windows):
        await Window.create(hall_id=hall.code, number=f"A{n:02d}", name=f"窗口{n}", kind="department",
                            department_codes=[item.department_id])
    return hall


async def _citizen_token(settings: Settings, *, name: str = "赵六", verified: bool = True) -> tuple[Citizen, str]:
    c = await Citizen.create(phone=f.phone(), name=name,
                             verified_at=datetime.now(timezone.utc) if verified else None)
    return c, (await tokens.issue(lifetimes=settings.token_lifetimes, citizen=c)).access_token


async def _staff_token(settings: Settings, user: StaffUser) -> str:
    return (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token


async def _next_working_day() -> date:
    today = reminders.china_today()
    return (await calendar_service.add_working_days(region_path_or_code=REGION, start=today, days=1)).deadline


def _item_gid(item: ServiceItem) -> str:
    return str(relay.GlobalID("ServiceItem", str(item.id)))


async def _book(gql: GraphQLClient, token: str, hall: Hall, item: ServiceItem, day: date, start: str,
                **extra: Any) -> dict[str, Any]:
    i = {"hallCode": hall.code, "itemId": _item_gid(item), "date": day.isoformat(), "start": start, **extra}
    return dict((await gql(BOOK, {"i": i}, token=token))["bookAppointment"])


async def test_a_citizen_books_lists_and_cancels(gql: GraphQLClient, settings: Settings, sql: Any) -> None:
    item = await f.published_item()
    hall = await _hall_for(item, windows=1)
    day = await _next_working_day()
    span = {"h": hall.code, "i": _item_gid(item), "f": day.isoformat(), "t": day.isoformat()}
    slots = (await gql(SLOTS, span))["appointmentSlots"]  # public: no sign-in
    assert [s["start"] for s in slots][:2] == ["09:00", "09:30"] and len(slots) == 13
    assert slots[0] == {"date": day.isoformat(), "start": "09:00", "end": "09:30", "capacity": 1, "booked": 0,
                        "available": 1}

    first, t1 = await _citizen_token(settings)
    _second, t2 = await _citizen_token(settings)
    _unverified, t3 = await _citizen_token(settings, verified=False)
    done = await _book(gql, t1, hall, item, day, "09:30", note="带原件")
    assert done["errors"] == []
    mine = done["appointment"]
    assert (mine["status"], mine["hallName"], mine["start"], mine["end"], mine["note"], mine["itemId"]) == (
        "BOOKED", hall.name, "09:30", "10:00", "带原件", _item_gid(item))
    full = await _book(gql, t2, hall, item, day, "09:30")
    assert full["appointment"] is None and [(e["code"], e["field"]) for e in full["errors"]] == [("FULL", ["start"])]
    assert "已满" in full["errors"][0]["message"]
    assert (await _book(gql, t3, hall, item, day, "10:00"))["errors"][0]["code"] == "NOT_VERIFIED"
    assert (await _book(gql, t1, hall, item, day, "10:00"))["errors"][0]["code"] == "INVALID"  # one a day
    bad_item = {"hallCode": hall.code, "itemId": str(relay.GlobalID("Case", "1")), "date": day.isoformat(),
                "start": "10:00"}
    assert (await gql(BOOK, {"i": bad_item}, token=t1))["bookAppointment"]["errors"][0]["code"] == "NOT_FOUND"
    slot = next(s for s in (await gql(SLOTS, span))["appointmentSlots"] if s["start"] == "09:30")
    assert (slot["booked"], slot["available"]) == (1, 0)

    with sql() as counter:
        listed = (await gql(MINE, token=t1))["myAppointments"]
    assert [a["id"] for a in listed] == [mine["id"]] and listed[0]["itemName"] == mine["itemName"]
    assert (await gql(MINE, token=t2))["myAppointments"] == []
    assert refusal(await gql(MINE, expect_errors=True), "myAppointments") == "UNAUTHENTICATED"

    # somebody else's appointment is not found; the owner cancels it and the seat is free again
    other = (await gql(CANCEL, {"i": {"appointmentId": mine["id"]}}, token=t2))["cancelAppointment"]
    assert other["errors"][0]["code"] == "NOT_FOUND"
    cancelled = (await gql(CANCEL, {"i": {"appointmentId": mine["id"], "reason": "改天"}}, token=t1))["cancelAppointment"]
    assert cancelled["errors"] == [] and cancelled["appointment"]["status"] == "CANCELLED"
    assert cancelled["appointment"]["cancelReason"] == "改天" and cancelled["appointment"]["cancelledAt"]
    again = (await gql(CANCEL, {"i": {"appointmentId": mine["id"]}}, token=t1))["cancelAppointment"]
    assert again["errors"][0]["code"] == "INVALID"
    assert (await _book(gql, t2, hall, item, day, "09:30"))["errors"] == []
    later = (await calendar_service.add_working_days(region_path_or_code=REGION, start=day, days=1)).deadline
    assert (await _book(gql, t1, hall, item, later, "09:00"))["errors"] == []
    with sql() as counter_two:
        two = (await gql(MINE, token=t1))["myAppointments"]
    assert [a["status"] for a in two] == ["BOOKED", "CANCELLED"]  # the latest slot first
    assert counter_two.count == counter.count, "the list costs the same number of statements whatever its length"
    staff = await f.new_staff("window_clerk", hall_code=hall.code)
    i = {"hallCode": hall.code, "itemId": _item_gid(item), "date": day.isoformat(), "start": "11:00"}
    by_staff = await gql(BOOK, {"i": i}, token=await _staff_token(settings, staff), expect_errors=True)
    assert refusal(by_staff, "bookAppointment") == "FORBIDDEN"


async def test_a_halls_day_is_for_its_staff_with_masked_names(gql: GraphQLClient, settings: Settings, sql: Any) -> None:
    item = await f.published_item()
    hall = await _hall_for(item, windows=3)
    other_hall = await _hall_for(item, windows=1)
    day = await _next_working_day()
    clerk = await _staff_token(settings, await f.new_staff("window_clerk", hall_code=hall.code))
    supervisor = await _staff_token(settings, await f.new_staff("hall_supervisor", hall_code=hall.code))
    admin = await _staff_token(settings, await f.new_staff("city_admin"))
    county_admin = await _staff_token(settings, await f.new_staff("city_admin", region="371525"))
    elsewhere = await _staff_token(settings, await f.new_staff("window_clerk", hall_code=other_hall.code))
    reviewer = await _staff_token(settings, await f.new_staff("dept_reviewer"))

    async def day_list(token: str) -> tuple[list[dict[str, Any]], int]:
        with sql() as counter:
            rows = (await gql(HALL_DAY, {"h": hall.code, "d": day.isoformat()}, token=token))["hallAppointments"]
        return rows, counter.count

    _c, t = await _citizen_token(settings, name="司马相如")
    await _book(gql, t, hall, item, day, "14:00")
    one, statements = await day_list(clerk)
    assert [(r["citizenName"], r["appointment"]["start"]) for r in one] == [("司***", "14:00")]
    for name, start in (("钱七", "09:00"), ("孙八", "14:00"), ("周九", "16:30")):
        _c, t = await _citizen_token(settings, name=name)
        assert (await _book(gql, t, hall, item, day, start))["errors"] == []
    _c, t = await _citizen_token(settings, name="吴十")
    await _book(gql, t, other_hall, item, day, "09:00")  # another hall: not in this hall's list
    four, statements_four = await day_list(supervisor)
    assert [(r["citizenName"], r["appointment"]["start"]) for r in four] == [
        ("钱*", "09:00"), ("司***", "14:00"), ("孙*", "14:00"), ("周*", "16:30")]
    assert statements_four == statements, "the list costs the same number of statements whatever its length"
    assert gql.last is not None and "司马相如" not in gql.last.text and "孙八" not in gql.last.text
    assert len((await gql(HALL_DAY, {"h": hall.code, "d": day.isoformat()}, token=admin))["hallAppointments"]) == 4

    for token in (county_admin, elsewhere, reviewer, t, None):
        refused = await gql(HALL_DAY, {"h": hall.code, "d": day.isoformat()}, token=token, expect_errors=True)
        assert refusal(refused, "hallAppointments") == ("UNAUTHENTICATED" if token is None else "FORBIDDEN"), token
