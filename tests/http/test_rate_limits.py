"""The public rate limit: anonymous GraphQL requests per client address, 429 with Retry-After beyond
it, signed-in callers not counted; and the sliding-window limiter underneath."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.domain.accounts import ratelimit
from server.domain.accounts.ratelimit import SlidingWindowLimiter
from server.settings import Settings
from tests.conftest import GraphQLClient

LIMIT = 5
QUERY = "{ serviceItems(first: 1) { totalCount } }"


class FakeClock:
    """Stands in for the ``time`` module inside ratelimit only (the event loop keeps the real one)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(ratelimit, "time", fake)
    return fake


@pytest.fixture
def limited_app(settings: Settings, clock: FakeClock) -> Any:
    """A separate app (its own limiter state) with a public limit of 5 a minute."""
    return create_app(replace(settings, public_rate_per_minute=LIMIT), manage_db=False)


def _client(app: Any, host: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(host, 50000)),
                             base_url="http://liaoyi.test")


@pytest.fixture
async def client_a(limited_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(limited_app, "10.0.0.1") as c:
        yield c


@pytest.fixture
async def client_b(limited_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(limited_app, "10.0.0.2") as c:
        yield c


async def _post(c: httpx.AsyncClient, token: str | None = None, accept: str = "application/json") -> httpx.Response:
    headers = {"accept": accept}
    if token:
        headers["authorization"] = f"Bearer {token}"
    return await c.post("/graphql", json={"query": QUERY}, headers=headers)


async def _exhaust(c: httpx.AsyncClient) -> None:
    for _ in range(LIMIT):
        r = await _post(c)
        assert r.status_code == 200 and "errors" not in r.json(), r.text


def _assert_429(r: httpx.Response, retry_after: int | None = None) -> None:
    assert r.status_code == 429, r.text
    assert int(r.headers["retry-after"]) >= 1
    if retry_after is not None:
        assert r.headers["retry-after"] == str(retry_after)
    body = r.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED"}
    assert "请求过于频繁" in error["message"] and r.headers["retry-after"] in error["message"]
    assert r.headers["x-request-id"]


async def test_a_burst_beyond_the_limit_gets_429_with_retry_after(client_a: httpx.AsyncClient,
                                                                  clock: FakeClock) -> None:
    await _exhaust(client_a)
    clock.now += 20
    _assert_429(await _post(client_a), retry_after=40)  # the oldest hit leaves the window in 40 s
    _assert_429(await _post(client_a, accept="application/graphql-response+json"), retry_after=40)
    r = await client_a.get("/graphql", params={"query": QUERY}, headers={"accept": "application/json"})
    _assert_429(r)
    assert r.headers["content-type"].startswith("application/json")


async def test_refused_requests_do_not_extend_the_wait(client_a: httpx.AsyncClient, clock: FakeClock) -> None:
    await _exhaust(client_a)
    for _ in range(20):
        clock.now += 1
        assert (await _post(client_a)).status_code == 429
    clock.now = 1000 + 60
    assert (await _post(client_a)).status_code == 200


async def test_the_limit_resets_as_the_window_slides(client_a: httpx.AsyncClient, clock: FakeClock) -> None:
    for _ in range(LIMIT - 1):
        assert (await _post(client_a)).status_code == 200
    clock.now += 30
    assert (await _post(client_a)).status_code == 200  # the fifth, 30 s later
    _assert_429(await _post(client_a), retry_after=30)
    clock.now += 30  # the first four have left the window, the fifth has not
    for _ in range(LIMIT - 1):
        assert (await _post(client_a)).status_code == 200
    _assert_429(await _post(client_a), retry_after=30)
    clock.now += 61
    await _exhaust(client_a)


async def test_each_client_address_has_its_own_budget(client_a: httpx.AsyncClient,
                                                      client_b: httpx.AsyncClient) -> None:
    await _exhaust(client_a)
    assert (await _post(client_a)).status_code == 429
    await _exhaust(client_b)


async def test_signed_in_staff_are_not_limited(client_a: httpx.AsyncClient, gql: GraphQLClient) -> None:
    token = await gql.login("city_clerk")  # through the shared app: a login is an anonymous request
    await _exhaust(client_a)
    assert (await _post(client_a)).status_code == 429
    for _ in range(LIMIT * 4):
        r = await _post(client_a, token)
        assert r.status_code == 200 and "errors" not in r.json(), r.text
    assert (await _post(client_a)).status_code == 429  # still limited without the token


async def test_a_bad_token_is_401_not_a_way_around_the_limit(client_a: httpx.AsyncClient) -> None:
    await _exhaust(client_a)
    r = await _post(client_a, token="not-a-token")
    assert r.status_code == 401
    assert (await _post(client_a)).status_code == 429


async def test_anonymous_mutations_count_too(client_a: httpx.AsyncClient) -> None:
    login = "mutation { login(input: {username: \"nobody\", password: \"x\"}) { errors { code } } }"
    for _ in range(LIMIT):
        r = await client_a.post("/graphql", json={"query": login})
        assert r.status_code == 200
    _assert_429(await client_a.post("/graphql", json={"query": login}))


def test_default_is_600_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIAOYI_PUBLIC_RATE_PER_MINUTE", raising=False)
    assert Settings().public_rate_per_minute == 600
    assert Settings.from_env().public_rate_per_minute == 600
    monkeypatch.setenv("LIAOYI_PUBLIC_RATE_PER_MINUTE", "42")
    assert Settings.from_env().public_rate_per_minute == 42


# --- the limiter itself ----------------------------------------------------------------------------


def test_limiter_window_and_retry_after() -> None:
    now = [0.0]
    limiter = SlidingWindowLimiter(3, 10.0, clock=lambda: now[0])
    assert [limiter.hit("k").remaining for _ in range(3)] == [2, 1, 0]
    refused = limiter.hit("k")
    assert not refused.allowed and refused.retry_after == 10.0 and refused.retry_after_seconds == 10
    now[0] = 9.5
    assert limiter.hit("k").retry_after_seconds == 1  # 0.5 s rounds up to one whole second
    now[0] = 10.0
    assert limiter.hit("k").allowed
    assert limiter.peek("k") == 1
    assert limiter.hit("other").allowed  # keys are independent


def test_limiter_counting_refused_hits_keeps_hammering_out() -> None:
    now = [0.0]
    limiter = SlidingWindowLimiter(2, 60.0, count_refused=True, clock=lambda: now[0])
    assert limiter.hit("user:a", "ip:1").allowed and limiter.hit("user:a", "ip:1").allowed
    for t in range(1, 120, 10):  # one attempt every 10 s keeps the window full
        now[0] = float(t)
        assert not limiter.hit("user:a", "ip:1").allowed
    now[0] = 300.0
    assert limiter.hit("user:a", "ip:1").allowed


def test_limiter_refuses_when_any_key_is_full() -> None:
    limiter = SlidingWindowLimiter(1, 60.0, clock=lambda: 0.0)
    assert limiter.hit("user:a", "ip:1").allowed
    assert not limiter.hit("user:b", "ip:1").allowed  # the address is full
    assert limiter.peek("user:b") == 0  # a refused hit is not counted (count_refused off)
    limiter.reset("ip:1")
    assert limiter.hit("user:b", "ip:1").allowed
    limiter.reset()
    assert limiter.peek("user:a") == 0


def test_limiter_forgets_idle_keys() -> None:
    now = [0.0]
    limiter = SlidingWindowLimiter(1, 60.0, clock=lambda: now[0], max_keys=10)
    for i in range(10):
        limiter.hit(f"ip:{i}")
    now[0] = 61.0
    limiter.hit("ip:new")
    assert len(limiter._hits) == 1


@pytest.mark.parametrize(("limit", "window"), [(0, 60.0), (5, 0.0)])
def test_limiter_rejects_nonsense(limit: int, window: float) -> None:
    with pytest.raises(ValueError):
        SlidingWindowLimiter(limit, window)
    with pytest.raises(ValueError):
        SlidingWindowLimiter(1).hit()
