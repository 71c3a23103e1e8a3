"""The exchange pages of the admin UI end to end (合作单位 · 交换日志 · 对账), against a real server and a
real peer.

A simulated bank (tests/exchange/peer.py, its own ASGI app under uvicorn on loopback) takes the bank
item, and a county system nobody answers for (its address is the discard port) takes the food
licence; three bundles with both items are accepted at the window (through the domain, as
tests/exchange does), so three sub-cases are forwarded to each: of the bank's, one arrives, one the
bank refuses (dead), and one the bank goes on to decide (approved there) without the answer ever
reaching the platform. A real server
(``python -m server serve``) then runs against the test database and Debian's Chromium is driven
with playwright-core (tests/ui/admin_exchange_e2e.mjs): the city administrator signs in, registers a
seal carver as a partner (refused next to the fields first; routes picked by catalogue search), sees
its signing secret once and copies it, rotates its key (the new secret shown once, both keys listed,
the new one signing) and retires the old one; filters the exchange log down to the bank's dead
message, opens it (masked body, the bank's refusal, the attempts) and sends it again — the row is read
again until it is delivered; on the reconciliation page runs 立即对账 for the bank (three compared,
one difference: decided there, accepted here) and for the county system (nobody listens at its
address: 对方未应答), closes the difference with a note (refused without one), and finally switches the seal
carver off. The database and the peer are then asked whether it all happened as the pages showed:
the secret the page showed is the key that signs, the retried message arrived once under its own
id, the difference is closed by the administrator — and no case moved. Screenshots go to
tests/ui/screenshots/admin_exchange/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from server import clock
from server.domain.cases.models import Case
from server.domain.exchange import signing
from server.domain.exchange.models import ExchangeDifference, ExchangeMessage, Partner, ReconciliationRun
from server.settings import Settings
from tests.conftest import ROOT
from tests.exchange.peer import Peer, running
from tests.exchange.test_exchange import BANK_ITEM, _accepted_bundle
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_exchange_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_exchange"
E2E_TIMEOUT_S = 300.0
SEAL_ITEM = "100150001000"  # 公章刻制备案 (seeds/items/enterprise.yaml)
FOOD_ITEM = "010110001000"  # 食品经营许可, the bank bundle's other item (tests/exchange/test_exchange.BANK_ONLY)
DEAD_ADDRESS = "http://127.0.0.1:9/exchange"  # the discard port: nothing answers there
NOTE = "已与银行核实：对方已办结，请对方重新发送办结答复"


@pytest.mark.ui
async def test_city_admin_manages_partners_retries_a_dead_message_and_reconciles(
    settings: Settings, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    tag = uuid.uuid4().hex[:6]
    seal_code, seal_name = f"ui-seal-{tag}", f"界面测试刻章{tag}"
    log = tmp_path / "server.log"
    async with running(Peer(secrets=[])) as peer:
        # one partner at a time takes each item (as in tests/exchange): the others are set aside, and back after
        held = [p.id for p in await Partner.filter(is_active=True) if {BANK_ITEM, FOOD_ITEM} & set(p.routes or [])]
        await Partner.filter(id__in=held).update(is_active=False)
        bank = await Partner.create(
            code=f"ui-bank-{tag}", name=f"界面测试银行{tag}", kind="bank", region_code="371500", base_url=peer.url,
            keys=[_key()], timeout_seconds=3.0, max_attempts=2, routes=[BANK_ITEM])
        county = await Partner.create(
            code=f"ui-county-{tag}", name=f"界面测试县级系统{tag}", kind="county", region_code="371500",
            base_url=DEAD_ADDRESS, keys=[_key()], timeout_seconds=1.0, max_attempts=1, routes=[FOOD_ITEM])
        try:
            peer.secrets = [k["secret"] for k in bank.keys]
            _, agreed = await _accepted_bundle(bank)
            peer.refuse_for = 1  # the next message is refused: dead at once (a 400 is not retried)
            _, refused = await _accepted_bundle(bank)
            _, decided = await _accepted_bundle(bank)
            peer.statuses[decided.number or ""] = "approved"  # decided at the bank; its answer never came
            dead = await ExchangeMessage.get(case_id=refused.id, direction="out")
            assert dead.status == "dead" and dead.answer_status == 400 and len(peer.received) == 2
            assert await Case.filter(partner_code=county.code).count() == 3

            config = {
                "seal": {"code": seal_code, "name": seal_name, "address": DEAD_ADDRESS, "routeSearch": "公章刻制",
                         "route": SEAL_ITEM},
                "bank": {"code": bank.code, "name": bank.name}, "county": {"code": county.code, "name": county.name},
                "deadCase": refused.number, "decidedCase": decided.number, "applicant": refused.applicant_name,
                "note": NOTE,
            }
            async with live_server(settings.database_url, log) as base:
                if SCREENSHOTS.exists():
                    shutil.rmtree(SCREENSHOTS)
                run = await asyncio.to_thread(
                    subprocess.run, [node, str(E2E), base, json.dumps(config, ensure_ascii=False), str(SCREENSHOTS)],
                    cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
                )
            lines = run.stdout.strip().splitlines()
            assert run.returncode == 0 and lines, (
                f"admin_exchange_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
                f"server log: {log.read_text(errors='replace')[-3000:]}"
            )
            report = json.loads(lines[-1])
            assert report["ok"] is True, report
            for shot in ("login", "refused", "secret", "rotated", "log", "log_expanded", "retried", "reconciliation",
                         "difference_refused", "closed", "partners"):
                png = SCREENSHOTS / f"{shot}.png"
                assert png.exists() and png.stat().st_size > 10_000, png

            # refused next to the fields, in Chinese
            assert "小写字母" in report["refused"]["code"] and "2 到 64" in report["refused"]["name"], report
            assert "http" in report["refused"]["baseUrl"], report

            # the partner as the dialog made it, switched off at the end; the secret the page showed is the
            # key that signs, the one shown first was retired; the clipboard got what was shown
            seal = await Partner.get(code=seal_code)
            assert (seal.name, seal.kind, seal.region_code, seal.base_url) == (seal_name, "seal_carver", "371500", DEAD_ADDRESS)
            assert (seal.timeout_seconds, seal.max_attempts, seal.routes, seal.is_active) == (2.0, 3, [SEAL_ITEM], False)
            assert report["created"].startswith("whsec_") and report["rotated"].startswith("whsec_")
            assert report["created"] != report["rotated"] and report["copied"] == report["created"]
            assert [(k["id"], k["secret"]) for k in seal.keys] == [("k2", report["rotated"])]
            assert report["fingerprint"] == report["keyFingerprints"][0] and len(report["keyFingerprints"]) == 2
            assert "只显示这一次" in report["warning"], report

            # the log: the dead message, masked, with the bank's refusal (its last error); sent again under the same id, it
            # arrived once, signed with the bank's key
            shown = report["message"]
            assert refused.number in shown["body"] and (refused.applicant_name or "?") not in shown["body"], shown
            assert "HTTP 400" in shown["lastError"] and "报文格式不被接受" in shown["lastError"] and shown["attempts"] == "1", shown
            assert shown["verification"].startswith("—"), shown  # sent from here: signed, nothing to verify
            assert report["afterRetry"] == "已送达", report
            again = await ExchangeMessage.get(id=dead.id)
            assert again.status == "delivered" and again.message_id == dead.message_id
            assert peer.accepted_new.count(dead.message_id) == 1 and peer.bad_signatures == 0

            # reconciliation: the bank's run compared the three open cases and found one difference; nobody
            # answered for the county system, so nothing was compared; the difference is closed by the
            # administrator with the note
            runs = {r.partner_code: r for r in await ReconciliationRun.filter(partner_code__in=[bank.code, county.code])}
            assert (runs[bank.code].trigger, runs[bank.code].checked, runs[bank.code].differences) == ("admin", 3, 1)
            assert (runs[county.code].checked, runs[county.code].differences) == (0, 0) and runs[county.code].error
            assert report["bankRun"] == {"checked": "3", "outcome": "1 处差异"}, report
            assert report["countyRun"]["outcome"] == "对方未应答", report
            assert report["countyRun"]["error"] == runs[county.code].error, report
            assert not await ExchangeDifference.filter(partner_code=county.code).exists()
            assert "处理说明" in report["noteRefused"], report
            (difference,) = await ExchangeDifference.filter(partner_code=bank.code)
            assert (difference.case_id, difference.kind, difference.ours, difference.theirs) == (
                decided.id, "status", "accepted", "approved")
            assert difference.closed_at is not None and difference.note == NOTE and difference.closed_by_name == "王建国"
            assert report["closedNote"] == NOTE, report
            # a difference never changes a case: all three are still accepted here
            for case in (agreed, refused, decided):
                assert (await Case.get(id=case.id)).status == "accepted"
        finally:
            await Partner.filter(code__in=[bank.code, county.code, seal_code]).update(is_active=False)
            await Partner.filter(id__in=held).update(is_active=True)


def _key() -> dict[str, str]:
    return {"id": "k1", "secret": signing.new_secret(), "created_at": clock.now().isoformat()}
