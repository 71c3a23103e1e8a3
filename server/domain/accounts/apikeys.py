"""API keys of partner systems: county hall systems, banks, utilities, the provincial platform.

A key reads ``lyk_<8 characters>.<secret>``. The first part is its public prefix (stored, shown in
lists, used to find the row); only the sha256 of the secret is stored, and the whole key is shown
once, when it is created. A partner acts with no roles: it reads, it never writes (every mutation
refuses it), and what it reads is scoped by its kind — a county system by its region, a bank or a
utility by its partner code (the sub-cases routed to it, with the cases issue).
"""

from __future__ import annotations

import hmac
import re
import secrets
import string
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from server import clock
from server.domain.accounts import errors
from server.domain.accounts.models import ApiKey
from server.domain.accounts.roles import Actor
from server.domain.accounts.service import is_staff_admin
from server.domain.accounts.tokens import digest
from server.domain.catalog.models import Region
from server.domain.errors import DomainError, DomainErrors

KINDS = ("county_system", "bank", "utility", "province", "hotline", "hall_device")  # hotline: the 12345 line imports complaints
REGIONAL_KINDS = frozenset({"county_system", "hall_device"})
DEVICE_KINDS = frozenset({"hall_device"})  # a hall's evaluator device at one window (好差评)
PARTNER_KINDS = frozenset({"bank", "utility"})
KEY_PREFIX = "lyk_"
_ALPHABET = string.ascii_lowercase + string.digits
_KEY = re.compile(r"^(lyk_[a-z0-9]{8})\.([A-Za-z0-9_-]{32,128})$")
_PARTNER_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$")
CITY_LEVEL = "03"  # a key for a bank, a utility or the province spans the city: only city admins
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class NewKey:
    """A key just created: ``full_key`` exists only here, it is never stored or shown again."""

    row: ApiKey
    full_key: str


def _require_admin(actor: Actor) -> str:
    if not is_staff_admin(actor):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员可以管理 API 密钥")
    assert actor.region_path is not None
    return actor.region_path


async def _city_wide(actor: Actor) -> bool:
    """True when the admin's region is the city or above (it may see and make region-less keys)."""
    levels = await Region.filter(code=actor.region_code).values_list("level", flat=True)
    return bool(levels) and str(levels[0]) <= CITY_LEVEL


async def _scope(actor: Actor) -> Q:
    path = _require_admin(actor)
    scope = Q(region__path__startswith=path)
    if await _city_wide(actor):
        scope |= Q(region_id=None)
    return scope


def _new_prefix() -> str:
    return KEY_PREFIX + "".join(secrets.choice(_ALPHABET) for _ in range(8))


