"""Verified tokens kept in the process (issue 19, server/domain/accounts/tokencache.py): a signed-in
request queries no token; every revocation is refused at once in the process that made it; a
token's expiry holds from the cache too."""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

import server.clock
from server.domain.accounts import tokencache
from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import ANONYMOUS, Role
from server.domain.accounts.service import create_user
from tests.conftest import DEMO_PASSWORD, GraphQLClient

ME = "query { me { username roles } }"
PASSWORD = "Another-pass-2026!"


@pytest.fixture(autouse=True)
def cached() -> Iterator[None]:
    """The cache as production keeps it (the suite's settings turn it off: see tests/conftest.py)."""
    tokencache.CACHE.configure(seconds=30, redis_url=None)
    yield
    tokencache.CACHE.configure(seconds=0, redis_url=None)
    tokencache.CACHE.drop(everything=True)


@pytest.fixture
async def own_user() -> AsyncIterator[StaffUser]:
    user = await create_user(actor=None, username=f"cache_{uuid.uuid4().hex[:10]}", password=DEMO_PASSWORD,
                             display_name="缓存测试", roles=[Role.WINDOW_CLERK], region_code="371525")
    yield user
    await StaffUser.filter(id=user.id).delete()


def _gid(user: StaffUser) -> str:
    return base64.b64encode(f"StaffUser:{user.id}".encode()).decode()


async def _status(client: httpx.AsyncClient, token: str) -> int:
    r = await client.post("/graphql", json={"query": ME}, headers={"authorization": f"Bearer {token}"})
    return r.status_code


async def test_a_signed_in_request_reads_its_token_once(gql: GraphQLClient, sql: Any) -> None:
    token = await gql.login("city_clerk")
    tokencache.CACHE.drop(everything=True)
    with sql() as cold:
        assert (await gql(ME, token=token))["me"]["username"] == "city_clerk"
    with sql() as warm:
        assert (await gql(ME, token=token))["me"]["username"] == "city_clerk"
    assert [s for s in cold.statements if "access_token" in s], cold.statements
    assert not [s for s in warm.statements if "access_token" in s], warm.statements
    assert warm.count == cold.count - 1, (cold.statements, warm.statements)


async def test_sign_out_is_refused_at_once(gql: GraphQLClient, client: httpx.AsyncClient, own_user: StaffUser) -> None:
    token, other = await gql.login(own_user.username), await gql.login(own_user.username)
    assert await _status(client, token) == 200 and await _status(client, other) == 200  # both cached
    out = await gql("mutation { logout(input: {allSessions: false}) { revoked errors { code } } }", token=token)
    assert out["logout"]["revoked"] == 1
    assert await _status(client, token) == 401
    assert await _status(client, other) == 200  # another sign-in of the same person stays
    await gql("mutation { logout(input: {allSessions: true}) { revoked errors { code } } }", token=other)
    assert await _status(client, other) == 401


async def test_a_refreshed_pair_retires_the_old_access_token_at_once(gql: GraphQLClient, client: httpx.AsyncClient,
                                                                     own_user: StaffUser) -> None:
    data = await gql("mutation($i: LoginInput!) { login(input: $i) { tokens { token refreshToken } } }",
                     {"i": {"username": own_user.username, "password": DEMO_PASSWORD}})
    old = data["login"]["tokens"]
    assert await _status(client, old["token"]) == 200
    fresh = await gql("mutation($i: RefreshTokensInput!) { refreshTokens(input: $i) { tokens { token } errors { code } } }",
                      {"i": {"refreshToken": old["refreshToken"]}})
    assert await _status(client, old["token"]) == 401
    assert await _status(client, fresh["refreshTokens"]["tokens"]["token"]) == 200


