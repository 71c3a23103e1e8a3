"""The 好差评 QR code on a printed notice and 窗口服务登记, in the admin UI end to end, against a real
server (``python -m server serve`` on the test database; Chromium driven by playwright-core through
tests/ui/admin_rating_qr_e2e.mjs). The clerk opens a finished case's 容缺受理通知书: the sheet carries
the QR code the server drew; its image is the QR code of the absolute link of the case's QR token
(checked against the server's own drawing — segno cannot decode), and that link's token rates the case
once. The clerk then marks another case served at a window; the hall's evaluator device at that window
rates it. Screenshots go to tests/ui/screenshots/admin_rating_qr/."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.domain.cases import ratings
from server.domain.cases.models import CaseRating, RatingToken, WindowService
from server.domain.catalog.models import Window
from server.settings import Settings
from tests import factories as f
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_rating_qr_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_rating_qr"
E2E_TIMEOUT_S = 180.0
BY_LINK = """mutation($i: RateCaseByLinkInput!) { rateCaseByLink(input: $i) {
  case { rating { level channel } } errors { field message code } } }"""
KEY = "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key errors { field code message } } }"
DEVICE = """mutation($i: RateAtWindowInput!) { rateAtWindow(input: $i) {
  case { rating { level channel windowId dimensionSet } } errors { field message code } } }"""


def gid(pk: int) -> str:
    return base64.b64encode(f"Case:{pk}".encode()).decode()


@pytest.mark.ui
async def test_the_notice_prints_the_rating_qr_code_and_the_clerk_serves_a_case_at_a_window(
        gql: GraphQLClient, client: httpx.AsyncClient, settings: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    node = require_browser(INDEX, what="admin UI")
    # the live server signs tokens with this session's secret, so the test checks them as it would
    monkeypatch.setenv("LIAOYI_SECRET_KEY", settings.secret_key)
    monkeypatch.delenv("LIAOYI_PUBLIC_BASE_URL", raising=False)
    printed_case, _ = await f.completed_case(settings)
    served_case, _ = await f.completed_case(settings)
    assert served_case.hall_code is not None
    window = await Window.filter(hall_id=served_case.hall_code).order_by("-number").first()
    assert window is not None
    config = {"noticeCase": gid(printed_case.id), "servedCase": gid(served_case.id),
              "window": f"{window.number} {window.name}"}
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
        f"admin_rating_qr_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report: dict[str, Any] = json.loads(lines[-1])
    assert report["ok"] is True, report
    for shot in ("notice", "served"):
        png = SCREENSHOTS / f"{shot}.png"
        assert png.exists() and png.stat().st_size > 10_000, png

    # 1. What the notice printed is the QR code of the link of the case's one QR token
    assert report["qrShown"] is True and report["qrPrinted"] is True and "扫码评价" in report["caption"], report
    prefix = "data:image/svg+xml;base64,"
    assert report["qr"].startswith(prefix), report["qr"][:60]
    svg = base64.b64decode(report["qr"][len(prefix):]).decode("utf-8")
    (row,) = await RatingToken.filter(case_id=printed_case.id, purpose="qr")
    token = ratings._token_text(row, settings.secret_key)
    link = ratings.link(settings, token)
    assert link.startswith(settings.public_base_url.rstrip("/") + "/rate/") and token in link
    assert svg == ratings.qr_svg(link), "the printed code encodes the link of the case's QR token"
    # and the link's token rates the case
    rated = (await gql(BY_LINK, {"i": {"token": link.rsplit("/", 1)[1], "level": 5}}))
    assert rated["rateCaseByLink"]["errors"] == [], rated
    assert rated["rateCaseByLink"]["case"]["rating"] == {"level": 5, "channel": "qr"}
    assert (await CaseRating.get(case_id=printed_case.id)).channel == "qr"

    # 2. The case the clerk marked at the window is the one its evaluator device rates
    assert config["window"] in report["windows"] and config["window"] in report["served"], report
    served = await WindowService.filter(case_id=served_case.id).order_by("-id").first()
    assert served is not None and served.window_id == window.id and served.hall_code == served_case.hall_code
    admin = await gql.as_user("city_admin")
    made = (await admin(KEY, {"i": {"name": f"{window.number} 评价器", "kind": "HALL_DEVICE", "windowId": window.id}}))
    assert made["createApiKey"]["errors"] == []
    r = await client.post("/graphql", json={"query": DEVICE, "variables": {"i": {"level": 4}}},
                          headers={"x-api-key": made["createApiKey"]["key"]})
    device = r.json()["data"]["rateAtWindow"]
    assert device["errors"] == [], device
    assert device["case"]["rating"] == {"level": 4, "channel": "window", "windowId": window.id, "dimensionSet": "window"}
