"""工程建设项目审批: the project given with a construction-approval application, and its time.

**The project.** A theme whose version has ``budgets`` (by investment type) is a construction
theme: its application must carry the project — 项目代码 in the national format of the investment
project online platform (``YYYY-AAAAAA-BB-CC-NNNNNN``: year, the region code, the industry
code, the project type 01 审批 / 02 核准 / 03 备案, the serial), its investment type (government
projects are 审批类, type 01; a social project's type follows the theme's answer: 核准 02, 备案 03),
and its site; the unit (项目单位) is the applying enterprise. The row is written with the bundle, in
its transaction (:func:`attach`), with the budgets of its type pinned.

**The time.** :func:`project_time` counts, for each stage, the working days of the calendar between
the acceptance of its first sub-case and the decision of its last (or today) and sorts every such
day into one of four kinds: *on the clock* when a sub-case of the stage is with its department
that day; else *the applicant's* when a sub-case was sent back to them (退回补正, the pause
``申请人补正``) or an item waits to be applied for again; else *intermediary* when only intermediary
services (中介服务, the items the theme marks ``intermediary``) are running; else *suspended* (中止,
e.g. expert review). Only the first kind uses the budget: the stage's share, the main process
(the stages marked ``main``) and the whole. A day counts from the day after acceptance, as a
case's own clock does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from server.domain.accounts.roles import Actor
from server.domain.cases import bundle_flow, clock, errors
from server.domain.cases.models import Case, CaseBundle
from server.domain.cases.sendback import APPLICANT_PAUSE
from server.domain.cases.states import BAD_END, FINAL, GOOD, Status
from server.domain.construction.models import ConstructionProject
from server.domain.errors import DomainError

INVESTMENT_TYPES = {"government": "政府投资", "social": "社会投资"}
PROJECT_TYPES = {"01": "审批", "02": "核准", "03": "备案"}
CODE_RE = re.compile(r"^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$")
MAX_SITE = 200

CLOCK, APPLICANT, INTERMEDIARY, SUSPENDED = "clock", "applicant", "intermediary", "suspended"


@dataclass(frozen=True, slots=True)
class ProjectInput:
    code: str
    investment_type: str
    site: str


@dataclass(frozen=True, slots=True)
class Checked:
    """A project ready to be written with its bundle (:func:`attach`)."""

    code: str
    investment_type: str
    unit_name: str
    unit_credit_code: str
    site: str
    total_days: int
    main_days: int
    stage_days: dict[str, int]
    main_stages: list[str]
    intermediary: list[str]


def is_construction(version: Any) -> bool:
    return bool(getattr(version, "budgets", None))


def code_problems(code: str, *, investment_type: str, answers: Mapping[str, str], known_regions: set[str],
                  today: date) -> list[DomainError]:
    """What is wrong with a 项目代码 (the national investment project code), in Chinese."""
    path = ["project", "code"]
    m = CODE_RE.match(code)
    if m is None:
        return [DomainError(errors.INVALID, "项目代码格式应为“年份-地区代码-行业代码-项目类型-流水号”，如 2025-371500-47-01-000123",
                            path)]
    year, region, industry, kind, serial = m.groups()
    out = []
    if not 2000 <= int(year) <= today.year:
        out.append(DomainError(errors.INVALID, f"项目代码的年份 {year} 不正确（赋码年份应在 2000 年至今年之间）", path))
    if region not in known_regions:
        out.append(DomainError(errors.INVALID, f"项目代码的地区代码 {region} 不是本市的行政区划代码", path))
    if not 1 <= int(industry) <= 97:
        out.append(DomainError(errors.INVALID, f"项目代码的行业代码 {industry} 不正确（应为国民经济行业分类的大类代码 01–97）", path))
    if kind not in PROJECT_TYPES:
        out.append(DomainError(errors.INVALID, f"项目代码的项目类型 {kind} 不正确（01 审批、02 核准、03 备案）", path))
    elif investment_type == "government" and kind != "01":
        out.append(DomainError(errors.INVALID, "政府投资项目的项目代码应为审批类（项目类型 01）", path))
    elif investment_type == "social":
        wanted = {"approval": "02", "filing": "03"}.get(answers.get("approval", ""))
        if kind == "01":
            out.append(DomainError(errors.INVALID, "社会投资项目的项目代码应为核准类（02）或备案类（03）", path))
        elif wanted and kind != wanted:
            out.append(DomainError(errors.INVALID, f"项目代码为{PROJECT_TYPES[kind]}类，与所选的项目管理方式"
                                   f"（{PROJECT_TYPES[wanted]}类）不一致", path))
    if serial == "000000":
        out.append(DomainError(errors.INVALID, "项目代码的流水号不能为 000000", path))
    return out


async def check(version: Any, given: ProjectInput | None, *, plan: Sequence[dict[str, Any]], answers: Mapping[str, str],
                enterprise: Any) -> tuple[Checked | None, list[DomainError]]:
    """The project of an application for ``version`` (its problems, in Chinese): required for a
    construction theme, refused for any other."""
    from server.domain.catalog.models import Region

    if not is_construction(version):
        if given is not None:
            return None, [DomainError(errors.INVALID, "该主题不是工程建设项目审批，无需填写项目信息", ["project"])]
        return None, []
    if given is None:
        return None, [DomainError(errors.INVALID, "请填写工程建设项目信息（项目代码、投资类型、建设地点）", ["project"])]
    problems: list[DomainError] = []
    code = given.code.strip()
    kind = given.investment_type.strip()
    site = given.site.strip()
    if kind not in INVESTMENT_TYPES or kind not in version.budgets:
        problems.append(DomainError(errors.INVALID, "投资类型应为政府投资（government）或社会投资（social）",
                                    ["project", "investmentType"]))
    if not site:
        problems.append(DomainError(errors.INVALID, "请填写建设地点", ["project", "site"]))
    elif len(site) > MAX_SITE:
        problems.append(DomainError(errors.INVALID, f"建设地点不能超过 {MAX_SITE} 个字", ["project", "site"]))
    known = {str(c) for c in await Region.all().values_list("code", flat=True)}
    problems += code_problems(code, investment_type=kind, answers=answers, known_regions=known, today=clock.today())
    if enterprise is None:
        problems.append(DomainError(errors.INVALID, "工程建设项目须以项目单位（企业）的名义申请", ["enterpriseId"]))
    if not problems and await _code_in_use(code):
        problems.append(DomainError(errors.CONFLICT, f"项目代码 {code} 已有在办的工程建设项目审批，请勿重复申请", ["project", "code"]))
    if problems:
        return None, problems
    budgets = version.budgets[kind]
    stages = [st for st in version.stages if isinstance(st, Mapping)]
    applying = {st["key"] for st in plan}
    intermediary = [it["key"] for st in stages for it in st.get("items", []) if it.get("intermediary")]
    return Checked(
        code=code, investment_type=kind, unit_name=enterprise.name, unit_credit_code=enterprise.credit_code or "",
        site=site, total_days=int(budgets["total"]), main_days=int(budgets["main"]),
        stage_days={st["key"]: int((st.get("budgets") or {}).get(kind, 0)) for st in stages if st["key"] in applying},
        main_stages=[st["key"] for st in stages if st.get("main") and st["key"] in applying], intermediary=intermediary,
    ), []


async def _code_in_use(code: str) -> bool:
    """Whether a bundle for this project code still stands: not withdrawn, and some sub-case of it
    not ended badly (a project whose application failed altogether may apply again)."""
    ids = list(await ConstructionProject.filter(code=code, bundle__withdrawn_at__isnull=True).values_list("bundle_id", flat=True))
    if not ids:
        return False
    bad = [s.value for s in BAD_END]
    return await Case.filter(bundle_id__in=ids).exclude(status__in=bad).exists() or not await Case.filter(
        bundle_id__in=ids).exists()


async def attach(conn: Any, bundle: CaseBundle, project: Checked) -> ConstructionProject:
    """Write the project with its bundle, in the bundle's transaction."""
    return await ConstructionProject.create(
        bundle_id=bundle.id, code=project.code, investment_type=project.investment_type, unit_name=project.unit_name,
        unit_credit_code=project.unit_credit_code, site=project.site, total_days=project.total_days,
        main_days=project.main_days, stage_days=project.stage_days, main_stages=project.main_stages,
        intermediary=project.intermediary, using_db=conn,
    )


