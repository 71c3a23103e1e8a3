"""Datetimes compare as instants on SQLite too (it compares them as text)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from server.domain.accounts.models import AccessToken, StaffUser


async def test_filters_compare_instants_whatever_the_zone_of_the_value(database: str) -> None:
    user = await StaffUser.get(username="city_admin")
    now = datetime.now(timezone.utc)
    token = await AccessToken.create(token_hash="tz-" + now.isoformat(), user=user, family="tz", expires_at=now)
    try:
        for zone in (timezone.utc, ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")):
            later, earlier = (now + timedelta(hours=1)).astimezone(zone), (now - timedelta(hours=1)).astimezone(zone)
            assert not await AccessToken.filter(id=token.id, expires_at__gt=later).exists(), zone
            assert await AccessToken.filter(id=token.id, expires_at__gt=earlier).exists(), zone
    finally:
        await token.delete()