async def create_api_key(
    *, actor: Actor, name: str, kind: str, region_code: str | None = None, partner_code: str | None = None,
    window_id: int | None = None,
) -> NewKey:
    """A new key for a partner system, by a city admin. A county system key needs a region within the
    admin's; a bank or utility key needs its partner code; bank, utility and province keys are made
    by an admin of the city (or above) only."""
    path = _require_admin(actor)
    name = name.strip()
    region_code = (region_code or "").strip() or None
    partner_code = (partner_code or "").strip() or None
    problems: list[DomainError] = []
    if kind in DEVICE_KINDS:  # an evaluator device: at one window, in the window's hall's region
        from server.domain.catalog.models import Window

        win = await Window.filter(id=window_id).prefetch_related("hall").first() if window_id else None
        if win is None:
            raise DomainError(errors.INVALID, "大厅评价器的密钥须指定所在窗口", ["windowId"])
        region_code = region_code or win.hall.region_id
    elif window_id is not None:
        problems.append(DomainError(errors.INVALID, "只有大厅评价器的密钥带窗口", ["windowId"]))
    if not name or len(name) > 64:
        problems.append(DomainError(errors.INVALID, "名称不能为空且不超过 64 个字符", ["name"]))
    if kind not in KINDS:
        problems.append(DomainError(errors.INVALID, f"未知的密钥类别 {kind}", ["kind"]))
    if kind in REGIONAL_KINDS:
        if region_code is None:
            problems.append(DomainError(errors.INVALID, "县级系统的密钥须指定区划", ["regionCode"]))
        else:
            paths = await Region.filter(code=region_code).values_list("path", flat=True)
            if not paths:
                problems.append(DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"]))
            elif not str(paths[0]).startswith(path):
                problems.append(DomainError(errors.NOT_ALLOWED, "只能为本级及下级区划的系统发放密钥", ["regionCode"]))
    elif region_code is not None:
        problems.append(DomainError(errors.INVALID, "只有县级系统的密钥带区划", ["regionCode"]))
    if kind in PARTNER_KINDS:
        if partner_code is None or not _PARTNER_CODE.match(partner_code):
            problems.append(DomainError(
                errors.INVALID, "银行、公用事业单位的密钥须指定机构代码（2 到 32 个字母、数字、_ 或 -）", ["partnerCode"]
            ))
    elif partner_code is not None:
        problems.append(DomainError(errors.INVALID, "只有银行、公用事业单位的密钥带机构代码", ["partnerCode"]))
    if kind in KINDS and kind not in REGIONAL_KINDS and not await _city_wide(actor):
        problems.append(DomainError(errors.NOT_ALLOWED, "银行、公用事业单位和省级平台的密钥由市级管理员发放", ["kind"]))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise DomainErrors(problems)
    assert actor.user_id is not None
    return await issue(name=name, kind=kind, region_code=region_code, partner_code=partner_code,
                       created_by_id=actor.user_id, window_id=window_id)


async def issue(*, name: str, kind: str, region_code: str | None = None, partner_code: str | None = None,
                created_by_id: int = 0, window_id: int | None = None) -> NewKey:
    """Make the key row, unchecked: :func:`create_api_key` after its checks, and the demo seeding
    (``seed --demo``, ``created_by_id`` 0: the system) for its partners."""
    secret = secrets.token_urlsafe(32)
    for _ in range(5):  # 36^8 prefixes: a collision is rare, and the unique index catches it
        prefix = _new_prefix()
        try:
            row = await ApiKey.create(
                prefix=prefix, secret_hash=digest(secret), name=name, kind=kind, region_id=region_code,
                partner_code=partner_code, created_by_id=created_by_id, window_id=window_id,
            )
        except IntegrityError:
            continue
        return NewKey(row=row, full_key=f"{prefix}.{secret}")
    raise RuntimeError("could not find a free API key prefix")


async def revoke_api_key(*, actor: Actor, key_id: int) -> ApiKey:
    """Revoke a key: the partner's next request gets 401. A key outside the admin's scope is not found."""
    row = await ApiKey.filter(await _scope(actor), id=key_id).first()
    if row is None:
        raise DomainError(errors.NOT_FOUND, "API 密钥不存在", ["id"])
    if row.revoked_at is not None:
        raise DomainError(errors.INVALID_STATE, "该密钥已吊销", ["id"])
    now = clock.utcnow()
    await ApiKey.filter(id=row.id, revoked_at=None).update(revoked_at=now, revoked_by_id=actor.user_id)
    await row.refresh_from_db()
    return row


@dataclass(frozen=True, slots=True)
class ApiKeyFilter:
    kind: str | None = None
    include_revoked: bool = False


async def _query(*, actor: Actor, flt: ApiKeyFilter) -> Any:
    qs = ApiKey.filter(await _scope(actor))
    if flt.kind:
        qs = qs.filter(kind=flt.kind)
    if not flt.include_revoked:
        qs = qs.filter(revoked_at=None)
    return qs


async def count_api_keys(*, actor: Actor, flt: ApiKeyFilter) -> int:
    return int(await (await _query(actor=actor, flt=flt)).count())


async def list_api_keys(*, actor: Actor, flt: ApiKeyFilter, offset: int, limit: int) -> list[ApiKey]:
    """Keys the admin may see (its region's county systems, and region-less keys for a city admin),
    newest first. Secrets are never stored, so they cannot be listed."""
    qs = await _query(actor=actor, flt=flt)
    return list(await qs.order_by("-id").offset(offset).limit(limit))


async def api_keys_by_ids(*, actor: Actor, ids: list[int]) -> dict[int, ApiKey]:
    if not is_staff_admin(actor) or not ids:
        return {}
    return {k.id: k for k in await ApiKey.filter(await _scope(actor), id__in=ids)}


def partner_actor(row: ApiKey) -> Actor:
    """The partner behind a key: its kind and scope, and no roles."""
    region = row.region
    return Actor(
        api_key_id=row.id, partner_kind=row.kind, partner_code=row.partner_code, username=row.prefix,
        display_name=row.name, region_code=region.code if region else None, region_path=region.path if region else None,
    )


async def actor_for_api_key(raw: str) -> Actor | None:
    """The partner for a presented key, or None when it is malformed, unknown or revoked.

    One query per request; ``last_used_at`` is written at most once a minute per key (a conditional
    UPDATE, so several server processes do not all write it either).
    """
    m = _KEY.match(raw.strip())
    if m is None:
        return None
    prefix, secret = m.groups()
    row = await ApiKey.filter(prefix=prefix, revoked_at=None).select_related("region").first()
    if row is None or not hmac.compare_digest(row.secret_hash, digest(secret)):
        return None
    now = clock.utcnow()
    if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
        stale = Q(last_used_at=None) | Q(last_used_at__lte=now - TOUCH_EVERY)
        await ApiKey.filter(stale, id=row.id).update(last_used_at=now)
    return partner_actor(row)
