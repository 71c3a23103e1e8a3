"""Reading cases through the graph: SQL budgets that do not grow with the page, keyset pages that
neither repeat nor skip while cases arrive, and scoping (a county viewer, a bank partner).

The cases here are written directly with the models (no flow), in a county and departments no other
test reads (高唐县 371526), or with far-off deadlines, so that the queues of other tests stay as
they were.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from tortoise import connections

from server.domain.accounts import apikeys, tokens
from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import Role
from server.domain.accounts.service import create_user
from server.domain.cases import daily
from server.domain.cases.models import Case, CaseEvent, CaseMaterial
from server.domain.catalog.models import Department, Hall, Material
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

COUNTY = "371526"  # 高唐县: nothing else in the suite reads its cases
FIELDS = """
  id number status statusLabel itemName applicantName contactPhone queryCode warning deadline reviewStepName
  claimedByMe materials { materialKey name state trust uploadId elicenceNumber } timeline { action actionLabel actorName }
  elicences { number } item { name } version { name } department { name } hall { name }
"""
QUEUE = "query($first: Int, $after: String) { caseQueue(queue: REVIEW, first: $first, after: $after) { totalCount " \
        "pageInfo { hasNextPage endCursor } edges { cursor node { " + FIELDS + " } } } }"
MINE = "query($first: Int) { myCases(first: $first) { totalCount edges { node { " + FIELDS + " } } } }"
OVERDUE = "query($first: Int) { overdueCases(level: RED, first: $first) { totalCount edges { node { " + FIELDS + " } } } }"
ONE = "query($id: ID!) { case(id: $id) { " + FIELDS + " } }"


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def ids(connection: dict[str, Any]) -> list[str]:
    return [e["node"]["id"] for e in connection["edges"]]


# ---------------------------------------------------------------------------------------------
# writing cases directly


@dataclass
class Maker:
    """Cases of one item, written with the models, with a few materials and timeline entries each."""

    item_id: int
    version_id: int
    situation_id: int
    materials: list[Material]
    hall_code: str | None
    made: list[int] = field(default_factory=list)

    async def cases(self, n: int, *, department: str, region: str = COUNTY, county: str | None = COUNTY,
                    status: str = "under_review", deadline: date | None = None, step: timedelta = timedelta(0),
                    events: int = 2, **extra: Any) -> list[Case]:
        now = datetime.now(timezone.utc)
        rows = []
        for i in range(n):
            number = f"T{uuid.uuid4().hex[:20].upper()}"
            rows.append(await Case.create(
                number=number, query_code="ABCD2345", status=status, channel="online", item_id=self.item_id,
                version_id=self.version_id, situation_id=self.situation_id, item_name="测试事项", basic_code="000000000000",
                department_code=department, region_code=region, city_code="371500", county_code=county,
                hall_code=self.hall_code if region == COUNTY else None, applicant_kind="citizen",
                applicant_name="张晓明", contact_phone="13812345678", submitted_at=now, accepted_at=now,
                deadline=(deadline + step * i) if deadline else None, **extra,
            ))
        # counted in the statistics' aggregates as the transitions that made them would have counted them
        await daily.apply(connections.get("default"), daily.of_rows(rows))
        await CaseMaterial.bulk_create([
            CaseMaterial(case_id=c.id, material_id=m.id, position=m.position, name=m.name, necessity=m.necessity,
                         state="provided", trust="C")
            for c in rows for m in self.materials[:3]
        ])
        await CaseEvent.bulk_create([
            CaseEvent(case_id=c.id, at=now, action="accepted" if k else "submitted", from_status="submitted",
                      to_status=status, actor_kind="staff", actor_name="刘芳")
            for c in rows for k in range(events)
        ])
        self.made += [c.id for c in rows]
        return rows


@pytest.fixture(scope="module")
async def maker(database: str) -> Maker:
    _, version = await f.item("公共场所卫生许可")
    situation, materials = await f.situation(version, "公共场所卫生许可新办")
    hall = await Hall.filter(region_id=COUNTY).order_by("code").first()
    return Maker(version.item_id, version.id, situation.id, materials, hall.code if hall else None)


async def department_of(region: str, index: int = 0) -> str:
    codes = await Department.filter(region_id=region).order_by("code").values_list("code", flat=True)
    assert len(codes) > index, f"the seeds need {index + 1} departments in {region}"
    return str(codes[index])


async def staff_token(settings: Settings, username: str, roles: list[Role], region: str,
                      department: str | None = None) -> str:
    if not await StaffUser.exists(username=username):
        await create_user(actor=None, username=username, password="Liaoyi-" + uuid.uuid4().hex, display_name="测试人员",
                          roles=roles, region_code=region, department_code=department)
    user = await StaffUser.get(username=username)
    return (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token


@dataclass
class World:
    department: str
    reviewer: str  # token
    viewer: str  # token of a county viewer of 高唐县
    citizen: str  # token of a citizen with 60 cases
    cases: list[Case]


@pytest.fixture(scope="module")
async def world(maker: Maker, settings: Settings) -> World:
    """60 overdue cases under review in one 高唐县 department, all applied for by one citizen."""
    dept = await department_of(COUNTY)
    person = await f.citizen()
    rows = await maker.cases(60, department=dept, deadline=date(2020, 1, 6), step=timedelta(days=1),
                             applicant_citizen_id=person.id, contact_citizen_id=person.id)
    return World(
        department=dept,
        reviewer=await staff_token(settings, "t_gaotang_reviewer", [Role.DEPT_REVIEWER], COUNTY, dept),
        viewer=await staff_token(settings, "t_gaotang_viewer", [Role.COUNTY_VIEWER], COUNTY),
        citizen=(await tokens.issue(lifetimes=settings.token_lifetimes, citizen=person)).access_token,
        cases=rows,
    )


# ---------------------------------------------------------------------------------------------
# SQL budgets: the statements of a page do not depend on its size


statements: list[Any] = [[]]  # of the last counted request, for the failure message


async def _count(gql: GraphQLClient, sql: Any, query: str, variables: dict[str, Any], token: str) -> tuple[int, Any]:
    with sql() as counter:
        data = await gql(query, variables, token=token)
    statements[0] = counter.statements
    return counter.count, data


@pytest.mark.parametrize(("name", "query", "who"), [
    ("caseQueue", QUEUE, "reviewer"), ("myCases", MINE, "citizen"), ("overdueCases", OVERDUE, "viewer"),
])
async def test_list_statements_do_not_grow_with_the_page(
    gql: GraphQLClient, sql: Any, world: World, name: str, query: str, who: str,
) -> None:
    token = getattr(world, who)
    small, data10 = await _count(gql, sql, query, {"first": 10}, token)
    large, data50 = await _count(gql, sql, query, {"first": 50}, token)
    assert len(data10[name]["edges"]) == 10 and len(data50[name]["edges"]) == 50
    assert all(len(e["node"]["materials"]) == 3 and len(e["node"]["timeline"]) == 2 for e in data50[name]["edges"])
    assert small == large, f"{name}: {small} statements for 10 cases, {large} for 50"
    # the token; the page (+1 row) and its count; one batch each for materials, events, e-licences,
    # items, versions, departments, halls. myCases also reads the citizen's enterprises (legal
    # representative, operator) for its scope, once for the page and its count.
    assert large == BUDGET[name], (large, statements[0])


BUDGET = {"caseQueue": 10, "myCases": 12, "overdueCases": 10}


async def test_one_case_costs_the_same_with_a_long_timeline(
    gql: GraphQLClient, sql: Any, maker: Maker, world: World,
) -> None:
    short = (await maker.cases(1, department=world.department, deadline=date(2099, 1, 1), events=2))[0]
    long_ = (await maker.cases(1, department=world.department, deadline=date(2099, 1, 1), events=25))[0]
    a, one = await _count(gql, sql, ONE, {"id": gid("Case", short.id)}, world.reviewer)
    b, other = await _count(gql, sql, ONE, {"id": gid("Case", long_.id)}, world.reviewer)
    assert len(one["case"]["timeline"]) == 2 and len(other["case"]["timeline"]) == 25
    assert len(other["case"]["materials"]) == 3
    assert a == b <= 10, (a, b)


MINE_FORMS = "query($first: Int) { myCases(first: $first) { edges { node { id formData prefilled { key } futureEnterprise { name } } } } }"


async def test_a_list_reads_the_whole_cases_once_for_the_fields_that_need_them(
    gql: GraphQLClient, sql: Any, world: World,
) -> None:
    # a list's cases are plain rows without the JSON columns; the form's data (and the like) come
    # from the whole cases, read in one statement for the page
    plain, _ = await _count(gql, sql, "query($first: Int) { myCases(first: $first) { edges { node { id } } } }",
                            {"first": 20}, world.citizen)
    small, data10 = await _count(gql, sql, MINE_FORMS, {"first": 10}, world.citizen)
    large, data50 = await _count(gql, sql, MINE_FORMS, {"first": 50}, world.citizen)
    assert len(data50["myCases"]["edges"]) == 50 and all(e["node"]["formData"] == {} for e in data50["myCases"]["edges"])
    assert small == large, (small, large, statements[0])
    # the whole cases (one batch, scoped: the citizen's enterprises read again), the prefilled fields
    assert large - plain == 4, (plain, large, statements[0])


TRACK = ("query($n: String!, $q: String!) { trackCase(number: $n, queryCode: $q) { number itemName departmentName "
         "applicantName status statusLabel steps { at label statusLabel } } }")


async def test_tracking_reads_plain_rows_in_three_statements(gql: GraphQLClient, sql: Any, world: World) -> None:
    from server.domain.accounts.identifiers import mask_name

    case = world.cases[0]
    with sql() as counter:
        data = (await gql(TRACK, {"n": case.number, "q": "ABCD2345"}))["trackCase"]
    name = await Department.get(code=world.department).values_list("name", flat=True)
    assert data["number"] == case.number and data["departmentName"] == name
    assert data["applicantName"] == mask_name("张晓明") != "张晓明"  # masked for anybody
    assert len(data["steps"]) == 2 and all(s["label"] and s["statusLabel"] for s in data["steps"])
    # the number's guard, the case with its timeline (one join), the department's name
    assert counter.count == 3, counter.statements
    assert (await gql(TRACK, {"n": case.number, "q": "WRONG22"}))["trackCase"] is None


# ---------------------------------------------------------------------------------------------
# keyset pages while the queue changes


async def test_keyset_pages_return_every_case_once_while_cases_arrive(
    gql: GraphQLClient, maker: Maker, settings: Settings,
) -> None:
    dept = await department_of(COUNTY, 1)
    token = await staff_token(settings, "t_gaotang_reviewer_2", [Role.DEPT_REVIEWER], COUNTY, dept)
    # ties on the deadline (three cases a day) so that the id decides inside a day
    start = date(2031, 3, 2)
    before = []
    for day in range(10):
        before += await maker.cases(3, department=dept, deadline=start + timedelta(days=day), events=1)
    seen: list[str] = []
    after: str | None = None
    arrived: list[Case] = []
    for page in range(40):
        data = (await gql(QUEUE, {"first": 4, "after": after}, token=token))["caseQueue"]
        seen += ids(data)
        # new cases arrive between pages: before the cursor, on the cursor's own day, and after it
        on = start + timedelta(days=page % 12)
        arrived += await maker.cases(1, department=dept, deadline=on, events=1)
        arrived += await maker.cases(1, department=dept, deadline=start - timedelta(days=1), events=1)
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    else:
        raise AssertionError("the queue did not end")
    assert len(seen) == len(set(seen)), "a case was returned twice"
    assert {gid("Case", c.id) for c in before} <= set(seen), "a case that was there from the start was skipped"
    assert not {gid("Case", c.id) for c in arrived if c.deadline is not None and c.deadline < start} & set(seen)
    # what was seen is in queue order: by deadline, then id
    order = {gid("Case", c.id): (c.deadline, c.id) for c in [*before, *arrived]}
    keys = [order[i] for i in seen]
    assert keys == sorted(keys)


# ---------------------------------------------------------------------------------------------
# scoping: a county viewer, a bank partner


async def _all_overdue(client: GraphQLClient) -> set[str]:
    found: set[str] = set()
    after: str | None = None
    while True:
        data = (await client("""query($after: String) { overdueCases(level: RED, first: 100, after: $after) {
            pageInfo { hasNextPage endCursor } edges { node { id } } } }""", {"after": after}))["overdueCases"]
        found |= set(ids(data))
        if not data["pageInfo"]["hasNextPage"]:
            return found
        after = data["pageInfo"]["endCursor"]


async def test_county_viewer_never_sees_another_county(gql: GraphQLClient, maker: Maker) -> None:
    guanxian = (await maker.cases(1, department=await department_of("371525"), region="371525", county="371525",
                                  deadline=date(2020, 2, 3)))[0]
    shenxian = (await maker.cases(1, department=await department_of("371522"), region="371522", county="371522",
                                  deadline=date(2020, 2, 3)))[0]
    viewer = await gql.as_user("guanxian_viewer")
    by_number = """query($n: String!) { caseQueue(queue: ALL, filter: {number: $n}) { totalCount edges { node { id } } } }"""
    assert (await viewer(by_number, {"n": guanxian.number}))["caseQueue"]["totalCount"] == 1
    assert (await viewer(by_number, {"n": shenxian.number}))["caseQueue"] == {"totalCount": 0, "edges": []}
    everything = (await viewer("query { caseQueue(queue: ALL, first: 100) { edges { node { id regionCode } } } }"))
    assert {e["node"]["regionCode"] for e in everything["caseQueue"]["edges"]} <= await _codes_under("371525")
    overdue = await _all_overdue(viewer)
    assert gid("Case", guanxian.id) in overdue and gid("Case", shenxian.id) not in overdue
    for query, key in (("query($id: ID!) { case(id: $id) { id } }", "case"),
                       ("query($id: ID!) { node(id: $id) { id ... on Case { number } } }", "node")):
        assert (await viewer(query, {"id": gid("Case", shenxian.id)}))[key] is None
        assert (await viewer(query, {"id": gid("Case", guanxian.id)}))[key]["id"] == gid("Case", guanxian.id)
    # the same cases by the city's supervisor: both (the scope is a region, not a filter of the list)
    city = await gql.as_user("city_supervisor")
    assert (await city(by_number, {"n": shenxian.number}))["caseQueue"]["totalCount"] == 1


async def _codes_under(county: str) -> set[str]:
    from server.domain.catalog.models import Region

    return {str(c) for c in await Region.filter(path__contains=f"/{county}/").values_list("code", flat=True)} | {county}


async def test_bank_sees_only_the_sub_cases_routed_to_it(gql: GraphQLClient, maker: Maker) -> None:
    admin = await f.staff("city_admin")
    code = f"ICBC-LC{uuid.uuid4().hex[:6].upper()}"
    other = f"ABC-LC{uuid.uuid4().hex[:6].upper()}"
    key = (await apikeys.create_api_key(actor=admin, name="工商银行聊城分行", kind="bank", partner_code=code)).full_key
    dept = await department_of("371500")
    parent = (await maker.cases(1, department=dept, region="371500", county=None, status="accepted",
                                deadline=date(2099, 3, 1)))[0]
    routed = (await maker.cases(1, department=dept, region="371500", county=None, status="accepted",
                                deadline=date(2099, 3, 1), parent_id=parent.id, partner_code=code))[0]
    elsewhere = (await maker.cases(1, department=dept, region="371500", county=None, status="accepted",
                                   deadline=date(2099, 3, 1), parent_id=parent.id, partner_code=other))[0]

    async def as_bank(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        r = await gql.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                headers={"x-api-key": key, "accept": "application/graphql-response+json"})
        body = r.json()
        assert r.status_code == 200 and "errors" not in body, body
        return dict(body["data"])

    queue = (await as_bank("""query { caseQueue(queue: ALL, first: 100) { totalCount
        edges { node { id number parent { id } } } } }"""))["caseQueue"]
    assert queue["totalCount"] == 1 and ids(queue) == [gid("Case", routed.id)]
    assert queue["edges"][0]["node"]["parent"] is None  # the parent case is not the bank's
    node = "query($id: ID!) { node(id: $id) { id ... on Case { number } } }"
    assert (await as_bank(node, {"id": gid("Case", routed.id)}))["node"]["number"] == routed.number
    assert (await as_bank(node, {"id": gid("Case", elsewhere.id)}))["node"] is None
    assert (await as_bank(node, {"id": gid("Case", parent.id)}))["node"] is None
    assert (await as_bank("query($id: ID!) { case(id: $id) { id } }", {"id": gid("Case", elsewhere.id)}))["case"] is None
    # the review queue is not the bank's to work, but its scope is the same: only the routed case
    review = (await as_bank("query { caseQueue(queue: REVIEW, first: 100) { edges { node { id } } } }"))["caseQueue"]
    assert ids(review) == [gid("Case", routed.id)]



async def test_a_review_queue_asked_for_undated_states_pages_by_id_on_both_databases() -> None:
    """Asking the REVIEW queue for states without a deadline (submitted) as well as dated ones pages
    by id: a keyset over a nullable deadline would sort NULLs first on SQLite and last on PostgreSQL."""
    from server.domain.cases import queries as q

    flt = q.CaseFilter(statuses=["submitted", "accepted"])
    assert q.queue_order("review", flt) == "id"
    assert q.queue_order("review", q.CaseFilter(statuses=["accepted", "under_review"])) == "deadline"
    assert q.queue_order("review") == "deadline" and q.queue_order("window") == "id" and q.queue_order("all") == "-id"
