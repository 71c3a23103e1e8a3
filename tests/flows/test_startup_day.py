"""企业开办一日办结 end to end through HTTP: the seeded start-up theme applied for and accepted at the
window at 16:30 on 30 September 2025, the last working day before the National Day holiday (1–8
October, the make-up Sunday 28 September already behind it), the licence approved that evening, the
bank and the seal carver — each its own HTTP server on loopback — receiving their sub-cases through
the signed exchange and answering through the signed inbound endpoint (accepted, then approved with
an account number and a seal record), tax, social insurance and the housing fund approved by their
reviewers, and the whole finished at 11:45 on Thursday 9 October, the next working day: 3.75 of the
7 hall hours used (16:30–17:30 and 9:00–11:45), the eight holiday days not counted, within one
working day but not within half a day, in the bundle's meter and in ``bundleHourReport``."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import httpx
import pytest

import server.clock
from server import clock
from server.domain.cases import bundles
from server.domain.cases.models import Case, CaseBundle, CaseEvent
from server.domain.exchange import signing
from server.domain.exchange.models import ExchangeMessage, Partner
from server.domain.themes.service import published_version
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient
from tests.exchange.peer import Peer, running

BANK_ITEM = "200100010000"  # 企业银行账户开户预约（政银合作）
SEAL_ITEM = "100150001000"  # 公章刻制备案
ANSWERS = {"company_type": "llc", "housing_fund": "yes", "bank_account": "yes"}
HOURS = """query($id: ID!) { bundle(id: $id) { status workingHours {
  budgetHours usedHours leftHours dayHours deadlineAt state } } }"""
REPORT = """query($c: String!, $a: Date!, $b: Date!) { bundleHourReport(themeCode: $c, dateFrom: $a, dateTo: $b) {
  accepted finished withinDay withinHalfDay withinBudget shareWithinDay shareWithinHalfDay p50Hours p90Hours } }"""


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Sets the server's clock (the one seam, ``server.clock._utc_now``) to a China time."""
    def set_to(day: str, hh: int, mm: int = 0) -> datetime:
        local = datetime.combine(datetime.fromisoformat(day).date(), time(hh, mm), tzinfo=clock.ZONE)
        monkeypatch.setattr(server.clock, "_utc_now", lambda: local.astimezone(UTC))
        return local
    return set_to


async def _partner(kind: str, name: str, route: str, url: str) -> Partner:
    code = f"{kind[:4]}-{signing.new_message_id()[-8:]}".lower()
    keys = [{"id": "k1", "secret": signing.new_secret(), "created_at": clock.now().isoformat()}]
    return await Partner.create(code=code, name=name, kind=kind, region_code="371500", base_url=url, keys=keys,
                                timeout_seconds=3.0, max_attempts=4, routes=[route])


async def _answer(client: httpx.AsyncClient, p: Partner, body: dict[str, Any]) -> dict[str, Any]:
    """The partner's answer, signed with its key, to the platform's inbound endpoint."""
    raw = signing.encode(body)
    headers = signing.sign(raw, message_id=signing.new_message_id(), secrets_in_use=[p.keys[0]["secret"]])
    r = await client.post(f"/exchange/{p.code}", content=raw, headers={**headers, "content-type": "application/json"})
    assert r.status_code == 200 and r.json()["applied"] is True, r.text
    return dict(r.json())


def _received(peer: Peer, number: str | None) -> dict[str, Any]:
    got = [m for m in peer.received.values() if m["data"].get("case_number") == number]
    assert len(got) == 1, f"{number} received {len(got)} times"
    return got[0]


