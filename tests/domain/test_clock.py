"""One clock, one China time (server/clock.py).

A scan of ``server/`` fails on any other reading of the host's clock or hand-made China zone, and
the clock is checked where it matters: on a UTC host at 01:30 China time it is already tomorrow.
"""

from __future__ import annotations

import ast
import base64
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from stdnum.cn import ric

import server.clock as clock
from server.domain.accounts import errors as account_errors
from server.domain.accounts import identifiers, mandates, tokens
from server.domain.accounts.models import Citizen, StaffUser
from server.domain.accounts.roles import Actor
from server.domain.cases import clock as cases_clock
from server.domain.errors import DomainError
from server.worker import schedule
from tests.conftest import GraphQLClient

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "server"
THE_CLOCK = "server/clock.py"

PENDING_LEAD_FILES: frozenset[str] = frozenset()
"""TEMPORARY: files still being switched to server.clock (paths like "server/domain/cases/flow.py"),
skipped by the scan. Only shrinks: an entry whose file no longer offends fails the test. Empty it."""

# Sunday 6 December 2026, 17:30 UTC: 01:30 on Monday 7 December in China
FROZEN = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)
CHINA_TODAY = date(2026, 12, 7)
HOST_TODAY = date(2026, 12, 6)  # what date.today() says on a UTC host


