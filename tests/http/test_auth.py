"""Staff sign-in over HTTP: login, me, logout, bearer-token failures (401) and the login rate limit."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.domain.accounts.models import AccessToken, StaffUser
from server.domain.accounts.roles import Role
from server.domain.accounts.service import create_user
from server.settings import Settings
from tests.conftest import DEMO_PASSWORD, GraphQLClient, refusal

LOGIN = """
mutation Login($i: LoginInput!) {
  login(input: $i) {
    tokens { token expiresAt refreshToken refreshExpiresAt }
    user { username displayName roles regionCode region { name } }
    errors { field message code }
  }
}"""
ME = "query Me { me { username displayName roles regionCode departmentCode region { code name } } }"
LOGOUT = (
    "mutation Logout($all: Boolean!) "
    "{ logout(input: {allSessions: $all}) { revoked errors { code message } } }"
)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def _login(gql: GraphQLClient, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
    data = await gql(LOGIN, {"i": {"username": username, "password": password}})
    result = dict(data["login"])
    tokens = result.pop("tokens") or {}
    result["token"], result["expiresAt"] = tokens.get("token"), tokens.get("expiresAt")
    result["refreshToken"] = tokens.get("refreshToken")
    return result


async def _assert_401(client: httpx.AsyncClient, authorization: str) -> None:
    r = await client.post(
        "/graphql", json={"query": ME},
        headers={"accept": "application/graphql-response+json", "authorization": authorization},
    )
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "Bearer"
    body = r.json()
    assert "data" not in body
    assert body["errors"][0]["message"]


@pytest.fixture
async def own_user() -> AsyncIterator[str]:
    """A throw-away account, so revoking "all sessions" cannot touch tokens other tests hold."""
    username = f"auth_{uuid.uuid4().hex[:10]}"
    await create_user(
        actor=None, username=username, password=DEMO_PASSWORD, display_name="测试用户",
        roles=[Role.WINDOW_CLERK], region_code="371525",
    )
    yield username
    await StaffUser.filter(username=username).delete()


# --- login -----------------------------------------------------------------------------------------


async def test_login_returns_token_and_expiry(gql: GraphQLClient, settings: Settings) -> None:
    before = datetime.now(timezone.utc)
    login = await _login(gql, "city_catalog")
    assert login["errors"] == []
    assert isinstance(login["token"], str) and len(login["token"]) >= 32
    expires = datetime.fromisoformat(login["expiresAt"])
    assert expires.tzinfo is not None
    ttl = timedelta(minutes=settings.access_ttl_minutes)
    slack = timedelta(minutes=1)
    assert before + ttl - slack <= expires <= datetime.now(timezone.utc) + ttl + slack
    user = login["user"]
    assert (user["username"], user["displayName"], user["roles"], user["regionCode"]) == (
        "city_catalog", "李文静", ["CATALOG_ADMIN"], "371500"
    )
    assert "聊城" in user["region"]["name"]
    # only the token's hash is stored
    assert await AccessToken.exists(token_hash=_hash(login["token"]))
    assert not await AccessToken.exists(token_hash=login["token"])


async def test_each_login_issues_a_new_token(gql: GraphQLClient) -> None:
    a = await gql.login("guanxian_catalog")
    b = await gql.login("guanxian_catalog")
    assert a != b


async def test_wrong_password_and_unknown_user_look_the_same(gql: GraphQLClient) -> None:
    wrong = await _login(gql, "city_admin", "not-the-password")
    unknown = await _login(gql, f"nobody_{uuid.uuid4().hex[:6]}", "not-the-password")
    for result in (wrong, unknown):
        assert result["token"] is None and result["expiresAt"] is None and result["user"] is None
        [error] = result["errors"]
        assert error["code"] == "INVALID_CREDENTIALS"
    assert wrong["errors"] == unknown["errors"]


async def test_inactive_user_cannot_log_in_and_its_tokens_stop_working(
    gql: GraphQLClient, client: httpx.AsyncClient, own_user: str
) -> None:
    token = await gql.login(own_user)
    await StaffUser.filter(username=own_user).update(is_active=False)
    await _assert_401(client, f"Bearer {token}")
    result = await _login(gql, own_user)
    assert [e["code"] for e in result["errors"]] == ["INVALID_CREDENTIALS"]
    assert result["token"] is None


# --- me ----------------------------------------------------------------------------------------------


async def test_me_with_token_returns_roles(gql: GraphQLClient) -> None:
    token = await gql.login("city_catalog")
    me = (await gql(ME, token=token))["me"]
    assert me["username"] == "city_catalog"
    assert me["roles"] == ["CATALOG_ADMIN"]
    assert me["regionCode"] == "371500" and me["region"]["code"] == "371500"
    assert me["departmentCode"] == "371500-XZSPJ"

    county = (await gql(ME, token=await gql.login("guanxian_catalog")))["me"]
    assert county["roles"] == ["CATALOG_ADMIN"] and county["regionCode"] == "371525"

    admin = (await gql(ME, token=await gql.login("city_admin")))["me"]
    assert admin["roles"] == ["CITY_ADMIN"]


async def test_me_without_a_token_is_unauthenticated(gql: GraphQLClient) -> None:
    """Nobody signed in is told so, like on every field (README "谁在调用"), not answered a silent null."""
    assert refusal(await gql(ME, expect_errors=True), "me") == "UNAUTHENTICATED"
    assert gql.last is not None and gql.last.status_code == 200


# --- bad credentials on the request ------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer not-a-real-token",
        "Bearer ",
        "Bearer",
        "Basic x",
        "Basic Y2l0eV9hZG1pbjpsaWFveWktZGVtby0yMDE5",  # city_admin:liaoyi-demo-2019
        "Token abc",
    ],
)
async def test_bad_authorization_is_401(client: httpx.AsyncClient, authorization: str) -> None:
    await _assert_401(client, authorization)


async def test_bearer_scheme_is_case_insensitive(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    token = await gql.login("city_clerk")
    r = await client.post("/graphql", json={"query": ME}, headers={"authorization": f"bearer {token}"})
    assert r.status_code == 200
    assert r.json()["data"]["me"]["username"] == "city_clerk"


async def test_expired_token_is_401(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    token = await gql.login("city_clerk")
    updated = await AccessToken.filter(token_hash=_hash(token)).update(
        expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)
    )
    assert updated == 1
    await _assert_401(client, f"Bearer {token}")
    # a token used before it expires is kept in the process (tokencache): its expiry holds there too
    # (tests/http/test_token_cache.py moves the clock past it)


async def test_401_even_for_anonymous_queries(gql: GraphQLClient, client: httpx.AsyncClient) -> None:
    # a stale token is reported, not silently downgraded to an anonymous request
    r = await client.post(
        "/graphql", json={"query": "{ serviceItems(first: 1) { totalCount } }"},
        headers={"authorization": "Bearer stale-token-value"},
    )
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


# --- logout ------------------------------------------------------------------------------------------


async def test_logout_revokes_the_token(gql: GraphQLClient, client: httpx.AsyncClient, own_user: str) -> None:
    token = await gql.login(own_user)
    other = await gql.login(own_user)
    data = await gql(LOGOUT, {"all": False}, token=token)
    assert data["logout"] == {"revoked": 1, "errors": []}
    row = await AccessToken.get(token_hash=_hash(token))
    assert row.revoked_at is not None
    await _assert_401(client, f"Bearer {token}")
    # the user's other session is untouched
    assert (await gql(ME, token=other))["me"]["username"] == own_user


async def test_logout_all_sessions_revokes_every_token(
    gql: GraphQLClient, client: httpx.AsyncClient, own_user: str
) -> None:
    first = await gql.login(own_user)
    second = await gql.login(own_user)
    bystander = await gql.login("guanxian_clerk")
    data = await gql(LOGOUT, {"all": True}, token=first)
    assert data["logout"] == {"revoked": 2, "errors": []}
    await _assert_401(client, f"Bearer {first}")
    await _assert_401(client, f"Bearer {second}")
    # another person's session is not affected
    assert (await gql(ME, token=bystander))["me"]["username"] == "guanxian_clerk"
    # and the user can sign in again
    again = await gql.login(own_user)
    assert (await gql(ME, token=again))["me"]["username"] == own_user


async def test_logout_without_a_token_is_unauthenticated(gql: GraphQLClient) -> None:
    assert refusal(await gql(LOGOUT, {"all": False}, expect_errors=True), "logout") == "UNAUTHENTICATED"


# --- login rate limit --------------------------------------------------------------------------------


async def test_login_rate_limit(settings: Settings) -> None:
    limited = create_app(
        Settings(env="test", database_url=settings.database_url, secret_key=settings.secret_key,
                 login_rate_per_minute=3),
        manage_db=False,
    )
    transport = httpx.ASGITransport(app=limited, client=("127.0.0.1", 40100))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as http:
        gql = GraphQLClient(http)
        codes = [
            [e["code"] for e in (await _login(gql, "city_reviewer_bdc", f"wrong-{i}-password"))["errors"]]
            for i in range(4)
        ]
        assert codes == [["INVALID_CREDENTIALS"]] * 3 + [["RATE_LIMITED"]]
        # while limited, even the right password is refused (no oracle for the brute-forcer)
        right = await _login(gql, "city_reviewer_bdc")
        assert [e["code"] for e in right["errors"]] == ["RATE_LIMITED"]
        assert right["token"] is None
        assert "一分钟" in right["errors"][0]["message"]


async def test_login_rate_limit_cannot_be_dodged_with_padded_usernames(settings: Settings) -> None:
    """SERVER BUG (server/domain/accounts/service.py, login): the limiter key is the raw username
    while the lookup strips it, so " user" / "user " are fresh per-user budgets for the same account:
    an attacker rotating client addresses gets unlimited guesses at one account."""
    limited = create_app(
        Settings(env="test", database_url=settings.database_url, secret_key=settings.secret_key,
                 login_rate_per_minute=3),
        manage_db=False,
    )
    codes: list[str] = []
    attempts = ["city_reviewer_scjg"] * 3 + [" city_reviewer_scjg", "city_reviewer_scjg  "]
    for i, username in enumerate(attempts):
        # a different client address each time: only the per-user budget can stop these
        transport = httpx.ASGITransport(app=limited, client=(f"10.9.0.{i + 1}", 40200))
        async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as http:
            result = await _login(GraphQLClient(http), username, "wrong-password")
            codes += [e["code"] for e in result["errors"]]
    assert codes[:3] == ["INVALID_CREDENTIALS"] * 3
    assert codes[3:] == ["RATE_LIMITED", "RATE_LIMITED"], (
        f"SERVER BUG: whitespace-padded usernames bypass the per-user login limit: {codes}"
    )