async def test_a_start_up_accepted_at_16_30_before_national_day_is_finished_within_one_working_day(
    gql: GraphQLClient, client: httpx.AsyncClient, at: Any, database: str,
) -> None:
    version = await published_version(code="enterprise-startup")
    assert version is not None, "the seeded start-up theme is published"
    async with running(Peer(secrets=[])) as bank_peer, running(Peer(secrets=[])) as seal_peer:
        await Partner.all().update(is_active=False)  # one bank and one seal carver: routing needs no choice
        bank = await _partner("bank", "中国工商银行聊城分行", BANK_ITEM, bank_peer.url)
        seal = await _partner("seal_carver", "聊城市东昌府区诚信刻章有限公司", SEAL_ITEM, seal_peer.url)
        bank_peer.secrets, seal_peer.secrets = [bank.keys[0]["secret"]], [seal.keys[0]["secret"]]

        at("2025-09-30", 16, 10)
        a = await t.applicant()
        b = (await t.apply(a, version, ANSWERS)).bundle
        at("2025-09-30", 16, 30)
        b = await bundles.accept(actor=await f.staff("city_clerk"), settings=None, bundle_id=b.id)
        gid = g.gid("Bundle", b.id)

        async def meter() -> dict[str, Any]:  # a fresh sign-in each time: the clock jumps over days
            clerk = await gql.as_user("city_clerk")
            return dict((await clerk(HOURS, {"id": gid}))["bundle"]["workingHours"])
        w = await meter()
        assert (w["budgetHours"], w["dayHours"], w["usedHours"], w["leftHours"], w["state"]) == (7, 7, 0, 7, "ON_TRACK")
        # the budget ends on the next working day, 9 October, at 16:30: the holiday is not counted
        assert datetime.fromisoformat(w["deadlineAt"]) == datetime(2025, 10, 9, 16, 30, tzinfo=clock.ZONE)

        # the licence first: the parallel parts wait for it
        subs = await t.subs(b)
        licence = next(c for c in subs if c.basic_code == "010100001000")
        assert {c.basic_code for c in subs if c.status in ("accepted", "under_review")} == {"010100001000"}
        at("2025-09-30", 17, 0)
        await t.finish(licence)

        # the parallel stage opened: the bank's and the seal carver's sub-cases went out, signed, each to its server
        by_code = {c.basic_code: c for c in await t.subs(b)}
        bank_case, seal_case = by_code[BANK_ITEM], by_code[SEAL_ITEM]
        assert (bank_case.partner_code, seal_case.partner_code) == (bank.code, seal.code)
        for case in (bank_case, seal_case):
            msg = await ExchangeMessage.get(case_id=case.id, direction="out")
            assert msg.status == "delivered", msg.last_error
        to_bank, to_seal = _received(bank_peer, bank_case.number), _received(seal_peer, seal_case.number)
        assert to_bank["event"] == to_seal["event"] == "case.routed"
        # each partner sees its own sub-case only
        assert all(m["data"]["case_number"] == bank_case.number for m in bank_peer.received.values())
        assert all(m["data"]["case_number"] == seal_case.number for m in seal_peer.received.values())
        assert bank_peer.bad_signatures == seal_peer.bad_signatures == 0

        # 17:30 → the night and the holiday: nothing counts until 9 October 9:00
        at("2025-10-05", 10, 0)
        w = await meter()
        assert (w["usedHours"], w["leftHours"]) == (1, 6)
        at("2025-10-09", 9, 20)
        await _answer(client, bank, {"event": "case.accepted", "data": {"case_number": bank_case.number, "number": "KH-20251009-001"}})
        await _answer(client, seal, {"event": "case.accepted", "data": {"case_number": seal_case.number, "number": "KZ-20251009-017"}})
        at("2025-10-09", 10, 0)
        w = await meter()
        assert (w["usedHours"], w["leftHours"], w["state"]) == (2, 5, "ON_TRACK")
        for code in ("100160001000", "200170001000", "200180001000"):  # tax, social insurance, housing fund
            c = await Case.get(id=by_code[code].id)
            if c.status in ("accepted", "under_review"):  # an item decided at once (即办) is approved already
                await t.finish(c)
            assert (await Case.get(id=c.id)).status == "approved"
        at("2025-10-09", 11, 0)
        done = await _answer(client, seal, {"event": "case.decided", "data": {
            "case_number": seal_case.number, "decision": "approved", "result_number": "3715020251009017",
            "result": {"seal_record": "3715020251009017", "seals": ["公章", "财务专用章", "发票专用章", "合同专用章", "法定代表人名章"]}}})
        assert done["caseStatus"] == "approved"
        at("2025-10-09", 11, 45)
        done = await _answer(client, bank, {"event": "case.decided", "data": {
            "case_number": bank_case.number, "decision": "approved", "result_number": "1611 0010 0920 0123 456",
            "result": {"account_number": "1611001009200123456", "bank_branch": "工商银行聊城东昌支行"}}})
        assert done["caseStatus"] == "approved"
        ev = await CaseEvent.filter(case_id=bank_case.id, action="approved").first()
        assert ev is not None and ev.actor_kind == "partner"
        assert {c.status for c in await Case.filter(bundle_id=b.id)} == {"approved"}

        # finished at 11:45 on 9 October: the meter stopped there, 3.75 of 7 hours
        at("2025-10-09", 15, 0)
        w = await meter()
        assert (w["usedHours"], w["leftHours"], w["state"]) == (3.75, 3.25, "MET")
        admin = await gql.as_user("city_admin")
        report = (await admin(REPORT, {"c": "enterprise-startup", "a": "2025-09-30", "b": "2025-09-30"}))["bundleHourReport"]
        assert report == {"accepted": 1, "finished": 1, "withinDay": 1, "withinHalfDay": 0, "withinBudget": 1,
                          "shareWithinDay": 1.0, "shareWithinHalfDay": 0.0, "p50Hours": 3.75, "p90Hours": 3.75}
        assert (await CaseBundle.get(id=b.id)).theme_code == "enterprise-startup"