async def projects_of(bundle_ids: Sequence[int]) -> dict[int, ConstructionProject]:
    """The projects of bundles the caller already may see (one query for a page)."""
    if not bundle_ids:
        return {}
    return {p.bundle_id: p for p in await ConstructionProject.filter(bundle_id__in=list(bundle_ids))}


async def _project_qs(actor: Actor) -> Any:
    from tortoise.expressions import Subquery

    from server.domain.cases.bundles import bundle_scope

    return CaseBundle.filter(await bundle_scope(actor), id__in=Subquery(ConstructionProject.all().values("bundle_id")))


async def project_bundles(*, actor: Actor, after: int | None = None, limit: int = 20) -> list[CaseBundle]:
    """The construction projects' bundles the caller may see (the applicant's own; a supervisor's
    region; a reviewer's through their sub-cases), newest first."""
    qs = await _project_qs(actor)
    if after is not None:
        qs = qs.filter(id__lt=after)
    return list(await qs.order_by("-id").limit(limit))


async def count_project_bundles(*, actor: Actor) -> int:
    return int(await (await _project_qs(actor)).count())


# ---------------------------------------------------------------- the time


@dataclass(slots=True)
class Todo:
    """What the applicant must do for an item: the reason, and the action."""

    stage: int
    item: str
    case_id: int
    kind: str  # resubmit | reapply | correct
    reason: str
    action: str


