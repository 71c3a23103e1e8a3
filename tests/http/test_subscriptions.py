"""Subscriptions over WebSocket (graphql-transport-ws) at /graphql, against a real server in a
subprocess (tests/ui/live.py): a signed-in person hears about their own new notifications, written
and delivered by another process (this one), and nobody else's; anonymous callers and wrong tokens
get nothing."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from tortoise.transactions import in_transaction
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from server.domain.accounts import tokens
from server.domain.accounts.models import Citizen, StaffUser
from server.domain.notifications import service
from server.domain.notifications.service import Recipient
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.ui.live import live_server

PROTOCOL = "graphql-transport-ws"
POLL_S = Settings.from_env().subscription_poll_seconds  # how often the live server polls
WAIT_S = 10.0
SUBSCRIBE = "subscription { notificationReceived { id event title body readAt } }"


def _phone() -> str:
    return "157" + f"{uuid.uuid4().int % 10**8:08d}"


@asynccontextmanager
async def _socket(base: str, payload: dict[str, Any] | None) -> AsyncIterator[ClientConnection]:
    url = base.replace("http://", "ws://") + "/graphql"
    async with connect(url, subprotocols=[Subprotocol(PROTOCOL)], open_timeout=WAIT_S) as ws:
        assert ws.subprotocol == PROTOCOL
        init: dict[str, Any] = {"type": "connection_init"}
        if payload is not None:
            init["payload"] = payload
        await ws.send(json.dumps(init))
        yield ws


async def _receive(ws: ClientConnection, timeout: float = WAIT_S) -> dict[str, Any]:
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if message["type"] not in {"ping", "pong"}:
            return message


async def _subscribe(ws: ClientConnection, sub_id: str = "1") -> None:
    assert await _receive(ws) == {"type": "connection_ack"}
    await ws.send(json.dumps({"id": sub_id, "type": "subscribe", "payload": {"query": SUBSCRIBE}}))


async def _notify(settings: Settings, recipient: Recipient, case_no: str) -> None:
    """What a domain change does: the outbox row in its transaction, then delivery (inline: no Redis)."""
    async with in_transaction() as conn:
        row = await service.enqueue(conn, event="approved", channel="inbox", recipient=recipient,
                                    params={"item": "个体工商户设立登记", "case_no": case_no})
    await service.after_commit(settings, [row.id])


async def test_a_citizen_hears_of_their_own_new_notifications_and_no_one_elses(
    settings: Settings, tmp_path: Path
) -> None:
    citizen = await Citizen.create(phone=_phone())
    other = await Citizen.create(phone=_phone())
    pair = await tokens.issue(lifetimes=settings.token_lifetimes, citizen=citizen)
    async with live_server(settings.database_url, tmp_path / "server.log") as base:
        async with _socket(base, {"Authorization": f"Bearer {pair.access_token}"}) as ws:
            await _subscribe(ws)
            mine, theirs = f"SUB-{uuid.uuid4().hex[:8]}", f"SUB-{uuid.uuid4().hex[:8]}"
            await _notify(settings, Recipient(citizen_id=other.id), theirs)
            # a whole poll passes without a message: the other citizen's notification is not sent here
            # (and the subscription has certainly started before mine is written)
            with pytest.raises(TimeoutError):
                await _receive(ws, timeout=POLL_S + 1.0)
            await _notify(settings, Recipient(citizen_id=citizen.id), mine)
            message = await _receive(ws)
            assert message["type"] == "next" and message["id"] == "1", message
            got = message["payload"]["data"]["notificationReceived"]
            assert mine in got["body"] and got["event"] == "approved" and got["readAt"] is None
            assert "errors" not in message["payload"]
            # the other citizen's notification never arrives; a second one of mine does
            again = f"SUB-{uuid.uuid4().hex[:8]}"
            await _notify(settings, Recipient(citizen_id=citizen.id), again)
            message = await _receive(ws)
            assert again in message["payload"]["data"]["notificationReceived"]["body"], message
            await ws.send(json.dumps({"id": "1", "type": "complete"}))


async def test_a_staff_member_subscribes_with_a_token(settings: Settings, tmp_path: Path) -> None:
    user = await StaffUser.get(username="city_clerk")
    pair = await tokens.issue(lifetimes=settings.token_lifetimes, user=user)
    async with live_server(settings.database_url, tmp_path / "server.log") as base:
        async with _socket(base, {"Authorization": f"Bearer {pair.access_token}"}) as ws:
            await _subscribe(ws, "s")
            with pytest.raises(TimeoutError):  # nothing new yet: a whole poll passes in silence
                await _receive(ws, timeout=POLL_S + 1.0)
            case_no = f"SUB-{uuid.uuid4().hex[:8]}"
            await _notify(settings, Recipient(staff_id=user.id), case_no)
            message = await _receive(ws)
            assert message["type"] == "next" and message["id"] == "s", message
            assert case_no in message["payload"]["data"]["notificationReceived"]["body"]


async def test_anonymous_callers_and_wrong_tokens_get_no_notifications(
    settings: Settings, tmp_path: Path
) -> None:
    async with live_server(settings.database_url, tmp_path / "server.log") as base:
        async with _socket(base, None) as ws:
            await _subscribe(ws)
            message = await _receive(ws)
            assert message["type"] in {"error", "next"}, message
            errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
            assert [e["message"] for e in errors] == ["请先登录"], message
            assert message["type"] == "error" or message["payload"].get("data") is None
        # queries and mutations belong to HTTP (rate limits, trusted documents): refused here
        async with _socket(base, None) as ws:
            assert await _receive(ws) == {"type": "connection_ack"}
            await ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ __typename }"}}))
            message = await _receive(ws)
            assert message["type"] == "error" and message["id"] == "q", message
        async with _socket(base, {"Authorization": "Bearer not-a-token"}) as ws:
            try:
                message = await _receive(ws)
            except ConnectionClosed as closed:
                assert closed.rcvd is not None and closed.rcvd.code == 4403
            else:
                raise AssertionError(f"a wrong token was accepted: {message}")


async def test_a_subscription_over_http_is_pointed_to_the_websocket(gql: GraphQLClient) -> None:
    body = await gql("subscription { notificationReceived { id } }", expect_errors=True)
    assert gql.last is not None and gql.last.status_code == 400
    assert "WebSocket" in body["errors"][0]["message"] and "data" not in body
