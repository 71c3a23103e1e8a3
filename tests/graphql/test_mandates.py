"""Mandates (帮办代办): recorded by hall supervisors and admins of the agent's region, listed by
scope, revoked; and the domain's mandate_for, which the cases issue calls before an agent acts."""

from __future__ import annotations

import base64
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from server import clock as server_clock
from server.domain.accounts import mandates, tokens
from server.domain.accounts.mandates import mandate_for
from server.domain.accounts.models import Citizen, Enterprise, Mandate, StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.catalog.models import ServiceItem
from server.domain.errors import DomainError
from tests.conftest import GraphQLClient, refusal

MANDATE_FIELDS = """
  id allItems basicCodes validFrom validTo note revokedAt revokedReason isActive
  principal { kind id name idNumber creditCode }
  agent { id username displayName regionCode }
"""
CREATE = f"""
mutation Create($i: CreateMandateInput!) {{
  createMandate(input: $i) {{ mandate {{ {MANDATE_FIELDS} }} errors {{ field message code }} }}
}}"""
REVOKE = f"""
mutation Revoke($i: RevokeMandateInput!) {{
  revokeMandate(input: $i) {{ mandate {{ {MANDATE_FIELDS} }} errors {{ field message code }} }}
}}"""
LIST = f"""
query List($f: MandateFilter, $first: Int) {{
  mandates(filter: $f, first: $first) {{ totalCount edges {{ node {{ {MANDATE_FIELDS} }} }} }}
}}"""
TODAY = server_clock.today()


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def _id_number(region: str = "371525") -> str:
    birth = date(1950, 1, 1) + timedelta(days=random.randrange(20_000))
    body = f"{region}{birth:%Y%m%d}{random.randrange(1000):03d}"
    return body + ric.calc_check_digit(body)


async def _citizen(*, verified: bool = True, name: str = "张三丰") -> Citizen:
    return await Citizen.create(
        phone="139" + f"{random.randrange(10**8):08d}", name=name, id_number=_id_number(),
        verified_at=datetime.now(timezone.utc) if verified else None,
    )


async def _enterprise() -> Enterprise:
    body = "91371525" + "".join(random.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return await Enterprise.create(
        credit_code=body + uscc.calc_check_digit(body), name=f"冠县测试{uuid.uuid4().hex[:6]}有限公司",
        legal_rep_name="李四", legal_rep_id_number=_id_number(),
    )


async def _codes(n: int = 2) -> list[str]:
    codes = await ServiceItem.filter(status="active").order_by("basic_code").distinct().values_list(
        "basic_code", flat=True
    )
    picked = sorted(set(codes))[:n]
    assert len(picked) == n
    return [str(c) for c in picked]


async def _staff(username: str) -> StaffUser:
    return await StaffUser.get(username=username)


async def _agent_actor(username: str) -> Actor:
    user = await StaffUser.get(username=username).select_related("region")
    return tokens.staff_actor(user, user.region.path)


def _input(principal: str, *, agent: str = "guanxian_agent", **kw: Any) -> dict[str, Any]:
    i: dict[str, Any] = {"principalCitizenId": principal, "agentUsername": agent, "validFrom": TODAY.isoformat(),
                         "validTo": (TODAY + timedelta(days=30)).isoformat()}
    i.update(kw)
    return i


def _errors(payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["code"], e["field"][0]) for e in payload["errors"]]


# --- creating ------------------------------------------------------------------------------------------