@dataclass(slots=True)
class StageTime:
    number: int
    key: str
    name: str
    lead_department_code: str | None
    main: bool
    budget_days: int
    used_days: int = 0
    applicant_days: int = 0
    intermediary_days: int = 0
    suspended_days: int = 0
    status: str = "waiting"  # waiting | held | running | with_applicant | done
    started_on: date | None = None
    ended_on: date | None = None
    planned_start: date | None = None
    planned_end: date | None = None
    held_by: list[str] = field(default_factory=list)

    @property
    def left_days(self) -> int:
        return self.budget_days - self.used_days

    @property
    def over(self) -> bool:
        return self.used_days > self.budget_days


@dataclass(slots=True)
class ProjectTime:
    stages: list[StageTime]
    total_days: int
    main_days: int
    used_days: int
    main_used_days: int
    applicant_days: int
    intermediary_days: int
    suspended_days: int
    finished: bool
    todo: list[Todo]

    @property
    def left_days(self) -> int:
        return self.total_days - self.used_days

    @property
    def main_left_days(self) -> int:
        return self.main_days - self.main_used_days

    @property
    def within_total(self) -> bool:
        return self.used_days <= self.total_days

    @property
    def within_main(self) -> bool:
        return self.main_used_days <= self.main_days


def _local(at: datetime) -> date:
    return at.astimezone(clock.ZONE).date()


def _ended_on(c: Case) -> date | None:
    s = Status(c.status)
    if s in GOOD or s in FINAL:
        at = c.decided_at or c.completed_at
        return _local(at) if at else None
    return None


def _ranges(c: Case, today: date) -> tuple[list[tuple[date, date]], list[tuple[date, date]]]:
    """The applicant's pauses and the other pauses (中止) of a sub-case, the current one to today."""
    mine: list[tuple[date, date]] = []
    other: list[tuple[date, date]] = []
    for p in c.pauses or []:
        r = (date.fromisoformat(p[0]), date.fromisoformat(p[1]))
        (mine if p[2] == APPLICANT_PAUSE else other).append(r)
    if c.paused_since is not None:
        if c.status == Status.RETURNED:
            mine.append((c.paused_since, today))
        elif c.status == Status.SUSPENDED:
            other.append((c.paused_since, today))
    return mine, other


