"""工程建设项目审批 (the seeded theme ``construction-approval``) over a simulated month of applications.

``count`` projects arrive on the working days of :data:`MONTH` (the loaded calendar: holidays
skipped), between 9:00 and 16:00; a :data:`GOVERNMENT_SHARE` of them are government investment
(main process 70 working days), the rest social investment (45); their answers are drawn (备案 or
核准, 出让 or 划拨, 人防, 特殊消防), and each carries a 项目代码 of the type its answers call for.
Each is applied for with its project and accepted at the window; then every sub-case that opens is
decided by its department's reviewer after a seeded random delay in working days — a share of its
committed limit (:data:`REVIEW_SHARE`, longer for government projects; a :data:`SLOW` few take two to
three and a half times it) — except the drawings
review (施工图审查), an intermediary service, which takes :data:`INTERMEDIARY_DAYS`. With
probability :data:`SEND_BACK` an item is sent back to the applicant during review (the
construction-planning permit more often), who resubmits after :data:`APPLICANT_DAYS` working days;
the reviewer decides :data:`AFTER_RESUBMIT` days later.

Time is a fake clock (the one seam of ``server.clock``) moved from event to event in time order,
never slept. Everything goes through the real domain functions: ``bundles.submit`` with the
project, ``bundles.accept``, ``review.claim`` / ``review.approve``, ``sendback.send_back`` /
``sendback.resubmit``; the bundle flow opens the stages. The figures are the ones the graph shows
(``construction.project_time``): working days on the clock per stage, the main process and the
whole, with the applicant's and intermediary days apart.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

THEME = "construction-approval"
MONTH = (2025, 3)  # March 2025: 21 working days
GOVERNMENT_SHARE = 0.3
REVIEW_SHARE = {"social": (0.3, 1.2), "government": (0.5, 1.6)}  # × the item's committed limit, in working days
SLOW = (0.05, (2.0, 3.5))  # a share of reviews takes this many times the committed limit (expert opinions, site visits)
INTERMEDIARY_DAYS = (5, 20)  # 施工图审查 by the drawings review agency
SEND_BACK = {"planning_permit": 0.35, "*": 0.06}  # chance an item is sent back for correction during review
APPLICANT_DAYS = (2, 12)  # working days until the applicant resubmits
AFTER_RESUBMIT = (1, 3)
NAMES = {"land": "立项用地规划许可", "planning": "工程建设许可", "construction": "施工许可", "acceptance": "竣工验收"}


@dataclass
class Project:
    n: int
    arrival: datetime
    kind: str
    answers: dict[str, str]
    bundle_id: int = 0
    scheduled: set[int] = field(default_factory=set)
    sent_back: int = 0


def _code(n: int, kind: str, answers: dict[str, str]) -> str:
    t = "01" if kind == "government" else ("02" if answers["approval"] == "approval" else "03")
    return f"2025-371500-{rng_industry(n)}-{t}-{n + 1:06d}"


def rng_industry(n: int) -> str:
    return ("47", "48", "70", "44", "34")[n % 5]  # 房屋建筑业, 土木工程, 房地产, 电力, 通用设备


async def simulate(count: int, *, rng: random.Random, say: Callable[[str], None]) -> dict[str, Any]:
    import server.clock
    from server.clock import ZONE
    from server.domain.calendar import service as calendar
    from server.domain.cases import bundle_flow, bundles, review, sendback
    from server.domain.cases.models import Case, CaseBundle
    from server.domain.catalog.models import ItemVersion
    from server.domain.construction import service as construction
    from server.domain.construction.models import ConstructionProject
    from server.domain.themes.resolve import resolve
    from server.domain.themes.service import published_version
    from tests import factories as f
    from tests.bundles import helpers as t

    version = await published_version(code=THEME)
    assert version is not None, f"the seeded theme {THEME} is not published"
    clerk = await f.staff("city_clerk")
    first = date(*MONTH, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    working: list[date] = []
    day = first
    while day < first + timedelta(days=720):
        stop = day + timedelta(days=365)
        working += [d.date for d in await calendar.calendar_days(region="371500", start=day, end=stop) if d.working]
        day = stop + timedelta(days=1)
    arrivals_days = [d for d in working if d <= last]
    now = {"t": datetime.combine(first, time(8, 0), ZONE)}
    real = server.clock._utc_now
    server.clock._utc_now = lambda: now["t"].astimezone(UTC)

    def wd_after(start: datetime, days: int) -> datetime:
        later = [d for d in working if d > start.astimezone(ZONE).date()]
        d = later[max(0, days) - 1] if days > 0 else start.astimezone(ZONE).date()
        return datetime.combine(d, time(rng.randint(9, 16), rng.randint(0, 59)), ZONE)

    def arrival() -> datetime:
        d = rng.choice(arrivals_days)
        return datetime.combine(d, time(9, 0), ZONE) + timedelta(minutes=rng.randint(0, 7 * 60))

    projects = []
    for n in range(count):
        kind = "government" if rng.random() < GOVERNMENT_SHARE else "social"
        answers = {"approval": "approval" if rng.random() < 0.3 else "filing",
                   "land": "allocation" if rng.random() < 0.2 else "transfer",
                   "civil_defence": "yes" if rng.random() < 0.4 else "no", "fire": "yes" if rng.random() < 0.3 else "no"}
        projects.append(Project(n, arrival(), kind, answers))
    projects.sort(key=lambda p: p.arrival)
    for i, p in enumerate(projects):
        p.n = i
    queue: list[tuple[datetime, int, str, int, int]] = []
    seq = 0
    limits: dict[int, int] = {}

    def at(when: datetime, what: str, p: Project, case_id: int = 0) -> None:
        nonlocal seq
        seq += 1
        heapq.heappush(queue, (when, seq, what, p.n, case_id))

    async def key_of(b: CaseBundle, c: Case) -> str:
        return next(it["key"] for it in bundle_flow.plan_items(b.plan)
                    if it["stage"] == c.bundle_stage and it["item_id"] == c.item_id)

    async def opened(p: Project) -> None:
        b = await CaseBundle.get(id=p.bundle_id)
        for c in await Case.filter(bundle_id=p.bundle_id, status="accepted").order_by("id"):
            if c.id in p.scheduled:
                continue
            p.scheduled.add(c.id)
            key = await key_of(b, c)
            if key == "drawings":
                at(wd_after(now["t"], rng.randint(*INTERMEDIARY_DAYS)), "review", p, c.id)
                continue
            if c.version_id not in limits:
                v = await ItemVersion.get(id=c.version_id)
                limits[c.version_id] = max(1, v.committed_limit if v.committed_unit == "working_day" else 5)
            lo, hi = REVIEW_SHARE[p.kind]
            if rng.random() < SLOW[0]:
                lo, hi = SLOW[1]
            days = max(1, round(limits[c.version_id] * rng.uniform(lo, hi)))
            if rng.random() < SEND_BACK.get(key, SEND_BACK["*"]):
                at(wd_after(now["t"], max(1, days // 2)), "send_back", p, c.id)
            else:
                at(wd_after(now["t"], days), "review", p, c.id)

    async def decide(c: Case) -> None:
        r = await t.reviewer(c.department_code)
        for _ in range(12):
            if c.status == "approved":
                return
            if c.status == "accepted":
                c = await review.claim(actor=r, settings=None, case_id=c.id)
            c = await review.approve(actor=r, settings=None, case_id=c.id, opinion="同意")
        raise AssertionError(f"case {c.id} not approved")

    try:
        b0 = await resolve(version=version, answers={"approval": "filing", "land": "transfer", "civil_defence": "no",
                                                      "fire": "no"})
        assert b0.stages, "the theme resolves"
        for p in projects:
            at(p.arrival, "arrive", p)
        ended = 0
        while queue:
            when, _, what, n, case_id = heapq.heappop(queue)
            p = projects[n]
            now["t"] = max(now["t"], when)
            if what == "arrive":
                a = await t.applicant()
                resolved = await resolve(version=version, answers=p.answers)
                files = [bundles.MaterialFile(m.key, await f.upload(a.actor, m.name)) for m in resolved.materials
                         if m.necessity != "optional" and not m.generated]
                app = bundles.ThemeApplication(
                    theme_id=version.theme_id, answers=p.answers, form_data=t.form_for(resolved.form), materials=files,
                    enterprise_id=a.enterprise.id,
                    project=construction.ProjectInput(_code(p.n, p.kind, p.answers), p.kind, f"聊城市模拟建设地点 {p.n + 1} 号"))
                b = (await bundles.submit(actor=a.actor, settings=None, idempotency_key=f.key(), app=app)).bundle
                await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
                p.bundle_id = b.id
                p.applicant = a  # type: ignore[attr-defined]
                await opened(p)
                continue
            c = await Case.get(id=case_id)
            if what == "send_back":
                r = await t.reviewer(c.department_code)
                c = await review.claim(actor=r, settings=None, case_id=c.id)
                await sendback.send_back(actor=r, settings=None, case_id=c.id, reason="申请材料与设计方案不一致，请更正后重新提交")
                p.sent_back += 1
                at(wd_after(now["t"], rng.randint(*APPLICANT_DAYS)), "resubmit", p, c.id)
                continue
            if what == "resubmit":
                await sendback.resubmit(actor=p.applicant.actor, settings=None, case_id=c.id, note="已按要求更正")  # type: ignore[attr-defined]
                at(wd_after(now["t"], rng.randint(*AFTER_RESUBMIT)), "review", p, c.id)
                continue
            await decide(c)
            await opened(p)
            if not await Case.filter(bundle_id=p.bundle_id).exclude(status__in=["approved", "completed"]).exists():
                ended += 1
                if ended % 10 == 0 or ended == count:
                    say(f"… {ended}/{count} projects finished (simulated {now['t']:%Y-%m-%d})")
        end = now["t"]
        ids = [p.bundle_id for p in projects]
        rows = {b.id: b for b in await CaseBundle.filter(id__in=ids)}
        subs = await bundles.subs_of(ids)
        rows_p = {r.bundle_id: r for r in await ConstructionProject.filter(bundle_id__in=ids)}
        times = {i: await construction.project_time(rows[i], subs[i], rows_p[i], today=end.date()) for i in ids}
    finally:
        server.clock._utc_now = real

    elapsed = [float(times[p.bundle_id].used_days) for p in projects]
    stages: dict[str, list[float]] = {}
    for p in projects:
        for s in times[p.bundle_id].stages:
            stages.setdefault(NAMES.get(s.key, s.name), []).append(float(s.used_days))
    for label, attr in (("main process", "main_used_days"), ("applicant (off the clock)", "applicant_days"),
                        ("intermediary (off the clock)", "intermediary_days")):
        stages[label] = [float(getattr(times[p.bundle_id], attr)) for p in projects]
    for kind in ("social", "government"):
        stages[f"main process, {kind}"] = [float(times[p.bundle_id].main_used_days) for p in projects if p.kind == kind]
    over = [f"{NAMES.get(s.key, s.name)} {sum(1 for p in projects for x in times[p.bundle_id].stages if x.key == s.key and x.over)}"
            for s in times[projects[0].bundle_id].stages]
    return {
        "flow": f"工程建设项目审批 ({THEME})", "unit": "working days", "budget": 100,
        "budget_label": "100 working days, whole process",
        "elapsed": elapsed, "within": [times[p.bundle_id].within_total for p in projects], "stages": stages,
        "extra": {"main process (45 social / 70 government)": [times[p.bundle_id].within_main for p in projects],
                  "main process, social (45)": [times[p.bundle_id].within_main for p in projects if p.kind == "social"],
                  "main process, government (70)": [times[p.bundle_id].within_main for p in projects
                                                    if p.kind == "government"]},
        "notes": [
            f"{count} projects over {len(arrivals_days)} working days of {first:%Y-%m} "
            f"({sum(1 for p in projects if p.kind == 'government')} government, "
            f"{sum(1 for p in projects if p.kind == 'social')} social); the last finished {end:%Y-%m-%d}",
            f"sent back during review {sum(p.sent_back for p in projects)} times in "
            f"{sum(1 for p in projects if p.sent_back)} projects; finished "
            f"{sum(1 for p in projects if times[p.bundle_id].finished)}",
            "stages over their share of the budget: " + ", ".join(over),
        ],
    }
