"""二手房转移登记 · 水电气暖网联动过户 end to end through HTTP, the gas company down for an hour.

The buyer applies on Monday 3 November 2025 at 9:00 naming the seller; the window accepts at 9:30
(the theme's budget: three working days). The seller — signed in and real-name verified with the ID
number the buyer typed — finds the transfer among their sales (the buyer's name masked) and
confirms it; the tax department records the deed tax; the registry passes the online review (审核)
and the buyer books the on-site verification for Tuesday 9:00. 登簿 is refused before the visit;
at the visit the registry verifies and registers (one visit). The five utilities — each its own
HTTP server on loopback with its own key — receive their transfers through the signed exchange, but
the gas company's server answers 500 from 9:20 to 10:20 on the fake clock: the platform retries
with backoff (16 attempts, about 75 minutes, as the demo utilities have) while the others accept
and decide; the buyer sees each transfer's state throughout, and once gas is back its transfer is
delivered (once), accepted and decided. Everything is decided within the budget; the results go
out in one parcel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse

import server.clock
from server import clock
from server.domain.accounts import tokens
from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import Actor
from server.domain.appointments.models import Appointment
from server.domain.cases import bundles
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.states import LABELS, Status
from server.domain.exchange import outbound, signing
from server.domain.exchange.models import ExchangeMessage, Partner
from server.settings import Settings
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.bundles import realestate as r
from tests.conftest import GraphQLClient
from tests.exchange.peer import Peer, running

KEYS = ("water", "power", "gas", "heat", "broadband")
TRANSFER = """query($id: ID!) { realEstateTransfer(bundleId: $id) {
  propertyAddress deedTaxPaid registered onlineReviewPassed nextStep
  seller { role name idNumber confirmed }
  visit { status day start hallName }
  bundle { number status workingDaysUsed }
  utilities { key state stateLabel caseNumber partnerName partnerDelivery } } }"""
SALES = "{ mySales { bundleId bundleNumber propertyAddress buyerName confirmed transferStatusLabel } }"
CONFIRM = """mutation($id: ID!) { confirmBundleParty(input: {bundleId: $id}) {
  sale { confirmed buyerName } errors { code message } } }"""
TAX = """mutation($id: ID!, $a: String!, $n: String!) { recordDeedTaxPayment(input: {caseId: $id, amountYuan: $a, receiptNumber: $n}) {
  case { status } errors { code message } } }"""
BOOK = """mutation($id: ID!, $d: Date!, $s: String!) { bookBundleVerification(input: {bundleId: $id, day: $d, start: $s}) {
  transfer { visit { status day start } nextStep } errors { code message field } } }"""
VERIFY = """mutation($id: ID!) { verifyBundleOnSite(input: {caseId: $id}) {
  transfer { visit { status } nextStep } errors { code message } } }"""
BUNDLE = "query($id: ID!) { bundle(id: $id) { number } }"


@dataclass
class Utility(Peer):
    """A utility's system: a verifying peer that answers 500 while the fake clock is before ``down_until``."""

    down_until: datetime | None = None
    refused: int = 0

    async def handle(self, request: Request) -> JSONResponse:
        if self.down_until is not None and clock.now() < self.down_until:
            self.posts += 1
            self.refused += 1
            return JSONResponse({"message": "燃气营业系统维护中"}, status_code=500)
        return await super().handle(request)


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Any:
    def set_to(day: str, hh: int, mm: int = 0) -> datetime:
        local = datetime.combine(datetime.fromisoformat(day).date(), time(hh, mm), tzinfo=clock.ZONE)
        monkeypatch.setattr(server.clock, "_utc_now", lambda: local.astimezone(UTC))
        return local
    return set_to


async def _staff(gql: GraphQLClient, settings: Settings, actor: Actor) -> GraphQLClient:
    pair = await tokens.issue(lifetimes=settings.token_lifetimes, user=await StaffUser.get(id=actor.user_id))
    return GraphQLClient(gql.http, token=pair.access_token)


async def _answer(client: httpx.AsyncClient, p: Partner, body: dict[str, Any]) -> None:
    raw = signing.encode(body)
    headers = signing.sign(raw, message_id=signing.new_message_id(), secrets_in_use=[p.keys[0]["secret"]])
    got = await client.post(f"/exchange/{p.code}", content=raw, headers={**headers, "content-type": "application/json"})
    assert got.status_code == 200 and got.json()["applied"] is True, got.text


async def test_a_transfer_whose_gas_company_is_down_for_an_hour(
    gql: GraphQLClient, client: httpx.AsyncClient, settings: Settings, at: Any, monkeypatch: pytest.MonkeyPatch,
    database: str,
) -> None:
    monkeypatch.setattr(outbound.random, "random", lambda: 0.5)  # the backoff without its jitter: 2 s … 10 min
    peers = {k: Utility(secrets=[]) for k in KEYS}
    async with running(peers["water"]), running(peers["power"]), running(peers["gas"]), running(peers["heat"]), \
            running(peers["broadband"]), r.utility_partners({k: p.url for k, p in peers.items()}) as partners:
        for k, p in peers.items():
            p.secrets = [partners[k].keys[0]["secret"]]
        await _day(gql, client, settings, at, peers, partners)


