"""Reconciliation (对账) against the real simulated bank: the open cases routed to it are compared with
the bank's own view (a signed status query it answers); what differs is reported to the region's
administrators and never applied to a case; a later run that sees agreement closes it."""

from __future__ import annotations

import httpx
import pytest

from server.domain.cases.models import Case, CaseEvent
from server.domain.errors import DomainError
from server.domain.exchange import outbound, reconcile
from server.domain.exchange.models import ExchangeDifference, ExchangeMessage, Partner, ReconciliationRun
from server.settings import Settings
from server.worker import schedule
from tests.conftest import GraphQLClient
from tests.exchange.peer import Peer, running
from tests.exchange.test_exchange import _accepted_bundle, _bank, _post, _signed

ERR = "errors { code message field }"
RUNS = "query($p: String) { reconciliationRuns(partnerCode: $p) { id partnerCode trigger checked differences error } }"
DIFFS = """query($f: ExchangeDifferenceFilter) { exchangeDifferences(filter: $f, first: 20) { totalCount edges { node {
  id caseId caseNumber kind ours theirs detail isOpen closedBy note } } } }"""
RECONCILE = "mutation($i: PartnerIdInput!) { reconcilePartner(input: $i) { run { checked differences error } " + ERR + " } }"
CLOSE = ("mutation($i: CloseExchangeDifferenceInput!) { closeExchangeDifference(input: $i) { difference { isOpen note "
         "closedBy } " + ERR + " } }")


async def _cases(bank: Partner, n: int) -> list[Case]:
    return [(await _accepted_bundle(bank))[1] for _ in range(n)]


async def test_differences_are_reported_never_applied_and_close_when_agreed(
    database: str, client: httpx.AsyncClient,
) -> None:
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url)
        peer.secrets = [k["secret"] for k in bank.keys]
        agreed, lost_decision, forgotten = await _cases(bank, 3)
        peer.refuse_for = 1  # the fourth case's message is refused: dead, the bank never has it
        (never_arrived,) = await _cases(bank, 1)
        assert (await ExchangeMessage.get(case_id=never_arrived.id, direction="out")).status == "dead"
        peer.statuses[lost_decision.number or ""] = "approved"  # decided there; the answer never came
        peer.forgotten.add(forgotten.number or "")
        events_before = await CaseEvent.filter(case_id__in=[agreed.id, lost_decision.id, forgotten.id,
                                                            never_arrived.id]).count()

        run = await reconcile.run(bank, trigger="admin")
        assert (run.checked, run.differences, run.error) == (4, 3, "")
        assert peer.queries == 1  # one query for every open case (batches of QUERY_BATCH)
        found = {d.case_id: d for d in await ExchangeDifference.filter(partner_code=bank.code, closed_at=None)}
        assert {c: d.kind for c, d in found.items()} == {
            lost_decision.id: "status", forgotten.id: "unknown_to_peer", never_arrived.id: "undelivered"}
        assert found[lost_decision.id].theirs == "approved" and found[lost_decision.id].ours == "accepted"
        # reported, never applied: no case moved
        for c in (agreed, lost_decision, forgotten, never_arrived):
            assert (await Case.get(id=c.id)).status == "accepted"
        assert await CaseEvent.filter(case_id__in=list(found) + [agreed.id]).count() == events_before
        # the query is in the exchange log, signed and answered; it is asked again, not re-sent
        query = await ExchangeMessage.filter(partner_code=bank.code, event="case.status_query").order_by("-id").first()
        assert query is not None and query.status == "delivered" and query.answer_status == 200
        assert peer.bad_signatures == 0

        # the next night sees the same: the same rows, updated, no duplicates
        again = await reconcile.run(bank)
        assert again.differences == 3
        rows = await ExchangeDifference.filter(partner_code=bank.code)
        assert len(rows) == 3 and {r.run_id for r in rows} == {again.id}

        # the bank sends its decision again (signed): the case moves through the state machine, and the
        # bank remembers the forgotten case; the next run closes both differences by itself
        raw, headers = _signed(peer.secrets[0], {"event": "case.decided", "data": {
            "case_number": lost_decision.number, "decision": "approved", "result_number": "BANK-OK-1"}})
        assert (await _post(client, bank.code, raw, headers)).status_code == 200
        peer.forgotten.clear()
        third = await reconcile.run(bank)
        assert (third.checked, third.differences) == (3, 1)  # the decided case is no longer open
        still = await ExchangeDifference.filter(partner_code=bank.code, closed_at=None)
        assert [d.case_id for d in still] == [never_arrived.id]
        closed = await ExchangeDifference.filter(partner_code=bank.code, closed_at__not_isnull=True)
        assert {d.case_id for d in closed} == {lost_decision.id, forgotten.id}
        notes = {d.case_id: d.note for d in closed}
        assert all(d.closed_by_id is None for d in closed)
        assert notes[forgotten.id] == "复核一致：对账时双方状态已一致"
        assert notes[lost_decision.id] == "办件在本平台已作出决定或不再办理，不再对账，本条关闭"


