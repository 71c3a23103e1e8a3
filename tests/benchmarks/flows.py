"""Flows benchmark: whole "one thing" flows over a simulated month, measured against their budgets.

Each flow in :data:`FLOWS` is a module with ``async def simulate(count, *, rng, say) -> dict`` that
drives ``count`` applications through the real domain functions on a fake clock (the one seam of
``server.clock`` moved from event to event, never slept) and returns::

    {"flow": name, "unit": "working hours", "budget": hours, "elapsed": [h, …], "within": [bool, …],
     "stages": {stage: [h, …]}, "extra": {label: [bool, …]}, "notes": [line, …]}

What it prints, per flow: the share within budget and within each ``extra`` measure, and p50 / p90
of the elapsed working hours (or days) overall and per stage. Flows so far: 企业开办 (tests/benchmarks/
flows_startup.py: the partners answer through the signed exchange's inbound handlers); 二手房转移登记 ·
水电气暖网联动过户 (tests/benchmarks/flows_realestate.py: the seller's confirmation, the deed tax, the
on-site verification booked through the appointments, the utilities over the signed exchange); 工程建设
项目审批 (tests/benchmarks/flows_construction.py: 100 projects, reviews, send-backs, intermediary
services, in working days against the 100-day and main-process budgets).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/flows.py [--startups N] [--transfers N] [--projects N]
        [--only startup|realestate|construction] [--counters K] [--seed S] [--database-url URL]

The default database is a fresh SQLite file, migrated and seeded (progress shown on stderr).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks import flows_construction, flows_realestate, flows_startup  # noqa: E402

FLOWS: list[Any] = [flows_startup, flows_realestate, flows_construction]
COUNTS = {"flows_startup": "startups", "flows_realestate": "transfers", "flows_construction": "projects"}
"""Which command-line count each flow simulates (``--startups``, ``--transfers``, ``--projects``)."""


def pct(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def share(flags: list[bool]) -> str:
    return f"{sum(flags)}/{len(flags)} = {100 * sum(flags) / len(flags):.1f}%" if flags else "–"


def table(r: dict[str, Any]) -> str:
    lines = [f"\n{r['flow']}: budget {r['budget']:g} {r['unit']}, {len(r['elapsed'])} applications"]
    label = "within budget (" + r.get("budget_label", "one working day") + ")"
    lines.append(f"  {pad(label, 34)} {share(r['within'])}")
    for label, flags in r.get("extra", {}).items():
        lines.append(f"  {pad('within ' + label, 34)} {share(flags)}")
    head = f"  {pad(r['unit'], 34)} {'n':>6} {'p50':>7} {'p90':>7} {'max':>7}"
    lines += [head, "  " + "-" * (len(head) - 2)]
    rows = [("overall", r["elapsed"]), *r["stages"].items()]
    for name, values in rows:
        lines.append(f"  {pad(name, 34)} {len(values):>6} {pct(values, 50):>7.2f} {pct(values, 90):>7.2f} "
                     f"{max(values) if values else float('nan'):>7.2f}")
    lines += ["  " + n for n in r.get("notes", [])]
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> int:
    import logging

    from server.__main__ import migrate_db, seed_all
    from server.db import close_db, init_db

    logging.getLogger("liaoyi").setLevel(logging.ERROR)

    def say(message: str) -> None:
        print("  " + message, file=sys.stderr, flush=True)

    url = args.database_url or f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-flows-')}/bench.sqlite3"
    print("migrating and seeding …", file=sys.stderr, flush=True)
    await migrate_db(url, quiet=True)
    await init_db(url)
    try:
        await seed_all(demo=True, say=say)
        for flow in FLOWS:
            name = flow.__name__.rsplit('.', 1)[-1]
            if args.only and name not in args.only and name.removeprefix("flows_") not in args.only:
                continue
            count = getattr(args, COUNTS.get(name, "startups"))
            t0 = time.perf_counter()
            print(f"simulating {name} ×{count} …", file=sys.stderr, flush=True)
            extra = {"counters": args.counters} if flow is flows_realestate else {}
            result = await flow.simulate(count, rng=random.Random(args.seed), say=say, **extra)
            print(table(result), flush=True)
            print(f"  (simulated in {time.perf_counter() - t0:.0f} s of wall time, seed {args.seed})", flush=True)
    finally:
        await close_db()
    return 0


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", help="a database to migrate and seed (default: a fresh SQLite file)")
    p.add_argument("--startups", type=int, default=1000, help="start-ups over the month (default 1000)")
    p.add_argument("--transfers", type=int, default=1000, help="real-estate transfers over the month (default 1000)")
    p.add_argument("--projects", type=int, default=100, help="construction projects over the month (default 100)")
    p.add_argument("--counters", type=int, default=6,
                   help="windows of the hall serving the registry, i.e. visits per half-hour slot (default 6; seeded: 2)")
    p.add_argument("--only", action="append",
                   help="run only this flow (startup, realestate, construction, or the module's name); repeatable")
    p.add_argument("--seed", type=int, default=14, help="the random seed of arrivals, answers and delays")
    sys.exit(asyncio.run(main(p.parse_args())))
