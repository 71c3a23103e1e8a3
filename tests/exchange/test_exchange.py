"""The signed exchange against a real peer: a simulated bank (tests/exchange/peer.py) served by
uvicorn on loopback. A case of the item the bank takes is forwarded to it at acceptance (the move
and its message in one transaction), delivered signed, retried while the bank is down and arrives
once; the bank's answers come back through ``POST /exchange/<code>`` and move the case through the
state machine — repeated, out of order, forged, replayed, stale and under a key rotation."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from strawberry import relay

from server import clock
from server.domain.cases import bundles
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.states import ParentStatus
from server.domain.errors import DomainError
from server.domain.exchange import outbound, signing
from server.domain.exchange.models import ExchangeMessage, Partner
from tests import factories as f
from tests.bundles import helpers as t
from tests.exchange.peer import Peer, running

BANK_ITEM = "200100010000"  # 企业银行账户开户预约（政银合作）
BANK_ONLY: dict[str, Any] = {
    **t.TEN, "name": "企业银行开户一件事",
    "stages": [{"key": "all", "name": "开户", "items": [
        {"key": "bank", "basic_code": BANK_ITEM, "department": "371500-XZSPJ"},
        {"key": "food", "basic_code": "010110001000", "department": "371500-XZSPJ", "situations": ["食品经营许可新办"]},
    ]}],
}


async def _bank(url: str, *, secrets: list[str] | None = None, timeout: float = 3.0, max_attempts: int = 4) -> Partner:
    code = f"bank-{uuid.uuid4().hex[:8]}"
    keys = [{"id": f"k{n}", "secret": s, "created_at": clock.now().isoformat()}
            for n, s in enumerate(secrets or [signing.new_secret()], 1)]
    await Partner.all().update(is_active=False)  # one bank at a time takes the item in these tests
    return await Partner.create(code=code, name="聊城测试银行", kind="bank", region_code="371500", base_url=url,
                                keys=keys, timeout_seconds=timeout, max_attempts=max_attempts, routes=[BANK_ITEM])


async def _accepted_bundle(partner: Partner) -> tuple[Any, Case]:
    """A bundle with the bank's item, accepted at the window: the bank's sub-case is forwarded."""
    version = await t.publish(BANK_ONLY)
    a = await t.applicant()
    b = (await t.apply(a, version)).bundle
    clerk = await f.staff("city_clerk")
    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
    sub = await Case.get(bundle_id=b.id, basic_code=BANK_ITEM)
    return b, sub


def _signed(partner_secret: str | list[str], body: dict[str, Any], *, message_id: str | None = None,
            at: Any = None) -> tuple[bytes, dict[str, str]]:
    raw = signing.encode(body)
    secrets = [partner_secret] if isinstance(partner_secret, str) else partner_secret
    headers = signing.sign(raw, message_id=message_id or signing.new_message_id(), secrets_in_use=secrets, at=at)
    return raw, {**headers, "content-type": "application/json"}


async def _post(client: httpx.AsyncClient, code: str, raw: bytes, headers: dict[str, str]) -> httpx.Response:
    return await client.post(f"/exchange/{code}", content=raw, headers=headers)


async def test_a_forwarded_sub_case_reaches_the_bank_once_signed_even_while_it_is_down(database: str) -> None:
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url)
        peer.secrets = [k["secret"] for k in bank.keys]
        peer.down_for = 2
        b, sub = await _accepted_bundle(bank)
        # forwarded in the accepting transaction: the move on its timeline, the message in the log
        assert sub.partner_code == bank.code and sub.forwarded_platform == bank.code
        acts = await CaseEvent.filter(case_id=sub.id).order_by("id").values_list("action", flat=True)
        assert acts[-2:] == ["accepted", "forwarded"]
        msg = await ExchangeMessage.get(case_id=sub.id, direction="out")
        assert msg.event == "case.routed" and msg.status == "pending" and msg.attempts == 1
        assert "503" in msg.last_error and peer.received == {}
        # the body the log keeps is masked; the one waiting to go is whole
        pending = json.loads(msg.pending_body or "{}")
        assert pending["data"]["case_number"] == sub.number and pending["data"]["applicant"]["name"] == sub.applicant_name
        assert msg.body["data"]["applicant"]["name"] != sub.applicant_name
        # the bank is down once more, then up: each sweep tries what is due; it arrives once
        for _ in range(3):
            await ExchangeMessage.filter(id=msg.id).update(next_attempt_at=clock.now())
            await outbound.sweep()
        msg = await ExchangeMessage.get(id=msg.id)
        assert msg.status == "delivered" and msg.attempts == 3 and msg.pending_body is None
        assert msg.answer["received"] is True
        assert list(peer.received) == [msg.message_id] and peer.posts == 3 and peer.bad_signatures == 0
        # delivered again (a lost answer, a second worker): the bank keeps it once
        await ExchangeMessage.filter(id=msg.id).update(status="pending", next_attempt_at=clock.now(),
                                                       pending_body=json.dumps(pending, ensure_ascii=False,
                                                                               separators=(",", ":"), sort_keys=True))
        await outbound.sweep()
        assert len(peer.received) == 1 and peer.posts == 4
        # the department's review queue does not list it: the bank decides it
        from server.domain.cases import queries

        reviewer = await t.reviewer(sub.department_code)
        queue = await queries.case_queue(actor=reviewer, queue="review", flt=queries.CaseFilter(), limit=100)
        assert sub.id not in [c.id for c in queue]


async def test_the_bank_answers_through_the_signed_endpoint(database: str, client: httpx.AsyncClient) -> None:
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url)
        secret = bank.keys[0]["secret"]
        peer.secrets = [secret]
        b, sub = await _accepted_bundle(bank)
        assert (await ExchangeMessage.get(case_id=sub.id, direction="out")).status == "delivered"

        # accepted there (its own number): the sub-case is under review by the bank
        raw, headers = _signed(secret, {"event": "case.accepted", "data": {"case_number": sub.number, "number": "KH-001"}})
        r = await _post(client, bank.code, raw, headers)
        assert r.status_code == 200 and r.json()["applied"] is True, r.text
        sub = await Case.get(id=sub.id)
        assert sub.status == "under_review" and sub.forwarded_number == "KH-001"
        # the same message again: the same answer, nothing changes
        again = await _post(client, bank.code, raw, headers)
        assert again.status_code == 200 and again.json() == r.json()
        assert await CaseEvent.filter(case_id=sub.id, action="remote_accepted").count() == 1
        # other bytes under the first one's signature: forged; the same id signed over other bytes: a replay
        other, other_headers = _signed(secret, {"event": "case.accepted", "data": {"case_number": sub.number,
                                                                                 "number": "KH-999"}},
                                       message_id=headers["webhook-id"])
        forged = await _post(client, bank.code, other, headers)
        assert forged.status_code == 401
        replay = await _post(client, bank.code, other, other_headers)
        assert replay.status_code == 409 and replay.json()["code"] == "REPLAYED"
        assert (await Case.get(id=sub.id)).forwarded_number == "KH-001"

        # decided: approved, with the account number kept on the timeline
        raw, headers = _signed(secret, {"event": "case.decided", "data": {
            "case_number": sub.number, "decision": "approved", "result_number": "6222 0000 1234",
            "result": {"account_number": "6222000012345678", "bank_branch": "聊城东昌支行"}}})
        r = await _post(client, bank.code, raw, headers)
        assert r.status_code == 200 and r.json()["applied"] is True and r.json()["caseStatus"] == "approved", r.text
        ev = await CaseEvent.filter(case_id=sub.id, action="approved").first()
        assert ev is not None and ev.actor_kind == "partner" and ev.data["result"]["account_number"] == "6222000012345678"
        # a late "accepted" after the decision changes nothing and is logged as ignored
        raw, headers = _signed(secret, {"event": "case.accepted", "data": {"case_number": sub.number}})
        late = await _post(client, bank.code, raw, headers)
        assert late.status_code == 200 and late.json()["applied"] is False and "不再改变" in late.json()["reason"]
        assert (await Case.get(id=sub.id)).status == "approved"
        logged = await ExchangeMessage.get(message_id=headers["webhook-id"], direction="in")
        assert logged.status == "ignored"
        # the bundle moves on with its partner's part
        v = await bundles.load_view(await type(b).get(id=b.id))
        assert v.derived.status in (ParentStatus.RESULTS_READY, ParentStatus.IN_PROGRESS)


async def test_nothing_unverified_changes_a_case(database: str, client: httpx.AsyncClient) -> None:
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url)
        secret = bank.keys[0]["secret"]
        peer.secrets = [secret]
        _, sub = await _accepted_bundle(bank)
        body = {"event": "case.decided", "data": {"case_number": sub.number, "decision": "denied", "reason": "伪造"}}
        cases = [
            ("forged", *_signed(signing.new_secret(), body), 401, "bad_signature"),
            ("stale", *_signed(secret, body, at=clock.utcnow() - timedelta(minutes=6)), 401, "stale"),
            ("future", *_signed(secret, body, at=clock.utcnow() + timedelta(minutes=6)), 401, "stale"),
        ]
        for name, raw, headers, status, why in cases:
            r = await _post(client, bank.code, raw, headers)
            assert r.status_code == status and r.json()["ok"] is False and r.json()["message"], (name, r.text)
            row = await ExchangeMessage.get(message_id=headers["webhook-id"], direction="in")
            assert row.status == "refused" and row.verification == why, name
        raw, headers = _signed(secret, body)
        unknown = await _post(client, "no-such-bank", raw, headers)
        assert unknown.status_code == 404 and unknown.json()["code"] == "UNKNOWN_PARTNER"
        unsigned = await client.post(f"/exchange/{bank.code}", content=raw, headers={"content-type": "application/json"})
        assert unsigned.status_code == 401
        # another bank's case: not found for this one
        raw, headers = _signed(secret, {"event": "case.accepted", "data": {"case_number": "371500-20260101-99999"}})
        r = await _post(client, bank.code, raw, headers)
        assert r.status_code == 422 and r.json()["code"] == "NOT_FOUND"
        assert (await Case.get(id=sub.id)).status == "accepted"


async def test_a_key_rotation_in_the_middle(database: str, client: httpx.AsyncClient) -> None:
    old, new = signing.new_secret(), signing.new_secret()
    async with running(Peer(secrets=[old])) as peer:
        bank = await _bank(peer.url, secrets=[old])
        _, first = await _accepted_bundle(bank)
        assert (await ExchangeMessage.get(case_id=first.id, direction="out")).status == "delivered"
        # rotation: the new key signs first, the old one still verifies; the bank moves to the new key
        await Partner.filter(id=bank.id).update(keys=[{"id": "k2", "secret": new}, {"id": "k1", "secret": old}])
        peer.secrets = [new]
        _, second = await _accepted_bundle(bank)
        assert (await ExchangeMessage.get(case_id=second.id, direction="out")).status == "delivered"
        assert peer.bad_signatures == 0
        # the bank still signs with the old key for a while: accepted during the rotation
        raw, headers = _signed(old, {"event": "case.accepted", "data": {"case_number": first.number}})
        assert (await _post(client, bank.code, raw, headers)).status_code == 200
        # the old key retired: refused
        await Partner.filter(id=bank.id).update(keys=[{"id": "k2", "secret": new}])
        raw, headers = _signed(old, {"event": "case.accepted", "data": {"case_number": second.number}})
        assert (await _post(client, bank.code, raw, headers)).status_code == 401


async def test_a_slow_peer_times_out_and_a_refusing_one_is_dead_lettered(database: str) -> None:
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url, timeout=0.3, max_attempts=2)
        peer.secrets = [k["secret"] for k in bank.keys]
        peer.delay = 1.0
        started = asyncio.get_running_loop().time()
        _, sub = await _accepted_bundle(bank)
        msg = await ExchangeMessage.get(case_id=sub.id, direction="out")
        assert msg.status == "pending" and "Timeout" in msg.last_error
        assert asyncio.get_running_loop().time() - started < 30  # no one waited on the peer for long
        peer.delay, peer.refuse_for = 0.0, 1
        await ExchangeMessage.filter(id=msg.id).update(next_attempt_at=clock.now())
        await outbound.sweep()
        msg = await ExchangeMessage.get(id=msg.id)
        assert msg.status == "dead" and msg.answer_status == 400 and msg.pending_body
        assert msg.answer == {"message": "报文格式不被接受"}  # the refusal kept, as the bank said it
        # an admin retries it: the same message id, delivered this time
        await outbound.retry(msg.id)
        await outbound.sweep()
        msg = await ExchangeMessage.get(id=msg.id)
        assert msg.status == "delivered" and list(peer.received) == [msg.message_id]
        with pytest.raises(DomainError) as not_dead:
            await outbound.retry(msg.id)
        assert not_dead.value.code == "INVALID_STATE"


async def test_a_provincial_item_accepted_at_the_city_window_goes_to_the_province(
    database: str, client: httpx.AsyncClient,
) -> None:
    """省级委托收件: the city's window accepts a provincial item on the province's behalf; on
    acceptance it is forwarded to the provincial platform (a partner without routes takes every
    provincial item accepted at its region's halls), which decides; before accepting, the clerk
    sees where it will go. A county item received at the city hall goes to that county's queue."""
    from server.domain.cases import window
    from server.domain.exchange import routing

    async with running(Peer(secrets=[])) as peer:
        await Partner.all().update(is_active=False)
        secret = signing.new_secret()
        peer.secrets = [secret]
        province = await Partner.create(code=f"sd-{uuid.uuid4().hex[:6]}", name="山东省政务服务平台", kind="province",
                                        region_code="371500", base_url=peer.url, keys=[{"id": "k1", "secret": secret}])
        c = await f.case(department_code="370000-SCJGJ", status="submitted", hall_code="371500-ZWFWZX",
                         county="370000")
        await f.rewrite(c.id, region_code="370000", city_code="370000", county_code=None)
        c = await Case.get(id=c.id)
        kind, note, code = await routing.destination(c)
        assert (kind, code) == ("partner", province.code) and "山东省政务服务平台" in note
        # the clerk reads it on the case before accepting (staff only)
        from tests.conftest import GraphQLClient

        staff = await GraphQLClient(client).as_user("city_clerk")
        seen = await staff("query($id: ID!) { node(id: $id) { ... on Case { forwarding { kind note partnerCode } } } }",
                           {"id": str(relay.GlobalID("Case", str(c.id)))})
        assert seen["node"]["forwarding"] == {"kind": "partner", "note": note, "partnerCode": province.code}
        clerk = await f.staff("city_clerk")
        accepted = await window.accept(actor=clerk, settings=None, case_id=c.id)
        assert accepted.partner_code == province.code and accepted.forwarded_platform == province.code
        (received,) = peer.received.values()
        assert received["data"]["case_number"] == c.number and received["event"] == "case.routed"
        raw, headers = _signed(secret, {"event": "case.decided", "data": {
            "case_number": c.number, "decision": "denied", "reason": "申请人不符合省级登记管辖范围"}})
        r = await _post(client, province.code, raw, headers)
        assert r.status_code == 200 and r.json()["caseStatus"] == "denied", r.text

        # a county's item received at the city hall: no partner, the county decides it
        county_case = await f.case(department_code="371521-XZSPJ", status="submitted", hall_code="371500-ZWFWZX",
                                   county="371521")
        kind, note, code = await routing.destination(county_case)
        assert kind == "county" and code is None and "县" in note and "审批队列" in note
        done = await window.accept(actor=clerk, settings=None, case_id=county_case.id)
        assert done.partner_code is None and done.status == "accepted"


async def test_an_attempt_cut_off_gives_its_claim_back(database: str) -> None:
    """A delivery attempt cancelled mid-POST (the worker stopping, a job cut off) leaves the message
    due again at once, not claimed until STALE_CLAIM runs out; the next attempt delivers it once."""
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url, timeout=10)
        peer.secrets = [k["secret"] for k in bank.keys]
        peer.down_for = 1  # the delivery at acceptance fails: the message waits for the sweep
        _, sub = await _accepted_bundle(bank)
        msg = await ExchangeMessage.get(case_id=sub.id, direction="out")
        await ExchangeMessage.filter(id=msg.id).update(next_attempt_at=clock.now())
        peer.delay = 5.0
        posts = peer.posts
        attempt = asyncio.create_task(outbound.deliver(msg.id))
        for _ in range(500):  # until the POST reached the bank (at most 10 s)
            if peer.posts > posts:
                break
            await asyncio.sleep(0.02)
        assert (await ExchangeMessage.get(id=msg.id)).status == "sending"
        attempt.cancel()
        with pytest.raises(asyncio.CancelledError):
            await attempt
        row = await ExchangeMessage.get(id=msg.id)
        assert row.status == "pending" and row.claimed_at is None
        assert row.next_attempt_at is not None and row.next_attempt_at <= clock.now()
        assert msg.id in await outbound.due_ids()
        peer.delay = 0.0
        assert (await outbound.deliver(msg.id)).status == "delivered"
        assert list(peer.received) == [row.message_id]
