"""The demo partners (``seeds/demo/partners.yaml``, ``seed --demo``) and the partner simulator
(``python -m server simulate-partners``) as real HTTP servers on loopback: the platform forwards a
case of the bank's item to icbc-lc, the simulator verifies it with the seeded signing key, answers,
and later posts back signed "accepted" and "decided" to the platform, which applies them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from server.__main__ import SEEDS
from server.domain.accounts.apikeys import actor_for_api_key
from server.domain.accounts.models import ApiKey
from server.domain.cases.models import Case, CaseEvent
from server.domain.exchange import signing
from server.domain.exchange.models import ExchangeMessage, Partner
from server.domain.exchange.seeding import load_demo_partners
from server.tools.partner_simulator import Simulator
from tests.exchange.peer import serving, serving_app
from tests.exchange.test_exchange import BANK_ITEM, _accepted_bundle

PATH = SEEDS / "demo" / "partners.yaml"
CODES = ["icbc-lc", "lcrcb", "seal-dcf", "seal-kfq", "water-lc", "power-lc", "gas-lc", "heat-lc", "broadband-lc"]


async def _forget() -> None:
    await ApiKey.filter(partner_code__in=CODES).delete()
    await Partner.filter(code__in=CODES).delete()


@pytest.fixture
async def clean(database: str) -> AsyncIterator[None]:
    """No demo partner before or after (the session's other tests route their own partners)."""
    await _forget()
    yield
    await _forget()


async def test_seeding_makes_the_nine_partners_with_their_keys_once(clean: None,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIAOYI_DEMO_PARTNERS_URL", "http://127.0.0.1:8799/")
    said: list[str] = []
    made = await load_demo_partners(PATH, said.append)
    assert [m.code for m in made] == CODES
    partners = {p.code: p for p in await Partner.filter(code__in=CODES)}
    assert set(partners) == set(CODES)
    icbc = partners["icbc-lc"]
    assert (icbc.name, icbc.kind, icbc.region_code, icbc.routes) == ("中国工商银行聊城分行", "bank", "371500", [BANK_ITEM])
    assert icbc.base_url == "http://127.0.0.1:8799/icbc-lc"
    assert partners["seal-kfq"].kind == "seal_carver" and partners["seal-kfq"].routes == ["100150001000"]
    assert partners["heat-lc"].kind == "utility" and partners["heat-lc"].routes == ["200401004000"]
    assert (partners["heat-lc"].max_attempts, icbc.max_attempts) == (16, 8)  # a utility down for an hour still gets its transfers
    table = said[-1]
    for m in made:
        p = partners[m.code]
        # the signing secret printed is the partner's key; the API key printed acts for that partner
        assert len(p.keys) == 1 and p.keys[0]["secret"] == m.secret and m.secret.startswith("whsec_")
        assert m.code in table and m.name in table and m.secret in table and m.api_key in table
        actor = await actor_for_api_key(m.api_key)
        assert actor is not None and actor.is_partner and actor.partner_code == m.code
    assert "已存在" not in table

    # again: every partner and key kept, no secret shown again
    said.clear()
    again = await load_demo_partners(PATH, said.append)
    assert [(m.api_key, m.secret) for m in again] == [("", "")] * len(CODES)
    assert said[-1].count("已存在，保留原密钥") == 2 * len(CODES)
    assert not any(m.secret in said[-1] or m.api_key in said[-1] for m in made)
    kept = {p.code: p.keys for p in await Partner.filter(code__in=CODES)}
    assert kept == {code: p.keys for code, p in partners.items()}
    assert await ApiKey.filter(partner_code__in=CODES).count() == len(CODES)
    assert (await actor_for_api_key(made[0].api_key)) is not None


async def test_the_simulator_takes_a_routed_case_and_its_answers_approve_it(
        clean: None, app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    await Partner.all().update(is_active=False)  # the earlier tests' banks take the same item
    async with serving_app(app, "the platform") as platform:
        sim = Simulator(platform_url=platform, delay=0.2)
        async with serving(sim.handle, "/{code}", "the partner simulator") as url:
            monkeypatch.setenv("LIAOYI_DEMO_PARTNERS_URL", url.removesuffix("/{code}"))
            await load_demo_partners(PATH, lambda _m: None)
            icbc = await Partner.get(code="icbc-lc")
            b, sub = await _accepted_bundle(icbc)
            assert sub.partner_code == "icbc-lc"  # the first bank of the two that take the item
            out = await ExchangeMessage.get(case_id=sub.id, direction="out")
            assert out.event == "case.routed" and out.status == "delivered", out.last_error
            assert out.answer["received"] is True
            await sim.drain()
    assert [(code, event, status) for code, _n, event, status in sim.answers] == [
        ("icbc-lc", "case.accepted", 200), ("icbc-lc", "case.decided", 200)]
    sub = await Case.get(id=sub.id)
    assert sub.status == "approved" and (sub.forwarded_number or "").startswith("ICBC-LC-KH-")
    ev = await CaseEvent.filter(case_id=sub.id, action="approved").first()
    assert ev is not None and ev.actor_kind == "partner" and ev.data["result"]["account_number"].startswith("6222")
    inbound = await ExchangeMessage.filter(case_id=sub.id, direction="in").order_by("id")
    assert [(m.event, m.status, m.verification) for m in inbound] == [
        ("case.accepted", "applied", "ok"), ("case.decided", "applied", "ok")]
    assert sim.statuses[sub.number or ""] == "approved"


async def test_the_simulator_refuses_what_the_partner_did_not_sign(clean: None,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    sim = Simulator(platform_url="http://127.0.0.1:9", delay=0.1)
    async with serving(sim.handle, "/{code}", "the partner simulator") as url:
        base = url.removesuffix("/{code}")
        monkeypatch.setenv("LIAOYI_DEMO_PARTNERS_URL", base)
        await load_demo_partners(PATH, lambda _m: None)
        raw = signing.encode({"event": "case.routed", "data": {"case_number": "X1"}})
        headers = signing.sign(raw, message_id=signing.new_message_id(), secrets_in_use=[signing.new_secret()])
        async with httpx.AsyncClient() as c:
            forged = await c.post(f"{base}/icbc-lc", content=raw, headers=headers)
            unknown = await c.post(f"{base}/no-such-bank", content=raw, headers=headers)
    assert forged.status_code == 401 and unknown.status_code == 404
    assert sim.tasks == set() and sim.statuses == {}
