"""The admin UI: how the server serves the built SPA, and the catalogue admin's daily path end to end.

The end-to-end test runs a real server (``python -m server serve``) against the test database in a
subprocess and drives Debian's Chromium with playwright-core (tests/ui/admin_catalog_e2e.mjs): the
catalogue admin signs in, finds an item, edits its draft (the committed time limit), publishes it,
sees version 2 in the history and the diff, and signs out. Screenshots go to
tests/ui/screenshots/admin_catalog/. Missing prerequisites fail with the command that installs them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import shutil
import subprocess
import uuid
from pathlib import Path

import httpx
import pytest

from server.app import create_app
from server.settings import Settings
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser

ADMIN_UI = ROOT / "admin-ui"
INDEX = ADMIN_UI / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_catalog_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_catalog"
E2E_TIMEOUT_S = 180.0


# --- serving the SPA (in process, over a throw-away dist directory) -----------------------------


def _spa_client(settings: Settings, dist: Path) -> httpx.AsyncClient:
    app = create_app(dataclasses.replace(settings, admin_dist=dist), manage_db=False)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://liaoyi.test")


async def test_admin_serves_built_files_and_falls_back_to_index(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>聊易管理端</title><div id=app></div>", "utf-8")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)", "utf-8")
    (tmp_path / "favicon.svg").write_text("<svg/>", "utf-8")
    (tmp_path.parent / "secret.txt").write_text("nope", "utf-8")
    async with _spa_client(settings, tmp_path) as http:
        for path in ("/admin", "/admin/", "/admin/catalog/items/U2VydmljZUl0ZW06MQ", "/admin/staff?x=1"):
            page = await http.get(path)
            assert page.status_code == 200, path
            assert "聊易管理端" in page.text and page.headers["cache-control"] == "no-cache", path
        asset = await http.get("/admin/assets/index-abc123.js")
        assert asset.status_code == 200 and asset.text == "console.log(1)"
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "javascript" in asset.headers["content-type"]
        other = await http.get("/admin/favicon.svg")
        assert other.status_code == 200 and other.headers["cache-control"] == "public, max-age=3600"
        # a missing hashed asset is a 404, not the index page (a stale tab must not get HTML as JS)
        assert (await http.get("/admin/assets/index-old.js")).status_code == 404
        # nothing outside dist is reachable
        for path in ("/admin/../secret.txt", "/admin/%2e%2e/secret.txt", "/admin/..%2fsecret.txt"):
            leaked = await http.get(path)
            assert "nope" not in leaked.text, path


async def test_admin_sends_its_text_assets_gzipped(settings: Settings, tmp_path: Path) -> None:
    """Issue 16: a browser that accepts gzip gets the JavaScript, CSS and index page compressed
    (the hashed files still cached for a year); one that does not, and files not worth it, as they are."""
    (tmp_path / "assets").mkdir()
    script = "export const rows = [" + ",".join(f"{{id:{i},name:'事项{i}'}}" for i in range(2000)) + "];\n"
    (tmp_path / "assets" / "index-abc123.js").write_text(script, "utf-8")
    (tmp_path / "assets" / "logo-abc123.png").write_bytes(b"\x89PNG" + bytes(4000))
    (tmp_path / "index.html").write_text("<!doctype html><title>聊易管理端</title>" + "<div></div>" * 200, "utf-8")
    raw = len(script.encode())
    async with _spa_client(settings, tmp_path) as http:
        for _ in range(2):  # the second answer comes from the in-memory copy
            js = await http.get("/admin/assets/index-abc123.js", headers={"Accept-Encoding": "gzip, br"})
            assert js.status_code == 200 and js.headers["content-encoding"] == "gzip"
            assert js.headers["vary"] == "Accept-Encoding"
            assert js.headers["cache-control"] == "public, max-age=31536000, immutable"
            assert "javascript" in js.headers["content-type"]
            assert int(js.headers["content-length"]) < raw / 5 and js.text == script
        plain = await http.get("/admin/assets/index-abc123.js", headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and int(plain.headers["content-length"]) == raw
        refused = await http.get("/admin/assets/index-abc123.js", headers={"Accept-Encoding": "gzip;q=0"})
        assert "content-encoding" not in refused.headers
        page = await http.get("/admin/cases/window", headers={"Accept-Encoding": "gzip"})
        assert page.headers["content-encoding"] == "gzip" and page.headers["cache-control"] == "no-cache"
        assert "聊易管理端" in page.text
        png = await http.get("/admin/assets/logo-abc123.png", headers={"Accept-Encoding": "gzip"})
        assert "content-encoding" not in png.headers and len(png.content) == 4004
        # a rebuilt file is compressed afresh
        (tmp_path / "index.html").write_text("<!doctype html><title>新版本</title>" + "<p></p>" * 300, "utf-8")
        assert "新版本" in (await http.get("/admin/", headers={"Accept-Encoding": "gzip"})).text


async def test_admin_explains_itself_when_not_built(settings: Settings, tmp_path: Path) -> None:
    async with _spa_client(settings, tmp_path / "missing") as http:
        for path in ("/admin", "/admin/catalog"):
            page = await http.get(path)
            assert page.status_code == 503 and "管理端尚未构建" in page.text


# --- end to end in headless Chromium -------------------------------------------------------------


CREATE = """
mutation($i: CreateServiceItemInput!) {
  createServiceItem(input: $i) { item { id name } errors { field message code } }
}"""
PUBLISH = """
mutation($id: ID!) { publishServiceItem(input: {id: $id}) { item { versionNumber } errors { message } } }"""
HISTORY = "query($id: ID!) { serviceItem(id: $id) { versionNumber committedLimit { value } versions { number status } } }"


async def _published_item(gql: GraphQLClient) -> tuple[str, str]:
    """A fresh city item of the city's catalogue admin, published once (version 1)."""
    admin = await gql.as_user("city_catalog")
    name = f"界面测试户外广告设置许可{uuid.uuid4().hex[:8]}"
    content = {
        "name": name,
        "itemType": "LICENSING",
        "legalBasis": "《城市市容和环境卫生管理条例》第十一条",
        "exerciseLevels": ["CITY"],
        "serviceObjects": ["ENTERPRISE"],
        "statutoryLimit": {"value": 20, "unit": "WORKING_DAY"},
        "committedLimit": {"value": 10, "unit": "WORKING_DAY"},
        "keywords": ["广告牌"],
        "situations": [{"name": "首次申请", "materials": [
            {"name": "申请表", "necessity": "REQUIRED", "reviewPoints": "签字齐全"},
            {"name": "场所证明", "necessity": "DEFERRABLE", "form": "COPY"},
        ]}],
    }
    basic_code = "97" + str(uuid.uuid4().int)[:10]
    created = (await admin(CREATE, {"i": {"basicCode": basic_code, "departmentCode": "371500-CGJ",
                                          "content": content}}))["createServiceItem"]
    assert created["errors"] == [], created
    item_id = created["item"]["id"]
    published = (await admin(PUBLISH, {"id": item_id}))["publishServiceItem"]
    assert published["errors"] == [] and published["item"]["versionNumber"] == 1, published
    return item_id, name


