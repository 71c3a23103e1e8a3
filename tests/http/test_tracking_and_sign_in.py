"""Tracking and sign-in abuse (issue 15), through HTTP: wrong query codes are counted per number in
the database (so two server processes share the count) and lock that number's public tracking for a
while, logged and told to the hall; a stranger's wrong passwords lock a staff account only from the
stranger's address; X-Forwarded-For is believed only from the configured proxies."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta
from typing import Any

import httpx
import pytest

from server import clock
from server.app import create_app
from server.domain.accounts.models import SignInFailure
from server.domain.accounts.service import hash_password
from server.domain.cases.models import TrackingGuard
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f

GR = {"accept": "application/graphql-response+json"}
TRACK = "query($n: String!, $q: String!) { trackCase(number: $n, queryCode: $q) { number statusLabel } }"
LOGIN = "mutation($i: LoginInput!) { login(input: $i) { tokens { token } errors { code message } } }"
PASSWORD = "Liaoyi-desk-2026"


def _client(app: Any, address: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 40000)), base_url="http://liaoyi.test")


@pytest.fixture(scope="module")
def guard_settings(settings: Settings) -> Settings:
    return replace(settings, track_max_failures=3, track_window_minutes=15, track_lock_minutes=30)


@pytest.fixture(scope="module")
def two_servers(guard_settings: Settings) -> tuple[Any, Any]:
    """Two apps: two views with their own in-process state, as two server processes would have."""
    return create_app(guard_settings, manage_db=False), create_app(guard_settings, manage_db=False)


async def _track(c: httpx.AsyncClient, number: str, code: str) -> dict[str, Any]:
    return dict((await c.post("/graphql", json={"query": TRACK, "variables": {"n": number, "q": code}}, headers=GR)).json())


async def test_wrong_query_codes_lock_the_number(two_servers: tuple[Any, Any], caplog: pytest.LogCaptureFixture) -> None:
    hall = await f.hall()
    supervisor = await f.new_staff("hall_supervisor", hall_code=hall.code)
    case = await f.case(department_code="371500-XZSPJ", hall_code=hall.code, query_code="K7P3Q9")
    other = await f.case(department_code="371500-XZSPJ", hall_code=hall.code, query_code="M4N8R2")
    assert case.number and other.number
    a, b = two_servers
    async with _client(a, "10.200.15.21") as first, _client(b, "10.200.15.22") as second:
        assert (await _track(first, case.number, "K7P3Q9"))["data"]["trackCase"]["number"] == case.number
        # three wrong codes, from two addresses on two servers: one count, in the database
        with caplog.at_level(logging.WARNING, logger="liaoyi.tracking"):
            for c, code in ((first, "AAAA11"), (second, "BBBB22"), (first, "CCCC33")):
                assert (await _track(c, case.number, code)) == {"data": {"trackCase": None}}
        assert any(case.number in r.getMessage() and "locked" in r.getMessage() for r in caplog.records)
        # now even the right code is refused, on either server, with a Chinese message and a code
        for c in (first, second):
            body = await _track(c, case.number, "K7P3Q9")
            error = body["errors"][0]
            assert error["extensions"]["code"] == "TRACKING_LOCKED" and "免登录查询已暂停" in error["message"]
        # another number is not affected
        assert (await _track(second, other.number, "M4N8R2"))["data"]["trackCase"]["number"] == other.number
        # the hall's supervisor is told, once
        told = await Outbox.filter(event="staff_tracking_locked", staff_id=supervisor.id, case_id=case.id).count()
        assert told == 1
        # a number nobody has locks just the same (the lock does not tell whether a number exists)
        for code in ("AAAA11", "BBBB22", "CCCC33"):
            assert (await _track(first, "371500-20991231-99999", code)) == {"data": {"trackCase": None}}
        assert (await _track(first, "371500-20991231-99999", "AAAA11"))["errors"][0]["extensions"]["code"] == "TRACKING_LOCKED"
        # for a while: once the lock has passed, the right code works again
        await TrackingGuard.filter(number=case.number).update(locked_until=clock.utcnow() - timedelta(seconds=1))
        assert (await _track(second, case.number, "K7P3Q9"))["data"]["trackCase"]["number"] == case.number


async def _login(c: httpx.AsyncClient, username: str, password: str, **headers: str) -> dict[str, Any]:
    r = await c.post("/graphql", json={"query": LOGIN, "variables": {"i": {"username": username, "password": password}}},
                     headers=GR | headers)
    return dict(r.json()["data"]["login"])


async def _desk_user() -> Any:
    user = await f.new_staff("window_clerk")
    user.password_hash = hash_password(PASSWORD)
    await user.save(update_fields=["password_hash"])
    return user


async def test_a_stranger_cannot_lock_the_owner_out(app: Any) -> None:
    user = await _desk_user()
    async with _client(app, "203.0.113.50") as stranger, _client(app, "10.20.30.40") as desk:
        for _ in range(5):
            assert [e["code"] for e in (await _login(stranger, user.username, "guess-123456"))["errors"]] == [
                "INVALID_CREDENTIALS"]
        # the stranger's address is locked out, even with the right password …
        locked = await _login(stranger, user.username, PASSWORD)
        assert locked["tokens"] is None and [e["code"] for e in locked["errors"]] == ["LOCKED"]
        # … and the owner signs in from their own desk
        owner = await _login(desk, user.username, PASSWORD)
        assert owner["errors"] == [] and owner["tokens"]["token"]
    rows = {r.address: r for r in await SignInFailure.filter(user_id=user.id)}
    assert set(rows) == {"203.0.113.50", "10.20.30.40"}
    assert rows["203.0.113.50"].locked_until is not None and rows["203.0.113.50"].succeeded_at is None
    assert rows["10.20.30.40"].locked_until is None and rows["10.20.30.40"].succeeded_at is not None


async def test_strangers_on_many_addresses_do_not_slow_the_owner_down(settings: Settings) -> None:
    """The per-account budget (which strangers rotating addresses share) does not apply from an
    address the account signed in from lately."""
    limited = create_app(replace(settings, login_rate_per_minute=3), manage_db=False)
    user = await _desk_user()
    async with _client(limited, "10.20.30.41") as desk:
        assert (await _login(desk, user.username, PASSWORD))["errors"] == []
        codes = []
        for i in range(5):
            async with _client(limited, f"198.18.0.{i + 1}") as stranger:
                codes += [e["code"] for e in (await _login(stranger, user.username, "guess-123456"))["errors"]]
        # the desk's first sign-in, from an address not known yet, used one of the three
        assert codes == ["INVALID_CREDENTIALS"] * 2 + ["RATE_LIMITED"] * 3
        assert (await _login(desk, user.username, PASSWORD))["errors"] == []


async def test_a_halls_staff_sign_in_from_one_address_every_morning(settings: Settings) -> None:
    """More staff than the per-address budget sign in from the hall's one address: each signs in
    again the next morning, since the address is known to their account; a stranger's new account
    names from that address still share the per-address budget."""
    limited = create_app(replace(settings, login_rate_per_minute=3), manage_db=False)
    staff = [await _desk_user() for _ in range(3)]
    async with _client(limited, "10.20.30.60") as hall:
        for user in staff:  # the first morning: three new desks use the address's budget
            assert (await _login(hall, user.username, PASSWORD))["errors"] == []
        for user in staff * 2:  # the mornings after: known desks, not counted per address
            assert (await _login(hall, user.username, PASSWORD))["errors"] == [], user.username
        stranger = await _login(hall, "no-such-user", "guess-123456")
        assert [e["code"] for e in stranger["errors"]] == ["RATE_LIMITED"]


@pytest.mark.parametrize(("trusted", "seen"), [("", "127.0.0.1"), ("127.0.0.1", "198.51.100.7")])
async def test_forwarded_for_only_from_trusted_proxies(settings: Settings, trusted: str, seen: str) -> None:
    app = create_app(replace(settings, trusted_proxies=trusted), manage_db=False)
    user = await _desk_user()
    async with _client(app, "127.0.0.1") as c:
        await _login(c, user.username, "wrong-password-1", **{"x-forwarded-for": "198.51.100.7"})
    assert list(await SignInFailure.filter(user_id=user.id).values_list("address", flat=True)) == [seen]


def test_trusted_proxies_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().trusted_proxies == ""  # nothing is trusted unless configured
    monkeypatch.setenv("LIAOYI_TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16")
    assert Settings.from_env().trusted_proxies == "10.0.0.5,10.1.0.0/16"
    monkeypatch.setenv("LIAOYI_TRUSTED_PROXIES", "loopback")
    with pytest.raises(SystemExit):
        Settings.from_env()
