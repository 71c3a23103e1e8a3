"""Test set-up: one real database per session (SQLite by default, PostgreSQL with --db=postgres),
migrated with the project's migrations and loaded with the real seeds.

A missing service fails the run with the command that fixes it; nothing is skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import connections

from server.__main__ import migrate_db, seed_all
from server.app import create_app
from server.db import close_db, init_db
from server.settings import Settings

PG_ADMIN_URL = os.environ.get("LIAOYI_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/test")
DEMO_PASSWORD = "liaoyi-demo-2019"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db", choices=["sqlite", "postgres"], default=os.environ.get("LIAOYI_TEST_DB", "sqlite"),
        help="database the suite runs on (default sqlite; postgres uses $LIAOYI_TEST_PG_URL)",
    )


def pytest_report_header(config: pytest.Config) -> str:
    order = os.environ.get("LIAOYI_TEST_ORDER", "")
    return f"liaoyi database: {config.getoption('--db')}" + (f", test order: {order}" if order else "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``LIAOYI_TEST_ORDER=reverse`` runs the collected tests last to first: a test that passes only
    after another one (it reads what that one left in the shared database) fails then."""
    order = os.environ.get("LIAOYI_TEST_ORDER", "")
    if order == "reverse":
        items.reverse()
    elif order:
        raise pytest.UsageError(f"LIAOYI_TEST_ORDER={order!r}: only 'reverse' is known")


async def _fresh_postgres() -> tuple[str, str]:
    import asyncpg

    try:
        admin = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1), timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.exit(
            f"PostgreSQL is not reachable at {PG_ADMIN_URL} ({exc}).\n"
            "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
            "(or run the README's test command, `make test`, which starts it).",
            returncode=3,
        )
    name = f"liaoyi_test_{uuid.uuid4().hex[:8]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base}/{name}", name


async def _drop_postgres(name: str) -> None:
    import asyncpg

    admin = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1), timeout=5)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


@pytest.fixture(scope="session")
def database_kind(pytestconfig: pytest.Config) -> str:
    return str(pytestconfig.getoption("--db"))


@pytest.fixture(scope="session")
async def database(database_kind: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """Migrated and seeded once per session; yields the URL."""
    dropped: str | None = None
    if database_kind == "postgres":
        url, dropped = await _fresh_postgres()
    else:
        url = f"sqlite://{tmp_path_factory.mktemp('db') / 'liaoyi.sqlite3'}"
    await migrate_db(url, quiet=True)
    await init_db(url)
    await seed_all(demo=True, say=lambda _m: None)
    yield url
    await close_db()
    if dropped:
        await _drop_postgres(dropped)


@pytest.fixture(scope="session")
def settings(database: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # token_cache_seconds=0: every request reads its token, so the statement counts the tests assert
    # do not depend on whether an earlier request of the test cached it (tests/http/test_token_cache.py
    # turns the cache on for its own tests)
    return Settings(env="test", database_url=database, secret_key="test-secret-" + "x" * 32,
                    login_rate_per_minute=1000, public_rate_per_minute=100_000,
                    upload_dir=tmp_path_factory.mktemp("uploads"), token_cache_seconds=0)


@pytest.fixture(autouse=True)
def _no_token_cache() -> None:
    """Every test starts with the token cache off (a test's own ``create_app(Settings(...))`` may turn
    it on for itself; the cache is one per process): see ``settings``."""
    from server.domain.accounts import tokencache

    tokencache.CACHE.configure(seconds=0, redis_url=None)
    tokencache.CACHE.drop(everything=True)


@pytest.fixture(scope="session")
def app(settings: Settings) -> Any:
    return create_app(settings, manage_db=False)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


def refusal(body: dict[str, Any], field: str) -> str:
    """The code of the one answer to a refused caller (README "谁在调用：一种回答"): a single top-level
    error on ``field``'s path, UNAUTHENTICATED or FORBIDDEN, with a message, and ``field`` null."""
    errors = body.get("errors") or []
    assert len(errors) == 1, errors
    [error] = errors
    code = (error.get("extensions") or {}).get("code")
    assert code in {"UNAUTHENTICATED", "FORBIDDEN"}, error
    assert error.get("path") == [field] and error.get("message"), error
    assert not (body.get("data") or {}).get(field), body
    return str(code)


@dataclass
class GraphQLClient:
    http: httpx.AsyncClient
    token: str | None = None
    last: httpx.Response | None = field(default=None, repr=False)

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                       expect_errors: bool = False) -> dict[str, Any]:
        headers = {"accept": "application/graphql-response+json"}
        tok = token or self.token
        if tok:
            headers["authorization"] = f"Bearer {tok}"
        self.last = await self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                         headers=headers)
        body = self.last.json()
        if not expect_errors:
            assert "errors" not in body, body.get("errors")
            return body["data"]
        return body

    async def refused(self, query: str, variables: dict[str, Any] | None = None, *, field: str) -> str:
        """How this caller is refused ``field``: the top-level UNAUTHENTICATED or FORBIDDEN of
        :func:`refusal` when the field's permissions refuse the caller, else the first code of the
        payload's errors (NOT_ALLOWED, NOT_FOUND: the domain's answer about the object)."""
        body = await self(query, variables, expect_errors=True)
        if body.get("errors"):
            return refusal(body, field)
        errors = body["data"][field]["errors"]
        assert errors, body
        return str(errors[0]["code"])

    async def login(self, username: str, password: str = DEMO_PASSWORD) -> str:
        data = await self(
            "mutation($i: LoginInput!) { login(input: $i) { tokens { token } errors { code message } } }",
            {"i": {"username": username, "password": password}},
        )
        assert data["login"]["errors"] == [], data
        return str(data["login"]["tokens"]["token"])

    async def as_user(self, username: str) -> GraphQLClient:
        return GraphQLClient(self.http, token=await self.login(username))


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(client)


class SQLCounter:
    """Counts statements sent on the default connection outside transactions: a transaction's statements
    go through its own wrapper and are not counted (the read paths these counts guard run outside any
    transaction)."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@contextmanager
def count_sql() -> Iterator[SQLCounter]:
    conn = connections.get("default")
    counter = SQLCounter()
    originals: dict[str, Any] = {}
    for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script"):
        original = getattr(conn, name)
        originals[name] = original

        def wrap(fn: Any) -> Any:
            async def counted(sql: str, *args: Any, **kwargs: Any) -> Any:
                counter.statements.append(sql)
                return await fn(sql, *args, **kwargs)

            return counted

        setattr(conn, name, wrap(original))
    try:
        yield counter
    finally:
        for name in originals:
            delattr(conn, name)


@pytest.fixture
def sql() -> Any:
    return count_sql


ROOT = Path(__file__).resolve().parent.parent
