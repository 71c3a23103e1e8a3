"""The case generator: counts, consistency, deadlines equal to the calendar service's, valid
identifiers, reproducible for a seed."""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest
from tortoise.functions import Max

from server.domain.accounts.identifiers import check_credit_code, parse_id_number
from server.domain.accounts.models import Citizen, Enterprise
from server.domain.calendar import service as calendar
from server.domain.cases import clock
from server.domain.cases.models import Case, CaseEvent, CaseMaterial
from server.domain.cases.states import CLOCK_RUNNING, Status
from server.domain.catalog.models import ItemVersion, Material, Region
from server.tools.case_generator import generate_cases, load_calendar, load_offers

TODAY = date(2025, 6, 30)  # a fixed day: the generated months hold 端午节 and 劳动节
NUMBER = re.compile(r"^(\d{6,12})-(\d{8})-(\d{5})$")
QUERY = re.compile(r"^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$")


async def _max_id(model: Any) -> int:
    return int((await model.annotate(m=Max("id")).values_list("m", flat=True))[0] or 0)


async def _generate(count: int, seed: int) -> list[Case]:
    before = await _max_id(Case)
    seen: list[tuple[int, int]] = []
    made = await generate_cases(count, seed=seed, today=TODAY, batch=150, progress=lambda d, t: seen.append((d, t)))
    assert made == count
    assert seen[0] == (0, count) and seen[-1] == (count, count)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    return await Case.filter(id__gt=before).order_by("id")


@pytest.fixture(scope="module")
async def generated(database: str) -> list[Case]:
    # the newest applicants deleted before (as tests and real data do): the database does not reuse
    # their ids, so the generator must not assume max(id) + 1
    gone = await Citizen.create(phone="139" + f"{secrets.randbelow(10**8):08d}")
    await Enterprise.create(credit_code=f"91371500{secrets.token_hex(5).upper()[:10]}", name="已注销测试企业", legal_rep_id_number="",
                            legal_rep_name="甲", legal_rep_id=gone.id, region_id="371502")
    await Enterprise.filter(legal_rep_id=gone.id).delete()
    await gone.delete()
    return await _generate(400, seed=41)


async def test_it_writes_the_cases_with_their_materials_and_events(generated: list[Case]) -> None:
    assert len(generated) == 400
    ids = [c.id for c in generated]
    events = await CaseEvent.filter(case_id__in=ids).count()
    materials = await CaseMaterial.filter(case_id__in=ids).count()
    assert events >= 2 * len(ids)  # at least submitted and one more step for most
    # each case has one row per material of its situation
    per_situation: dict[int, int] = {}
    for m in await Material.filter(situation_id__in={c.situation_id for c in generated}).values("situation_id"):
        per_situation[m["situation_id"]] = per_situation.get(m["situation_id"], 0) + 1
    assert materials == sum(per_situation.get(c.situation_id or 0, 0) for c in generated)


async def test_the_mix_of_statuses_and_channels(generated: list[Case]) -> None:
    statuses = {s: sum(c.status == s for c in generated) for s in {c.status for c in generated}}
    assert statuses[Status.COMPLETED.value] > 0.6 * len(generated)
    assert statuses.get(Status.WITHDRAWN.value, 0) + statuses.get(Status.DENIED.value, 0) > 0
    assert sum(statuses.get(s.value, 0) for s in CLOCK_RUNNING) > 0
    overdue = [c for c in generated if c.status in CLOCK_RUNNING and c.deadline and c.deadline < TODAY]
    assert overdue, "some open cases are past their deadline"
    assert any(c.supply_by is not None and c.status in CLOCK_RUNNING | {Status.COMPLETED} for c in generated)  # 容缺
    assert {c.channel for c in generated} >= {"online", "window"}
    assert {c.applicant_kind for c in generated} == {"citizen", "enterprise"}
    first = min(c.submitted_at for c in generated if c.submitted_at)
    last = max(c.submitted_at for c in generated if c.submitted_at)
    assert calendar.local_date(first) >= TODAY - timedelta(days=180)
    assert calendar.local_date(last) <= TODAY


