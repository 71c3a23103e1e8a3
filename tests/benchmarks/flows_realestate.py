"""二手房转移登记 · 水电气暖网联动过户 (the seeded theme ``second-hand-house``, budget three working
days) over a simulated month.

``count`` transfers arrive over the hall hours of every working day of :data:`MONTH` on the loaded
calendar (October 2025: the National Day holiday 1–8 October skipped, the make-up Saturday 11
October counted). Each buyer applies naming the seller (a second citizen); every utility is asked
for (water, power, gas, heating, broadband), the housing fund by a share of them. Then, each step
after a seeded random delay in working hours of the hall:

- the window accepts (0.05–0.5 h); the tax department records the deed tax (0.5–4 h); the seller
  signs in and confirms (0–12 h); the registry's online review passes (审核, 1–6 h);
- the buyer books the on-site verification (0.1–2 h after the review): later that day (30%), the
  next working day (50%), the one after (15%) or the third (5%), taking the next free slot when the
  one wanted is full (the real appointments: a
  slot holds as many visits as the hall has windows for the registry, see ``--counters``);
- at the visit (0–20 minutes into the slot) the registry verifies and registers (登簿, 0.1–0.4 h,
  or as soon as the deed tax and the seller's confirmation are there);
- the utilities receive their sub-cases through the signed exchange (delivered over HTTP to a loopback
  peer verifying the signatures) and answer through the inbound handlers: accepted within
  0.05–0.5 h, decided after :data:`DECIDES` working hours; the housing fund by its reviewer (1–8 h).

Time is a fake clock (the one seam of ``server.clock``, moved from event to event, never slept).
Elapsed working days are the bundle's, from acceptance to its last item's decision, on the hall's
hours (``server.domain.calendar.hours.Meter``) divided by the hall's day; a stage's and a step's
from its start (acceptance; the review for the wait for the visit; the registration for the
utilities) to its end.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from tests.benchmarks.flows_startup import WorkingTime, arrivals

ARG = "transfers"  # the command-line option giving the count (tests/benchmarks/flows.py)
THEME = "second-hand-house"
MONTH = (2025, 10)
STEPS = {"accept": (0.05, 0.5), "tax": (0.5, 4.0), "confirm": (0.0, 12.0), "review": (1.0, 6.0), "book": (0.1, 2.0),
         "register": (0.1, 0.4), "takes": (0.05, 0.5), "fund": (1.0, 8.0)}
DECIDES = {"water": (0.5, 4.0), "power": (0.2, 2.0), "gas": (1.0, 8.0), "heat": (1.0, 6.0), "broadband": (0.5, 6.0)}
FUND_SHARE = 0.3
SLOTS = ("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00",
         "16:30")
NAMES = {"stage1": "交易与登记（受理→登簿）", "tax": "契税（受理→完税）", "confirm": "出卖人确认（受理→确认）",
         "review": "网上审核（受理→审核通过）", "visit": "现场核验（审核→核验）", "stage2": "联动过户（登簿→全部办结）",
         "water": "供水", "power": "供电", "gas": "燃气", "heat": "供热", "broadband": "宽带", "fund": "公积金提取"}


@dataclass
class Transfer:
    n: int
    arrival: datetime
    answers: dict[str, str]
    sale: Any = None
    at: dict[str, datetime] = field(default_factory=dict)  # step → when it happened
    waiting: set[int] = field(default_factory=set)  # utility and fund sub-cases not yet decided
    key_of: dict[int, str] = field(default_factory=dict)


async def _counters(hall_code: str, wanted: int, say: Callable[[str], None]) -> int:
    """At least ``wanted`` windows of the hall serving the registry (the visits one slot holds)."""
    from server.domain.catalog.models import Window

    serving = [w for w in await Window.filter(hall_id=hall_code) if "371500-BDCDJ" in (w.department_codes or [])]
    for i in range(len(serving), wanted):
        await Window.create(hall_id=hall_code, number=f"CX{i + 1:02d}", name=f"不动产登记现场核验窗口{i + 1}", kind="real_estate",
                            department_codes=["371500-BDCDJ"])
    if wanted > len(serving):
        say(f"the hall {hall_code} had {len(serving)} windows for the registry; opened {wanted - len(serving)} more")
    return max(wanted, len(serving))


async def simulate(count: int, *, rng: random.Random, say: Callable[[str], None], counters: int = 6) -> dict[str, Any]:
    import server.clock
    from server.clock import ZONE
    from server.domain.calendar import hours
    from server.domain.calendar import service as calendar
    from server.domain.cases import bundles, realestate
    from server.domain.cases.models import Case, CaseBundle
    from server.domain.catalog.models import Hall
    from server.domain.errors import DomainError
    from server.domain.exchange import inbound, signing
    from server.domain.exchange.models import ExchangeMessage
    from tests import factories as f
    from tests.bundles import helpers as t
    from tests.bundles import realestate as r
    from tests.exchange.peer import Peer, running

    v = await r.version()
    clerk = await f.staff("city_clerk")
    first = date(*MONTH, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    days = await calendar.calendar_days(region="371500", start=first, end=last + timedelta(days=60))
    working_all = {d.date for d in days if d.working}
    working = sorted(d for d in working_all if d <= last)
    now = {"t": datetime.combine(first, time(8, 0), ZONE)}
    real = server.clock._utc_now
    server.clock._utc_now = lambda: now["t"].astimezone(UTC)
    utility_of = {code: k for k, code in r.UTILITIES.items()}
    full = 0

    def move_to(when: datetime) -> None:
        now["t"] = max(now["t"], when)

    try:
        peer = Peer(secrets=[])
        async with running(peer), r.utility_partners({k: peer.url for k in r.UTILITIES}) as partners:
            peer.secrets = [p.keys[0]["secret"] for p in partners.values()]
            by_code = {p.code: p for p in partners.values()}
            hall_code = clerk.hall_code or ""
            hall = await Hall.get_or_none(code=hall_code)
            sessions = tuple(hours.sessions_of(hall.hours if hall else None))
            wt = WorkingTime(working_all, sessions)
            day_hours = hours.day_hours(sessions)
            seats = await _counters(hall_code, counters, say)
            say(f"{len(working)} working days in {first:%Y-%m}, the hall's day {day_hours:g} h; "
                f"{seats} visits per half-hour slot")

            ts = [Transfer(n, at, {"gas": "yes", "heat": "yes", "broadband": "yes",
                                   "fund": "yes" if rng.random() < FUND_SHARE else "no"})
                  for n, at in enumerate(arrivals(count, rng, working, sessions))]
            queue: list[tuple[datetime, int, str, int, int]] = []
            seq = 0

            def at(when: datetime, what: str, s: Transfer, case_id: int = 0) -> None:
                nonlocal seq
                seq += 1
                heapq.heappush(queue, (when, seq, what, s.n, case_id))

            def later(step: str) -> datetime:
                return wt.after(now["t"], rng.uniform(*STEPS[step]))

            async def answer(c: Case, event: str, data: dict[str, Any]) -> None:
                p = by_code[c.partner_code or ""]
                raw = signing.encode({"event": event, "data": {"case_number": c.number, **data}})
                headers = signing.sign(raw, message_id=signing.new_message_id(), secrets_in_use=[p.keys[0]["secret"]])
                got = await inbound.receive(p.code, raw, headers, settings=None)
                assert got.status == 200 and got.body.get("applied"), got.body

            async def book(s: Transfer) -> datetime:
                """The slot wanted — later today (30%), on the next working day (50%), the one after (15%) or
                the third (5%) — or else the next free one after it."""
                nonlocal full
                today = now["t"].date()
                soon = (now["t"] + timedelta(hours=1)).strftime("%H:%M")
                ahead = sorted(d for d in working_all if today < d <= today + timedelta(days=20))
                options = ([today] if today in working_all and soon <= SLOTS[-1] else []) + ahead[:3]
                weights = [30, 50, 15, 5][-len(options):] if len(options) < 4 else [30, 50, 15, 5]
                day = rng.choices(options, weights=weights)[0]
                start = rng.choice([x for x in SLOTS if day > today or x >= soon])
                for d in [x for x in [today, *ahead] if x >= day]:
                    for slot in [x for x in SLOTS if (d > day or x >= start) and (d > today or x >= soon)]:
                        try:
                            visit = await r.book(s.sale, d, slot)
                        except DomainError as e:
                            if e.code != "FULL":
                                raise
                            full += 1
                            continue
                        assert visit.status == "booked"
                        hh, mm = map(int, slot.split(":"))
                        return datetime.combine(d, time(hh, mm), ZONE)
                raise AssertionError("no free slot in 20 days")

            async def try_register(s: Transfer) -> None:
                if "registered" in s.at or not {"visit", "tax", "confirm"} <= set(s.at):
                    return
                await r.register(s.sale.bundle)
                s.at["registered"] = now["t"]
                for c in await Case.filter(bundle_id=s.sale.bundle.id, bundle_stage=2).order_by("id"):
                    s.waiting.add(c.id)
                    k = utility_of.get(c.basic_code, "fund")
                    s.key_of[c.id] = k
                    if k == "fund":
                        at(later("fund"), "fund", s, c.id)
                        continue
                    assert c.partner_code, c.basic_code
                    taken = later("takes")
                    at(taken, "takes", s, c.id)
                    at(wt.after(taken, rng.uniform(*DECIDES[k])), "decides", s, c.id)

            for s in ts:
                at(s.arrival, "arrive", s)
            ended = 0
            while queue:
                when, _, what, n, case_id = heapq.heappop(queue)
                s = ts[n]
                move_to(when)
                b: Any = s.sale.bundle if s.sale else None
                if what == "arrive":
                    buyer, seller = await r.people()
                    s.sale = await r.apply(buyer, seller, answers=s.answers, v=v)
                    at(later("accept"), "accept", s)
                elif what == "accept":
                    s.sale.bundle = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
                    s.at["accepted"] = now["t"]
                    for step in ("tax", "confirm", "review"):
                        at(later(step), step, s)
                elif what == "tax":
                    await r.pay_tax(b, receipt=f"SW{s.n:012d}")
                    s.at["tax"] = now["t"]
                    await try_register(s)
                elif what == "confirm":
                    await realestate.confirm_party(actor=f.as_citizen(s.sale.seller), settings=None, bundle_id=b.id)
                    s.at["confirm"] = now["t"]
                    await try_register(s)
                elif what == "review":
                    await r.online_review(b)
                    s.at["review"] = now["t"]
                    at(later("book"), "book", s)
                elif what == "book":
                    slot = await book(s)
                    at(slot + timedelta(minutes=rng.uniform(0, 20)), "visit", s)
                elif what == "visit":
                    await r.verify(b)
                    s.at["visit"] = now["t"]
                    at(later("register"), "register", s)
                elif what == "register":
                    await try_register(s)
                else:
                    c = await Case.get(id=case_id)
                    if what == "takes":
                        await answer(c, "case.accepted", {"number": f"U-{c.id}"})
                        continue
                    if what == "decides":
                        await answer(c, "case.decided", {"decision": "approved", "result_number": f"R-{c.id}"})
                    else:  # the housing fund's reviewer
                        await t.finish(c)
                    s.waiting.discard(c.id)
                    s.at[s.key_of[c.id]] = now["t"]
                    if not s.waiting:
                        ended += 1
                        if ended % 100 == 0 or ended == count:
                            say(f"… {ended}/{count} transfers finished (simulated {now['t']:%m-%d %H:%M})")
            undelivered = await ExchangeMessage.filter(direction="out", case_id__in=[
                cid for s in ts for cid in s.key_of]).exclude(status="delivered").count()
            delivered = len(peer.received)
    finally:
        server.clock._utc_now = real

    ids = [s.sale.bundle.id for s in ts]
    rows = {b.id: b for b in await CaseBundle.filter(id__in=ids)}
    subs = await bundles.subs_of(ids)
    meter = await hours.Meter.load(region="371500", sessions=sessions, start=first, end=last + timedelta(days=60))

    def days_between(a: datetime, b: datetime) -> float:
        return meter.between(a, b) / day_hours

    elapsed: list[float] = []
    used: list[int] = []
    order = [NAMES["stage1"], *("  └ " + NAMES[k] for k in ("tax", "confirm", "review", "visit")), NAMES["stage2"],
             *("  └ " + NAMES[k] for k in (*r.UTILITIES, "fund"))]
    stages: dict[str, list[float]] = {k: [] for k in order}
    for s in ts:
        b = rows[s.sale.bundle.id]
        view = bundles.view(b, subs[b.id])
        end = bundles.finished_at(view)
        assert end is not None and b.accepted_at is not None, f"bundle {b.number} did not finish"
        elapsed.append(days_between(b.accepted_at, end))
        used.append(await bundles.working_days_used(view) or 0)
        stages[NAMES["stage1"]].append(days_between(b.accepted_at, s.at["registered"]))
        for k in ("tax", "confirm", "review"):
            stages["  └ " + NAMES[k]].append(days_between(b.accepted_at, s.at[k]))
        stages["  └ " + NAMES["visit"]].append(days_between(s.at["review"], s.at["visit"]))
        stages[NAMES["stage2"]].append(days_between(s.at["registered"], end))
        for k in (*r.UTILITIES, "fund"):
            if k in s.at:
                stages["  └ " + NAMES[k]].append(days_between(s.at["registered"], s.at[k]))
    budget = float(rows[ids[0]].budget_value)
    return {
        "flow": f"二手房转移登记 · 水电气暖网联动过户 ({THEME})", "unit": "working days", "budget": budget,
        "budget_label": f"{budget:g} working days",
        "elapsed": elapsed, "within": [d <= budget for d in elapsed], "stages": {k: v for k, v in stages.items() if v},
        "extra": {"2 working days": [d <= 2 for d in elapsed], "workingDaysUsed ≤ 3 (whole days)": [u <= 3 for u in used]},
        "notes": [
            f"{count} transfers over {len(working)} working days of {first:%Y-%m}; {seats} visits per slot, "
            f"{full} wanted slots found full (the next free one taken)",
            f"utility messages delivered {delivered}, undelivered {undelivered}; housing fund withdrawals "
            f"{sum(1 for s in ts if 'fund' in s.at)}",
            "one visit each: the on-site verification (registration at the visit, results by parcel)",
        ],
    }