# --------------------------------------------------------------------------------------------- the scan


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _is_eight_hours(node: ast.expr) -> bool:
    if not (isinstance(node, ast.Call) and _dotted(node.func).split(".")[-1] == "timedelta"):
        return False
    try:
        args = [ast.literal_eval(a) for a in node.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
        return bool(timedelta(*args, **kwargs) == timedelta(hours=8))
    except (ValueError, TypeError, SyntaxError):
        return False


def offences(source: str) -> list[tuple[int, str]]:
    """(line, what) for each reading of the host's clock or hand-made China zone in ``source``;
    comments and docstrings (any bare string statement) do not count."""
    tree = ast.parse(source)
    prose = {id(n.value) for n in ast.walk(tree)
             if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            base, _, attr = name.rpartition(".")  # attr: the name itself when not dotted
            base_last = base.rpartition(".")[2]
            if attr == "today" and base_last in ("date", "datetime"):
                found.append((node.lineno, f"{base_last}.today()"))
            elif attr in ("now", "utcnow") and base_last == "datetime":
                found.append((node.lineno, f"datetime.{attr}()"))
            elif attr == "timezone" and node.args and _is_eight_hours(node.args[0]):
                found.append((node.lineno, "timezone(timedelta(hours=8))"))
            elif (attr == "ZoneInfo" and node.args and isinstance(node.args[0], ast.Constant)
                  and node.args[0].value == "Asia/Shanghai"):
                found.append((node.lineno, 'ZoneInfo("Asia/Shanghai")'))
                prose.add(id(node.args[0]))  # reported once
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            for literal in ("+08:00", "Asia/Shanghai"):
                if literal in node.value:
                    found.append((node.lineno, f"{literal!r} literal"))
    return sorted(set(found))


def _scan() -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for path in sorted(SERVER.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == THE_CLOCK:
            continue
        hits = offences(path.read_text(encoding="utf-8"))
        if hits:
            out[rel] = hits
    return out


def test_only_server_clock_reads_the_time_or_defines_china_time() -> None:
    found = _scan()
    bad = [f"{f}:{line}: {what}" for f, hits in found.items() if f not in PENDING_LEAD_FILES
           for line, what in hits]
    assert not bad, "use server.clock (now/today/utcnow/ZONE) instead:\n" + "\n".join(bad)
    stale = sorted(PENDING_LEAD_FILES - found.keys())
    assert not stale, f"these files use server.clock now: remove them from PENDING_LEAD_FILES: {stale}"


def test_the_scan_finds_what_it_looks_for() -> None:
    source = '''
"""docstring: date.today() and +08:00 and ZoneInfo("Asia/Shanghai") are fine here"""
import datetime as dt
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo
# a comment: datetime.now() is fine here
a = date.today()
b = datetime.now(timezone.utc)
c = datetime.utcnow()
d = timezone(timedelta(hours=8))
e = ZoneInfo("Asia/Shanghai")
f = "2024-01-01T00:00:00+08:00"
g = dt.datetime.now()
h = f"x AT TIME ZONE 'Asia/Shanghai'"
i = timezone(timedelta(seconds=28800))
j = timezone(timedelta(hours=9))
'''
    assert [line for line, _ in offences(source)] == [7, 8, 9, 10, 11, 12, 13, 14, 15]


# ----------------------------------------------------------------------------------------- the clock


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The host's clock at 2026-12-06T17:30Z, through server.clock's one seam."""
    monkeypatch.setattr(clock, "_utc_now", lambda: FROZEN)
    return FROZEN


def test_at_1_30_china_time_it_is_already_tomorrow(frozen: datetime) -> None:
    assert clock.today() == CHINA_TODAY
    now = clock.now()
    assert now == frozen and now.utcoffset() == timedelta(hours=8)
    assert (now.year, now.month, now.day, now.hour, now.minute) == (2026, 12, 7, 1, 30)
    assert clock.utcnow() == frozen and clock.utcnow().utcoffset() == timedelta(0)
    # every caller reads the same clock at run time
    assert cases_clock.today() == CHINA_TODAY and cases_clock.now() == frozen
    assert cases_clock.ZONE is clock.ZONE
    assert schedule.china_now() == frozen and schedule.CHINA is clock.ZONE


def test_conversions() -> None:
    assert clock.china(datetime(2026, 12, 6, 17, 30)) == FROZEN  # naive: taken as UTC
    assert clock.china(FROZEN).hour == 1 and clock.china(FROZEN).tzinfo is clock.ZONE
    assert clock.date_of(FROZEN) == CHINA_TODAY and clock.date_of(CHINA_TODAY) == CHINA_TODAY
    start = clock.day_start(CHINA_TODAY)
    assert start == datetime(2026, 12, 6, 16, 0, tzinfo=UTC) and start.tzinfo is clock.ZONE


def _id_number(birth: date, region: str = "371525") -> str:
    body = f"{region}{birth:%Y%m%d}{random.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "?")  # it ignores the last character


def test_a_child_born_today_in_china_has_a_valid_id_number(frozen: datetime) -> None:
    assert identifiers.parse_id_number(_id_number(CHINA_TODAY)).birth_date == CHINA_TODAY
    with pytest.raises(DomainError) as exc:
        identifiers.parse_id_number(_id_number(CHINA_TODAY + timedelta(days=1)))
    assert exc.value.code == account_errors.INVALID_ID_NUMBER


# ---------------------------------------------------------------------------- mandates on China's date


async def _actor(username: str) -> Actor:
    user = await StaffUser.get(username=username).select_related("region")
    return tokens.staff_actor(user, user.region.path)


@pytest.mark.usefixtures("database")
async def test_a_mandate_recorded_at_1_30_starts_on_chinas_date(frozen: datetime, gql: GraphQLClient) -> None:
    birth = date(1950, 1, 1) + timedelta(days=random.randrange(20_000))
    citizen = await Citizen.create(phone="139" + f"{random.randrange(10**8):08d}", name="王五",
                                   id_number=_id_number(birth), verified_at=clock.utcnow())
    supervisor, agent = await _actor("guanxian_supervisor"), await _actor("guanxian_agent")
    assert agent.user_id is not None

    record = mandates.create_mandate
    # today is 7 December in Liaocheng: a mandate for the host's 6 December is already over
    with pytest.raises(DomainError) as exc:
        await record(actor=supervisor, agent_id=agent.user_id, principal_citizen_id=citizen.id,
                     all_items=True, valid_from=HOST_TODAY, valid_to=HOST_TODAY)
    assert (exc.value.code, exc.value.field) == (account_errors.INVALID, ["validTo"])

    m = await record(actor=supervisor, agent_id=agent.user_id, principal_citizen_id=citizen.id,
                     all_items=True, valid_from=clock.today(), valid_to=clock.today())
    assert m.valid_from == CHINA_TODAY and mandates.is_active(m)
    assert not mandates.is_active(m, on=HOST_TODAY)
    found = await mandates.mandate_for(agent=agent, principal_citizen_id=citizen.id, basic_code="x",
                                       on=clock.today())
    assert found is not None and found.id == m.id

    # the graph's isActive is about China's today too
    caller = await gql.as_user("guanxian_supervisor")
    principal = base64.b64encode(f"Citizen:{citizen.id}".encode()).decode()
    query = "query($f: MandateFilter) { mandates(filter: $f) { edges { node { validFrom isActive } } } }"
    data = await caller(query, {"f": {"principal": principal}})
    assert [e["node"] for e in data["mandates"]["edges"]] == [{"validFrom": "2026-12-07", "isActive": True}]
