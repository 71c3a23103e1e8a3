"""Personal data seen whole: who may, within which region, with a reason, and the access log that
records every view (and that only auditors and admins read, scoped by region)."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from stdnum.cn import ric
from strawberry import relay

from server import clock as server_clock
from server.domain.accounts import privacy, tokens
from server.domain.accounts.models import AccessLog, Citizen, Enterprise, StaffUser
from server.domain.accounts.roles import Role
from server.domain.accounts.service import create_user
from server.domain.errors import DomainError, DomainErrors
from server.settings import Settings
from tests.conftest import DEMO_PASSWORD, GraphQLClient, refusal

REVEAL = """
mutation Reveal($i: RevealPersonalDataInput!) {
  revealPersonalData(input: $i) { values { field label value } errors { field message code } }
}"""
LOG = """
query Log($f: PersonalDataAccessFilter, $first: Int, $after: String) {
  personalDataAccessLog(filter: $f, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id at viewerLabel viewerStaffId viewerRegionCode subjectKind subjectId subjectLabel fields reason requestId
    } }
  }
}"""

GUANXIAN, SHENXIAN, CITY = "371525", "371522", "371500"


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


def new_id_number() -> str:
    body = f"371525{random.randint(1950, 2000)}{random.randint(1, 12):02d}{random.randint(1, 28):02d}" \
           f"{random.randint(0, 999):03d}"
    return body + ric.calc_check_digit(body)


def new_phone() -> str:
    return "139" + f"{uuid.uuid4().int % 10**8:08d}"


async def new_citizen(name: str = "张三丰") -> Citizen:
    while True:
        number = new_id_number()
        if not await Citizen.exists(id_number=number):
            break
    return await Citizen.create(phone=new_phone(), name=name, id_number=number)


async def new_enterprise(region: str) -> Enterprise:
    code = uuid.uuid4().hex[:18].upper()
    return await Enterprise.create(
        credit_code=code, name=f"聊城测试企业{code[:6]}有限公司", legal_rep_name="李四海",
        legal_rep_id_number=new_id_number(), region_id=region,
    )


async def new_staff(role: Role, region: str, display_name: str = "临时人员") -> StaffUser:
    return await create_user(
        actor=None, username=f"pv_{role.value[:6]}_{uuid.uuid4().hex[:8]}", password=DEMO_PASSWORD,
        display_name=display_name, roles=[role], region_code=region,
    )


async def case_of(citizen: Citizen, *, county: str | None = None) -> None:
    """A submitted case of the citizen: at the city hall (administrative approval), or at a county's
    hall — whose staff may then see the person whole."""
    from server.domain.cases.models import Case
    from server.domain.catalog.models import ServiceItem

    item = await ServiceItem.filter(status="active").first()
    assert item is not None
    region = county or "371500"
    await Case.create(
        status="submitted", channel="online", item_id=item.id, version_id=item.published_version_id,
        item_name="隐私测试事项", basic_code=item.basic_code, department_code=f"{region}-XZSPJ", region_code=region,
        city_code="371500", county_code=county, hall_code=f"{region}-ZWFWZX", applicant_kind="citizen",
        applicant_citizen_id=citizen.id, contact_citizen_id=citizen.id, applicant_name=citizen.name or "",
    )


async def drop_cases(citizen_id: int) -> None:
    from tests import factories as f

    await f.remove_cases(applicant_citizen_id=citizen_id)


async def reveal(gql: GraphQLClient, subject: str, fields: list[str], reason: str = "核对申请人身份",
                 token: str | None = None) -> dict[str, Any]:
    data = await gql(REVEAL, {"i": {"subjectId": subject, "fields": fields, "reason": reason}}, token=token)
    return dict(data["revealPersonalData"])


async def reveal_refused(gql: GraphQLClient, subject: str, fields: list[str], token: str | None = None) -> str:
    """The top-level refusal of a caller who may not reveal at all (UNAUTHENTICATED or FORBIDDEN)."""
    body = await gql(REVEAL, {"i": {"subjectId": subject, "fields": fields, "reason": "核对申请人身份"}},
                     token=token, expect_errors=True)
    return refusal(body, "revealPersonalData")


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["errors"]]


@dataclass
class Subjects:
    citizen: Citizen
    guanxian_firm: Enterprise
    shenxian_firm: Enterprise


@pytest.fixture
async def subjects() -> AsyncIterator[Subjects]:
    s = Subjects(await new_citizen(), await new_enterprise(GUANXIAN), await new_enterprise(SHENXIAN))
    await case_of(s.citizen)
    await case_of(s.citizen, county=GUANXIAN)
    yield s
    await drop_cases(s.citizen.id)
    await AccessLog.filter(subject_kind="citizen", subject_id=s.citizen.id).delete()
    await AccessLog.filter(subject_kind="enterprise", subject_id__in=[s.guanxian_firm.id, s.shenxian_firm.id]).delete()
    await s.citizen.delete()
    await s.guanxian_firm.delete()
    await s.shenxian_firm.delete()


async def views_of(kind: str, pk: int) -> list[AccessLog]:
    return await AccessLog.filter(subject_kind=kind, subject_id=pk).order_by("id")


# --- revealing -------------------------------------------------------------------------------------


async def test_clerk_sees_citizen_data_whole_and_the_view_is_logged(
    client: httpx.AsyncClient, gql: GraphQLClient, subjects: Subjects
) -> None:
    token = await gql.login("city_clerk")
    c = subjects.citizen
    r = await client.post(
        "/graphql",
        json={"query": REVEAL, "variables": {"i": {
            "subjectId": gid("Citizen", c.id), "fields": ["NAME", "ID_NUMBER", "PHONE", "NAME"],
            "reason": "  窗口受理时核对身份  ",
        }}},
        headers={"authorization": f"Bearer {token}", "x-request-id": "reveal-test-0001"},
    )
    payload = r.json()["data"]["revealPersonalData"]
    assert payload["errors"] == []
    assert payload["values"] == [
        {"field": "NAME", "label": "姓名", "value": "张三丰"},
        {"field": "ID_NUMBER", "label": "居民身份证号码", "value": c.id_number},
        {"field": "PHONE", "label": "手机号码", "value": c.phone},
    ]
    [view] = await views_of("citizen", c.id)
    clerk = await StaffUser.get(username="city_clerk").select_related("region")
    assert view.viewer_staff_id == clerk.id
    assert view.viewer_label == "刘芳(city_clerk)"
    assert view.viewer_region_path == clerk.region.path
    assert view.fields_shown == ["name", "id_number", "phone"]
    assert view.reason == "窗口受理时核对身份"
    assert view.request_id == "reveal-test-0001"


@pytest.mark.parametrize("username", ["city_admin", "city_supervisor", "city_reviewer_scjg", "guanxian_clerk"])
async def test_roles_handling_peoples_matters_may_reveal_a_citizen(
    gql: GraphQLClient, subjects: Subjects, username: str
) -> None:
    token = await gql.login(username)
    payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["ID_NUMBER"], token=token)
    assert payload["errors"] == []
    assert payload["values"][0]["value"] == subjects.citizen.id_number


async def test_assistance_agent_may_reveal_a_principal(gql: GraphQLClient, subjects: Subjects) -> None:

    from server.domain.accounts.models import Mandate

    agent = await new_staff(Role.ASSISTANCE_AGENT, GUANXIAN)
    try:
        token = await gql.login(agent.username)
        payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["PHONE"], token=token)
        assert [e["code"] for e in payload["errors"]] == ["NOT_ALLOWED"]  # no mandate, no case: not theirs
        await Mandate.create(principal_citizen=subjects.citizen, agent=agent, all_items=True,
                             valid_from=server_clock.today(), valid_to=server_clock.today(), created_by_id=agent.id)
        payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["PHONE"], token=token)
        assert payload["errors"] == [] and payload["values"][0]["value"] == subjects.citizen.phone
    finally:
        await Mandate.filter(agent_id=agent.id).delete()
        await agent.delete()


async def test_staff_see_only_the_people_whose_cases_they_handle(gql: GraphQLClient, subjects: Subjects) -> None:
    """A clerk of 莘县 handles no case of this person: refused, and nothing is logged."""
    clerk = await create_user(
        actor=None, username=f"pv_clerk_{uuid.uuid4().hex[:8]}", password=DEMO_PASSWORD, display_name="莘县窗口",
        roles=[Role.WINDOW_CLERK], region_code=SHENXIAN, hall_code=f"{SHENXIAN}-ZWFWZX",
    )
    try:
        before = len(await views_of("citizen", subjects.citizen.id))
        payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["NAME"], token=await gql.login(clerk.username))
        assert [e["code"] for e in payload["errors"]] == ["NOT_ALLOWED"]
        assert len(await views_of("citizen", subjects.citizen.id)) == before
    finally:
        await clerk.delete()


@pytest.mark.parametrize("role", [Role.CATALOG_ADMIN, Role.COUNTY_VIEWER, Role.AUDITOR])
async def test_roles_without_the_right_are_refused_and_nothing_is_logged(
    gql: GraphQLClient, subjects: Subjects, role: Role
) -> None:
    user = await new_staff(role, CITY)
    try:
        token = await gql.login(user.username)
        for subject, fields in ((gid("Citizen", subjects.citizen.id), ["NAME"]),
                                (gid("Enterprise", subjects.guanxian_firm.id), ["LEGAL_REP_ID_NUMBER"])):
            assert await reveal_refused(gql, subject, fields, token=token) == "FORBIDDEN"
            assert gql.last is not None and "无权" in gql.last.json()["errors"][0]["message"]
    finally:
        await user.delete()
    assert await views_of("citizen", subjects.citizen.id) == []
    assert await views_of("enterprise", subjects.guanxian_firm.id) == []


async def test_anonymous_and_citizens_are_refused(gql: GraphQLClient, subjects: Subjects, settings: Settings) -> None:
    other = await new_citizen("王五")
    try:
        pair = await tokens.issue(lifetimes=settings.token_lifetimes, citizen=other)
        for token, expected in ((None, "UNAUTHENTICATED"), (pair.access_token, "FORBIDDEN")):
            assert await reveal_refused(gql, gid("Citizen", subjects.citizen.id), ["ID_NUMBER"], token=token) == expected
        # not even their own record through this door (citizens see their own data in their profile)
        assert await reveal_refused(gql, gid("Citizen", other.id), ["ID_NUMBER"], token=pair.access_token) == "FORBIDDEN"
    finally:
        await other.delete()
    assert await views_of("citizen", subjects.citizen.id) == []


async def test_a_reason_is_required(gql: GraphQLClient, subjects: Subjects) -> None:
    token = await gql.login("city_clerk")
    for reason in ("", "   ", "看看", "核对 "):
        payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["NAME"], reason=reason, token=token)
        assert codes(payload) == ["INVALID"]
        assert payload["errors"][0]["field"] == ["reason"] and "原因" in payload["errors"][0]["message"]
    payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["NAME"], reason="x" * 501, token=token)
    assert codes(payload) == ["INVALID"]
    assert await views_of("citizen", subjects.citizen.id) == []


async def test_fields_must_belong_to_the_kind_of_subject(gql: GraphQLClient, subjects: Subjects) -> None:
    token = await gql.login("city_clerk")
    payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["NAME", "LEGAL_REP_ID_NUMBER"], token=token)
    assert codes(payload) == ["INVALID"] and payload["errors"][0]["field"] == ["fields", "1"]
    payload = await reveal(gql, gid("Enterprise", subjects.guanxian_firm.id), ["PHONE"], token=token)
    assert codes(payload) == ["INVALID"]
    payload = await reveal(gql, gid("Citizen", subjects.citizen.id), [], token=token)
    assert codes(payload) == ["INVALID"] and payload["errors"][0]["field"] == ["fields"]
    payload = await reveal(gql, gid("Citizen", subjects.citizen.id), ["NAME"] * 11, token=token)
    assert codes(payload) == ["INVALID"]
    assert await views_of("citizen", subjects.citizen.id) == []


async def test_unknown_subjects(gql: GraphQLClient) -> None:
    token = await gql.login("city_clerk")
    assert codes(await reveal(gql, gid("Citizen", 2_000_000_000), ["NAME"], token=token)) == ["NOT_FOUND"]
    assert codes(await reveal(gql, gid("ServiceItem", 1), ["NAME"], token=token)) == ["INVALID"]
    assert codes(await reveal(gql, str(relay.GlobalID("Citizen", "abc")), ["NAME"], token=token)) == ["NOT_FOUND"]
    # who is asking is checked first: an anonymous caller learns nothing about what exists
    assert await reveal_refused(gql, gid("Citizen", 2_000_000_000), ["NAME"]) == "UNAUTHENTICATED"


async def test_enterprise_data_only_within_the_actors_region(gql: GraphQLClient, subjects: Subjects) -> None:
    guanxian = await gql.login("guanxian_clerk")
    own = await reveal(gql, gid("Enterprise", subjects.guanxian_firm.id), ["LEGAL_REP_NAME", "LEGAL_REP_ID_NUMBER"],
                       token=guanxian)
    assert own["errors"] == []
    assert [v["value"] for v in own["values"]] == ["李四海", subjects.guanxian_firm.legal_rep_id_number]
    other = await reveal(gql, gid("Enterprise", subjects.shenxian_firm.id), ["LEGAL_REP_ID_NUMBER"], token=guanxian)
    assert codes(other) == ["NOT_ALLOWED"] and other["values"] == []
    assert "本区划" in other["errors"][0]["message"]
    assert await views_of("enterprise", subjects.shenxian_firm.id) == []
    # the city covers both counties
    city = await gql.login("city_clerk")
    assert (await reveal(gql, gid("Enterprise", subjects.shenxian_firm.id), ["LEGAL_REP_NAME"], token=city))[
        "errors"] == []
    assert len(await views_of("enterprise", subjects.guanxian_firm.id)) == 1
    assert len(await views_of("enterprise", subjects.shenxian_firm.id)) == 1


async def test_staff_names_within_the_region(gql: GraphQLClient) -> None:
    county = await new_staff(Role.WINDOW_CLERK, GUANXIAN, display_name="冠县新人")
    try:
        admin = await gql.login("city_admin")
        payload = await reveal(gql, gid("StaffUser", county.id), ["NAME"], reason="核对账号归属", token=admin)
        assert payload["values"] == [{"field": "NAME", "label": "姓名", "value": "冠县新人"}]
        city_admin = await StaffUser.get(username="city_admin")
        refused = await reveal(gql, gid("StaffUser", city_admin.id), ["NAME"], token=await gql.login(county.username))
        assert codes(refused) == ["NOT_ALLOWED"]
        assert [v.viewer_label for v in await views_of("staff", county.id)] == ["王建国(city_admin)"]
        assert not await AccessLog.exists(subject_kind="staff", subject_id=city_admin.id, viewer_staff_id=county.id)
    finally:
        await AccessLog.filter(subject_kind="staff", subject_id=county.id).delete()
        await county.delete()


async def test_unverified_citizen_fields_come_back_empty(gql: GraphQLClient) -> None:
    c = await Citizen.create(phone=new_phone())
    await case_of(c)
    try:
        payload = await reveal(gql, gid("Citizen", c.id), ["NAME", "PHONE"], token=await gql.login("city_clerk"))
        assert payload["values"] == [
            {"field": "NAME", "label": "姓名", "value": None},
            {"field": "PHONE", "label": "手机号码", "value": c.phone},
        ]
    finally:
        await AccessLog.filter(subject_kind="citizen", subject_id=c.id).delete()
        await drop_cases(c.id)
        await c.delete()


async def test_no_values_without_the_log_row(monkeypatch: pytest.MonkeyPatch, subjects: Subjects) -> None:
    """The view and its record are one transaction: if the record cannot be written, nothing is shown."""
    from server.domain.accounts.tokens import staff_actor

    clerk = await StaffUser.get(username="city_clerk").select_related("region")
    actor = staff_actor(clerk, clerk.region.path)

    async def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(AccessLog, "create", broken)
    with pytest.raises(RuntimeError):
        await privacy.reveal(actor=actor, subject_kind="citizen", subject_id=subjects.citizen.id, fields=["name"],
                             reason="核对申请人身份", request_id="r")
    monkeypatch.undo()
    assert await views_of("citizen", subjects.citizen.id) == []


async def test_domain_refuses_before_validating(subjects: Subjects) -> None:
    from server.domain.accounts.roles import ANONYMOUS

    with pytest.raises(DomainError) as refused:
        await privacy.reveal(actor=ANONYMOUS, subject_kind="nonsense", subject_id=0, fields=[], reason="",
                             request_id="-")
    assert refused.value.code == "NOT_ALLOWED"
    clerk = await StaffUser.get(username="city_clerk").select_related("region")
    actor = tokens.staff_actor(clerk, clerk.region.path)
    with pytest.raises(DomainErrors) as invalid:
        await privacy.reveal(actor=actor, subject_kind="citizen", subject_id=subjects.citizen.id,
                             fields=["phone", "salary"], reason="", request_id="-")
    assert sorted(e.field[0] for e in invalid.value.errors if e.field) == ["fields", "reason"]


# --- the access log --------------------------------------------------------------------------------


async def test_auditor_reads_the_log(gql: GraphQLClient, subjects: Subjects) -> None:
    c = gid("Citizen", subjects.citizen.id)
    clerk = await gql.login("city_clerk")
    county_clerk = await gql.login("guanxian_clerk")
    await reveal(gql, c, ["NAME"], reason="受理时核对身份", token=clerk)
    await reveal(gql, c, ["ID_NUMBER", "PHONE"], reason="补正材料联系申请人", token=county_clerk)
    await reveal(gql, c, ["NAME"], reason="看", token=clerk)  # refused: no row

    auditor = await gql.as_user("city_auditor")
    data = await auditor(LOG, {"f": {"subjectId": c}})
    log = data["personalDataAccessLog"]
    assert log["totalCount"] == 2
    newest, oldest = (e["node"] for e in log["edges"])
    assert (newest["viewerLabel"], newest["viewerRegionCode"], newest["fields"], newest["reason"]) == (
        "陈晓梅(guanxian_clerk)", GUANXIAN, ["ID_NUMBER", "PHONE"], "补正材料联系申请人"
    )
    assert (oldest["viewerLabel"], oldest["viewerRegionCode"], oldest["fields"]) == (
        "刘芳(city_clerk)", CITY, ["NAME"]
    )
    assert newest["subjectKind"] == "CITIZEN" and newest["subjectId"] == c
    # whose data: the person masked, not only "群众" (issue 16)
    phone = subjects.citizen.phone
    assert newest["subjectLabel"] == f"张** {phone[:3]}****{phone[-4:]}"
    assert newest["at"] >= oldest["at"]
    assert newest["requestId"] and newest["requestId"] != "-"
    guanxian_clerk = await StaffUser.get(username="guanxian_clerk")
    assert newest["viewerStaffId"] == gid("StaffUser", guanxian_clerk.id)

    # filters: by viewer, by kind, by time
    by_viewer = await auditor(LOG, {"f": {"subjectId": c, "viewerStaffId": newest["viewerStaffId"]}})
    assert by_viewer["personalDataAccessLog"]["totalCount"] == 1
    by_kind = await auditor(LOG, {"f": {"subjectId": c, "subjectKind": "ENTERPRISE"}}, expect_errors=True)
    assert by_kind["data"] is None and by_kind["errors"][0]["extensions"]["code"] == "INVALID"
    later = await auditor(LOG, {"f": {"subjectId": c, "since": newest["at"]}})
    assert later["personalDataAccessLog"]["totalCount"] >= 1
    before = await auditor(LOG, {"f": {"subjectId": c, "until": oldest["at"]}})
    assert before["personalDataAccessLog"]["totalCount"] == 0
    future = await auditor(LOG, {"f": {"subjectKind": "CITIZEN", "since": "2999-01-01T00:00:00+00:00"}})
    assert future["personalDataAccessLog"]["totalCount"] == 0

    # paging
    first = await auditor(LOG, {"f": {"subjectId": c}, "first": 1})
    page = first["personalDataAccessLog"]
    assert page["pageInfo"]["hasNextPage"] and len(page["edges"]) == 1 and page["totalCount"] == 2
    second = await auditor(LOG, {"f": {"subjectId": c}, "first": 1, "after": page["pageInfo"]["endCursor"]})
    assert [e["node"]["id"] for e in second["personalDataAccessLog"]["edges"]] == [oldest["id"]]

    # the record as a Node
    node = await auditor("query($id: ID!) { node(id: $id) { ... on PersonalDataAccess { reason } } }",
                         {"id": oldest["id"]})
    assert node["node"] == {"reason": "受理时核对身份"}
    clerk_view = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": oldest["id"]}, token=clerk)
    assert clerk_view["node"] is None

    # city admins read it too
    admin = await gql.as_user("city_admin")
    assert (await admin(LOG, {"f": {"subjectId": c}}))["personalDataAccessLog"]["totalCount"] == 2


async def test_county_auditor_sees_only_views_by_its_own_region(gql: GraphQLClient, subjects: Subjects) -> None:
    c = gid("Citizen", subjects.citizen.id)
    await reveal(gql, c, ["NAME"], token=await gql.login("city_clerk"))
    await reveal(gql, c, ["PHONE"], token=await gql.login("guanxian_clerk"))
    county_auditor = await new_staff(Role.AUDITOR, GUANXIAN)
    shenxian_auditor = await new_staff(Role.AUDITOR, SHENXIAN)
    try:
        county = await gql.as_user(county_auditor.username)
        log = (await county(LOG, {"f": {"subjectId": c}}))["personalDataAccessLog"]
        assert log["totalCount"] == 1
        assert [e["node"]["viewerLabel"] for e in log["edges"]] == ["陈晓梅(guanxian_clerk)"]
        everything = (await county(LOG, {"first": 100}))["personalDataAccessLog"]
        assert all(e["node"]["viewerRegionCode"] == GUANXIAN for e in everything["edges"])
        shenxian = await gql.as_user(shenxian_auditor.username)
        assert (await shenxian(LOG, {"f": {"subjectId": c}}))["personalDataAccessLog"]["totalCount"] == 0
    finally:
        await county_auditor.delete()
        await shenxian_auditor.delete()


@pytest.mark.parametrize("username", ["city_clerk", "city_catalog", "city_supervisor", "city_reviewer_scjg"])
async def test_others_cannot_read_the_log(gql: GraphQLClient, username: str) -> None:
    body = await (await gql.as_user(username))(LOG, expect_errors=True)
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN" and error["path"] == ["personalDataAccessLog"]


async def test_anonymous_and_citizens_cannot_read_the_log(gql: GraphQLClient, settings: Settings) -> None:
    body = await gql(LOG, expect_errors=True)
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    c = await new_citizen("赵六")
    try:
        pair = await tokens.issue(lifetimes=settings.token_lifetimes, citizen=c)
        body = await gql(LOG, token=pair.access_token, expect_errors=True)
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    finally:
        await c.delete()


async def test_log_domain_refuses_readers_without_the_role(subjects: Subjects) -> None:
    clerk = await StaffUser.get(username="city_clerk").select_related("region")
    actor = tokens.staff_actor(clerk, clerk.region.path)
    with pytest.raises(DomainError) as refused:
        await privacy.access_log(actor=actor, flt=privacy.LogFilter())
    assert refused.value.code == "NOT_ALLOWED"
    assert await privacy.access_log_by_ids(actor=actor, ids=[1, 2, 3]) == {}


async def test_log_statement_count_does_not_grow_with_the_page(gql: GraphQLClient, sql: Any,
                                                               subjects: Subjects) -> None:
    c = gid("Citizen", subjects.citizen.id)
    clerk = await gql.login("city_clerk")
    for _ in range(6):
        await reveal(gql, c, ["NAME"], token=clerk)
    auditor = await gql.as_user("city_auditor")
    counts = []
    for first in (1, 6):
        with sql() as counter:
            data = await auditor(LOG, {"f": {"subjectId": c}, "first": first})
        assert len(data["personalDataAccessLog"]["edges"]) == first
        counts.append(counter.count)
    assert counts[0] == counts[1]


async def test_the_log_names_whose_data_was_viewed_masked(gql: GraphQLClient, subjects: Subjects) -> None:
    """Each kind of subject is named in the log as lists name it: an enterprise by its registered
    name with the legal representative masked, staff by masked name and user name, a case by its
    number and masked applicant; never a full name of a person."""
    county_clerk = await gql.login("guanxian_clerk")
    firm = gid("Enterprise", subjects.guanxian_firm.id)
    await reveal(gql, firm, ["LEGAL_REP_NAME"], reason="核对法定代表人", token=county_clerk)
    staff = await new_staff(Role.WINDOW_CLERK, CITY, display_name="王小明")
    admin = await gql.as_user("city_admin")
    try:
        await reveal(gql, gid("StaffUser", staff.id), ["NAME"], reason="核对工作人员身份",
                     token=await gql.login("city_admin"))
        auditor = await gql.as_user("city_auditor")
        by_firm = (await auditor(LOG, {"f": {"subjectId": firm}}))["personalDataAccessLog"]["edges"]
        assert [e["node"]["subjectLabel"] for e in by_firm] == [
            f"{subjects.guanxian_firm.name}（法定代表人 李**）"
        ]
        by_staff = (await admin(LOG, {"f": {"subjectId": gid("StaffUser", staff.id)}}))["personalDataAccessLog"]
        assert [e["node"]["subjectLabel"] for e in by_staff["edges"]] == [f"王**({staff.username})"]
    finally:
        await AccessLog.filter(subject_kind="staff", subject_id=staff.id).delete()
        await staff.delete()


async def test_subject_labels_of_cases_and_missing_subjects(subjects: Subjects) -> None:
    from server.domain.cases.models import Case

    case = await Case.filter(applicant_citizen_id=subjects.citizen.id).first()
    assert case is not None
    labels = await privacy.subject_labels([("case", case.id), ("citizen", 0), ("bundle", 0)])
    assert labels == {("case", case.id): "草稿：张**"}
