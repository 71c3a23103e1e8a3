"""Staff administration by city admins, through the graph: scoping by region, refusals by role,
disabling (tokens revoked), lockout and its release, password reset."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from server.domain.accounts import service
from server.domain.accounts.models import AccessToken, StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.accounts.service import create_user
from server.domain.errors import DomainError
from tests.conftest import DEMO_PASSWORD, GraphQLClient

USER_FIELDS = "id username displayName roles regionCode departmentCode hallCode isActive lockedUntil disabledReason"
STAFF = f"""
query Staff($f: StaffUserFilter, $first: Int, $after: String) {{
  staffUsers(filter: $f, first: $first, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{ {USER_FIELDS} region {{ code name }} }} }}
  }}
}}"""
CREATE = f"""
mutation Create($i: CreateStaffUserInput!) {{
  createStaffUser(input: $i) {{ staffUser {{ {USER_FIELDS} }} errors {{ field message code }} }}
}}"""
UPDATE = f"""
mutation Update($i: UpdateStaffUserInput!) {{
  updateStaffUser(input: $i) {{ staffUser {{ {USER_FIELDS} }} errors {{ field message code }} }}
}}"""
DISABLE = f"""
mutation Disable($i: DisableStaffUserInput!) {{
  disableStaffUser(input: $i) {{ staffUser {{ {USER_FIELDS} }} revokedTokens errors {{ field message code }} }}
}}"""
ENABLE = f"""
mutation Enable($i: EnableStaffUserInput!) {{
  enableStaffUser(input: $i) {{ staffUser {{ {USER_FIELDS} }} errors {{ field message code }} }}
}}"""
RESET = f"""
mutation Reset($i: ResetStaffPasswordInput!) {{
  resetStaffPassword(input: $i) {{ staffUser {{ {USER_FIELDS} }} revokedTokens errors {{ field message code }} }}
}}"""
NODE = f"query Node($id: ID!) {{ node(id: $id) {{ ... on StaffUser {{ {USER_FIELDS} }} }} }}"
ME = f"query {{ me {{ {USER_FIELDS} }} }}"
LOGIN = "mutation($i: LoginInput!) { login(input: $i) { tokens { token } errors { code } } }"


def _name() -> str:
    return f"t_{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def throwaway() -> AsyncIterator[Callable[..., Any]]:
    """Makes throw-away accounts (never lock or disable a shared demo account) and removes them."""
    made: list[str] = []

    async def make(region: str = "371525", roles: tuple[Role, ...] = (Role.WINDOW_CLERK,), **kw: Any) -> StaffUser:
        user = await create_user(
            actor=None, username=_name(), password=DEMO_PASSWORD, display_name="测试人员", roles=list(roles),
            region_code=region, **kw,
        )
        made.append(user.username)
        return user

    yield make
    await StaffUser.filter(username__in=made).delete()


def _gid(user: StaffUser) -> str:
    import base64

    return base64.b64encode(f"StaffUser:{user.id}".encode()).decode()


async def _login_result(gql: GraphQLClient, username: str, password: str) -> dict[str, Any]:
    return dict((await gql(LOGIN, {"i": {"username": username, "password": password}}))["login"])


async def _cleanup(usernames: list[str]) -> None:
    await StaffUser.filter(username__in=usernames).delete()


# --- listing ---------------------------------------------------------------------------------------


async def test_city_admin_lists_every_county_county_admin_only_its_own(gql: GraphQLClient) -> None:
    city = await gql.as_user("city_admin")
    data = (await city(STAFF, {"first": 100}))["staffUsers"]
    names = {e["node"]["username"] for e in data["edges"]}
    assert {"city_catalog", "guanxian_catalog", "shenxian_catalog", "guanxian_admin"} <= names
    assert data["totalCount"] >= len(data["edges"])

    county = await gql.as_user("guanxian_admin")
    data = (await county(STAFF, {"first": 100}))["staffUsers"]
    nodes = [e["node"] for e in data["edges"]]
    assert {"guanxian_catalog", "guanxian_clerk", "guanxian_supervisor", "guanxian_admin"} <= {n["username"] for n in nodes}
    assert all(n["regionCode"].startswith("371525") for n in nodes), nodes
    assert data["totalCount"] == len(nodes)


async def test_filters_by_text_role_region_and_inactive(gql: GraphQLClient, throwaway: Any) -> None:
    city = await gql.as_user("city_admin")
    user = await throwaway(region="371522", roles=(Role.COUNTY_VIEWER, Role.AUDITOR))
    await StaffUser.filter(id=user.id).update(is_active=False)

    def usernames(data: dict[str, Any]) -> set[str]:
        return {e["node"]["username"] for e in data["staffUsers"]["edges"]}

    assert user.username not in usernames(await city(STAFF, {"f": {"text": user.username}}))
    found = await city(STAFF, {"f": {"text": user.username[2:10].upper(), "includeInactive": True}})
    assert usernames(found) == {user.username}
    [node] = [e["node"] for e in found["staffUsers"]["edges"]]
    assert node["isActive"] is False and node["roles"] == ["AUDITOR", "COUNTY_VIEWER"]

    by_role = await city(STAFF, {"f": {"role": "AUDITOR", "includeInactive": True}, "first": 100})
    assert user.username in usernames(by_role)
    assert "city_catalog" not in usernames(by_role)
    in_shenxian = await city(STAFF, {"f": {"regionCode": "371522", "includeInactive": True}, "first": 100})
    assert {"shenxian_catalog", user.username} <= usernames(in_shenxian)
    assert "guanxian_catalog" not in usernames(in_shenxian)
    # a county admin's region filter cannot widen its scope
    county = await gql.as_user("guanxian_admin")
    assert usernames(await county(STAFF, {"f": {"regionCode": "371500"}, "first": 100})) <= {
        n for n in usernames(await county(STAFF, {"first": 100}))
    }
    assert "shenxian_catalog" not in usernames(await county(STAFF, {"f": {"regionCode": "371522"}}))
    # text with LIKE wildcards matches literally
    assert usernames(await city(STAFF, {"f": {"text": "%"}})) == set()


async def test_paging_and_sql_statements_do_not_grow_with_the_page(gql: GraphQLClient, sql: Any) -> None:
    city = await gql.as_user("city_admin")
    first = (await city(STAFF, {"first": 2}))["staffUsers"]
    assert len(first["edges"]) == 2 and first["pageInfo"]["hasNextPage"]
    second = (await city(STAFF, {"first": 2, "after": first["pageInfo"]["endCursor"]}))["staffUsers"]
    assert not {e["node"]["id"] for e in first["edges"]} & {e["node"]["id"] for e in second["edges"]}
    with sql() as small:
        await city(STAFF, {"first": 2})
    with sql() as large:
        await city(STAFF, {"first": 20})
    assert large.count == small.count, (small.statements, large.statements)


async def test_staff_lists_refuse_other_roles_and_anonymous(gql: GraphQLClient) -> None:
    for username in ("city_catalog", "city_supervisor", "city_auditor", "guanxian_viewer", "city_agent"):
        body = await (await gql.as_user(username))(STAFF, expect_errors=True)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", username
    body = await gql(STAFF, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_node_and_me(gql: GraphQLClient, throwaway: Any) -> None:
    in_shenxian = await throwaway(region="371522")
    county = await gql.as_user("guanxian_admin")
    city = await gql.as_user("city_admin")
    assert (await county(NODE, {"id": _gid(in_shenxian)}))["node"] is None
    node = (await city(NODE, {"id": _gid(in_shenxian)}))["node"]
    assert node["username"] == in_shenxian.username and node["isActive"] is True
    # anyone signed in reads their own account, nobody else's
    clerk = await gql.as_user("guanxian_clerk")
    me = (await clerk(ME))["me"]
    assert me["username"] == "guanxian_clerk" and me["isActive"] is True and me["lockedUntil"] is None
    assert (await clerk(NODE, {"id": me["id"]}))["node"]["username"] == "guanxian_clerk"
    assert (await clerk(NODE, {"id": _gid(in_shenxian)}))["node"] is None


# --- creating ----------------------------------------------------------------------------------------


def _new(region: str, **kw: Any) -> dict[str, Any]:
    return {"username": _name(), "displayName": "新同事", "password": "a-long-password", "roles": ["WINDOW_CLERK"],
            "regionCode": region, **kw}


async def test_county_admin_creates_only_within_its_county(gql: GraphQLClient) -> None:
    county = await gql.as_user("guanxian_admin")
    made: list[str] = []
    try:
        outside = _new("371522")
        result = (await county(CREATE, {"i": outside}))["createStaffUser"]
        assert result["staffUser"] is None
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_ALLOWED", ["regionCode"])]
        assert not await StaffUser.exists(username=outside["username"])

        inside = _new("371525", hallCode="371525-ZWFWZX", roles=["WINDOW_CLERK", "ASSISTANCE_AGENT"])
        result = (await county(CREATE, {"i": inside}))["createStaffUser"]
        assert result["errors"] == []
        made.append(inside["username"])
        user = result["staffUser"]
        assert (user["regionCode"], user["hallCode"], user["roles"]) == (
            "371525", "371525-ZWFWZX", ["ASSISTANCE_AGENT", "WINDOW_CLERK"]
        )
        row = await StaffUser.get(username=inside["username"])
        assert row.password_hash.startswith("$argon2") and row.role_tags == "|assistance_agent|window_clerk|"
        # the new account can sign in
        assert await gql.login(inside["username"], "a-long-password")

        city = await gql.as_user("city_admin")
        in_shenxian = _new("371522")
        result = (await city(CREATE, {"i": in_shenxian}))["createStaffUser"]
        assert result["errors"] == [] and result["staffUser"]["regionCode"] == "371522"
        made.append(in_shenxian["username"])
    finally:
        await _cleanup(made)


async def test_create_reports_every_problem(gql: GraphQLClient) -> None:
    city = await gql.as_user("city_admin")
    bad = _new("371525", username="x", password="short", roles=[], departmentCode="371500-XZSPJ",
               hallCode="371522-NOPE")
    result = (await city(CREATE, {"i": bad}))["createStaffUser"]
    assert result["staffUser"] is None
    assert {(e["code"], tuple(e["field"])) for e in result["errors"]} == {
        ("INVALID", ("username",)), ("INVALID", ("password",)), ("INVALID", ("roles",)),
        ("INVALID", ("departmentCode",)), ("NOT_FOUND", ("hallCode",)),
    }
    dup = (await city(CREATE, {"i": _new("371500", username="city_catalog")}))["createStaffUser"]
    assert [(e["code"], e["field"]) for e in dup["errors"]] == [("DUPLICATE", ["username"])]
    same = (await city(CREATE, {"i": _new("371500", username="samesame1", password="samesame1")}))
    assert [e["field"] for e in same["createStaffUser"]["errors"]] == [["password"]]


async def test_mutations_refuse_non_admins(gql: GraphQLClient, throwaway: Any) -> None:
    target = await throwaway()
    for username in ("city_catalog", "guanxian_supervisor", "city_auditor", "guanxian_agent"):
        caller = await gql.as_user(username)
        results = [
            await caller.refused(CREATE, {"i": _new("371525")}, field="createStaffUser"),
            await caller.refused(UPDATE, {"i": {"id": _gid(target), "displayName": "改名"}}, field="updateStaffUser"),
            await caller.refused(DISABLE, {"i": {"id": _gid(target), "reason": "离职"}}, field="disableStaffUser"),
            await caller.refused(ENABLE, {"i": {"id": _gid(target)}}, field="enableStaffUser"),
            await caller.refused(RESET, {"i": {"id": _gid(target), "newPassword": "another-password"}},
                                 field="resetStaffPassword"),
        ]
        assert results == ["FORBIDDEN"] * 5, (username, results)
    anonymous = await gql.refused(DISABLE, {"i": {"id": _gid(target), "reason": "离职"}}, field="disableStaffUser")
    assert anonymous == "UNAUTHENTICATED"
    row = await StaffUser.get(id=target.id)
    assert row.is_active and row.display_name == "测试人员"


# --- updating (re-scoping) ----------------------------------------------------------------------------


async def test_rescope_moves_an_account_out_of_a_county_admins_sight(gql: GraphQLClient, throwaway: Any) -> None:
    target = await throwaway(region="371525", hall_code="371525-ZWFWZX")
    county = await gql.as_user("guanxian_admin")
    moved = (await county(UPDATE, {"i": {"id": _gid(target), "regionCode": "371522"}}))["updateStaffUser"]
    assert [(e["code"], e["field"]) for e in moved["errors"]] == [
        ("NOT_ALLOWED", ["regionCode"]), ("INVALID", ["hallCode"])
    ]
    renamed = (await county(UPDATE, {"i": {"id": _gid(target), "displayName": "改了名", "roles": ["DEPT_REVIEWER"],
                                         "departmentCode": "371525-XZSPJ", "hallCode": None}}))["updateStaffUser"]
    assert renamed["errors"] == []
    user = renamed["staffUser"]
    assert (user["displayName"], user["roles"], user["departmentCode"], user["hallCode"]) == (
        "改了名", ["DEPT_REVIEWER"], "371525-XZSPJ", None
    )
    assert (await StaffUser.get(id=target.id)).role_tags == "|dept_reviewer|"

    city = await gql.as_user("city_admin")
    moved = (await city(UPDATE, {"i": {"id": _gid(target), "regionCode": "371522", "departmentCode": "371522-XZSPJ"}}))
    assert moved["updateStaffUser"]["errors"] == []
    assert moved["updateStaffUser"]["staffUser"]["regionCode"] == "371522"
    # now outside the county admin's region: not found, and not listed
    again = (await county(UPDATE, {"i": {"id": _gid(target), "displayName": "再改"}}))["updateStaffUser"]
    assert [(e["code"], e["field"]) for e in again["errors"]] == [("NOT_FOUND", ["id"])]
    listed = await county(STAFF, {"f": {"text": target.username}})
    assert listed["staffUsers"]["edges"] == []
    # the re-scoped account's own token now carries the new region
    token = await gql.login(target.username)
    assert (await gql(ME, token=token))["me"]["regionCode"] == "371522"


async def test_admin_cannot_demote_or_move_itself(gql: GraphQLClient, throwaway: Any) -> None:
    admin = await throwaway(region="371525", roles=(Role.CITY_ADMIN,))
    caller = await gql.as_user(admin.username)
    me = (await caller(ME))["me"]
    demote = (await caller(UPDATE, {"i": {"id": me["id"], "roles": ["WINDOW_CLERK"]}}))["updateStaffUser"]
    assert [(e["code"], e["field"]) for e in demote["errors"]] == [("NOT_ALLOWED", ["roles"])]
    move = (await caller(UPDATE, {"i": {"id": me["id"], "regionCode": "371525001"}}))["updateStaffUser"]
    assert ("NOT_ALLOWED", ["regionCode"]) in [(e["code"], e["field"]) for e in move["errors"]]
    keep = (await caller(UPDATE, {"i": {"id": me["id"], "roles": ["CITY_ADMIN", "AUDITOR"]}}))["updateStaffUser"]
    assert keep["errors"] == [] and keep["staffUser"]["roles"] == ["AUDITOR", "CITY_ADMIN"]


async def test_unknown_or_foreign_ids_are_not_found(gql: GraphQLClient) -> None:
    city = await gql.as_user("city_admin")
    for gid in ("U3RhZmZVc2VyOjk5OTk5OTk=", "U2VydmljZUl0ZW06MQ=="):  # StaffUser:9999999, ServiceItem:1
        r = (await city(ENABLE, {"i": {"id": gid}}))["enableStaffUser"]
        assert [(e["code"], e["field"]) for e in r["errors"]] == [("NOT_FOUND", ["id"])]


# --- disabling, lockout, password reset ------------------------------------------------------------------


async def test_disable_revokes_every_token_and_the_next_request_is_401(
    gql: GraphQLClient, client: httpx.AsyncClient, throwaway: Any
) -> None:
    target = await throwaway()
    tokens = [await gql.login(target.username) for _ in range(2)]
    assert (await gql(ME, token=tokens[0]))["me"]["username"] == target.username
    admin = await gql.as_user("guanxian_admin")
    result = (await admin(DISABLE, {"i": {"id": _gid(target), "reason": "调离"}}))["disableStaffUser"]
    assert result["errors"] == [] and result["revokedTokens"] == 2
    assert result["staffUser"]["isActive"] is False and result["staffUser"]["disabledReason"] == "调离"
    assert not await AccessToken.filter(user_id=target.id, revoked_at=None).exists()
    for token in tokens:
        r = await client.post("/graphql", json={"query": ME},
                              headers={"authorization": f"Bearer {token}", "accept": "application/json"})
        assert r.status_code == 401
    assert (await _login_result(gql, target.username, DEMO_PASSWORD))["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    again = (await admin(DISABLE, {"i": {"id": _gid(target), "reason": "调离"}}))["disableStaffUser"]
    assert [e["code"] for e in again["errors"]] == ["INVALID_STATE"]
    # listed only with includeInactive
    assert (await admin(STAFF, {"f": {"text": target.username}}))["staffUsers"]["totalCount"] == 0
    assert (await admin(STAFF, {"f": {"text": target.username, "includeInactive": True}}))["staffUsers"]["totalCount"] == 1

    enabled = (await admin(ENABLE, {"i": {"id": _gid(target)}}))["enableStaffUser"]
    assert enabled["errors"] == [] and enabled["staffUser"]["isActive"] is True
    assert enabled["staffUser"]["disabledReason"] == ""
    assert await gql.login(target.username)


async def test_disable_needs_a_reason_and_never_oneself(gql: GraphQLClient, throwaway: Any) -> None:
    admin_user = await throwaway(region="371525", roles=(Role.CITY_ADMIN,))
    target = await throwaway()
    admin = await gql.as_user(admin_user.username)
    no_reason = (await admin(DISABLE, {"i": {"id": _gid(target), "reason": "  "}}))["disableStaffUser"]
    assert [(e["code"], e["field"]) for e in no_reason["errors"]] == [("INVALID", ["reason"])]
    itself = (await admin(DISABLE, {"i": {"id": _gid(admin_user), "reason": "试试"}}))["disableStaffUser"]
    assert [(e["code"], e["field"]) for e in itself["errors"]] == [("NOT_ALLOWED", ["id"])]
    assert (await StaffUser.get(id=admin_user.id)).is_active


async def test_lockout_after_five_wrong_passwords_and_enable_clears_it(gql: GraphQLClient, throwaway: Any) -> None:
    target = await throwaway()
    for _ in range(5):
        assert (await _login_result(gql, target.username, "wrong-password"))["errors"] == [
            {"code": "INVALID_CREDENTIALS"}
        ]
    locked = await _login_result(gql, target.username, DEMO_PASSWORD)
    assert locked["errors"] == [{"code": "LOCKED"}] and locked["tokens"] is None
    admin = await gql.as_user("guanxian_admin")
    node = (await admin(NODE, {"id": _gid(target)}))["node"]
    assert node["isActive"] is True and node["lockedUntil"] is not None
    enabled = (await admin(ENABLE, {"i": {"id": _gid(target)}}))["enableStaffUser"]
    assert enabled["errors"] == [] and enabled["staffUser"]["lockedUntil"] is None
    assert (await _login_result(gql, target.username, DEMO_PASSWORD))["errors"] == []


async def test_reset_password_revokes_tokens_and_unlocks(
    gql: GraphQLClient, client: httpx.AsyncClient, throwaway: Any
) -> None:
    target = await throwaway(region="371522")
    token = await gql.login(target.username)
    for _ in range(5):
        await _login_result(gql, target.username, "wrong-password")
    city = await gql.as_user("city_admin")
    short = (await city(RESET, {"i": {"id": _gid(target), "newPassword": "short"}}))["resetStaffPassword"]
    assert [(e["code"], e["field"]) for e in short["errors"]] == [("INVALID", ["newPassword"])]
    county = await gql.as_user("guanxian_admin")
    foreign = (await county(RESET, {"i": {"id": _gid(target), "newPassword": "brand-new-pass"}}))["resetStaffPassword"]
    assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"]
    done = (await city(RESET, {"i": {"id": _gid(target), "newPassword": "brand-new-pass"}}))["resetStaffPassword"]
    assert done["errors"] == [] and done["revokedTokens"] == 1 and done["staffUser"]["lockedUntil"] is None
    r = await client.post("/graphql", json={"query": ME}, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 401
    assert (await _login_result(gql, target.username, DEMO_PASSWORD))["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    assert (await _login_result(gql, target.username, "brand-new-pass"))["errors"] == []


# --- the domain, directly -------------------------------------------------------------------------------


async def test_domain_refuses_partners_and_citizens() -> None:
    partner = Actor(api_key_id=1, partner_kind="county_system", region_code="371525",
                    region_path="/100000/370000/371500/371525/")
    citizen = Actor(citizen_id=1)
    for actor in (partner, citizen):
        with pytest.raises(DomainError) as exc:
            await service.list_staff(actor=actor, flt=service.StaffFilter(), offset=0, limit=10)
        assert exc.value.code == "NOT_ALLOWED"
        with pytest.raises(DomainError) as exc:
            await service.create_user(actor=actor, username=_name(), password="a-long-password", display_name="x",
                                      roles=[Role.WINDOW_CLERK], region_code="371525")
        assert exc.value.code == "NOT_ALLOWED"
        assert await service.staff_by_ids(actor=actor, ids=[1, 2, 3]) == {}