async def test_supervisor_records_a_mandate_and_the_principal_is_masked(gql: GraphQLClient) -> None:
    citizen = await _citizen(name="张三丰")
    assert citizen.id_number is not None
    codes = await _codes()
    supervisor = await gql.as_user("guanxian_supervisor")
    result = (await supervisor(CREATE, {"i": _input(gid("Citizen", citizen.id), basicCodes=[codes[0], codes[0]],
                                                     note="委托书 2019-001")}))["createMandate"]
    assert result["errors"] == []
    m = result["mandate"]
    assert m["principal"] == {
        "kind": "CITIZEN", "id": gid("Citizen", citizen.id), "name": "张**",
        "idNumber": citizen.id_number[:4] + "*" * 10 + citizen.id_number[-4:], "creditCode": None,
    }
    assert m["agent"]["username"] == "guanxian_agent" and m["agent"]["regionCode"] == "371525"
    assert (m["basicCodes"], m["allItems"], m["isActive"], m["note"]) == ([codes[0]], False, True, "委托书 2019-001")
    row = await Mandate.get(id=int(base64.b64decode(m["id"]).decode().split(":")[1]))
    assert row.created_by_id == (await _staff("guanxian_supervisor")).id

    enterprise = await _enterprise()
    admin = await gql.as_user("city_admin")
    by_id = _input("", agentId=gid("StaffUser", (await _staff("guanxian_agent")).id), agentUsername=None,
                   principalCitizenId=None, principalEnterpriseId=gid("Enterprise", enterprise.id), allItems=True)
    result = (await admin(CREATE, {"i": by_id}))["createMandate"]
    assert result["errors"] == []
    assert result["mandate"]["principal"]["kind"] == "ENTERPRISE"
    assert result["mandate"]["principal"]["creditCode"] == enterprise.credit_code
    assert result["mandate"]["allItems"] is True and result["mandate"]["basicCodes"] == []


async def test_who_may_record_a_mandate(gql: GraphQLClient) -> None:
    citizen = await _citizen()
    code = (await _codes(1))[0]
    principal = gid("Citizen", citizen.id)
    # a county supervisor cannot mandate the city's agent; the city's supervisor can mandate a county agent
    county = await gql.as_user("guanxian_supervisor")
    r = (await county(CREATE, {"i": _input(principal, agent="city_agent", basicCodes=[code])}))["createMandate"]
    assert _errors(r) == [("NOT_ALLOWED", "agentUsername")] and r["mandate"] is None
    city = await gql.as_user("city_supervisor")
    r = (await city(CREATE, {"i": _input(principal, agent="guanxian_agent", basicCodes=[code])}))["createMandate"]
    assert r["errors"] == []
    for username in ("city_clerk", "city_catalog", "guanxian_agent", "city_auditor", "guanxian_viewer"):
        caller = await gql.as_user(username)
        i = {"i": _input(principal, basicCodes=[code])}
        assert await caller.refused(CREATE, i, field="createMandate") == "FORBIDDEN", username
    assert await gql.refused(CREATE, {"i": _input(principal, basicCodes=[code])}, field="createMandate") == "UNAUTHENTICATED"


async def test_mandate_validation(gql: GraphQLClient) -> None:
    citizen = await _citizen()
    unverified = await _citizen(verified=False)
    enterprise = await _enterprise()
    code = (await _codes(1))[0]
    principal = gid("Citizen", citizen.id)
    sup = await gql.as_user("guanxian_supervisor")

    async def problems(**kw: Any) -> list[tuple[str, str]]:
        r = (await sup(CREATE, {"i": _input(principal, **kw)}))["createMandate"]
        assert r["mandate"] is None or not r["errors"]
        return _errors(r)

    assert await problems(basicCodes=[code], validTo=(TODAY - timedelta(days=1)).isoformat()) == [("INVALID", "validTo")]
    assert await problems(basicCodes=[code], validFrom=(TODAY + timedelta(days=5)).isoformat(),
                          validTo=(TODAY + timedelta(days=4)).isoformat()) == [("INVALID", "validTo")]
    assert await problems(basicCodes=[code], validFrom=(TODAY + timedelta(days=5)).isoformat(),
                          validTo=(TODAY + timedelta(days=5)).isoformat()) == []
    assert await problems(basicCodes=["12345"]) == [("INVALID", "basicCodes")]
    assert await problems(basicCodes=["999999999999"]) == [("NOT_FOUND", "basicCodes")]
    assert await problems(basicCodes=[]) == [("INVALID", "basicCodes")]
    assert await problems(allItems=True, basicCodes=[code]) == [("INVALID", "basicCodes")]
    assert await problems(basicCodes=[code] * 51) == [("INVALID", "basicCodes")]
    assert await problems(agent="guanxian_clerk", basicCodes=[code]) == [("INVALID", "agentUsername")]
    assert await problems(agent="nobody_" + uuid.uuid4().hex[:6], basicCodes=[code]) == [("NOT_FOUND", "agentUsername")]
    assert await problems(agent=None, basicCodes=[code]) == [("INVALID", "agentId")]
    assert await problems(basicCodes=[code], principalCitizenId=gid("Citizen", unverified.id)) == [
        ("NOT_VERIFIED", "principalCitizenId")
    ]
    assert await problems(basicCodes=[code], principalCitizenId=gid("Citizen", 10**9)) == [
        ("NOT_FOUND", "principalCitizenId")
    ]
    assert await problems(basicCodes=[code], principalEnterpriseId=gid("Enterprise", enterprise.id)) == [
        ("INVALID", "principalCitizenId")
    ]
    # several problems at once are all reported
    many = await problems(agent="guanxian_clerk", basicCodes=["x"], validTo=(TODAY - timedelta(days=400)).isoformat(),
                          validFrom=(TODAY - timedelta(days=300)).isoformat())
    assert set(many) == {("INVALID", "agentUsername"), ("INVALID", "basicCodes"), ("INVALID", "validTo")}


