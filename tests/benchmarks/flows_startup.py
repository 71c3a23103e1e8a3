"""企业开办 (the seeded theme ``enterprise-startup``, budget one working day) over a simulated month.

``count`` start-ups arrive over the hall hours of every working day of :data:`MONTH` on the loaded
calendar (national holidays skipped, make-up working days counted), a share of them between 16:00
and 17:00 so that they carry over to the next working day. Each is applied for (its answers drawn:
company type, housing fund, bank account), accepted at the window, and every step is answered after
a seeded random delay in working hours of the hall — the licence by its reviewer (0.5–3 h), tax,
social insurance and housing fund by theirs (0.2–2 h each), the seal carver (0.5–2 h) and the bank
(1–4 h) as partners. Time is a fake clock: the one seam of ``server.clock`` is moved from event to
event in time order (never slept), so every timestamp the domain writes is the simulated one.

Everything goes through the real domain functions: ``bundles.submit`` and ``bundles.accept``; the
reviewers' ``review.claim`` / ``review.approve`` (tests/bundles/helpers.py ``finish``); the later
stage opened by the bundle flow when the licence is approved; the seal and bank sub-cases forwarded
at opening through the signed exchange (``server.domain.exchange.routing``: the partners routing
those basic codes; one bank and one seal carver are created when none is active) and delivered over
HTTP to a loopback peer (tests/exchange/peer.py) that verifies the signatures; the partners answer
through the inbound handlers (``server.domain.exchange.inbound.receive``: signed ``case.accepted``,
then ``case.decided``), as their systems' POSTs to ``/exchange/<code>`` would.

Elapsed working hours are those of the bundle from acceptance to its last sub-case's end, on the
hall's hours (``server.domain.calendar.hours.Meter``, as ``bundleHourReport`` counts them); a stage's
from its opening to its last item's end, an item's from its stage's opening to its end.
"""

from __future__ import annotations

import heapq
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

THEME = "enterprise-startup"
MONTH = (2025, 9)  # September 2025: 23 working days (Sunday 28 September a make-up day), National Day after
BANK_ITEM, SEAL_ITEM = "200100010000", "100150001000"
DELAYS = {  # working hours until the step is answered
    "licence": (0.5, 3.0), "seal": (0.5, 2.0), "bank": (1.0, 4.0), "tax": (0.2, 2.0), "social": (0.2, 2.0),
    "fund": (0.2, 2.0),
}
PARTNER_TAKES = (0.05, 0.25)  # a partner's system acknowledges (case.accepted) within minutes
LATE_SHARE = 0.15  # arrivals drawn between 16:00 and 17:00
NAMES = {"licence": "营业执照", "parallel": "刻章涉税社保并联办理", "seal": "刻章", "bank": "银行开户",
         "tax": "涉税", "social": "社保", "fund": "公积金"}


class WorkingTime:
    """Working hours on a set of working days and a day's sessions: the instant ``h`` hours after a
    start (for scheduling the simulated answers)."""

    def __init__(self, working: set[date], sessions: tuple[tuple[time, time], ...]) -> None:
        from server.clock import ZONE

        self.working, self.sessions, self.zone = working, sessions, ZONE

    def after(self, start: datetime, hours: float) -> datetime:
        lo, left = start.astimezone(self.zone), hours * 3600
        day = lo.date()
        for _ in range(400):
            if day in self.working:
                for a, b in self.sessions:
                    s = max(lo, datetime.combine(day, a, self.zone))
                    e = datetime.combine(day, b, self.zone)
                    if e <= s:
                        continue
                    span = (e - s).total_seconds()
                    if span >= left:
                        return s + timedelta(seconds=left)
                    left -= span
            day += timedelta(days=1)
        raise ValueError("beyond the simulated span")


@dataclass
class StartUp:
    n: int
    arrival: datetime
    answers: dict[str, str]
    bundle_id: int = 0
    stage_opened: dict[str, datetime] = field(default_factory=dict)
    done: dict[str, datetime] = field(default_factory=dict)
    waiting: set[int] = field(default_factory=set)  # sub-case ids not yet ended


def arrivals(count: int, rng: random.Random, working: list[date],
             sessions: tuple[tuple[time, time], ...]) -> list[datetime]:
    """``count`` instants over the sessions of the working days (uniform in session time), a
    :data:`LATE_SHARE` of them between 16:00 and 17:00."""
    from server.clock import ZONE

    spans = [(datetime.combine(d, a, ZONE), datetime.combine(d, b, ZONE)) for d in working for a, b in sessions]
    total = sum((b - a).total_seconds() for a, b in spans)
    out = []
    for _ in range(count):
        if rng.random() < LATE_SHARE:
            d = rng.choice(working)
            out.append(datetime.combine(d, time(16, 0), ZONE) + timedelta(seconds=rng.uniform(0, 3600)))
            continue
        x = rng.uniform(0, total)
        for a, b in spans:
            length = (b - a).total_seconds()
            if x <= length:
                out.append(a + timedelta(seconds=x))
                break
            x -= length
    return sorted(out)


