"""The one clock of Liaoyi, and the one China time.

Liaocheng keeps China time (Asia/Shanghai, UTC+8 all year, no daylight saving). Whenever the code
means "now", "today" or "this day" it asks this module, never the host: a server on a UTC host
would otherwise think it is still yesterday between 00:00 and 08:00 China time (a mandate starting
"today" refused, a deadline one day late). ``tests/domain/test_clock.py`` fails on any
``date.today()``, ``datetime.now(…)``, ``datetime.utcnow()``, hand-made ``+08:00`` zone or second
``ZoneInfo("Asia/Shanghai")`` anywhere else in ``server/``.

- :data:`ZONE` is the zone; the database stores its times in it too (``server.db``).
- :func:`now` is the current instant in China time, :func:`utcnow` the same instant in UTC (for
  expiries and other pure instants), :func:`today` the China date.
- :func:`china` shows any time in China time; :func:`day_start` is the first instant of a China
  date, :func:`date_of` the China date of a time.

Every function reads the time when called (nothing is bound at import), through one private seam,
:func:`_utc_now`. A test freezes the whole server with one line::

    monkeypatch.setattr(server.clock, "_utc_now", lambda: datetime(2026, 12, 6, 17, 30, tzinfo=UTC))
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

__all__ = ["ZONE", "now", "utcnow", "today", "china", "day_start", "date_of"]

ZONE = ZoneInfo("Asia/Shanghai")
"""China time: what "today" means for the city, its deadlines and its schedules."""


def _utc_now() -> datetime:
    """The host's current instant, aware, in UTC: the only place the host's clock is read (the seam
    a test replaces to freeze time)."""
    return datetime.now(UTC)


def utcnow() -> datetime:
    """Now, an aware datetime in UTC (token expiries, timestamps of messages)."""
    return _utc_now().astimezone(UTC)


def now() -> datetime:
    """Now, an aware datetime in China time (the zone the database stores times in)."""
    return _utc_now().astimezone(ZONE)


def today() -> date:
    """Today's date in China, whatever the host's zone."""
    return now().date()


def china(dt: datetime) -> datetime:
    """``dt`` in China time. A naive datetime is taken as UTC (what the host's UTC clock and most
    drivers hand out), never as the host's local time."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(ZONE)


def date_of(value: date | datetime) -> date:
    """The China date of a time (naive taken as UTC, as :func:`china`); a date is returned as is."""
    if isinstance(value, datetime):
        return china(value).date()
    return value


def day_start(d: date) -> datetime:
    """Midnight at the start of the China date ``d``, an aware datetime in China time."""
    return datetime.combine(d, time.min, ZONE)