async def test_every_case_is_consistent(generated: list[Case]) -> None:
    regions = {r["code"]: r["path"] for r in await Region.all().values("code", "path")}
    events: dict[int, list[dict[str, Any]]] = {}
    for e in await CaseEvent.filter(case_id__in=[c.id for c in generated]).order_by("case_id", "at", "id").values():
        events.setdefault(e["case_id"], []).append(e)
    numbers = [c.number for c in generated]
    assert len(set(numbers)) == len(numbers)
    for c in generated:
        m = NUMBER.match(c.number or "")
        assert m and m.group(1) == c.region_code, c.number
        assert m.group(2) == f"{calendar.local_date(c.submitted_at):%Y%m%d}"  # type: ignore[arg-type]
        assert QUERY.match(c.query_code or "")
        codes = [x for x in regions[c.region_code].split("/") if x]
        assert c.city_code == "371500" and c.county_code == (codes[3] if len(codes) > 3 else None)
        assert c.hall_code
        if c.accepted_at is not None:
            assert c.submitted_at is not None and c.accepted_at >= c.submitted_at
            assert c.deadline is not None and c.statutory_deadline is not None and c.warn_on is not None
            assert c.warn_on <= c.deadline <= c.statutory_deadline or c.committed_unit != "working_day"
        if c.status in (Status.COMPLETED, Status.DENIED):
            assert c.completed_at is not None and c.accepted_at is not None
            assert c.completed_at >= c.accepted_at
            assert c.working_days_used is not None and c.working_days_used >= 0
        if c.status == Status.COMPLETED:
            assert c.decided_at is not None and c.accepted_at <= c.decided_at <= c.completed_at  # type: ignore[operator]
        if c.status in CLOCK_RUNNING:
            assert c.completed_at is None and c.accepted_at is not None
        timeline = events[c.id]
        assert timeline[0]["to_status"] == "submitted"
        assert timeline[-1]["to_status"] == c.status
        for before, after in pairwise(timeline):
            assert after["from_status"] == before["to_status"], (c.number, before["action"], after["action"])
            assert after["at"] >= before["at"]
        assert all(e["actor_name"] for e in timeline)


async def test_working_days_used_is_counted_on_the_calendar(generated: list[Case]) -> None:
    done = [c for c in generated if c.status == Status.COMPLETED and c.committed_limit > 0][:15]
    assert done
    for c in done:
        used = await calendar.working_days_between(region=c.region_code, start=c.accepted_at, end=c.completed_at)  # type: ignore[arg-type]
        assert c.working_days_used == used, c.number


