"""Tortoise ORM configuration: an SQLite file by default, PostgreSQL through DATABASE_URL."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from tortoise import Tortoise

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
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


def __getattr__(name: str) -> Any:
    # `tortoise -c server.db.TORTOISE_ORM makemigrations` reads this; computed on access so that
    # importing server.db never touches the environment.
    if name == "TORTOISE_ORM":
        from server.settings import get_settings

        return tortoise_config(get_settings().database_url)
    raise AttributeError(name)
