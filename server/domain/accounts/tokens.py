"""Bearer tokens for staff and citizens: short-lived access tokens and rotating refresh tokens.

A refresh token is spent when exchanged; presenting a spent one again means it was copied, so the
whole family (every token descended from the same sign-in) is revoked.

A verified access token is kept a few seconds in the process (:mod:`.tokencache`): every revocation
here is written to the database, then dropped from every process's cache (directly, and through
Redis with ``REDIS_URL``).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts import errors, tokencache
from server.domain.accounts.models import AccessToken, Citizen, RefreshToken, StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.errors import DomainError


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime


@dataclass(frozen=True, slots=True)
class Lifetimes:
    access: timedelta
    refresh: timedelta


def _subject(user: StaffUser | None, citizen: Citizen | None) -> dict[str, Any]:
    return {"user_id": user.id if user else None, "citizen_id": citizen.id if citizen else None}


async def issue(
    *, lifetimes: Lifetimes, user: StaffUser | None = None, citizen: Citizen | None = None,
    family: str | None = None, conn: BaseDBAsyncClient | None = None,
) -> TokenPair:
    assert (user is None) != (citizen is None), "a token belongs to exactly one subject"
    now = clock.utcnow()
    family = family or secrets.token_hex(16)
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(48)
    pair = TokenPair(access, now + lifetimes.access, refresh, now + lifetimes.refresh)
    await AccessToken.create(
        token_hash=digest(access), family=family, expires_at=pair.access_expires_at, using_db=conn,
        **_subject(user, citizen),
    )
    await RefreshToken.create(
        token_hash=digest(refresh), family=family, expires_at=pair.refresh_expires_at, using_db=conn,
        **_subject(user, citizen),
    )
    return pair


async def rotate(*, refresh_token: str, lifetimes: Lifetimes) -> TokenPair:
    """Spend a refresh token for a new pair. Reuse of a spent token revokes its whole family."""
    now = clock.utcnow()
    row = await RefreshToken.get_or_none(token_hash=digest(refresh_token)).select_related("user", "citizen")
    invalid = DomainError(errors.INVALID_TOKEN, "登录已失效，请重新登录", ["refreshToken"])
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise invalid
    if row.used_at is not None:
        await revoke_family(row.family)
        raise invalid
    subject_ok = (row.user is not None and row.user.is_active) or (row.citizen is not None and row.citizen.is_active)
    if not subject_ok:
        raise invalid
    async with in_transaction() as conn:
        spent = await RefreshToken.filter(id=row.id, used_at=None).using_db(conn).update(used_at=now)
        if spent != 1:  # a concurrent exchange won
            raise invalid
        await AccessToken.filter(family=row.family, revoked_at=None).using_db(conn).update(revoked_at=now)
        pair = await issue(lifetimes=lifetimes, user=row.user, citizen=row.citizen, family=row.family, conn=conn)
    await tokencache.revoked(families=[row.family])  # the family's earlier access tokens, in every process
    return pair


async def revoke_family(family: str) -> int:
    now = clock.utcnow()
    n = await AccessToken.filter(family=family, revoked_at=None).update(revoked_at=now)
    await RefreshToken.filter(family=family, revoked_at=None).update(revoked_at=now)
    await tokencache.revoked(families=[family])
    return n


async def revoke_all(*, user_id: int | None = None, citizen_id: int | None = None) -> int:
    now = clock.utcnow()
    q = Q(user_id=user_id) if user_id is not None else Q(citizen_id=citizen_id)
    n = await AccessToken.filter(q, revoked_at=None).update(revoked_at=now)
    await RefreshToken.filter(q, revoked_at=None).update(revoked_at=now)
    await tokencache.revoked(user_id=user_id, citizen_id=citizen_id)
    return n


async def logout(*, token: str, all_sessions: bool = False) -> int:
    """Revoke this sign-in (its access and refresh tokens), or every sign-in of the same person."""
    row = await AccessToken.get_or_none(token_hash=digest(token), revoked_at=None)
    if row is None:
        return 0
    if all_sessions:
        return await revoke_all(user_id=row.user_id, citizen_id=row.citizen_id)
    return await revoke_family(row.family)


def staff_actor(user: StaffUser, region_path: str) -> Actor:
    return Actor(
        user_id=user.id, username=user.username, display_name=user.display_name,
        roles=frozenset(Role(r) for r in user.roles), region_code=user.region_id,
        region_path=region_path, department_code=user.department_id,
        hall_code=user.hall_id,
    )


def citizen_actor(citizen: Citizen) -> Actor:
    return Actor(citizen_id=citizen.id, display_name=citizen.name or "")


async def actor_for_token(token: str) -> Actor | None:
    """The actor of a live token: from this process's cache of verified tokens (:mod:`.tokencache`,
    no query), else one query (the token joined with its staff member and region, or its citizen),
    kept for the next requests."""
    key = digest(token)
    cached = tokencache.CACHE.get(key)
    if cached is not None:
        return cached
    generation = tokencache.CACHE.generation
    row = (
        await AccessToken.filter(token_hash=key, revoked_at=None, expires_at__gt=clock.utcnow())
        .select_related("user", "user__region", "citizen")
        .first()
    )
    if row is None:
        return None
    actor: Actor | None = None
    if row.user is not None:
        actor = staff_actor(row.user, row.user.region.path) if row.user.is_active else None
    elif row.citizen is not None and row.citizen.is_active:
        actor = citizen_actor(row.citizen)
    if actor is not None:
        tokencache.CACHE.put(key, tokencache.Entry(
            actor=actor, expires_at=row.expires_at, family=row.family, user_id=row.user_id,
            citizen_id=row.citizen_id, stored_at=time.monotonic()), generation=generation)
    return actor
