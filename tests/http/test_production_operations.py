"""Production's operations (issue 15): ``/metrics`` is not open on the public port, and without an
SMS gateway production does not start — and if settings say production without one anyway, no SMS
is ever marked delivered."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from server import clock
from server.app import create_app
from server.domain.accounts.sms import NoGateway, SmsGatewayError, sms_sender_for
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel, Outbox
from server.settings import Settings

TOKEN = "metrics-" + "t" * 32
PRODUCTION_ENV = {"LIAOYI_ENV": "production", "LIAOYI_SECRET_KEY": "s" * 40,
                  "LIAOYI_SMS_GATEWAY_URL": "https://sms.example.invalid/send", "LIAOYI_METRICS_TOKEN": TOKEN}


def _env(monkeypatch: pytest.MonkeyPatch, **over: str | None) -> None:
    for k, v in {**PRODUCTION_ENV, **over}.items():
        if v is None:
            monkeypatch.delenv(k, raising=False)
        else:
            monkeypatch.setenv(k, v)


def test_production_refuses_to_start_without_an_sms_gateway_or_a_metrics_token(monkeypatch: pytest.MonkeyPatch) -> None:
    _env(monkeypatch)
    ready = Settings.from_env()
    assert ready.production and ready.metrics_token == TOKEN
    _env(monkeypatch, LIAOYI_SMS_GATEWAY_URL=None)
    with pytest.raises(SystemExit, match="LIAOYI_SMS_GATEWAY_URL"):
        Settings.from_env()
    _env(monkeypatch, LIAOYI_METRICS_TOKEN="short")
    with pytest.raises(SystemExit, match="LIAOYI_METRICS_TOKEN"):
        Settings.from_env()
    _env(monkeypatch, LIAOYI_ENV="development", LIAOYI_SMS_GATEWAY_URL=None, LIAOYI_METRICS_TOKEN=None)
    assert not Settings.from_env().production  # development needs neither


async def test_metrics_need_the_token_in_production(settings: Settings) -> None:
    prod = replace(settings, env="production", secret_key="p" * 40, metrics_token=TOKEN, trusted_documents="off")
    transport = httpx.ASGITransport(app=create_app(prod, manage_db=False), client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        assert (await c.get("/metrics")).status_code == 401
        wrong = await c.get("/metrics", headers={"authorization": "Bearer " + "x" * 40})
        assert wrong.status_code == 401 and "liaoyi_graphql_requests_total" not in wrong.text
        ok = await c.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and "liaoyi_graphql_requests_total" in ok.text
    # development and tests keep it open
    transport = httpx.ASGITransport(app=create_app(settings, manage_db=False), client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        assert (await c.get("/metrics")).status_code == 200


async def test_production_without_a_gateway_marks_no_sms_delivered(settings: Settings, database: str) -> None:
    prod = replace(settings, env="production", secret_key="p" * 40, sms_gateway_url=None)
    sender = sms_sender_for(prod)
    assert isinstance(sender, NoGateway)
    with pytest.raises(SmsGatewayError) as err:
        await sender.send(phone="13800000000", template="sign_in_code", params={"code": "123456"})
    assert not err.value.transient
    row = await Outbox.create(channel=Channel.SMS.value, event="sign_in_code", template="sign_in_code",
                              template_version=1, params={"code": "123456"}, phone="13800000001", urgent=True,
                              next_attempt_at=clock.now())
    outcome = await notify.deliver(row.id, prod)
    assert outcome.status == "dead"
    again = await Outbox.get(id=row.id)
    assert again.status == "dead" and again.delivered_at is None and "短信网关" in again.last_error