async def _partners(peer_url: str, say: Callable[[str], None]) -> dict[str, tuple[str, str]]:
    """The active partners routing the bank's and the seal carver's items (one of each created when
    missing, pointed at the loopback peer): basic code → (partner code, secret)."""
    from server import clock
    from server.domain.exchange import signing
    from server.domain.exchange.models import Partner

    out: dict[str, tuple[str, str]] = {}
    for basic, kind, name in ((BANK_ITEM, "bank", "聊城模拟开户银行"), (SEAL_ITEM, "seal_carver", "聊城模拟刻章企业")):
        found = [p for p in await Partner.filter(is_active=True).order_by("id") if basic in (p.routes or [])]
        if found:
            p = found[0]
            await Partner.filter(id=p.id).update(base_url=peer_url)
        else:
            p = await Partner.create(code=f"{kind.replace('_', '-')}-{uuid.uuid4().hex[:6]}", name=name, kind=kind,
                                     region_code="371500", base_url=peer_url, routes=[basic], timeout_seconds=5,
                                     keys=[{"id": "k1", "secret": signing.new_secret(), "created_at": clock.now().isoformat()}])
            say(f"created partner {p.code} ({name}) routing {basic}")
        out[basic] = (p.code, p.keys[0]["secret"])
    return out


async def simulate(count: int, *, rng: random.Random, say: Callable[[str], None]) -> dict[str, Any]:
    import server.clock
    from server.clock import ZONE
    from server.domain.calendar import hours
    from server.domain.calendar import service as calendar
    from server.domain.cases import bundles
    from server.domain.cases.models import Case, CaseBundle
    from server.domain.catalog.models import Hall
    from server.domain.exchange import inbound, signing
    from server.domain.exchange.models import ExchangeMessage
    from server.domain.themes.service import published_version
    from tests import factories as f
    from tests.bundles import helpers as t
    from tests.exchange.peer import Peer, running

    version = await published_version(code=THEME)
    assert version is not None, f"the seeded theme {THEME} is not published"
    clerk = await f.staff("city_clerk")
    first = date(*MONTH, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    days = await calendar.calendar_days(region="371500", start=first, end=last + timedelta(days=60))
    working_all = {d.date for d in days if d.working}
    working = sorted(d for d in working_all if d <= last)
    now = {"t": datetime.combine(first, time(8, 0), ZONE)}
    real = server.clock._utc_now
    server.clock._utc_now = lambda: now["t"].astimezone(UTC)

    def move_to(when: datetime) -> None:
        now["t"] = max(now["t"], when)

    try:
        async with running(Peer(secrets=[])) as peer:
            routes = await _partners(peer.url, say)
            peer.secrets = [s for _, s in routes.values()]
            partner_of = {code: (basic, secret) for basic, (code, secret) in routes.items()}
            hall = await Hall.get_or_none(code=clerk.hall_code or "")
            sessions = tuple(hours.sessions_of(hall.hours if hall else None))  # as bundle_flow.hall_sessions
            wt = WorkingTime(working_all, sessions)
            day_hours = hours.day_hours(sessions)
            say(f"{len(working)} working days in {first:%Y-%m}, the hall's day {day_hours:g} h "
                f"({', '.join(f'{a:%H:%M}-{b:%H:%M}' for a, b in sessions)})")

            starts = [StartUp(n, at, {"company_type": rng.choice(["llc", "llc", "llc", "jsc"]),
                                      "housing_fund": "yes" if rng.random() < 0.7 else "no",
                                      "bank_account": "yes" if rng.random() < 0.8 else "no"})
                      for n, at in enumerate(arrivals(count, rng, working, sessions))]
            queue: list[tuple[datetime, int, str, int, int]] = []  # (when, seq, what, start-up, case id)
            seq = 0
            instant: dict[str, int] = {}

            def at(when: datetime, what: str, s: StartUp, case_id: int = 0) -> None:
                nonlocal seq
                seq += 1
                heapq.heappush(queue, (when, seq, what, s.n, case_id))

            def key_of(c: Case) -> str:
                return next(k for k, code in (("licence", "010100001000"), ("seal", SEAL_ITEM), ("bank", BANK_ITEM),
                                              ("tax", "100160001000"), ("social", "200170001000"),
                                              ("fund", "200180001000")) if c.basic_code == code)

            async def opened(s: StartUp, stage: str, when: datetime) -> None:
                """Schedule the answers to the open sub-cases of the bundle not yet scheduled."""
                s.stage_opened.setdefault(stage, when)
                for c in await Case.filter(bundle_id=s.bundle_id).order_by("id"):
                    if c.id in s.waiting or key_of(c) in s.done:
                        continue
                    if c.status == "approved":  # an instant (秒批) item: approved as its stage opened
                        s.done[key_of(c)] = when
                        instant[key_of(c)] = instant.get(key_of(c), 0) + 1
                        continue
                    assert c.status == "accepted", (c.basic_code, c.status)
                    s.waiting.add(c.id)
                    lo, hi = DELAYS[key_of(c)]
                    end = wt.after(when, rng.uniform(lo, hi))
                    if c.partner_code:
                        at(min(end, wt.after(when, rng.uniform(*PARTNER_TAKES))), "partner_accepts", s, c.id)
                        at(end + timedelta(seconds=1), "partner_decides", s, c.id)
                    else:
                        at(end, "review", s, c.id)

            async def answer(c: Case, event: str, data: dict[str, Any]) -> None:
                assert c.partner_code is not None
                _, secret = partner_of[c.partner_code]
                raw = signing.encode({"event": event, "data": {"case_number": c.number, **data}})
                headers = signing.sign(raw, message_id=signing.new_message_id(), secrets_in_use=[secret])
                got = await inbound.receive(c.partner_code, raw, headers, settings=None)
                assert got.status == 200 and got.body.get("applied"), got.body

            for s in starts:
                at(s.arrival, "arrive", s)
            ended = 0
            while queue:
                when, _, what, n, case_id = heapq.heappop(queue)
                s = starts[n]
                move_to(when)
                if what == "arrive":
                    b = (await t.apply(await t.applicant(), version, s.answers)).bundle
                    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
                    s.bundle_id = b.id
                    await opened(s, "licence", now["t"])
                    continue
                c = await Case.get(id=case_id)
                if what == "partner_accepts":
                    await answer(c, "case.accepted", {"number": f"P-{c.id}"})
                    continue
                if what == "partner_decides":
                    await answer(c, "case.decided", {"decision": "approved", "result_number": f"R-{c.id}"})
                else:
                    await t.finish(c)
                s.waiting.discard(c.id)
                s.done[key_of(c)] = now["t"]
                if key_of(c) == "licence":
                    await opened(s, "parallel", now["t"])
                elif not s.waiting:
                    ended += 1
                    if ended % 50 == 0 or ended == count:
                        say(f"… {ended}/{count} start-ups finished (simulated {now['t']:%m-%d %H:%M})")
            undelivered = await ExchangeMessage.filter(direction="out").exclude(status="delivered").count()
            delivered = len(peer.received)
    finally:
        server.clock._utc_now = real

    # what the domain recorded: each bundle's end, measured on the hall's hours
    ids = [s.bundle_id for s in starts]
    rows = {b.id: b for b in await CaseBundle.filter(id__in=ids)}
    subs = await bundles.subs_of(ids)
    meter = await hours.Meter.load(region="371500", sessions=sessions, start=first, end=last + timedelta(days=60))
    items = ("seal", "bank", "tax", "social", "fund")
    elapsed: list[float] = []
    stage_hours: dict[str, list[float]] = {NAMES["licence"]: [], NAMES["parallel"]: []}
    stage_hours |= {"  └ " + NAMES[k]: [] for k in items}
    for s in starts:
        b = rows[s.bundle_id]
        end = bundles.finished_at(bundles.view(b, subs[b.id]))
        assert end is not None and b.accepted_at is not None, f"bundle {b.number} did not finish"
        elapsed.append(meter.between(b.accepted_at, end))
        stage_hours[NAMES["licence"]].append(meter.between(b.accepted_at, s.done["licence"]))
        stage_hours[NAMES["parallel"]].append(meter.between(s.stage_opened["parallel"], end))
        for k in items:
            if k in s.done:
                stage_hours["  └ " + NAMES[k]].append(meter.between(s.stage_opened["parallel"], s.done[k]))
    stage_hours = {k: v for k, v in stage_hours.items() if v}
    report = await bundles.hour_report(actor=await f.staff("city_admin"), theme_code=THEME, date_from=first,
                                       date_to=last)
    return {
        "flow": f"企业开办 ({THEME})", "unit": "working hours", "budget": day_hours,
        "elapsed": elapsed, "within": [h <= day_hours for h in elapsed], "stages": stage_hours,
        "extra": {"半个工作日内": [h * 2 <= day_hours for h in elapsed]},
        "notes": [
            f"{count} start-ups over {len(working)} working days of {first:%Y-%m}; "
            f"{sum(1 for s in starts if s.arrival.time() >= time(16)) } accepted at 16:00 or later",
            f"bank accounts {sum(1 for s in starts if 'bank' in s.done)}, housing fund "
            f"{sum(1 for s in starts if 'fund' in s.done)}; partner messages delivered {delivered}, "
            f"undelivered {undelivered}",
            "instant (秒批) at the stage's opening, no reviewer: "
            + (", ".join(f"{NAMES[k]} {v}" for k, v in instant.items()) or "none"),
            f"bundleHourReport ({first:%Y-%m}): accepted {report.accepted}, finished {report.finished}, "
            f"within a day {report.within_day}, within half a day {report.within_half_day}, "
            f"p50 {report.p50_hours} h, p90 {report.p90_hours} h",
        ],
    }