async def _day(gql: GraphQLClient, client: httpx.AsyncClient, settings: Settings, at: Any,
               peers: dict[str, Utility], partners: dict[str, Partner]) -> None:
    at("2025-11-03", 9, 0)
    buyer, seller = await r.people()
    sale = await r.apply(buyer, seller)
    at("2025-11-03", 9, 30)
    b = await bundles.accept(actor=await f.staff("city_clerk"), settings=None, bundle_id=sale.bundle.id)
    gid = g.gid("Bundle", b.id)

    async def mine() -> dict[str, Any]:  # a fresh sign-in each time: the clock jumps
        me = await f.citizen_client(gql, settings, buyer)
        return dict((await me(TRANSFER, {"id": gid}))["realEstateTransfer"])

    async def states() -> dict[str, tuple[str, str | None]]:
        return {u["key"]: (u["state"], u["partnerDelivery"]) for u in (await mine())["utilities"]}

    seen = await mine()
    assert seen["propertyAddress"] == r.ADDRESS and seen["seller"]["name"] == "李**"
    assert seen["seller"]["idNumber"].count("*") == 10 and seen["seller"]["confirmed"] is False
    assert seen["nextStep"] == "等待出卖人登录平台确认；等待税务部门登记契税缴纳；网上审核中"
    assert {u["key"]: u["stateLabel"] for u in seen["utilities"]} == {k: "待转移登记完成后自动推送" for k in KEYS}

    # the seller: their sales, with only what concerns them; the bundle itself stays the buyer's
    at("2025-11-03", 10, 0)
    me_seller = await f.citizen_client(gql, settings, seller)
    [listed] = (await me_seller(SALES))["mySales"]
    assert listed == {"bundleId": gid, "bundleNumber": b.number, "propertyAddress": r.ADDRESS, "buyerName": "王**",
                      "confirmed": False, "transferStatusLabel": LABELS[Status.ACCEPTED]}
    assert (await me_seller(BUNDLE, {"id": gid}))["bundle"] is None
    assert (await me_seller(TRANSFER, {"id": gid}))["realEstateTransfer"] is None
    stranger = await f.citizen_client(gql, settings, await f.citizen())
    refused = (await stranger(CONFIRM, {"id": gid}))["confirmBundleParty"]
    assert refused == {"sale": None, "errors": [{"code": "NOT_FOUND", "message": "没有需要您确认的房屋转移登记"}]}
    done = (await me_seller(CONFIRM, {"id": gid}))["confirmBundleParty"]
    assert done == {"sale": {"confirmed": True, "buyerName": "王**"}, "errors": []}

    # the deed tax: the tax department's reviewer records it; the registry's reviewer may not
    tax = await r.sub(b, r.TAX)
    transfer = await r.sub(b, r.TRANSFER)
    registry = await _staff(gql, settings, await t.reviewer(transfer.department_code))
    no = (await registry(TAX, {"id": g.gid("Case", tax.id), "a": "9600.00", "n": "SW37150020251103001"}))
    assert no["recordDeedTaxPayment"]["errors"][0]["code"] == "NOT_FOUND"
    at("2025-11-03", 10, 30)
    taxman = await _staff(gql, settings, await t.reviewer(tax.department_code))
    paid = (await taxman(TAX, {"id": g.gid("Case", tax.id), "a": "9600.00", "n": "SW37150020251103001"}))
    assert paid["recordDeedTaxPayment"] == {"case": {"status": "APPROVED"}, "errors": []}
    assert (await CaseEvent.get(case_id=tax.id, action="deed_tax_paid")).reason == "契税已缴纳 9600.00 元，完税凭证号 SW37150020251103001"

    # the online review, then the booking of the visit (not before)
    me = await f.citizen_client(gql, settings, buyer)
    early = (await me(BOOK, {"id": gid, "d": "2025-11-04", "s": "09:00"}))["bookBundleVerification"]
    assert early["errors"][0]["message"] == "转移登记网上审核通过后才能预约现场核验"
    at("2025-11-03", 14, 0)
    await r.online_review(b)
    me = await f.citizen_client(gql, settings, buyer)
    booked = (await me(BOOK, {"id": gid, "d": "2025-11-04", "s": "09:00"}))["bookBundleVerification"]
    assert booked == {"transfer": {"visit": {"status": "booked", "day": "2025-11-04", "start": "09:00"},
                                   "nextStep": "请按预约时间到大厅现场核验"}, "errors": []}

    # 登簿 before the visit is refused; at the visit: verified, registered
    from server.domain.cases import review
    from server.domain.errors import DomainErrors

    rev = await t.reviewer(transfer.department_code)
    c = await Case.get(id=transfer.id)  # still claimed by its reviewer since the online review
    assert c.status == "under_review" and c.claimed_by_id == rev.user_id
    with pytest.raises(DomainErrors) as caught:
        await review.approve(actor=rev, settings=None, case_id=c.id, opinion="准予登簿")
    assert [e.message for e in caught.value.errors] == ["尚未完成现场核验，不能登簿"]
    await review.release(actor=rev, settings=None, case_id=c.id)
    at("2025-11-04", 9, 5)
    registry = await _staff(gql, settings, rev)
    verified = (await registry(VERIFY, {"id": g.gid("Case", transfer.id)}))["verifyBundleOnSite"]
    assert verified == {"transfer": {"visit": {"status": "verified"}, "nextStep": "现场核验已完成，待登簿"}, "errors": []}

    gas = peers["gas"]
    gas.down_until = datetime(2025, 11, 4, 10, 20, tzinfo=clock.ZONE)
    at("2025-11-04", 9, 20)
    assert (await r.register(b)).status == "approved"
    subs = {c.basic_code: c for c in await t.subs(b)}
    cases = {k: subs[code] for k, code in r.UTILITIES.items()}
    for k in KEYS:
        assert cases[k].partner_code == partners[k].code
    now = await states()
    assert {k: s for k, (s, _) in now.items()} == {k: "open" for k in KEYS}
    assert {k: d for k, (_, d) in now.items() if k != "gas"} == {k: "已送达办理单位" for k in KEYS if k != "gas"}
    assert now["gas"][1] == "办理单位暂未响应，系统正在自动重试（已尝试 1 次）"
    assert gas.received == {} and gas.refused == 1

    # the others accept and decide while gas is down; the platform keeps retrying gas on the fake clock
    minute = datetime(2025, 11, 4, 9, 20, tzinfo=clock.ZONE)
    answered: set[str] = set()
    tries: list[int] = []
    while not gas.received:
        minute += timedelta(minutes=1)
        at("2025-11-04", minute.hour, minute.minute)
        await outbound.sweep()
        for k in KEYS:
            if k == "gas" or k in answered or minute < datetime(2025, 11, 4, 9, 20 + 5 * (KEYS.index(k) + 1), tzinfo=clock.ZONE):
                continue
            number = cases[k].number
            await _answer(client, partners[k], {"event": "case.accepted", "data": {"case_number": number, "number": f"{k}-001"}})
            await _answer(client, partners[k], {"event": "case.decided", "data": {
                "case_number": number, "decision": "approved", "result_number": f"{k.upper()}-20251104",
                "result": {"account_holder": "王买房"}}})
            answered.add(k)
        if minute.minute % 15 == 0:  # the buyer looks in now and then
            now = await states()
            assert now["gas"][0] == "open" and (now["gas"][1] or "").startswith("办理单位暂未响应，系统正在自动重试"), now["gas"]
            tries.append(gas.refused)
        assert minute < datetime(2025, 11, 4, 11, 0, tzinfo=clock.ZONE), "gas was never delivered"
    assert answered == set(KEYS) - {"gas"}
    assert minute >= gas.down_until and minute - gas.down_until < timedelta(minutes=11)  # at most one backoff late
    assert tries == sorted(tries) and gas.refused >= 10  # retried throughout the hour
    msg = await ExchangeMessage.get(case_id=cases["gas"].id, direction="out", event="case.routed")
    assert msg.status == "delivered" and msg.attempts == gas.refused + 1 <= partners["gas"].max_attempts
    assert len(gas.received) == 1 and all(p.bad_signatures == 0 for p in peers.values())
    [got] = gas.received.values()
    assert got["data"]["case_number"] == cases["gas"].number and got["data"]["form"]["gasAccount"] == r.ACCOUNTS["gasAccount"]
    now = await states()
    assert now["gas"] == ("open", "已送达办理单位")
    assert {k: s for k, (s, _) in now.items() if k != "gas"} == {k: "completed" for k in KEYS if k != "gas"}

    # gas accepts and decides: every transfer done, within the three working days
    at("2025-11-04", minute.hour + 1, 0)
    await _answer(client, partners["gas"], {"event": "case.accepted", "data": {"case_number": cases["gas"].number, "number": "gas-001"}})
    await _answer(client, partners["gas"], {"event": "case.decided", "data": {
        "case_number": cases["gas"].number, "decision": "approved", "result_number": "GAS-20251104"}})
    seen = await mine()
    assert {u["key"]: u["stateLabel"] for u in seen["utilities"]} == {k: "已过户" for k in KEYS}
    assert {u["key"]: u["partnerName"] for u in seen["utilities"]} == {k: r.NAMES[k] for k in KEYS}
    assert seen["registered"] and seen["deedTaxPaid"] and seen["bundle"]["status"] == "RESULTS_READY"
    assert seen["bundle"]["workingDaysUsed"] <= 2
    assert {c.status for c in await Case.filter(bundle_id=b.id)} == {"approved"}
    # one visit: the verification, attended; the results go out in one parcel
    assert [a.status for a in await Appointment.filter(citizen_id=buyer.id)] == ["attended"]
    out = await bundles.issue_results(actor=await f.staff("city_clerk"), settings=None, bundle_id=b.id, method="postal",
                                      tracking_number="SF1234567890")
    assert out.result_method == "postal"