# --- listing and revoking ----------------------------------------------------------------------------------


async def _make(gql: GraphQLClient, supervisor: str, agent: str, principal: Citizen, **kw: Any) -> dict[str, Any]:
    caller = await gql.as_user(supervisor)
    r = (await caller(CREATE, {"i": _input(gid("Citizen", principal.id), agent=agent, **kw)}))["createMandate"]
    assert r["errors"] == [], r
    return dict(r["mandate"])


async def test_lists_are_scoped_by_region_and_agent(gql: GraphQLClient, sql: Any) -> None:
    citizen = await _citizen()
    code = (await _codes(1))[0]
    county_m = await _make(gql, "guanxian_supervisor", "guanxian_agent", citizen, basicCodes=[code])
    city_m = await _make(gql, "city_supervisor", "city_agent", citizen, allItems=True)
    principal = {"principal": gid("Citizen", citizen.id)}

    async def ids(username: str, f: dict[str, Any] | None = None) -> set[str]:
        data = (await (await gql.as_user(username))(LIST, {"f": {**principal, **(f or {})}, "first": 100}))["mandates"]
        assert data["totalCount"] == len(data["edges"])
        return {e["node"]["id"] for e in data["edges"]}

    assert await ids("city_supervisor") == {county_m["id"], city_m["id"]}
    assert await ids("city_admin") == {county_m["id"], city_m["id"]}
    assert await ids("city_auditor") == {county_m["id"], city_m["id"]}
    assert await ids("guanxian_supervisor") == {county_m["id"]}
    assert await ids("guanxian_admin") == {county_m["id"]}
    assert await ids("guanxian_agent") == {county_m["id"]}
    assert await ids("city_agent") == {city_m["id"]}  # an agent sees its own, not its region's
    assert await ids("city_supervisor", {"agentId": city_m["agent"]["id"]}) == {city_m["id"]}
    assert await ids("city_supervisor", {"activeOn": (TODAY + timedelta(days=31)).isoformat()}) == set()
    assert await ids("city_supervisor", {"principal": gid("Enterprise", 10**9)}) == set()
    for username in ("city_clerk", "city_catalog", "guanxian_viewer"):
        body = await (await gql.as_user(username))(LIST, expect_errors=True)
        assert refusal(body, "mandates") == "FORBIDDEN", username
    assert refusal(await gql(LIST, expect_errors=True), "mandates") == "UNAUTHENTICATED"
    # the node query obeys the same scope
    node = "query($id: ID!) { node(id: $id) { ... on Mandate { id } } }"
    assert (await (await gql.as_user("guanxian_supervisor"))(node, {"id": city_m["id"]}))["node"] is None
    assert (await (await gql.as_user("city_agent"))(node, {"id": city_m["id"]}))["node"] == {"id": city_m["id"]}
    # one page, however long, costs the same statements
    sup = await gql.as_user("city_supervisor")
    with sql() as small:
        await sup(LIST, {"first": 1})
    with sql() as large:
        await sup(LIST, {"first": 50})
    assert small.count == large.count