@pytest.mark.parametrize("how", ["disable", "reset"])
async def test_disabling_or_resetting_an_account_is_refused_at_once(
    gql: GraphQLClient, client: httpx.AsyncClient, own_user: StaffUser, how: str
) -> None:
    token = await gql.login(own_user.username)
    assert await _status(client, token) == 200
    admin = await gql.as_user("city_admin")
    if how == "disable":
        out = (await admin("mutation($i: DisableStaffUserInput!) { disableStaffUser(input: $i) { revokedTokens "
                           "errors { code } } }", {"i": {"id": _gid(own_user), "reason": "离职"}}))["disableStaffUser"]
    else:
        out = (await admin("mutation($i: ResetStaffPasswordInput!) { resetStaffPassword(input: $i) { revokedTokens "
                           "errors { code } } }", {"i": {"id": _gid(own_user), "newPassword": PASSWORD}}))["resetStaffPassword"]
    assert out["errors"] == [] and out["revokedTokens"] >= 1, out
    assert await _status(client, token) == 401


async def test_new_roles_are_seen_at_once(gql: GraphQLClient, own_user: StaffUser) -> None:
    token = await gql.login(own_user.username)
    assert (await gql(ME, token=token))["me"]["roles"] == ["WINDOW_CLERK"]
    admin = await gql.as_user("city_admin")
    out = await admin("mutation($i: UpdateStaffUserInput!) { updateStaffUser(input: $i) { errors { code } } }",
                      {"i": {"id": _gid(own_user), "roles": ["AUDITOR"]}})
    assert out["updateStaffUser"]["errors"] == []
    assert (await gql(ME, token=token))["me"]["roles"] == ["AUDITOR"]


async def test_an_expired_token_is_refused_from_the_cache_too(
    gql: GraphQLClient, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = await gql.login("city_clerk")
    assert await _status(client, token) == 200  # cached
    later = server.clock.utcnow() + timedelta(minutes=31)  # past the 30-minute access lifetime
    monkeypatch.setattr(server.clock, "_utc_now", lambda: later)
    assert await _status(client, token) == 401


def test_a_lookup_that_raced_a_revocation_is_not_kept() -> None:
    cache = tokencache.TokenCache()
    cache.configure(seconds=30, redis_url=None)
    entry = tokencache.Entry(actor=ANONYMOUS, expires_at=datetime.max.replace(tzinfo=server.clock.ZONE),
                             family="f", user_id=1, citizen_id=None, stored_at=__import__("time").monotonic())
    started = cache.generation
    cache.drop(families=["f"])  # revoked while the lookup ran
    cache.put("k", entry, generation=started)
    assert cache.get("k") is None
    cache.put("k", entry, generation=cache.generation)
    assert cache.get("k") is ANONYMOUS
    cache.apply({"families": [], "user_id": 1, "citizen_id": None})
    assert cache.get("k") is None
    # with REDIS_URL and no listener subscribed, nothing is kept: every request reads the database
    cache.configure(seconds=30, redis_url="redis://127.0.0.1:1/0")
    cache.put("k", entry, generation=cache.generation)
    assert cache.get("k") is None and not cache.usable
    cache.configure(seconds=0, redis_url=None)
    assert not cache.usable


@pytest.mark.parametrize(("workers", "redis", "cached"), [(1, "", None), (2, "", "0"), (2, "redis://127.0.0.1:6379/0", None)])
def test_several_processes_without_redis_keep_no_tokens(monkeypatch: pytest.MonkeyPatch, workers: int, redis: str,
                                                        cached: str | None) -> None:
    """``serve --workers N`` without Redis: a sign-out in one process could not reach the others'
    caches, so none keeps verified tokens (unless the operator set the cache explicitly)."""
    import argparse

    import uvicorn

    import server.__main__ as cli
    from server.settings import get_settings

    monkeypatch.delenv("LIAOYI_TOKEN_CACHE_SECONDS", raising=False)
    monkeypatch.setenv("REDIS_URL", redis)
    get_settings.cache_clear()
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    try:
        assert cli.cmd_serve(argparse.Namespace(host="127.0.0.1", port=0, workers=workers)) == 0
        assert os.environ.get("LIAOYI_TOKEN_CACHE_SECONDS") == cached
    finally:
        os.environ.pop("LIAOYI_TOKEN_CACHE_SECONDS", None)  # set by cmd_serve, not through monkeypatch
        get_settings.cache_clear()
