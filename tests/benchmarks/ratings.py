"""好差评 measures over the demo month (issue 18): rating coverage, share of 差评, rectified on time,
revisit rate — each computed by :func:`server.domain.cases.rectification.measures`, the function
behind the ``ratingMeasures`` query.

What it does
    Makes a fresh SQLite database (or PostgreSQL with ``--db postgres``), migrates it and seeds the
    demo (``seed --demo``: 800 generated cases over the demo month). The generated cases carry no
    ratings, so the month's voices are simulated, deterministically per ``--seed``, through the
    domain's own channels: for each finished case a person rates with probability ``--rate-share``
    (by the SMS link — a real signed token, used once —, the QR code, or the app as the applicant),
    at levels drawn 60/25/8/4/3 % from ★5 to ★1 (a bad one with its reason); the unrated rest gets
    the default 基本满意 from the scheduled job. Each bad rating opens its rectification; the
    department finishes most (``--on-time``), appeals a few (the city upholds half), and leaves the
    rest open until the red-card job runs after the due day; the real-name bad ratings are revisited
    with probability ``--revisit``. Progress is printed as it goes; the measures at the end.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/ratings.py [--db sqlite|postgres] [--seed 18] [--rate-share 0.7]
                                                 [--on-time 0.85] [--revisit 0.9] [--pg-url URL]

This is a script, not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

LEVELS = [5] * 60 + [4] * 25 + [3] * 8 + [2] * 4 + [1] * 3
BAD_REASONS = ["窗口让我跑了两趟", "办事指南与窗口要求不一致", "等候时间太长", "工作人员态度生硬"]


def say(msg: str) -> None:
    print(msg, flush=True)


def bar(done: int, total: int, what: str) -> None:
    if total and (done == total or done % max(1, total // 10) == 0):
        say(f"  {what}: {done}/{total} ({done * 100 // total} %)")


async def fresh_database(kind: str, pg_url: str) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-bench-ratings-')}/bench.sqlite3", None
    import asyncpg

    name = f"liaoyi_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(pg_url.replace("postgres://", "postgresql://"))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return pg_url.rsplit("/", 1)[0] + "/" + name, name


async def simulate(args: argparse.Namespace) -> int:
    from tortoise.expressions import Q
    from tortoise.transactions import in_transaction

    from server.__main__ import migrate_db, seed_command
    from server.db import close_db, init_db
    from server.domain.accounts.roles import Actor, Role
    from server.domain.cases import clock, ratings, rectification
    from server.domain.cases.models import Case, Rectification
    from server.domain.cases.states import RATEABLE
    from server.domain.catalog.models import Region
    from server.domain.errors import DomainError
    from server.settings import Settings

    rng = random.Random(args.seed)
    url, created = await fresh_database(args.db, args.pg_url)
    say(f"database: {url}")
    t0 = time.perf_counter()
    await migrate_db(url, quiet=True)
    await init_db(url)
    try:
        await seed_command(demo=True, say=lambda _m: None)  # what `seed --demo` does: 800 demo cases
        say(f"migrated and seeded the demo in {time.perf_counter() - t0:.1f} s")
        settings = Settings(env="test", database_url=url, secret_key="bench-ratings-" + "x" * 32)
        finished = await Case.filter(status__in=list(RATEABLE), bundle_id=None).order_by("id")
        say(f"finished cases in the demo month: {len(finished)}")
        given = 0
        for n, case in enumerate(finished, 1):
            bar(n, len(finished), "people rating")
            if rng.random() >= args.rate_share:
                continue
            level = rng.choice(LEVELS)
            comment = rng.choice(BAD_REASONS) if level <= 2 else ""
            channel = rng.choice(["sms", "sms", "qr", "app"])
            try:
                if channel == "app" and case.applicant_citizen_id:
                    await ratings.rate(actor=Actor(citizen_id=case.applicant_citizen_id), case_id=case.id, level=level,
                                       comment=comment, settings=settings)
                else:
                    async with in_transaction() as conn:
                        token = await ratings.issue_token(conn, case, "qr" if channel == "qr" else "sms", settings)
                    await ratings.rate_by_token(token=token, given=ratings.Given(level, comment), settings=settings)
                given += 1
            except DomainError as e:
                say(f"  case {case.id}: {e.message}")
        say(f"rated by people: {given}")
        later = clock.today() + timedelta(days=settings.default_rating_days + 31)
        defaults = await ratings.default_ratings(today=later, settings=settings)
        say(f"defaults given by the scheduled job: {defaults}")
        regions = {r.code: r.path for r in await Region.all()}
        city = Actor(user_id=1, username="bench-city", roles=frozenset({Role.CITY_ADMIN}), region_code="371500",
                     region_path=regions.get("371500"))
        rects = await Rectification.all().order_by("id")
        left_open = []
        for n, r in enumerate(rects, 1):
            bar(n, len(rects), "rectifications")
            dept = Actor(user_id=2, username="bench-dept", roles=frozenset({Role.DEPT_REVIEWER}),
                         department_code=r.department_code, region_code=r.region_code,
                         region_path=regions.get(r.region_code)) if r.case_id is not None else Actor(
                user_id=3, username="bench-hall", roles=frozenset({Role.HALL_SUPERVISOR}), hall_code=r.hall_code,
                region_code=r.region_code, region_path=regions.get(r.region_code))  # 帮办代办: the hall answers
            await rectification.start(actor=dept, rect_id=r.id)
            roll = rng.random()
            if roll < 0.05:
                await rectification.appeal(actor=dept, rect_id=r.id, reason="评价内容与本次办件无关")
                await rectification.review_appeal(actor=city, rect_id=r.id, upheld=rng.random() < 0.5,
                                                  note="经核实" if roll < 0.025 else "差评属实，应整改")
                if (await Rectification.get(id=r.id)).status == "upheld":
                    continue
            if roll < args.on_time:
                await rectification.finish(actor=dept, rect_id=r.id, measures="一次性告知清单已更新，窗口人员已培训")
                if rng.random() < args.revisit:
                    try:
                        await rectification.revisit(actor=dept, rect_id=r.id, satisfaction=rng.choice([3, 4, 4, 5, 5]),
                                                    method="phone", note="回访")
                    except DomainError:
                        pass  # anonymous: no revisit
            else:
                left_open.append(r)
        if left_open:
            late = max(r.due_date for r in left_open) + timedelta(days=1)
            cards = await rectification.cards(today=late, settings=settings)
            say(f"red cards after the due day ({late}): {cards}")
        m = await rectification.measures(Q(id__gte=0), progress=lambda what: say(f"  measuring: {what}"),
                                         assistance_filter=Q(id__gte=0),  # confirmed 帮办代办 requests count too
                                         today=(max(r.due_date for r in left_open) + timedelta(days=1))
                                         if left_open else None)

        def pct(x: float | None) -> str:
            return "—" if x is None else f"{x * 100:.1f} %"

        say("\n好差评 measures (demo month, simulated voices):")
        say(f"  finished cases                 {m.completed}")
        say(f"  rated by people / defaults     {m.rated_by_people} / {m.defaults}")
        say(f"  rating coverage                {pct(m.coverage)}  (people's ratings / finished cases)")
        say(f"  share of 差评                   {pct(m.bad_share)}  ({m.bad} bad; {m.excluded} taken out by upheld appeals)")
        say(f"  rectifications                 {m.rectifications}")
        say(f"  rectified on time              {pct(m.on_time_rate)}  ({m.rectified_on_time} of {m.closed} closed"
            f" + {m.overdue_open} overdue open)")
        say(f"  revisit rate (real-name 差评)   {pct(m.revisit_rate)}  ({m.revisited} of {m.real_name_bad})")
        say(f"done in {time.perf_counter() - t0:.1f} s")
        return 0
    finally:
        await close_db()
        if created:
            import asyncpg

            conn = await asyncpg.connect(args.pg_url.replace("postgres://", "postgresql://"))
            await conn.execute(f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')
            await conn.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--rate-share", type=float, default=0.7)
    p.add_argument("--on-time", type=float, default=0.85)
    p.add_argument("--revisit", type=float, default=0.9)
    p.add_argument("--pg-url", default=os.environ.get("LIAOYI_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/test"))
    return asyncio.run(simulate(p.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