def _within(d: date, ranges: Sequence[tuple[date, date]]) -> bool:
    return any(a <= d <= b for a, b in ranges)


class _Days:
    """The working days of a span of the calendar (loaded in chunks of the calendar's limit)."""

    def __init__(self, working: list[date]) -> None:
        self.working = working

    @classmethod
    async def load(cls, region: str, start: date, end: date) -> _Days:
        from server.domain.calendar import service as calendar

        out: list[date] = []
        day = start
        while day <= end:
            stop = min(end, day + timedelta(days=365))
            out += [d.date for d in await calendar.calendar_days(region=region, start=day, end=stop) if d.working]
            day = stop + timedelta(days=1)
        return cls(out)

    def between(self, after: date, until: date) -> list[date]:
        return [d for d in self.working if after < d <= until]

    def add(self, start: date, days: int) -> date:
        """The working day ``days`` working days after ``start`` (``start`` itself when 0)."""
        later = [d for d in self.working if d > start]
        return later[days - 1] if 0 < days <= len(later) else (later[-1] if later and days > 0 else start)


def _classify(subs: Sequence[Case], key_of: Mapping[int, str], intermediary: set[str], days: _Days,
              today: date, *, to_today: bool = False) -> tuple[dict[date, str], date | None, date | None]:
    """Each working day of the sub-cases' span sorted into its kind; the span's first and last day
    (today while one runs, or ``to_today``: an item waits to be applied for again)."""
    spans = []
    for c in subs:
        if c.accepted_at is None:
            continue
        start = _local(c.accepted_at)
        end = _ended_on(c) or today
        mine, other = _ranges(c, today)
        spans.append((c, start, end, mine, other))
    if not spans:
        return {}, None, None
    first = min(s[1] for s in spans)
    running = to_today or any(_ended_on(c) is None for c in subs)
    last = today if running else max(s[2] for s in spans)
    kinds: dict[date, str] = {}
    for d in days.between(first, last):
        seen = set()
        for c, start, end, mine, other in spans:
            if not start < d <= end:
                continue
            if _within(d, mine):
                seen.add(APPLICANT)
            elif _within(d, other):
                seen.add(SUSPENDED)
            elif key_of.get(c.id) in intermediary:
                seen.add(INTERMEDIARY)
            else:
                seen.add(CLOCK)
        kinds[d] = next((k for k in (CLOCK, APPLICANT, INTERMEDIARY, SUSPENDED) if k in seen), APPLICANT)
        # a day with nothing running inside the span: an item waits to be applied for again
    return kinds, first, last


def _count(kinds: Mapping[date, str], kind: str) -> int:
    return sum(1 for k in kinds.values() if k == kind)


def todo_of(bundle: CaseBundle, latest: Mapping[str, Case], states: Mapping[str, str]) -> list[Todo]:
    out = []
    for it in bundle_flow.plan_items(bundle.plan):
        c = latest.get(it["key"])
        if c is None:
            continue
        s = Status(c.status)
        if s == Status.RETURNED:
            out.append(Todo(it["stage"], it["name"], c.id, "resubmit", c.correction_note,
                            "按退回意见补正后重新提交该事项（补正期间不计入办理时限）"))
        elif s == Status.CORRECTION_REQUESTED:
            out.append(Todo(it["stage"], it["name"], c.id, "correct", c.correction_note,
                            "按一次性告知补正材料后提交，窗口重新受理"))
        elif s in BAD_END and states.get(it["key"]) == bundle_flow.FAILED and bundle.withdrawn_at is None:
            out.append(Todo(it["stage"], it["name"], c.id, "reapply", c.decision_reason or "未获办理",
                            "在主题办件中重新申请该事项，办成后暂缓的事项自动开始办理"))
    return out


