"""The admin UI's theme pages end to end: a catalogue admin builds a themed service (一件事) and puts it
on the city's service menu.

A real server (``python -m server serve``) runs against the test database in a subprocess and
Debian's Chromium is driven with playwright-core (tests/ui/admin_themes_e2e.mjs): the catalogue admin
signs in, searches the theme list, builds a new theme with two stages and a questionnaire (a yes/no
question that adds an item), is refused next to the field while it is incomplete, saves it, sees
the preview of every answer path, publishes it, suspends and resumes it, then adds a service-menu entry pointing at it and
publishes the menu. The graph is then asked whether the theme, its bundles and the menu are what
the pages showed. Screenshots go to tests/ui/screenshots/admin_themes/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from server.domain.themes import menu
from server.settings import Settings
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_themes_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_themes"
E2E_TIMEOUT_S = 240.0

THEME = """query($code: String!) { theme(code: $code) {
  id code name status versionNumber audience lifeStage maxVisits budget { value unit } leadDepartmentCode
  questions { key text kind options { value } }
  stages { key name items { key basicCode departmentCode when { question in } situations { name } } } } }"""
BUNDLE = """query($id: ID!, $answers: [ThemeAnswerInput!]!) { themeBundle(themeId: $id, answers: $answers) {
  stages { number name items { name } } counts { items } problems { message } } }"""
MENU = "{ serviceMenu { number changeNote entries { key title category themeCodes themes { code status } } } }"
CANCEL = """mutation($id: ID!) { cancelTheme(input: {id: $id, reason: "界面测试结束"}) { errors { message } } }"""


@pytest.mark.ui
async def test_catalog_admin_builds_previews_and_publishes_a_theme_and_puts_it_on_the_menu(
    settings: Settings, gql: GraphQLClient, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    tag = uuid.uuid4().hex[:6]
    code, name = f"ui-unemployment-{tag}", f"界面测试失业保障{tag}"
    original = await menu.current_menu()
    assert original is not None
    log = tmp_path / "server.log"
    try:
        async with live_server(settings.database_url, log) as base:
            if SCREENSHOTS.exists():
                shutil.rmtree(SCREENSHOTS)
            run = await asyncio.to_thread(
                subprocess.run, [node, str(E2E), base, code, name, str(SCREENSHOTS)],
                cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
            )
            lines = run.stdout.strip().splitlines()
            assert run.returncode == 0 and lines, (
                f"admin_themes_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
                f"server log: {log.read_text(errors='replace')[-3000:]}"
            )
            report = json.loads(lines[-1])
            assert report["ok"] is True, report
            assert report["refused"] == "请指定牵头部门", report
            # the preview showed both answer paths: the benefit only when insured
            yes, no = report["paths"]
            assert "是否参加失业保险满一年：是" in yes and "失业保险金申领" in yes and "就业创业证申领" in yes, report
            assert "是否参加失业保险满一年：否" in no and "失业保险金申领" not in no and "就业创业证申领" in no, report
            assert "申请人填写" in report["form"] and "一件事" in report["counts"], report
            assert "suspended and resumed, each with its reason" in report["steps"], report
            for shot in ("login", "themes", "refused", "editor", "preview", "published", "menu"):
                png = SCREENSHOTS / f"{shot}.png"
                assert png.exists() and png.stat().st_size > 10_000, png

        # the graph agrees with what the pages showed: published, with those stages and the question
        theme = (await gql(THEME, {"code": code}))["theme"]
        assert theme["status"] == "ACTIVE" and theme["versionNumber"] == 1 and theme["name"] == name
        assert (theme["audience"], theme["lifeStage"], theme["leadDepartmentCode"]) == ("PERSON", "EMPLOYMENT", "371500-RSJ")
        assert theme["budget"] == {"value": 10, "unit": "WORKING_DAY"} and theme["maxVisits"] == 0
        assert theme["questions"] == [{"key": "q1", "text": "是否参加失业保险满一年", "kind": "YES_NO",
                                       "options": [{"value": "yes"}, {"value": "no"}]}]
        assert [(s["name"], [(i["basicCode"], i["departmentCode"]) for i in s["items"]]) for s in theme["stages"]] == [
            ("失业登记", [("200720001000", "371502-RSJ")]),
            ("待遇发放", [("050701001000", "371500-RSJ"), ("200720002000", "371500-RSJ")]),
        ]
        benefit, card = theme["stages"][1]["items"]
        assert benefit["when"] == {"question": "q1", "in": ["yes"]} and card["when"] is None
        assert card["situations"] == [{"name": "已办理就业或失业登记人员申领"}]

        async def items(answer: str) -> list[tuple[int, str, list[str]]]:
            b = (await gql(BUNDLE, {"id": theme["id"], "answers": [{"question": "q1", "value": answer}]}))["themeBundle"]
            assert b["problems"] == []
            return [(s["number"], s["name"], [i["name"] for i in s["items"]]) for s in b["stages"]]

        assert await items("yes") == [(1, "失业登记", ["失业登记"]), (2, "待遇发放", ["失业保险金申领", "就业创业证申领"])]
        assert await items("no") == [(1, "失业登记", ["失业登记"]), (2, "待遇发放", ["就业创业证申领"])]

        # the menu: a new version in force with the entry pointing at the theme, last
        current = (await gql(MENU))["serviceMenu"]
        assert current["number"] == original.number + 1 and current["changeNote"] == f"新增{name}"
        assert len(current["entries"]) == len(original.entries) + 1
        assert [e["key"] for e in current["entries"][:-1]] == [e["key"] for e in original.entries]
        added = current["entries"][-1]
        assert (added["title"], added["category"], added["themeCodes"]) == (name, "就业创业", [code])
        assert added["themes"] == [{"code": code, "status": "ACTIVE"}]
    finally:
        # leave the shared test database as the seeds made it: the 28-entry menu in force, the theme withdrawn
        await menu.publish_menu(actor=None, entries=original.entries, change_note="恢复", seed_hash=original.seed_hash)
        admin = await gql.as_user("city_catalog")
        found = (await admin(THEME, {"code": code}))["theme"]
        if found and found["status"] != "CANCELLED":
            await admin(CANCEL, {"id": found["id"]})