async def test_a_difference_that_changes_kind_is_closed_saying_so(database: str) -> None:
    """A difference that becomes one of another kind is not "agreed": its row closes naming the new
    kind and the new row, which records the case from then on."""
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url)
        peer.secrets = [k["secret"] for k in bank.keys]
        (case,) = await _cases(bank, 1)
        peer.statuses[case.number or ""] = "approved"
        await reconcile.run(bank)
        (first,) = await ExchangeDifference.filter(partner_code=bank.code, closed_at=None)
        assert first.kind == "status"
        # the bank now says it does not know the case at all (its message was delivered)
        peer.statuses.pop(case.number or "")
        peer.forgotten.add(case.number or "")
        run = await reconcile.run(bank)
        assert run.differences == 1
        (new,) = await ExchangeDifference.filter(partner_code=bank.code, closed_at=None)
        old = await ExchangeDifference.get(id=first.id)
        assert new.kind == "unknown_to_peer" and new.case_id == case.id and new.id != old.id
        assert old.closed_at is not None and old.closed_by_id is None and old.run_id == run.id
        assert old.note == f"差异类型由“状态不一致”变为“对方无此件”，本条关闭，见新记录（第 {new.id} 号）"
        assert "一致" not in old.note.replace("不一致", "")
        # reported, never applied
        assert (await Case.get(id=case.id)).status == "accepted"


async def test_a_peer_that_does_not_answer_is_recorded_and_nothing_is_compared(database: str, settings: Settings) -> None:
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url, timeout=0.5)
        peer.secrets = [k["secret"] for k in bank.keys]
        (case,) = await _cases(bank, 1)
        peer.down_for = 1
        run = await reconcile.run(bank)
        assert run.checked == 0 and run.differences == 0 and "503" in run.error and run.finished_at is not None
        assert not await ExchangeDifference.filter(partner_code=bank.code).exists()
        query = await ExchangeMessage.filter(partner_code=bank.code, event="case.status_query").order_by("-id").first()
        assert query is not None and query.status == "dead" and query.answer_status == 503
        with pytest.raises(DomainError) as not_resent:  # a status query is asked again, not re-sent
            await outbound.retry(query.id)
        assert not_resent.value.code == "INVALID_STATE"
        # the nightly job runs every active partner: the bank answers this time
        nightly = next(j for j in schedule.JOBS if j.name == "reconcile_exchange")
        assert await schedule.run_job(nightly, settings) == 0
        latest = await ReconciliationRun.filter(partner_code=bank.code).order_by("-id").first()
        assert latest is not None and latest.trigger == "nightly" and latest.checked == 1 and latest.error == ""
        assert (await Case.get(id=case.id)).status == "accepted"


async def test_administrators_reconcile_read_and_close_in_their_region(
    gql: GraphQLClient, database: str,
) -> None:
    admin = await gql.as_user("city_admin")
    county = await gql.as_user("guanxian_admin")
    async with running(Peer(secrets=[])) as peer:
        bank = await _bank(peer.url)
        peer.secrets = [k["secret"] for k in bank.keys]
        (case,) = await _cases(bank, 1)
        peer.statuses[case.number or ""] = "accepted"
        gid = (await admin("query { partners { id code } }"))["partners"]
        partner_id = next(p["id"] for p in gid if p["code"] == bank.code)

        done = (await admin(RECONCILE, {"i": {"partnerId": partner_id}}))["reconcilePartner"]
        assert done["errors"] == [] and done["run"] == {"checked": 1, "differences": 1, "error": ""}
        runs = (await admin(RUNS, {"p": bank.code}))["reconciliationRuns"]
        assert [r["trigger"] for r in runs] == ["admin"]
        diffs = (await admin(DIFFS, {"f": {"partnerCode": bank.code, "open": True}}))["exchangeDifferences"]
        assert diffs["totalCount"] == 1
        node = diffs["edges"][0]["node"]
        assert (node["kind"], node["ours"], node["theirs"], node["caseNumber"]) == (
            "STATUS", "accepted", "accepted", case.number)
        assert "接收消息" in node["detail"]

        # a county's administrator sees none of the city's partner, and may not run it or close it
        assert (await county(DIFFS, {"f": None}))["exchangeDifferences"]["totalCount"] == 0
        assert (await county(RUNS, {"p": bank.code}))["reconciliationRuns"] == []
        refused = (await county(RECONCILE, {"i": {"partnerId": partner_id}}))["reconcilePartner"]
        assert [e["code"] for e in refused["errors"]] == ["NOT_FOUND"]
        closed = (await county(CLOSE, {"i": {"differenceId": node["id"], "note": "已核实"}}))["closeExchangeDifference"]
        assert [e["code"] for e in closed["errors"]] == ["NOT_FOUND"]

        # the city's admin closes it with a note; the case is untouched
        empty = (await admin(CLOSE, {"i": {"differenceId": node["id"], "note": " "}}))["closeExchangeDifference"]
        assert [e["field"] for e in empty["errors"]] == [["note"]]
        ok = (await admin(CLOSE, {"i": {"differenceId": node["id"], "note": "已电话核实，银行将重发接收消息"}}))
        assert ok["closeExchangeDifference"]["errors"] == []
        assert ok["closeExchangeDifference"]["difference"]["isOpen"] is False
        assert ok["closeExchangeDifference"]["difference"]["closedBy"]
        twice = (await admin(CLOSE, {"i": {"differenceId": node["id"], "note": "再次"}}))["closeExchangeDifference"]
        assert [e["code"] for e in twice["errors"]] == ["INVALID_STATE"]
        assert (await Case.get(id=case.id)).status == "accepted"
        assert (await admin(DIFFS, {"f": {"open": True, "partnerCode": bank.code}}))["exchangeDifferences"]["totalCount"] == 0
