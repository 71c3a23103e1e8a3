"""One CLI: python -m server {migrate,seed,generate-cases,rebuild-statistics,complaint-measures,serve,simulate-partners,worker,export-schema,export-contract,create-user}. Each has --help."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from server.settings import ROOT, get_settings

SCHEMA_PATH = ROOT / "schema" / "schema.graphql"
SEEDS = ROOT / "seeds"


def _progress(started: float) -> Callable[[str], None]:
    def say(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)

    return say


def _with_db(fn: Callable[..., Awaitable[Any]]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        from server.db import close_db, init_db

        async def main() -> Any:
            await init_db(get_settings().database_url)
            try:
                return await fn(*args, **kwargs)
            finally:
                await close_db()

        return asyncio.run(main())

    return run


async def migrate_db(database_url: str, *, quiet: bool = False) -> None:
    from tortoise import Tortoise
    from tortoise.migrations.api import migrate

    from server.db import tortoise_config

    def progress(*parts: str) -> None:
        if not quiet:
            print("迁移:", " ".join(str(p) for p in parts), flush=True)

    try:
        await migrate(config=tortoise_config(database_url), progress=progress)
    finally:
        await Tortoise.close_connections()


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = get_settings()
    asyncio.run(migrate_db(settings.database_url))
    print(f"数据库已是最新：{_safe_url(settings.database_url)}")
    return 0


def _safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


async def seed_all(*, demo: bool, seeds: Path = SEEDS, say: Callable[[str], None] = print) -> dict[str, Any]:
    from server.domain.calendar.seeding import load_calendar
    from server.domain.catalog.seeding import load_items, load_places
    from server.domain.catalog.synonyms import load_synonyms
    from server.domain.themes.seeding import load_themes

    figures: dict[str, Any] = {}
    figures.update(await load_places(seeds, say))
    figures.update(await load_items(seeds, say))
    figures.update(await load_themes(seeds, say))
    figures.update(await load_synonyms(seeds, say))
    figures.update(await load_calendar(say))
    if demo:
        from server.domain.shareddata.seeding import load_shared_data

        figures["accounts"] = await seed_demo_accounts(seeds / "demo" / "accounts.yaml", say)
        figures["shared_data"] = await load_shared_data(seeds / "demo" / "shared-data.yaml", say)
    return figures


DEMO_CASES = 800


async def seed_demo_cases(say: Callable[[str], None]) -> int:
    """800 generated cases when the database has none, so that the dashboard shows something real."""
    from server.domain.cases.models import Case
    from server.tools.case_generator import generate_cases

    if await Case.exists():
        return 0
    made = await generate_cases(DEMO_CASES, seed=2019)
    say(f"演示办件 {made} 件（python -m server generate-cases 可生成更多）")
    return made


async def seed_demo_accounts(path: Path, say: Callable[[str], None]) -> int:
    import yaml

    from server.domain.accounts.models import StaffUser
    from server.domain.accounts.roles import Role
    from server.domain.accounts.service import create_user

    password = os.environ.get("LIAOYI_DEMO_PASSWORD", "liaoyi-demo-2019")
    data = yaml.safe_load(await asyncio.to_thread(path.read_text, encoding="utf-8"))
    made = 0
    for a in data["accounts"]:
        if await StaffUser.exists(username=a["username"]):
            continue
        await create_user(
            actor=None, username=a["username"], password=password, display_name=a["display_name"],
            roles=[Role(r) for r in a["roles"]], region_code=str(a["region"]),
            department_code=a.get("department"), hall_code=a.get("hall"),
        )
        made += 1
    say(f"演示账号 {len(data['accounts'])} 个（新建 {made}），密码均为 {password}")
    return len(data["accounts"])


async def seed_command(*, demo: bool, say: Callable[[str], None]) -> dict[str, Any]:
    """What ``seed`` does: the seeds, and with ``--demo`` also the demo partners (their keys printed
    once) and demo cases for an empty database (the test fixture calls seed_all alone, so tests start
    without generated cases and without partners taking items away from the departments)."""
    figures = await seed_all(demo=demo, say=say)
    if demo:
        from server.domain.exchange.seeding import load_demo_partners
        from server.domain.shareddata.seeding import fill_from_accounts

        figures["partners"] = len(await load_demo_partners(SEEDS / "demo" / "partners.yaml", say))
        figures["demo_cases"] = await seed_demo_cases(say)
        figures["shared_data_accounts"] = await fill_from_accounts(say)
    return figures


def cmd_seed(args: argparse.Namespace) -> int:
    from server.domain.catalog.seeding import SeedError

    say = _progress(time.monotonic())
    try:
        figures = _with_db(seed_command)(demo=args.demo, say=say)
    except SeedError as exc:
        print(f"种子数据有误：{exc}", file=sys.stderr)
        return 1
    say("完成：" + "，".join(f"{k}={v}" for k, v in figures.items()))
    return 0


def cmd_generate_cases(args: argparse.Namespace) -> int:
    from server.tools.case_generator import MAX_COUNT, generate_cases

    if not 1 <= args.count <= MAX_COUNT:
        print(f"--count 应在 1 到 {MAX_COUNT} 之间", file=sys.stderr)
        return 1
    started = time.monotonic()
    say = _progress(started)

    def progress(done: int, total: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-6)
        say(f"生成办件 {done}/{total}（{done * 100 // total}%，约 {rate:.0f} 件/秒）")

    made = _with_db(generate_cases)(args.count, seed=args.seed, progress=progress, batch=args.batch)
    say(f"完成：生成办件 {made} 件（种子 {args.seed}）")
    return 0


def cmd_rebuild_statistics(args: argparse.Namespace) -> int:
    from datetime import date

    from tortoise import connections

    from server.domain.cases import daily

    say = _progress(time.monotonic())
    first = date.fromisoformat(args.date_from) if args.date_from else None
    last = date.fromisoformat(args.date_to) if args.date_to else None

    async def go() -> tuple[int, int]:
        conn = connections.get("default")
        days = await daily.rebuild(conn, first=first, last=last, say=say)
        return days, await daily.rebuild_open(conn)

    rows, open_rows = _with_db(go)()
    say(f"完成：办件日统计 {rows} 行，在办件（按期限）{open_rows} 行")
    return 0


def cmd_complaint_measures(args: argparse.Namespace) -> int:
    from server import clock
    from server.tools.complaint_measures import generate_demo_month, measure

    started = time.monotonic()
    say = _progress(started)
    settings = get_settings()
    today = clock.today()

    async def main() -> Any:
        if args.generate:
            say(f"生成演示投诉（近 30 天，{args.generate} 件，种子 {args.seed}）…")
            made = await generate_demo_month(count=args.generate, seed=args.seed, today=today, settings=settings,
                                             progress=lambda d, t: say(f"生成投诉 {d}/{t}（{d * 100 // t}%）"))
            say(f"写入 {made} 件" if made else "演示投诉已存在，未重复生成")
        say("统计近 30 天的投诉…")
        return await measure(today=today)

    fig = _with_db(main)()
    say(f"投诉 {fig.made} 件，已答复 {fig.answered} 件，按期答复 {fig.on_time} 件，未答复 {fig.open} 件")
    say(f"按期答复率 {fig.share * 100:.1f}%（按期答复 / 已答复；首次答复在期限内即按期）")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    from server.observability import setup_logging

    setup_logging(settings.log_level, settings.log_json)
    if args.workers > 1 and not settings.redis_url and "LIAOYI_TOKEN_CACHE_SECONDS" not in os.environ:
        # without Redis a sign-out in one process cannot reach the others' token caches: none keeps one
        os.environ["LIAOYI_TOKEN_CACHE_SECONDS"] = "0"
        logging.getLogger("liaoyi").info("%d 个进程且未设置 REDIS_URL：不缓存已验证的令牌（注销须立即在所有进程生效）", args.workers)
    uvicorn.run(
        "server.app:app_factory", factory=True, host=args.host, port=args.port, workers=args.workers,
        log_config=None, access_log=False, server_header=False,
        # X-Forwarded-For is read by the app, from LIAOYI_TRUSTED_PROXIES only (server.app.create_app)
        proxy_headers=False,
    )
    return 0


def cmd_simulate_partners(args: argparse.Namespace) -> int:
    from server.db import close_db, init_db
    from server.observability import setup_logging
    from server.tools.partner_simulator import run

    settings = get_settings()
    setup_logging(settings.log_level, settings.log_json)

    async def main() -> None:
        await init_db(args.database_url or settings.database_url)
        try:
            await run(host=args.host, port=args.port, platform_url=args.platform_url, delay=args.delay)
        finally:
            await close_db()

    asyncio.run(main())
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from server.worker.main import run_worker

    return run_worker(burst=args.burst)


def schema_text() -> str:
    from strawberry.printer import print_schema

    from server.graphql.schema import build_schema
    from server.settings import Settings

    return print_schema(build_schema(Settings(env="development"))) + "\n"


def cmd_export_schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.check:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != text:
            print(f"{SCHEMA_PATH} 已过期：请运行 python -m server export-schema 并提交", file=sys.stderr)
            return 1
        print(f"{SCHEMA_PATH} 是最新的")
        return 0
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"已写入 {SCHEMA_PATH}（{len(text.splitlines())} 行）")
    return 0


def cmd_export_lifecycle(args: argparse.Namespace) -> int:
    """The case lifecycle diagram and table in docs/ARCHITECTURE.md, from the transition table."""
    from server.domain.cases import diagram

    page = ROOT / "docs" / "ARCHITECTURE.md"
    if args.check:
        if not diagram.export(page, check=True):
            print(f"{page} 中的办件生命周期已过期：请运行 python -m server export-lifecycle 并提交", file=sys.stderr)
            return 1
        print(f"{page} 中的办件生命周期是最新的")
        return 0
    diagram.export(page)
    print(f"已写入 {page} 的办件生命周期（状态迁移表）")
    return 0


def cmd_export_contract(args: argparse.Namespace) -> int:
    """mobile-contract/manifest.json and the shapes in mobile-contract/examples/ from the operations."""
    from graphql import build_schema, parse, validate

    from server.contract import EXAMPLES, MANIFEST, example_text, manifest_text, operations, refreshed_example

    schema = build_schema(SCHEMA_PATH.read_text(encoding="utf-8"))
    ops = operations()
    wanted: dict[Path, str] = {MANIFEST: manifest_text(ops)}
    for op in ops:
        if op.definition.name is None or op.definition.name.value != op.name:
            print(f"{op.path.name}：操作名须与文件名相同（{op.name}）", file=sys.stderr)
            return 1
        errors = validate(schema, parse(op.text))
        if errors:
            print(f"{op.path.name} 与 schema/schema.graphql 不符：" + "；".join(e.message for e in errors), file=sys.stderr)
            return 1
        wanted[EXAMPLES / f"{op.name}.json"] = example_text(refreshed_example(schema, op))
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        if stale:
            names = "、".join(str(p.relative_to(ROOT)) for p in stale)
            print(f"移动端契约已过期：{names}；请运行 python -m server export-contract 并提交", file=sys.stderr)
            return 1
        print(f"移动端契约是最新的（{len(ops)} 个操作）")
        return 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
    print(f"已写入 {MANIFEST.relative_to(ROOT)}（{len(ops)} 个操作，更新 {len(stale)} 个文件）")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from server.domain.accounts.roles import Role
    from server.domain.accounts.service import create_user
    from server.domain.errors import DomainError, DomainErrors

    password = os.environ.get("LIAOYI_NEW_USER_PASSWORD") or getpass.getpass("密码：")
    try:
        user = _with_db(create_user)(
            actor=None, username=args.username, password=password, display_name=args.name or args.username,
            roles=[Role(r) for r in args.role], region_code=args.region, department_code=args.department,
            hall_code=args.hall,
        )
    except DomainErrors as exc:
        for e in exc.errors:
            print(f"错误：{e.message}", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    print(f"已创建工作人员 {user.username}（{', '.join(user.roles)}，区划 {args.region}）")
    return 0


def parser() -> argparse.ArgumentParser:
    from server.domain.accounts.roles import Role

    p = argparse.ArgumentParser(prog="python -m server", description="聊易（Liaoyi）服务端命令")
    sub = p.add_subparsers(dest="command", required=True, metavar="命令")

    s = sub.add_parser("complaint-measures", help="投诉按期答复率（近 30 天）；--generate N 先生成演示投诉")
    s.add_argument("--generate", type=int, default=0, help="先生成 N 件演示投诉（已生成过则跳过）")
    s.add_argument("--seed", type=int, default=18, help="随机种子")
    s.set_defaults(fn=cmd_complaint_measures)
    s = sub.add_parser("migrate", help="把数据库迁移到最新（DATABASE_URL，默认 data/ 下的 SQLite 文件）")
    s.set_defaults(fn=cmd_migrate)

    s = sub.add_parser("seed", help="导入 seeds/ 下的区划、部门、大厅和事项目录，以及工作日历（可重复运行）")
    s.add_argument("--demo", action="store_true", help="同时创建演示用工作人员账号（seeds/demo/accounts.yaml），数据库中没有办件时再生成 800 件演示办件")
    s.set_defaults(fn=cmd_seed)

    s = sub.add_parser(
        "generate-cases", help="按已发布的事项目录生成模拟办件（近 180 天，含申请人、材料与办理过程），供演示、统计与压测"
    )
    s.add_argument("--count", type=int, required=True, help="生成的办件数，如 100000（最多 2000000）")
    s.add_argument("--seed", type=int, default=2019, help="随机种子（默认 2019），同一种子与数据库状态生成相同的数据")
    s.add_argument("--batch", type=int, default=2000, help="每批写入的办件数（默认 2000）")
    s.set_defaults(fn=cmd_generate_cases)

    s = sub.add_parser(
        "rebuild-statistics",
        help="由办件表重算办件日统计（case_day_stat，办件统计的数据来源），按月分事务写入并显示进度；"
             "办件经状态迁移时日统计已在同一事务中更新，只在以其他方式写入办件后需要",
    )
    s.add_argument("--from", dest="date_from", help="起始日期 YYYY-MM-DD（默认最早的办件）")
    s.add_argument("--to", dest="date_to", help="结束日期 YYYY-MM-DD（默认最晚的办件）")
    s.set_defaults(fn=cmd_rebuild_statistics)

    s = sub.add_parser("serve", help="启动 HTTP 服务（GraphQL 在 /graphql，管理端在 /admin）")
    s.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    s.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    s.add_argument("--workers", type=int, default=1, help="uvicorn 进程数（默认 1）")
    s.set_defaults(fn=cmd_serve)

    s = sub.add_parser(
        "simulate-partners",
        help="启动合作单位模拟器：扮演数据库中的每家合作单位（seed --demo 的演示银行、刻章企业、水电气热网企业），"
             "验签接收转送的办件，稍后签名答复“已接收”和“办理完成”",
    )
    s.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    s.add_argument("--port", type=int, default=8700, help="端口（默认 8700，与 LIAOYI_DEMO_PARTNERS_URL 一致）")
    s.add_argument("--database-url", help="数据库（默认 DATABASE_URL，即 serve 所用的库）：从中读取合作单位及其签名密钥")
    s.add_argument("--platform-url", default="http://127.0.0.1:8000",
                   help="平台地址（默认 http://127.0.0.1:8000），答复发往其 /exchange/<代码>")
    s.add_argument("--delay", type=float, default=3.0, help="收到办件后到答复“已接收”、再到“办理完成”的间隔秒数（默认 3）")
    s.set_defaults(fn=cmd_simulate_partners)

    s = sub.add_parser("worker", help="启动 arq 后台任务进程（需要 REDIS_URL）")
    s.add_argument("--burst", action="store_true", help="处理完队列中的任务后退出")
    s.set_defaults(fn=cmd_worker)

    s = sub.add_parser("export-schema", help="把 GraphQL 模式导出到 schema/schema.graphql")
    s.add_argument("--check", action="store_true", help="只检查已提交的文件是否最新，过期则以 1 退出")
    s.set_defaults(fn=cmd_export_schema)

    s = sub.add_parser("export-lifecycle", help="由状态迁移表生成 docs/ARCHITECTURE.md 中的办件生命周期图")
    s.add_argument("--check", action="store_true", help="只检查文档是否最新，过期则以 1 退出")
    s.set_defaults(fn=cmd_export_lifecycle)

    s = sub.add_parser(
        "export-contract",
        help="由 mobile-contract/operations/ 生成可信文档清单 manifest.json 并刷新 examples/ 中的应答形状",
    )
    s.add_argument("--check", action="store_true", help="只检查已提交的文件是否最新，过期则以 1 退出")
    s.set_defaults(fn=cmd_export_contract)

    s = sub.add_parser(
        "create-user", help="创建工作人员账号（密码从 LIAOYI_NEW_USER_PASSWORD 读取，否则提示输入）"
    )
    s.add_argument("--username", required=True, help="用户名")
    s.add_argument("--name", help="姓名")
    s.add_argument(
        "--role", action="append", required=True, choices=[r.value for r in Role],
        help="角色，可重复：" + "、".join(r.value for r in Role),
    )
    s.add_argument("--region", required=True, help="所属区划代码（权限范围），如 371500")
    s.add_argument("--department", help="所属部门代码，如 371500-XZSPJ")
    s.add_argument("--hall", help="所属大厅代码")
    s.set_defaults(fn=cmd_create_user)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.fn(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
