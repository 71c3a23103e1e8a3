"""The real-estate transfer page of the admin UI end to end (二手房联动过户), against a real server.

Two transfers of the seeded theme ``second-hand-house`` are made through the domain (as tests/bundles
does): one registered — the seller confirmed, the deed tax paid, the visit verified and 登簿 done —
whose utilities went out through the signed exchange, four to a peer that takes them (answered
accepted and decided) and gas to one whose system is down (503 to every post: the platform retries);
the other accepted, its online review passed and its visit booked for the next working day. A real
server (``python -m server serve``) then runs against the test database and Chromium is driven with
playwright-core (tests/ui/admin_realestate_e2e.mjs): the city admin finds both on the page, reads each
utility's state on the first (gas retrying), the second's next step; the registry's reviewer is refused
the on-site verification before the day booked. Screenshots go to tests/ui/screenshots/admin_realestate/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

import server.clock
from server import clock
from server.domain.calendar import service as calendar
from server.domain.cases import bundles, realestate
from server.domain.cases.models import Case
from server.domain.exchange import inbound, signing
from server.domain.exchange.models import ExchangeMessage, Partner
from server.settings import Settings
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import realestate as r
from tests.conftest import ROOT
from tests.exchange.peer import Peer, running
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_realestate_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_realestate"
E2E_TIMEOUT_S = 180.0
KEYS = ("water", "power", "gas", "heat", "broadband")


async def _answer(p: Partner, number: str, event: str, data: dict[str, object]) -> None:
    raw = signing.encode({"event": event, "data": {"case_number": number, **data}})
    headers = signing.sign(raw, message_id=signing.new_message_id(), secrets_in_use=[p.keys[0]["secret"]])
    got = await inbound.receive(p.code, raw, headers, settings=None)
    assert got.status == 200 and got.body.get("applied"), got.body


async def _next_working_day() -> datetime:
    day = clock.today() + timedelta(days=1)
    while not await calendar.is_working_day(region="371500", day=day):
        day += timedelta(days=1)
    return datetime.combine(day, time(9, 5), tzinfo=clock.ZONE)


@pytest.mark.ui
async def test_the_transfer_page_shows_each_utility_and_the_gas_retry(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    up, gas = Peer(secrets=[]), Peer(secrets=[], down_for=10**6)  # the gas company's system answers 503 throughout
    async with running(up), running(gas), r.utility_partners({k: (gas if k == "gas" else up).url for k in KEYS}) as ps:
        up.secrets = [ps[k].keys[0]["secret"] for k in KEYS if k != "gas"]
        gas.secrets = [ps["gas"].keys[0]["secret"]]
        clerk = await f.staff("city_clerk")
        visit_day = await _next_working_day()

        # the registered one (the visit verified on its day: the clock moved there for these moves)
        buyer, seller = await r.people()
        one = await r.apply(buyer, seller)
        b1 = await bundles.accept(actor=clerk, settings=None, bundle_id=one.bundle.id)
        await r.pay_tax(b1)
        await r.online_review(b1)
        await realestate.confirm_party(actor=f.as_citizen(seller), settings=None, bundle_id=b1.id)
        await r.book(one, visit_day.date())
        monkeypatch.setattr(server.clock, "_utc_now", lambda: visit_day.astimezone(UTC))
        await r.verify(b1)
        await r.register(b1)
        subs = {c.basic_code: c for c in await Case.filter(bundle_id=b1.id)}
        for k in KEYS:
            c = subs[r.UTILITIES[k]]
            if k != "gas":
                await _answer(ps[k], c.number or "", "case.accepted", {"number": f"{k}-1"})
                await _answer(ps[k], c.number or "", "case.decided", {"decision": "approved", "result_number": f"{k}-R1"})
        monkeypatch.undo()
        msg = await ExchangeMessage.get(case_id=subs[r.UTILITIES["gas"]].id, direction="out")
        assert msg.status == "pending" and msg.attempts >= 1

        # the one waiting for its visit
        buyer2, seller2 = await r.people()
        two = await r.apply(buyer2, seller2)
        b2 = await bundles.accept(actor=clerk, settings=None, bundle_id=two.bundle.id)
        await r.online_review(b2)
        await r.book(two, visit_day.date())

        config = {"registered": {"id": g.gid("Bundle", b1.id), "number": b1.number},
                  "booked": {"id": g.gid("Bundle", b2.id), "number": b2.number, "day": visit_day.date().isoformat()}}
        log = tmp_path / "server.log"
        async with live_server(settings.database_url, log) as base:
            if SCREENSHOTS.exists():
                shutil.rmtree(SCREENSHOTS)
            run = await asyncio.to_thread(
                subprocess.run, [node, str(E2E), base, json.dumps(config, ensure_ascii=False), str(SCREENSHOTS)],
                cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
            )
        lines = run.stdout.strip().splitlines()
        assert run.returncode == 0 and lines, (
            f"admin_realestate_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
            f"server log: {log.read_text(errors='replace')[-3000:]}"
        )
        report = json.loads(lines[-1])
        assert report["ok"] is True, report
        assert {k: v for k, v in report["utilities"].items() if k != "gas"} == {k: "已过户" for k in KEYS if k != "gas"}
        assert report["utilities"]["gas"].startswith("办理单位暂未响应，系统正在自动重试"), report
        assert "el-tag--warning" in (report["gasTag"] or ""), report
        assert report["summary"] == "已过户 4/5 项，1 项正在重试转送", report
        assert report["seller"].startswith("李**") and "已确认" in report["seller"] and report["deedTax"] == "已缴纳", report
        assert report["bookedNext"] == "等待出卖人登录平台确认；等待税务部门登记契税缴纳；请按预约时间到大厅现场核验", report
        assert config["booked"]["day"] in report["bookedVisit"] and report["adminSeesVerify"] == 0, report
        assert report["refused"] == f"现场核验预约在 {config['booked']['day']}，请在预约当日核验", report
        for shot in ("transfer", "booked", "verify-refused"):
            png = SCREENSHOTS / f"{shot}.png"
            assert png.exists() and png.stat().st_size > 10_000, png
        # nothing the pages did moved a case: the booked transfer still waits for its visit, with the
        # reviewer who passed its online review (one claim covers every step)
        assert (await Case.get(id=(await r.sub(b2, r.TRANSFER)).id)).status == "under_review"
        assert gas.received == {} and up.bad_signatures == 0
