"""The production shape: TWO server processes and TWO arq workers on one database and one Redis.

Shown here: the anonymous rate limit is one allowance across both servers (counted in Redis); the
development secret is the same in both (an SMS code asked for on one server signs in on the other,
and its token works on the first); a notification delivered by whichever worker reaches subscribers
on both servers at once through Redis pub/sub (server 1's fallback poll is set to a minute, so only
pub/sub can be that quick; server 2 polls twice a second too, so both paths find each message), each
exactly once; each scheduled tick (cron:sweep_outbox) runs in one worker only,
and each notify job once.

Redis: a database of this test's own (LIAOYI_TEST_REDIS_URL, default redis://127.0.0.1:6379; the first
free of MULTIPROCESS_DBS, claimed as tests/worker/conftest.py claims its), flushed by this test only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.transactions import in_transaction
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from server import jobqueue
from server.domain.accounts.models import Citizen
from server.domain.notifications import service
from server.domain.notifications.service import Recipient
from server.settings import Settings
from tests.conftest import ROOT
from tests.redis_db import claimed_database
from tests.ui.live import _free_port, _stop, _wait_ready

MULTIPROCESS_DBS = [11, 12, 13, 14]
PUBLIC_LIMIT = 20
WAIT_S = 10.0
NOTIFICATIONS = 20
SUBSCRIBE = "subscription { notificationReceived { id body } }"


@pytest.fixture
async def redis_db() -> AsyncIterator[str]:
    async with claimed_database(MULTIPROCESS_DBS) as url:
        yield url


def _env(settings: Settings, redis_url: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "LIAOYI_SECRET_KEY"}  # the development secret
    env.update({
        "DATABASE_URL": settings.database_url, "REDIS_URL": redis_url, "LIAOYI_ENV": "development",
        "LIAOYI_LOG_JSON": "false", "LIAOYI_LOG_LEVEL": "DEBUG", "PYTHONUNBUFFERED": "1",
        "LIAOYI_PUBLIC_RATE_PER_MINUTE": str(PUBLIC_LIMIT), "LIAOYI_LOGIN_RATE_PER_MINUTE": "100",
        "LIAOYI_SUBSCRIPTION_FALLBACK_SECONDS": "60", "LIAOYI_OUTBOX_SWEEP_SECONDS": "2",
        "LIAOYI_QUIET_HOURS": "", "LIAOYI_SMS_SINK": "file", "LIAOYI_SMS_FILE": str(tmp / "sms.jsonl"),
    })
    return env


@contextlib.asynccontextmanager
async def _cluster(settings: Settings, redis_url: str, tmp: Path) -> AsyncIterator[tuple[list[str], list[Path]]]:
    """Two servers (their base URLs) and two workers (their log files), stopped afterwards."""
    env = _env(settings, redis_url, tmp)
    procs: list[asyncio.subprocess.Process] = []
    bases: list[str] = []
    worker_logs = [tmp / "worker-1.log", tmp / "worker-2.log"]
    try:
        for log in worker_logs:
            with log.open("wb") as out:
                procs.append(await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "server", "worker", cwd=ROOT, env=env, stdout=out,
                    stderr=asyncio.subprocess.STDOUT))
        # server 1 polls its subscribers' inboxes once a minute only: what arrives sooner came by pub/sub;
        # server 2 polls twice a second as well, so both paths find every message (pushed once all the same)
        for n, fallback in ((1, "60"), (2, "0.5")):
            port = _free_port()
            log = tmp / f"server-{n}.log"
            with log.open("wb") as out:
                server = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port),
                    cwd=ROOT, env={**env, "LIAOYI_SUBSCRIPTION_FALLBACK_SECONDS": fallback}, stdout=out,
                    stderr=asyncio.subprocess.STDOUT)
            procs.append(server)
            await _wait_ready(f"http://127.0.0.1:{port}", server, log)
            bases.append(f"http://127.0.0.1:{port}")
        for proc, log in zip(procs[:2], worker_logs, strict=True):
            if proc.returncode is not None:
                pytest.fail(f"a worker exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        yield bases, worker_logs
    finally:
        for proc in procs:
            await _stop(proc)


async def _gql(http: httpx.AsyncClient, base: str, query: str, variables: dict[str, Any] | None = None,
               token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await http.post(f"{base}/graphql", json={"query": query, "variables": variables or {}}, headers=headers)


async def _socket_for(base: str, token: str, stack: contextlib.AsyncExitStack) -> ClientConnection:
    ws = await stack.enter_async_context(connect(base.replace("http://", "ws://") + "/graphql",
                                                 subprotocols=[Subprotocol("graphql-transport-ws")]))
    await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
    assert json.loads(await asyncio.wait_for(ws.recv(), WAIT_S)) == {"type": "connection_ack"}
    await ws.send(json.dumps({"id": "n", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
    return ws


async def _next(ws: ClientConnection, timeout: float) -> dict[str, Any]:
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if message["type"] not in {"ping", "pong"}:
            return message


async def _started(logs: list[Path], pattern: str) -> list[Counter[str]]:
    """Per worker log: how often each job id matching ``pattern`` was started (arq's "→" line, or
    for a cron job the worker's "scheduled run <job id>" line)."""
    found: list[Counter[str]] = []
    for log in logs:
        text = await asyncio.to_thread(log.read_text, errors="replace")
        found.append(Counter(re.findall(rf"(?:→ |scheduled run )({pattern})[: ]", text)))
    return found


async def test_two_servers_and_two_workers_share_limits_secret_notifications_and_schedule(
    settings: Settings, redis_db: str, tmp_path: Path
) -> None:
    async with _cluster(settings, redis_db, tmp_path) as (bases, worker_logs), httpx.AsyncClient(timeout=WAIT_S) as http:
        # -- the anonymous limit: requests alternating between the servers share one allowance
        codes = [(await _gql(http, bases[i % 2], "{ __typename }")) for i in range(PUBLIC_LIMIT + 10)]
        assert [r.status_code for r in codes].count(200) == PUBLIC_LIMIT, [r.status_code for r in codes]
        refused = [r for r in codes if r.status_code == 429]
        assert len(refused) == 10 and {bases[0], bases[1]} == {str(r.request.url).rsplit("/", 1)[0] for r in refused}
        assert all(int(r.headers["Retry-After"]) >= 1 for r in refused)
        assert "请求过于频繁" in refused[0].json()["errors"][0]["message"]

        # -- one development secret: the code asked for on server 1 signs in on server 2. Both are
        # anonymous requests from the address whose allowance was just spent: its counts are cleared
        from redis.asyncio import Redis

        client = Redis.from_url(redis_db)
        await client.delete(*[k async for k in client.scan_iter("liaoyi:limits*")])
        await client.aclose()
        phone = "158" + f"{uuid.uuid4().int % 10**8:08d}"
        sent = await _gql(http, bases[0], "mutation($i: RequestSmsCodeInput!) { requestSmsCode(input: $i) "
                          "{ sent errors { code message } } }", {"i": {"phone": phone}})
        assert sent.json()["data"]["requestSmsCode"]["sent"] is True, sent.text
        sms = tmp_path / "sms.jsonl"
        code = None
        for _ in range(int(WAIT_S / 0.1)):  # a worker sends the SMS (the file sink)
            lines = sms.read_text().splitlines() if sms.exists() else []
            codes_sent = [json.loads(x)["params"]["code"] for x in lines if json.loads(x)["phone"] == phone]
            if codes_sent:
                code = codes_sent[-1]
                break
            await asyncio.sleep(0.1)
        assert code is not None, "no worker sent the sign-in SMS"
        signed = await _gql(http, bases[1], "mutation($i: SignInWithSmsCodeInput!) { signInWithSmsCode(input: $i) "
                            "{ tokens { token } errors { code message } } }", {"i": {"phone": phone, "code": code}})
        assert "data" in signed.json(), signed.text
        token = signed.json()["data"]["signInWithSmsCode"]["tokens"]["token"]
        me = await _gql(http, bases[0], "{ __typename }", token=token)
        assert me.status_code == 200 and "errors" not in me.json(), me.text
        citizen = await Citizen.get(phone=phone)

        # -- notifications: subscribers on both servers; each row delivered by a worker reaches both, once
        redis_settings = Settings(**{**settings.__dict__, "redis_url": redis_db, "quiet_hours": ""})
        async with contextlib.AsyncExitStack() as stack:
            sockets = [await _socket_for(base, token, stack) for base in bases]
            await asyncio.sleep(0.5)  # both subscriptions past their start (their channel subscribed)
            outbox_ids: list[int] = []
            # rounds of NOTIFICATIONS until both workers have delivered some (almost always the first):
            # which worker takes a job is arq's choice
            for _round in range(5):
                bodies: list[str] = []
                for _ in range(NOTIFICATIONS):
                    case_no = f"MP-{uuid.uuid4().hex[:8]}"
                    bodies.append(case_no)
                    async with in_transaction() as conn:
                        row = await service.enqueue(conn, event="approved", channel="inbox",
                                                    recipient=Recipient(citizen_id=citizen.id),
                                                    params={"item": "个体工商户设立登记", "case_no": case_no})
                    outbox_ids.append(int(row.id))
                    await service.after_commit(redis_settings, [row.id])  # an arq job for the workers
                for ws in sockets:
                    got: list[dict[str, Any]] = []
                    for _ in range(NOTIFICATIONS):
                        message = await _next(ws, WAIT_S)  # on server 1 well under its 60 s poll: pub/sub
                        assert message["type"] == "next", message
                        got.append(message["payload"]["data"]["notificationReceived"])
                    assert sorted(b for g in got for b in bodies if b in g["body"]) == sorted(bodies)
                    assert len({g["id"] for g in got}) == NOTIFICATIONS  # nothing twice
                    with pytest.raises(TimeoutError):  # and nothing more
                        await _next(ws, 2.5)
                notify = await _started(worker_logs, r"notify:\d+")
                if all(any(f"notify:{i}" in c for i in outbox_ids) for c in notify):
                    break
        await jobqueue.close_pools()

        # -- each notify job ran once, and both workers delivered some
        total = sum(notify, Counter())
        assert all(total[f"notify:{i}"] == 1 for i in outbox_ids), total
        assert all(any(f"notify:{i}" in c for i in outbox_ids) for c in notify), notify

        # -- each scheduled tick ran in one worker only (the sweep runs every 2 s in both)
        await asyncio.sleep(4.5)
        ticks = await _started(worker_logs, r"cron:sweep_outbox:\d+")
        both = sum(ticks, Counter())
        assert len(both) >= 3, ticks  # startup runs (one each) and at least one shared tick
        assert all(n == 1 for n in both.values()), both


async def test_redis_limiters_in_two_processes_share_one_allowance(redis_db: str) -> None:
    from server.domain.accounts.ratelimit import RedisLimiter

    # two instances stand for two processes: nothing is shared between them but Redis
    one, two = (RedisLimiter(3, 60, name="t", redis_url=redis_db) for _ in range(2))
    hits = [await (one if i % 2 else two).ahit("ip:1") for i in range(5)]
    assert [h.allowed for h in hits] == [True, True, True, False, False]
    assert [h.remaining for h in hits[:3]] == [2, 1, 0]
    assert 59 <= hits[3].retry_after <= 60 and hits[3].retry_after_seconds == 60
    assert (await one.ahit("ip:2")).allowed  # keys are independent
    # several keys are all or nothing: a full address refuses, and the other key is not counted
    assert not (await two.ahit("user:a", "ip:1")).allowed
    assert (await one.ahit("user:a")).remaining == 2

    # a login limiter (refused attempts count): hammering keeps the window full
    login = [RedisLimiter(2, 60, name="login-t", redis_url=redis_db, count_refused=True) for _ in range(2)]
    assert (await login[0].ahit("user:b")).allowed and (await login[1].ahit("user:b")).allowed
    refused = await login[0].ahit("user:b")
    assert not refused.allowed and refused.retry_after_seconds == 60
    assert not (await login[1].ahit("user:b")).allowed


async def test_a_redis_limiter_without_redis_counts_in_its_process() -> None:
    from server.domain.accounts.ratelimit import RedisLimiter

    limiter = RedisLimiter(2, 60, name="down", redis_url="redis://127.0.0.1:1/0")  # nothing listens there
    assert [(await limiter.ahit("ip:1")).allowed for _ in range(3)] == [True, True, False]


async def test_the_inbox_hub_wakes_its_listeners_and_says_when_redis_is_gone(redis_db: str) -> None:
    from server.domain.notifications import live

    hub = live.Hub(redis_db)
    try:
        queue = await hub.join(live.channel(citizen_id=424242) or "")
        assert hub.healthy
        assert await live.publish(redis_db, message_id=77, staff_id=None, citizen_id=424242)
        assert await live.publish(redis_db, message_id=78, staff_id=None, citizen_id=424243)  # someone else's
        got = [await asyncio.wait_for(queue.get(), WAIT_S) for _ in range(2)]
        assert got == [live.POLL, 77], got  # the (first) connection asks for a poll, then the message
        assert queue.empty()
        await hub.leave(live.channel(citizen_id=424242) or "", queue)
        assert hub.listeners == {}
    finally:
        await hub.stop()
        await jobqueue.close_pools()
    down = live.Hub("redis://127.0.0.1:1/0")  # nothing listens there: join returns, the caller polls
    try:
        await down.join("liaoyi:inbox:citizen:1")
        assert not down.healthy
    finally:
        await down.stop()