async def test_deadlines_equal_the_calendar_service(generated: list[Case]) -> None:
    accepted = [c for c in generated if c.accepted_at is not None]
    sample = accepted[::max(1, len(accepted) // 40)]
    versions = {v["id"]: v for v in await ItemVersion.filter(id__in={c.version_id for c in sample}).values(
        "id", "statutory_limit", "statutory_unit")}
    for c in sample:
        v = versions[c.version_id]
        committed = await calendar.deadline(region=c.region_code, start=c.accepted_at,  # type: ignore[arg-type]
                                            limit_value=c.committed_limit, limit_unit=c.committed_unit)
        statutory = await calendar.deadline(region=c.region_code, start=c.accepted_at,  # type: ignore[arg-type]
                                            limit_value=v["statutory_limit"], limit_unit=v["statutory_unit"])
        assert c.deadline == committed.deadline, c.number
        assert c.statutory_deadline == statutory.deadline, c.number
        assert c.warn_on == await clock.warn_on(region=c.region_code, deadline=committed.deadline), c.number


async def test_the_in_memory_calendar_matches_the_service_over_holidays() -> None:
    """Every start day of 2024 (春节, 国庆 and their 调休 weekends), limits 0 to 25, both units."""
    offers = await load_offers()
    path = next(o.region_path for o in offers if o.county_code == "371525")
    cal = await load_calendar(path, date(2023, 12, 1), date(2025, 6, 30))
    for start in [date(2024, 1, 1) + timedelta(days=i) for i in range(0, 366, 9)]:
        for value in (0, 1, 3, 10, 25):
            for unit in ("working_day", "natural_day"):
                expected = await calendar.deadline(region=path, start=start, limit_value=value, limit_unit=unit)
                assert cal.deadline(start, value, unit) == expected.deadline, (start, value, unit)
        end = start + timedelta(days=40)
        assert cal.between(start, end) == await calendar.working_days_between(region=path, start=start, end=end)


async def test_applicants_have_valid_identifiers(generated: list[Case]) -> None:
    citizen_ids = {c.applicant_citizen_id for c in generated if c.applicant_citizen_id}
    enterprise_ids = {c.applicant_enterprise_id for c in generated if c.applicant_enterprise_id}
    for row in await Citizen.filter(id__in=citizen_ids).values("id_number", "phone"):
        parse_id_number(row["id_number"])
        assert re.match(r"^1[358]\d{9}$", row["phone"])
    codes: list[Any] = await Enterprise.filter(id__in=enterprise_ids).values_list("credit_code", flat=True)
    for code in codes:
        assert check_credit_code(code) == code


def _signature(c: Case) -> tuple[Any, ...]:
    return (c.item_id, c.situation_id, c.channel, c.status, c.applicant_kind, c.submitted_at, c.accepted_at,
            c.completed_at, c.deadline, c.warn_on, c.working_days_used, c.supply_by, c.query_code)


async def test_the_same_seed_gives_the_same_cases_and_another_seed_others(generated: list[Case]) -> None:
    again = await _generate(120, seed=41)
    first = await _generate(120, seed=42)
    # the first 120 of a 400-case run are not the first 120 planned (a run sorts each batch by time),
    # so compare two runs of the same size
    twice = await _generate(120, seed=42)
    assert [_signature(c) for c in first] == [_signature(c) for c in twice]
    assert [_signature(c) for c in again] != [_signature(c) for c in first]
    assert {c.number for c in first}.isdisjoint({c.number for c in twice})  # numbers continue the counters


async def test_refuses_silly_counts() -> None:
    with pytest.raises(ValueError):
        await generate_cases(-1)
    assert await generate_cases(0) == 0


async def test_a_shared_material_is_exempt_only_when_the_base_asked_holds_the_applicant(generated: list[Case]) -> None:
    """As the product decides it: the applicants are in the bases like residents and enterprises are
    (most, not all); a shared-data material is 免提交 only when the base holds this applicant, with the
    base's note, and the pull that said so is in the log for the case, masked, with its purpose."""
    from server.domain.shareddata import rules as shared_rules
    from server.domain.shareddata.models import LegalPersonRecord, PopulationRecord, SharedDataPull

    ids = [c.id for c in generated]
    pulls = {p.case_id: p for p in await SharedDataPull.filter(case_id__in=ids)}
    rows = await CaseMaterial.filter(case_id__in=ids).values("case_id", "material_id", "state", "trust", "check_note")
    specs = {m.id: m for m in await Material.filter(id__in=list({r["material_id"] for r in rows}))}
    people = dict(await Citizen.filter(id__in=[c.applicant_citizen_id for c in generated if c.applicant_citizen_id])
                  .values_list("id", "id_number"))
    firms = dict(await Enterprise.filter(id__in=[c.applicant_enterprise_id for c in generated if c.applicant_enterprise_id])
                 .values_list("id", "credit_code"))
    in_population = set(await PopulationRecord.filter(id_number__in=list(people.values())).values_list("id_number", flat=True))
    records = dict(await LegalPersonRecord.filter(credit_code__in=list(firms.values())).values_list("credit_code", "status"))
    in_force = {code for code, status in records.items() if status in shared_rules.ACTIVE_STATUSES}
    assert 0 < len(in_population) < len(set(people.values()))  # most residents, not all
    by_case = {c.id: c for c in generated}
    exempt = covered = refused = 0
    for r in rows:
        m, c = specs[r["material_id"]], by_case[r["case_id"]]
        ent = c.applicant_kind == "enterprise"
        base = shared_rules.covering_base(m, enterprise=ent)
        holds = (firms.get(c.applicant_enterprise_id or 0) in in_force) if ent else (
            people.get(c.applicant_citizen_id or 0) in in_population)
        if r["state"] == "exempt":
            exempt += 1
            assert base is not None and holds, (c.number, m.name)
            assert r["trust"] == "A" and r["check_note"].startswith(f"免提交：来自{shared_rules.label(base)}")
        elif base is not None and r["state"] == "provided":
            refused += 1
            assert not holds, (c.number, m.name)  # held, it would have been exempt
        if base is not None:
            covered += 1
            pull = pulls[c.id]
            known = (firms.get(c.applicant_enterprise_id or 0) in records) if ent else holds
            assert pull.base == base.value and pull.found == known and pull.case_number == c.number
            assert "材料免提交核验" in pull.purpose and c.item_name in pull.purpose
            assert pull.subject_label and (ent or (people[c.applicant_citizen_id or 0] or "") not in pull.subject_label)
    assert exempt > 0 and covered > 0 and refused > 0
    assert all(by_case[i].id == i for i in pulls)  # no pull without its case
