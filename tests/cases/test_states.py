"""The lifecycle table is the law: a test generated from it tries every action from every state.

Allowed moves succeed (new status, one timeline event, the row version bumped); every other pair
answers INVALID_STATE with a Chinese message naming the state, and writes nothing; a party the
table does not name is refused. Nothing in server/ writes a case or its timeline except
``flow.transition`` and ``flow.create``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from server.domain.accounts.roles import Actor, Role
from server.domain.cases import flow
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.states import (
    ACTIONS,
    CREATING,
    LABELS,
    TABLE,
    TRANSITIONS,
    Action,
    Party,
    Status,
    allowed_actions,
)
from server.domain.errors import DomainError
from server.settings import ROOT
from tests import factories as f

ACTORS: dict[Party, flow.Acting] = {
    Party.APPLICANT: flow.Acting(Actor(citizen_id=1, display_name="申请人甲")),
    Party.AGENT: flow.Acting(Actor(user_id=1, roles=frozenset({Role.ASSISTANCE_AGENT}), display_name="代办员")),
    Party.CLERK: flow.Acting(Actor(user_id=2, roles=frozenset({Role.WINDOW_CLERK}), display_name="受理员")),
    Party.REVIEWER: flow.Acting(Actor(user_id=3, roles=frozenset({Role.DEPT_REVIEWER}), display_name="审批员")),
    Party.SUPERVISOR: flow.Acting(Actor(user_id=4, roles=frozenset({Role.HALL_SUPERVISOR}), display_name="负责人")),
    Party.ADMIN: flow.Acting(Actor(user_id=6, roles=frozenset({Role.CITY_ADMIN}), display_name="管理员")),
    Party.PARTNER: flow.Acting(Actor(api_key_id=1, partner_kind="bank", display_name="银行")),
    Party.SYSTEM: flow.SYSTEM,
}


def test_every_action_has_a_label_and_every_state_an_exit_or_an_end() -> None:
    assert set(ACTIONS) == set(Action)
    assert set(LABELS) == set(Status)
    final = {Status.REJECTED, Status.DENIED, Status.COMPLETED, Status.WITHDRAWN}
    for s in Status:
        leaving = [m for m in TRANSITIONS if m.source == s and m.to != (s,)]
        assert leaving or s in final, f"{s} has no way out"
    reachable = {t for m in TRANSITIONS for t in m.to}
    assert reachable == set(Status), set(Status) - reachable


@pytest.fixture(scope="module")
async def department(database: str) -> str:
    return (await f.department()).code


async def _case_in(status: Status, department: str) -> Case:
    return await f.case(department_code=department, status=status.value)


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.value)
async def test_every_action_from_every_state(status: Status, department: str) -> None:
    for action in Action:
        case = await _case_in(status, department)
        row = TABLE.get((status, action))
        acting = ACTORS[sorted(row.who)[0]] if row else ACTORS[Party.SYSTEM]
        if row is None:
            with pytest.raises(DomainError) as refused:
                await flow.transition(case, acting=acting, action=action, settings=None)
            assert refused.value.code == "INVALID_STATE", (status, action)
            assert f"“{LABELS[status]}”" in refused.value.message and ACTIONS[action] in refused.value.message
            fresh = await Case.get(id=case.id)
            assert fresh.status == status and fresh.row_version == case.row_version
            assert not await CaseEvent.filter(case_id=case.id).exists()
            continue
        for to in row.to:
            case = await _case_in(status, department)
            before = case.row_version
            await flow.transition(case, acting=acting, action=action, settings=None, to=to)
            fresh = await Case.get(id=case.id)
            assert (fresh.status, fresh.row_version) == (to.value, before + 1), (status, action, to)
            events = await CaseEvent.filter(case_id=case.id).values_list("action", "from_status", "to_status")
            assert events == [(action.value, status.value, to.value)]
        for party in set(Party) - row.who:
            case = await _case_in(status, department)
            with pytest.raises(DomainError) as refused:
                await flow.transition(case, acting=ACTORS[party], action=action, settings=None)
            assert refused.value.code == "NOT_ALLOWED", (status, action, party)


async def test_only_creating_actions_create_and_only_from_nothing(department: str) -> None:
    item = await f.published_item()
    columns = dict(
        number=None, channel="online", item_id=item.id, version_id=item.published_version_id, item_name="测试事项",
        basic_code=item.basic_code, department_code=department, region_code=f.CITY,
        city_code=f.CITY, applicant_kind="citizen", applicant_name="张三",
    )
    for action in Action:
        row = TABLE.get((None, action))
        if row is None:
            with pytest.raises(DomainError) as refused:
                await flow.create(acting=flow.SYSTEM, action=action, columns=columns, settings=None)
            assert refused.value.code == "INVALID_STATE" and "未创建" in refused.value.message
            continue
        case = await flow.create(acting=ACTORS[sorted(row.who)[0]], action=action, columns=columns, settings=None)
        assert case.status == row.to[0].value
        assert await CaseEvent.filter(case_id=case.id).values_list("action", "from_status") == [(action.value, None)]
    assert CREATING == {Action.DRAFT_SAVED, Action.SUBMITTED, Action.RECEIVED, Action.OPENED}
    assert allowed_actions(None) == [Action.DRAFT_SAVED, Action.SUBMITTED, Action.RECEIVED, Action.OPENED]


async def test_two_writers_on_one_version_one_wins(department: str) -> None:
    case = await _case_in(Status.ACCEPTED, department)
    stale = await Case.get(id=case.id)
    await flow.transition(case, acting=ACTORS[Party.REVIEWER], action=Action.CLAIMED, settings=None)
    with pytest.raises(DomainError) as lost:
        await flow.transition(stale, acting=ACTORS[Party.REVIEWER], action=Action.SUSPENDED, settings=None)
    assert lost.value.code == "CONFLICT"
    assert (await Case.get(id=case.id)).status == Status.UNDER_REVIEW


# ---------------------------------------------------------------- one write path

WRITERS = {"create", "bulk_create", "update", "save", "delete", "get_or_create", "update_or_create", "bulk_update"}
CASE_MODELS = {"Case", "CaseEvent"}
ALLOWED = {"server/domain/cases/flow.py"}
TOOLS = "server/tools/"  # synthetic data generators for demos and benchmarks (not the lifecycle)


def _writes(path: Path) -> list[str]:
    """Calls like ``Case.create(…)``, ``Case.filter(…).update(…)``, ``CaseEvent.create(…)`` in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITERS):
            continue
        base = node.func.value
        while isinstance(base, ast.Call | ast.Attribute):
            base = base.func if isinstance(base, ast.Call) else base.value
        if isinstance(base, ast.Name) and base.id in CASE_MODELS:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {base.id}….{node.func.attr}(")
    return found


def test_no_case_is_written_outside_the_state_machine() -> None:
    outside = [
        w for p in sorted((ROOT / "server").rglob("*.py"))
        if str(p.relative_to(ROOT)) not in ALLOWED and not str(p.relative_to(ROOT)).startswith(TOOLS)
        and "generator" not in p.name
        for w in _writes(p)
    ]
    assert outside == [], "case writes outside flow.transition / flow.create:\n" + "\n".join(outside)
    assert _writes(ROOT / "server/domain/cases/flow.py"), "the scan finds the writes flow itself makes"


TEST_WRITERS = {"tests/factories.py"}  # f.case, f.rewrite and f.remove_cases keep the daily statistics


def test_tests_change_cases_only_through_the_factories() -> None:
    """A test that updates or deletes a case row directly leaves the daily statistics behind it, and
    the statistics tests (which compare them with the case table over the shared database) fail
    depending on which tests ran before: such writes go through ``f.rewrite`` / ``f.remove_cases``."""
    outside = [
        w for p in sorted((ROOT / "tests").rglob("*.py"))
        if str(p.relative_to(ROOT)) not in TEST_WRITERS and not str(p.relative_to(ROOT)).startswith("tests/benchmarks/")
        for w in _writes(p) if w.endswith(("update(", "delete(", "bulk_update("))
    ]
    assert outside == [], "case rows changed outside tests/factories.py:\n" + "\n".join(outside)


def test_the_lifecycle_page_is_current() -> None:
    from server.domain.cases import diagram

    page = ROOT / "docs" / "ARCHITECTURE.md"
    assert diagram.export(page, check=True), "docs/ARCHITECTURE.md 的办件生命周期已过期：python -m server export-lifecycle"