async def test_revoke(gql: GraphQLClient) -> None:
    citizen = await _citizen()
    code = (await _codes(1))[0]
    city_m = await _make(gql, "city_supervisor", "city_agent", citizen, basicCodes=[code])
    county = await gql.as_user("guanxian_supervisor")
    foreign = (await county(REVOKE, {"i": {"id": city_m["id"], "reason": "委托人要求"}}))["revokeMandate"]
    assert _errors(foreign) == [("NOT_FOUND", "id")]
    agent = await gql.as_user("city_agent")
    assert await agent.refused(REVOKE, {"i": {"id": city_m["id"], "reason": "不想办了"}}, field="revokeMandate") == "FORBIDDEN"
    admin = await gql.as_user("city_admin")
    no_reason = (await admin(REVOKE, {"i": {"id": city_m["id"], "reason": ""}}))["revokeMandate"]
    assert _errors(no_reason) == [("INVALID", "reason")]
    done = (await admin(REVOKE, {"i": {"id": city_m["id"], "reason": "委托人要求"}}))["revokeMandate"]
    assert done["errors"] == []
    assert done["mandate"]["revokedAt"] is not None and done["mandate"]["isActive"] is False
    assert done["mandate"]["revokedReason"] == "委托人要求"
    again = (await admin(REVOKE, {"i": {"id": city_m["id"], "reason": "再撤一次"}}))["revokeMandate"]
    assert _errors(again) == [("INVALID_STATE", "id")]
    active = (await admin(LIST, {"f": {"principal": gid("Citizen", citizen.id), "activeOn": TODAY.isoformat()}}))
    assert active["mandates"]["totalCount"] == 0
    assert await mandate_for(agent=await _agent_actor("city_agent"), principal_citizen_id=citizen.id,
                             basic_code=code, on=TODAY) is None


# --- mandate_for, the domain call the cases issue uses ------------------------------------------------------


@dataclass
class Setup:
    agent: Actor
    other_agent: Actor
    citizen: Citizen
    other_citizen: Citizen
    enterprise: Enterprise
    codes: list[str]


@pytest.fixture
async def setup() -> Setup:
    return Setup(
        agent=await _agent_actor("guanxian_agent"), other_agent=await _agent_actor("city_agent"),
        citizen=await _citizen(), other_citizen=await _citizen(), enterprise=await _enterprise(), codes=await _codes(2),
    )


async def _record(s: Setup, *, days: tuple[int, int] = (0, 30), **kw: Any) -> Mandate:
    supervisor = await _agent_actor("guanxian_supervisor")
    args: dict[str, Any] = {"principal_citizen_id": s.citizen.id, **kw}
    return await mandates.create_mandate(
        actor=supervisor, agent_id=s.agent.user_id, valid_from=TODAY + timedelta(days=days[0]),
        valid_to=TODAY + timedelta(days=days[1]), today=TODAY + timedelta(days=days[0]), **args,
    )


async def test_mandate_for_listed_items_within_validity(setup: Setup) -> None:
    s = setup
    m = await _record(s, basic_codes=[s.codes[0]])
    found = await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY)
    assert found is not None and found.id == m.id
    # the last day counts, the day after does not; nor does the day before it starts
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0],
                             on=TODAY + timedelta(days=30)) is not None
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0],
                             on=TODAY + timedelta(days=31)) is None
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0],
                             on=TODAY - timedelta(days=1)) is None
    # another item, another principal, another agent: no
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[1], on=TODAY) is None
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.other_citizen.id, basic_code=s.codes[0],
                             on=TODAY) is None
    assert await mandate_for(agent=s.other_agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0],
                             on=TODAY) is None
    assert await mandate_for(agent=s.agent, principal_enterprise_id=s.citizen.id, basic_code=s.codes[0],
                             on=TODAY) is None


async def test_mandate_for_expired_and_revoked(setup: Setup) -> None:
    s = setup
    expired = await _record(s, days=(-60, -1), basic_codes=[s.codes[0]])
    assert expired.valid_to < TODAY
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY) is None
    assert (await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0],
                              on=TODAY - timedelta(days=2))) is not None  # it did apply back then
    live = await _record(s, basic_codes=[s.codes[0]])
    assert (await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0],
                              on=TODAY)).id == live.id  # type: ignore[union-attr]
    await mandates.revoke_mandate(actor=await _agent_actor("guanxian_supervisor"), mandate_id=live.id, reason="撤销")
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY) is None