@pytest.mark.ui
async def test_catalog_admin_edits_and_publishes_a_new_version(
    settings: Settings, gql: GraphQLClient, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    item_id, name = await _published_item(gql)
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        if SCREENSHOTS.exists():
            shutil.rmtree(SCREENSHOTS)
        run = await asyncio.to_thread(
            subprocess.run, [node, str(E2E), base, name, "7", str(SCREENSHOTS)],
            cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
        )
        lines = run.stdout.strip().splitlines()
        assert run.returncode == 0 and lines, (
            f"admin_catalog_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
            f"server log: {log.read_text(errors='replace')[-2000:]}"
        )
        report = json.loads(lines[-1])
        assert report["ok"] is True, report
        assert report["before"] == "10个工作日" and report["after"] == "7个工作日", report
        assert "signed out, token cleared" in report["steps"]
        assert any(s.startswith("refused next to the field: 承诺时限不能长于法定时限") for s in report["steps"]), report
        for shot in ("login", "catalog", "item", "draft", "history"):
            png = SCREENSHOTS / f"{shot}.png"
            assert png.exists() and png.stat().st_size > 10_000, png

    # the graph agrees with what the page showed
    history = (await gql(HISTORY, {"id": item_id}))["serviceItem"]
    assert history["versionNumber"] == 2 and history["committedLimit"] == {"value": 7}
    assert sorted((v["number"], v["status"]) for v in history["versions"]) == [(1, "SUPERSEDED"), (2, "PUBLISHED")]
