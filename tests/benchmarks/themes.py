"""Themes benchmark: what a themed bundle asks of a person against its items applied one by one.

What it prints
    For every seeded theme (published version), over every answer path of its questionnaire: the
    items, the form fields asked (merged form, fields the platform fills left out) against the sum
    of the items' own forms, the materials to provide (one set: shared materials once, generated
    application forms and earlier items' results not asked) against the sum of the items' materials,
    visits against the sum of the items' maximum visits, and steps (one application, one window
    decision per stage) against one application and one acceptance per item. The path shown is the
    one with the most items; the totals at the end are over every path of every theme, the
    reform's "halve the materials" measure (article 13).

    Then the cost of applying: a ten-item bundle (新办企业经营十件事, the bundle tests' theme over
    real seeded items) submitted as one application, against the same ten items submitted one by
    one by the same enterprise, in the same run, alternating: SQL statements and wall time per
    submission (p50, p90), each side with its uploads made beforehand (not counted).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/themes.py [--database-url URL] [--submissions N]

The default database is a fresh SQLite file, migrated and seeded (progress shown).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


async def main(args: argparse.Namespace) -> int:
    from server.__main__ import migrate_db, seed_all
    from server.db import close_db, init_db
    from server.domain.themes import resolve as resolver
    from server.domain.themes.content import answer_paths, content_of
    from server.domain.themes.models import Theme
    from server.domain.themes.service import published_version

    url = args.database_url or f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-bench-')}/bench.sqlite3"
    print("migrating and seeding …", flush=True)
    await migrate_db(url, quiet=True)
    await init_db(url)
    try:
        await seed_all(demo=True, say=lambda m: print("  " + m, flush=True))  # demo staff publish the benchmark theme
        codes = cast(list[str], await Theme.filter(status="active").order_by("code").values_list("code", flat=True))
        print(f"\n{len(codes)} published themes\n")
        head = (f"{'theme':<34} {'paths':>5} {'items':>5} {'fields':>11} {'materials':>11} "
                f"{'visits':>7} {'steps':>7}")
        print(head)
        print("-" * len(head))
        tot = dict(paths=0, fields=0, fields_sep=0, mats=0, mats_sep=0, visits=0, visits_sep=0, steps=0, steps_sep=0)
        for i, code in enumerate(codes, 1):
            version = await published_version(code=code)
            assert version is not None
            content = content_of(version)
            best = None
            paths = list(answer_paths(content.questions)) or [{}]
            for answers in paths:
                b = await resolver.resolve(version=version, answers=answers)
                c = b.counts
                steps, steps_sep = 1 + c.stages, 2 * c.items
                tot["paths"] += 1
                tot["fields"] += c.fields_asked
                tot["fields_sep"] += c.fields_separately
                tot["mats"] += c.materials
                tot["mats_sep"] += c.materials_separately
                tot["visits"] += c.visits
                tot["visits_sep"] += c.visits_separately
                tot["steps"] += steps
                tot["steps_sep"] += steps_sep
                if best is None or c.items > best[0].items:
                    best = (c, steps, steps_sep)
            assert best is not None
            c, steps, steps_sep = best
            name = version.name[:16]
            print(f"{name:<34} {len(paths):>5} {c.items:>5} {c.fields_asked:>4}/{c.fields_separately:<6} "
                  f"{c.materials:>4}/{c.materials_separately:<6} {c.visits:>3}/{c.visits_separately:<3} "
                  f"{steps:>3}/{steps_sep:<3}", flush=True)
            if i % 10 == 0:
                print(f"  … {i}/{len(codes)}", file=sys.stderr, flush=True)
        print("-" * len(head))
        print(f"over {tot['paths']} answer paths of {len(codes)} themes (bundle ÷ items one by one):")
        print(f"  form fields asked  {tot['fields']:>6} / {tot['fields_sep']:<6} = {_ratio(tot['fields'], tot['fields_sep'])}")
        print(f"  materials asked    {tot['mats']:>6} / {tot['mats_sep']:<6} = {_ratio(tot['mats'], tot['mats_sep'])}")
        print(f"  visits             {tot['visits']:>6} / {tot['visits_sep']:<6} = {_ratio(tot['visits'], tot['visits_sep'])}")
        print(f"  steps              {tot['steps']:>6} / {tot['steps_sep']:<6} = {_ratio(tot['steps'], tot['steps_sep'])}")
        await submission_cost(args.submissions)
    finally:
        await close_db()
    return 0


async def submission_cost(n: int) -> None:
    """A ten-item bundle as one application against its ten items one by one (same enterprise, same
    run, alternating rounds)."""
    import statistics
    import time
    import uuid

    from server.domain.cases import apply, bundles
    from server.domain.themes.resolve import resolve
    from tests import factories as h
    from tests.benchmarks.cases import SqlCell, _cell, install_sql_counter
    from tests.bundles import helpers as t

    install_sql_counter()
    version = await t.publish(t.TEN)
    a = await t.applicant()
    b = await resolve(version=version, answers={})
    print(f"\nsubmitting “{version.name}” ({len(b.items)} items) as one bundle and item by item, {n} rounds each")

    async def one_bundle() -> None:
        files = await t.uploads(a, version, {})
        app = bundles.ThemeApplication(theme_id=version.theme_id, answers={}, form_data=t.form_for(b.form),
                                       materials=files, enterprise_id=a.enterprise.id)
        await measured("bundle", lambda: bundles.submit(actor=a.actor, settings=None, idempotency_key=uuid.uuid4().hex,
                                                        app=app))

    async def items_one_by_one() -> None:
        apps = []
        for it in b.items:
            sit = it.situations[0]
            mats = b.catalogue.materials.get(sit.id, [])
            files = [apply.MaterialInput(m.id, await h.upload(a.actor, m.name)) for m in mats
                     if m.necessity != "optional" and not m.shared_data]  # as the bundle's uploads
            apps.append(apply.Application(item_id=it.item.id, situation_id=sit.id, form_data=h.form_answers(it.version),
                                          materials=files, enterprise_id=a.enterprise.id))

        async def ten() -> None:
            for app in apps:
                await apply.submit(actor=a.actor, settings=None, idempotency_key=uuid.uuid4().hex, app=app)

        await measured("items", ten)

    times: dict[str, list[float]] = {"bundle": [], "items": []}
    sql: dict[str, list[int]] = {"bundle": [], "items": []}

    async def measured(side: str, call: Any) -> None:
        cell = SqlCell()
        token = _cell.set(cell)
        t0 = time.perf_counter()
        try:
            await call()
        finally:
            _cell.reset(token)
        times[side].append(time.perf_counter() - t0)
        sql[side].append(cell.count)

    await one_bundle()  # warm-up, not counted
    await items_one_by_one()
    for side in times:
        times[side].clear()
        sql[side].clear()
    for i in range(n):
        await one_bundle()
        await items_one_by_one()
        if (i + 1) % 5 == 0 or i + 1 == n:
            print(f"  … {i + 1}/{n}", file=sys.stderr, flush=True)

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] * 1000

    head = f"{'':<28} {'SQL statements':>15} {'p50 ms':>9} {'p90 ms':>9}"
    print(head)
    print("-" * len(head))
    for side, label in (("bundle", "one bundle (10 items)"), ("items", "10 items one by one")):
        st = sql[side]
        print(f"{label:<28} {statistics.fmean(st):>15.1f} {pct(times[side], 50):>9.1f} {pct(times[side], 90):>9.1f}")
    print(f"{'bundle ÷ one by one':<28} {statistics.fmean(sql['bundle']) / statistics.fmean(sql['items']):>15.2f} "
          f"{pct(times['bundle'], 50) / pct(times['items'], 50):>9.2f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", help="a database to migrate and seed (default: a fresh SQLite file)")
    p.add_argument("--submissions", type=int, default=20, help="rounds of each kind of submission (default 20)")
    sys.exit(asyncio.run(main(p.parse_args())))