async def test_mandate_for_all_items_and_enterprises(setup: Setup) -> None:
    s = setup
    await _record(s, principal_citizen_id=None, principal_enterprise_id=s.enterprise.id, all_items=True)
    for code in s.codes + ["000000000000"]:
        found = await mandate_for(agent=s.agent, principal_enterprise_id=s.enterprise.id, basic_code=code, on=TODAY)
        assert found is not None and found.all_items
    assert await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY) is None
    # the one ending last wins when several apply
    short = await _record(s, days=(0, 5), basic_codes=[s.codes[0]])
    long = await _record(s, days=(0, 90), basic_codes=[s.codes[0], s.codes[1]])
    found = await mandate_for(agent=s.agent, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY)
    assert found is not None and found.id == long.id and short.id != long.id


async def test_mandate_for_needs_a_current_assistance_agent(setup: Setup) -> None:
    s = setup
    await _record(s, all_items=True)
    as_clerk = Actor(user_id=s.agent.user_id, roles=frozenset({Role.WINDOW_CLERK}), region_code=s.agent.region_code,
                     region_path=s.agent.region_path)
    assert await mandate_for(agent=as_clerk, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY) is None
    partner = Actor(api_key_id=s.agent.user_id, partner_kind="county_system")
    assert await mandate_for(agent=partner, principal_citizen_id=s.citizen.id, basic_code=s.codes[0], on=TODAY) is None
    with pytest.raises(ValueError):
        await mandate_for(agent=s.agent, basic_code=s.codes[0], on=TODAY)


async def test_domain_refuses_partners_and_citizens(setup: Setup) -> None:
    s = setup
    m = await _record(s, all_items=True)
    for actor in (Actor(api_key_id=1, partner_kind="county_system", region_code="371525",
                        region_path="/100000/370000/371500/371525/"), Actor(citizen_id=s.other_citizen.id)):
        with pytest.raises(DomainError) as exc:
            await mandates.create_mandate(actor=actor, agent_id=s.agent.user_id, principal_citizen_id=s.citizen.id,
                                          all_items=True, valid_from=TODAY, valid_to=TODAY)
        assert exc.value.code == "NOT_ALLOWED"
        with pytest.raises(DomainError):
            await mandates.revoke_mandate(actor=actor, mandate_id=m.id, reason="x")
    partner = Actor(api_key_id=1, partner_kind="bank", partner_code="ICBC")
    assert not mandates.can_list(partner)
    assert await mandates.mandates_by_ids(actor=partner, ids=[m.id]) == {}
    # a citizen lists the mandates it gave, and no one else's
    mine = await mandates.list_mandates(actor=Actor(citizen_id=s.citizen.id), flt=mandates.MandateFilter(),
                                        offset=0, limit=100)
    assert m.id in {x.id for x in mine} and {x.principal_citizen_id for x in mine} == {s.citizen.id}
    theirs = await mandates.list_mandates(actor=Actor(citizen_id=s.other_citizen.id), flt=mandates.MandateFilter(),
                                          offset=0, limit=100)
    assert m.id not in {x.id for x in theirs}


async def test_the_principal_revokes_their_own_mandate(gql: GraphQLClient, settings: Any) -> None:
    citizen = await _citizen()
    stranger = await _citizen(name="李四")
    code = (await _codes(1))[0]
    m = await _make(gql, "city_supervisor", "city_agent", citizen, basicCodes=[code])
    as_stranger = GraphQLClient(gql.http, token=(await tokens.issue(lifetimes=settings.token_lifetimes,
                                                                     citizen=stranger)).access_token)
    refused = (await as_stranger(REVOKE, {"i": {"id": m["id"], "reason": "不是我的"}}))["revokeMandate"]
    assert _errors(refused) == [("NOT_FOUND", "id")]
    me = GraphQLClient(gql.http, token=(await tokens.issue(lifetimes=settings.token_lifetimes,
                                                            citizen=citizen)).access_token)
    done = (await me(REVOKE, {"i": {"id": m["id"], "reason": "已自行办理"}}))["revokeMandate"]
    assert done["errors"] == [] and done["mandate"]["isActive"] is False
    assert await mandate_for(agent=await _agent_actor("city_agent"), principal_citizen_id=citizen.id,
                             basic_code=code, on=TODAY) is None