async def project_time(bundle: CaseBundle, subs: Sequence[Case], project: ConstructionProject, *,
                       today: date | None = None) -> ProjectTime:
    """The project's time now: every stage against its share of the budget, the main process and
    the whole; off-clock days (the applicant's, intermediary services', suspensions) apart; what the
    applicant must do."""
    today = today or clock.today()
    latest = bundle_flow.latest_subs(bundle.plan, subs)
    states = bundle_flow.item_states(bundle.plan, latest)
    returned = bundle_flow.sent_back(latest)
    key_by_pos = {(it["stage"], it["item_id"]): it["key"] for it in bundle_flow.plan_items(bundle.plan)}
    key_of = {c.id: key_by_pos.get((c.bundle_stage, c.item_id), "") for c in subs}
    inter = set(project.intermediary)
    start = _local(bundle.accepted_at) if bundle.accepted_at else today
    horizon = max(today, start) + timedelta(days=2 * project.total_days + 60)
    days = await _Days.load(bundle.region_code, start - timedelta(days=1), horizon)
    stages: list[StageTime] = []
    cursor = max(today, start)
    all_kinds: dict[date, str] = {}
    main_kinds: dict[date, str] = {}
    rank = {CLOCK: 0, APPLICANT: 1, INTERMEDIARY: 2, SUSPENDED: 3}
    for st in bundle.plan:
        number, key = int(st["stage"]), st["key"]
        mine = [c for c in subs if c.bundle_stage == number]
        keys = [it["key"] for it in st.get("items", [])]
        reapply = bundle.withdrawn_at is None and any(states[k] == bundle_flow.FAILED for k in keys)
        kinds, first, last = _classify(mine, key_of, inter, days, today, to_today=reapply)
        t = StageTime(number=number, key=key, name=st["name"], lead_department_code=st.get("lead_department_code"),
                      main=key in project.main_stages, budget_days=int(project.stage_days.get(key, 0)),
                      used_days=_count(kinds, CLOCK), applicant_days=_count(kinds, APPLICANT),
                      intermediary_days=_count(kinds, INTERMEDIARY), suspended_days=_count(kinds, SUSPENDED),
                      started_on=first)
        item_states = [states[k] for k in keys]
        if any(s == bundle_flow.HELD for s in item_states):
            t.status = "held"
            t.held_by = list(dict.fromkeys(n for k in keys if states[k] == bundle_flow.HELD
                                           for n in bundle_flow.holders(bundle.plan, states, k, returned=returned)))
        elif any(k in returned or (latest.get(k) is not None and latest[k].status == Status.CORRECTION_REQUESTED)
                 or states[k] == bundle_flow.FAILED for k in keys):
            t.status = "with_applicant"
        elif item_states and all(s == bundle_flow.COMPLETED for s in item_states):
            t.status, t.ended_on = "done", last
        elif first is not None:
            t.status = "running"
        # planned: from its start (or the end of the one before, or today) its share of working
        # days on the clock, its off-clock days added
        t.planned_start = first or cursor
        t.planned_end = days.add(t.planned_start, t.budget_days + t.applicant_days + t.intermediary_days
                                 + t.suspended_days)
        cursor = t.ended_on or t.planned_end
        for d, k in kinds.items():
            for target in ([all_kinds, main_kinds] if t.main else [all_kinds]):
                if d not in target or rank[k] < rank[target[d]]:
                    target[d] = k
        stages.append(t)
    finished = bool(latest) and all(s in (bundle_flow.COMPLETED,) for s in states.values())
    return ProjectTime(
        stages=stages, total_days=project.total_days, main_days=project.main_days, used_days=_count(all_kinds, CLOCK),
        main_used_days=_count(main_kinds, CLOCK), applicant_days=_count(all_kinds, APPLICANT),
        intermediary_days=_count(all_kinds, INTERMEDIARY), suspended_days=_count(all_kinds, SUSPENDED),
        finished=finished, todo=todo_of(bundle, latest, states),
    )
