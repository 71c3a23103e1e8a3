"""Tortoise ORM configuration: an SQLite file by default, PostgreSQL through DATABASE_URL."""

from __future__ import annotations

import importlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from tortoise import BaseDBAsyncClient, Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url

from server import clock

MODEL_MODULES = [
    "server.domain.accounts.models",
    "server.domain.catalog.models",
    "server.domain.calendar.models",
    "server.domain.notifications.models",
    "server.domain.cases.models",
    "server.domain.appointments.models",
    "server.domain.themes.models",
    "server.domain.exchange.models",
    "server.domain.shareddata.models",
    "server.domain.construction.models",
    "server.domain.complaints.models",
]


DB_TIMEZONE = clock.ZONE.key  # stored times are China time (server.clock)
_DB_ZONE = clock.ZONE


def _sqlite_datetime(value: datetime) -> str:
    # SQLite compares datetimes as text. Tortoise converts values it stores to DB_TIMEZONE but
    # binds filter values as they come, so `expires_at > now(UTC)` compared "…+00:00" against
    # "…+08:00" text and an expired token stayed valid for eight hours. Every aware datetime
    # bound to SQLite is written in the one zone the stored values use.
    if value.tzinfo is not None:
        value = value.astimezone(_DB_ZONE)
    return value.isoformat(" ")


import tortoise.backends.sqlite.executor  # noqa: E402,F401  (registers its adapter; ours replaces it)

sqlite3.register_adapter(datetime, _sqlite_datetime)


def normalise_url(url: str) -> str:
    """Accept the usual spellings of a PostgreSQL URL (postgresql://, postgres://)."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres+asyncpg://"):
        if url.startswith(prefix):
            return "postgres://" + url[len(prefix):]
    return url


STATISTICS = "statistics"
STATISTICS_POOL = 2
"""Statistics read on a connection of their own, never the one that serves phones: on SQLite a second
connection to the same file (the database is in WAL mode, Tortoise's default, so this reader neither
waits for the writer nor blocks it, and runs in its own thread, while Tortoise's one connection per
process serialises everything else); on PostgreSQL a pool of its own of at most ``STATISTICS_POOL``
connections, so that however many people poll the dashboard, at most two statistics statements run at
once and the serving pool's connections stay free.

The client is made here, next to Tortoise's (not in its configuration: a second configured
connection would make every ``in_transaction()`` name its connection), opened on first use, closed
by :func:`close_db`; queries reach it through ``.using_db(statistics_connection())``."""

_statistics: BaseDBAsyncClient | None = None


def statistics_url(url: str) -> str | None:
    """The URL of the statistics connection, None where there cannot be a second one (an in-memory
    SQLite database is private to its connection: statistics then share the default one)."""
    if url.startswith("sqlite://"):
        return None if url.startswith("sqlite://:memory:") else url
    if url.startswith("postgres://"):
        return url + ("&" if "?" in url else "?") + f"minsize=1&maxsize={STATISTICS_POOL}"
    return None


def statistics_connection() -> BaseDBAsyncClient:
    """The connection statistics read on (the default one when none was opened: an in-memory
    database, or a process that set Tortoise up without :func:`init_db`)."""
    return _statistics if _statistics is not None else connections.get("default")


def _statistics_client(url: str) -> BaseDBAsyncClient | None:
    stats_url = statistics_url(url)
    if stats_url is None:
        return None
    info = expand_db_url(stats_url)
    engine = importlib.import_module(info["engine"])
    cls = engine.get_client_class(info) if hasattr(engine, "get_client_class") else engine.client_class
    return cls(connection_name=STATISTICS, **info["credentials"])


def tortoise_config(database_url: str) -> dict[str, Any]:
    url = normalise_url(database_url)
    if url.startswith("sqlite://") and not url.startswith("sqlite://:memory:"):
        Path(url[len("sqlite://"):]).parent.mkdir(parents=True, exist_ok=True)
    return {
        "connections": {"default": url},
        "apps": {
            "liaoyi": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "server.migrations",
            }
        },
        "use_tz": True,
        "timezone": DB_TIMEZONE,
    }


async def init_db(database_url: str) -> None:
    # uvicorn runs the lifespan in a task of its own: requests must reach the same connections
    global _statistics
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    await _close_statistics()
    _statistics = _statistics_client(normalise_url(database_url))


async def _close_statistics() -> None:
    global _statistics
    client, _statistics = _statistics, None
    if client is not None:
        await client.close()


async def close_db() -> None:
    await _close_statistics()
    await Tortoise.close_connections()


def __getattr__(name: str) -> Any:
    # `tortoise -c server.db.TORTOISE_ORM makemigrations` reads this; computed on access so that
    # importing server.db never touches the environment.
    if name == "TORTOISE_ORM":
        from server.settings import get_settings

        return tortoise_config(get_settings().database_url)
    raise AttributeError(name)
