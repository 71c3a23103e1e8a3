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

    Not yet: the cost of submitting a ten-item bundle against its items one by one.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/themes.py [--database-url URL]

The default database is a fresh SQLite file, migrated and seeded (progress shown).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import cast

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
        await seed_all(demo=False, say=lambda m: print("  " + m, flush=True))
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
        print("\n(the cost of submitting a ten-item bundle against its items one by one is not measured yet)")
    finally:
        await close_db()
    return 0


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", help="a database to migrate and seed (default: a fresh SQLite file)")
    sys.exit(asyncio.run(main(p.parse_args())))
