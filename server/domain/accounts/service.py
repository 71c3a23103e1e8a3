"""Staff accounts: argon2 password hashes, bearer tokens that expire and can be revoked, and their
administration by city admins (管理员), each within its own region (a county admin below its
county, the city admin for all of Liaocheng)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from server import clock
from server.domain.accounts import errors, tokencache, tokens
from server.domain.accounts.models import SignInFailure, StaffUser
from server.domain.accounts.ratelimit import Limiter, make_limiter
from server.domain.accounts.roles import Actor, Role
from server.domain.accounts.tokens import Lifetimes, TokenPair
from server.domain.catalog.models import Department, Hall, Region
from server.domain.errors import DomainError, DomainErrors

log = logging.getLogger("liaoyi.accounts")

_hasher = PasswordHasher()
# verified against when the username is unknown, so both paths cost the same
_DUMMY_HASH = _hasher.hash("liaoyi-timing-equaliser")
MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def login_limiter(per_minute: int, redis_url: str | None = None) -> Limiter:
    """Sign-in attempts per minute, per user name (or phone) and per client address. Refused
    attempts count too: a client that keeps guessing stays refused. With ``redis_url`` counted in
    Redis, one allowance for every server process."""
    return make_limiter(per_minute, 60.0, name="login", redis_url=redis_url, count_refused=True)


USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{1,63}$")
MAX_DISPLAY_NAME = 64
MAX_REASON = 500


class _Keep:
    """Marks an update argument the caller left out (``None`` would mean "clear it")."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


def role_tags(roles: Iterable[Role | str]) -> str:
    """The roles as "|a|b|", the column a role filter matches with LIKE."""
    names = sorted({str(r) for r in roles})
    return "|" + "|".join(names) + "|" if names else ""


def is_staff_admin(actor: Actor) -> bool:
    return actor.is_staff and Role.CITY_ADMIN in actor.roles and actor.region_path is not None


def _require_admin(actor: Actor) -> str:
    """The admin's region path; refuses anyone else (partners and citizens have no roles)."""
    if not is_staff_admin(actor):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员可以管理工作人员账号")
    assert actor.region_path is not None
    return actor.region_path


def _raise_all(problems: list[DomainError]) -> None:
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise DomainErrors(problems)


def _check_password(password: str, username: str, field: str) -> list[DomainError]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [DomainError(errors.INVALID, f"密码至少 {MIN_PASSWORD_LENGTH} 个字符", [field])]
    if len(password) > 128:
        return [DomainError(errors.INVALID, "密码不超过 128 个字符", [field])]
    if password.casefold() == username.casefold():
        return [DomainError(errors.INVALID, "密码不能与用户名相同", [field])]
    return []


def _check_roles(roles: list[Role]) -> list[DomainError]:
    if not roles:
        return [DomainError(errors.INVALID, "至少指定一个角色", ["roles"])]
    return []


def _check_display_name(name: str) -> list[DomainError]:
    if len(name) > MAX_DISPLAY_NAME:
        return [DomainError(errors.INVALID, f"姓名不超过 {MAX_DISPLAY_NAME} 个字符", ["displayName"])]
    return []


async def _check_placement(
    *, actor: Actor | None, region_code: str, department_code: str | None, hall_code: str | None
) -> list[DomainError]:
    """The region exists and is within the admin's; the department and hall belong to that region."""
    problems: list[DomainError] = []
    region = await Region.get_or_none(code=region_code)
    if region is None:
        problems.append(DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"]))
    elif actor is not None and not actor.covers(region.path):
        problems.append(DomainError(errors.NOT_ALLOWED, "只能在本级及下级区划内设置账号", ["regionCode"]))
    if department_code:
        dept = await Department.get_or_none(code=department_code)
        if dept is None:
            problems.append(DomainError(errors.NOT_FOUND, f"部门 {department_code} 不存在", ["departmentCode"]))
        elif dept.region_id != region_code:
            problems.append(DomainError(errors.INVALID, "部门须属于该账号所在的区划", ["departmentCode"]))
    if hall_code:
        hall = await Hall.get_or_none(code=hall_code)
        if hall is None:
            problems.append(DomainError(errors.NOT_FOUND, f"大厅 {hall_code} 不存在", ["hallCode"]))
        elif hall.region_id != region_code:
            problems.append(DomainError(errors.INVALID, "大厅须属于该账号所在的区划", ["hallCode"]))
    return problems


async def create_user(
    *,
    actor: Actor | None,
    username: str,
    password: str,
    display_name: str,
    roles: list[Role],
    region_code: str,
    department_code: str | None = None,
    hall_code: str | None = None,
) -> StaffUser:
    """Create a staff account. ``actor`` None means the operator's CLI (trusted), otherwise a city
    admin (管理员) placing the account in its own region or below."""
    if actor is not None:
        _require_admin(actor)
    username = username.strip()
    display_name = display_name.strip()
    problems: list[DomainError] = []
    if not USERNAME.match(username):
        problems.append(DomainError(
            errors.INVALID, "用户名为 2 到 64 个字母、数字或 _ . @ -，以字母或数字开头", ["username"]
        ))
    problems += _check_password(password, username, "password")
    problems += _check_roles(roles)
    problems += _check_display_name(display_name)
    problems += await _check_placement(
        actor=actor, region_code=region_code, department_code=department_code, hall_code=hall_code
    )
    if username and await StaffUser.exists(username=username):
        problems.append(DomainError(errors.DUPLICATE, f"用户名 {username} 已存在", ["username"]))
    _raise_all(problems)
    return await StaffUser.create(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        roles=sorted({str(r) for r in roles}),
        role_tags=role_tags(roles),
        region_id=region_code,
        department_id=department_code,
        hall_id=hall_code,
    )


# --- staff administration by city admins ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffFilter:
    text: str | None = None
    role: Role | None = None
    region_code: str | None = None
    include_inactive: bool = False


async def _staff_query(*, actor: Actor, flt: StaffFilter) -> Any:
    """Accounts in the admin's region and below, in the query itself (never loaded, then filtered)."""
    qs = StaffUser.filter(region__path__startswith=_require_admin(actor))
    if not flt.include_inactive:
        qs = qs.filter(is_active=True)
    if flt.role is not None:
        qs = qs.filter(role_tags__contains=f"|{flt.role}|")
    if flt.region_code:
        paths = await Region.filter(code=flt.region_code).values_list("path", flat=True)
        qs = qs.filter(region__path__startswith=paths[0]) if paths else qs.filter(id=-1)
    text = (flt.text or "").strip()
    if text:
        qs = qs.filter(Q(username__icontains=text) | Q(display_name__icontains=text))
    return qs


async def count_staff(*, actor: Actor, flt: StaffFilter) -> int:
    return int(await (await _staff_query(actor=actor, flt=flt)).count())


async def list_staff(*, actor: Actor, flt: StaffFilter, offset: int, limit: int) -> list[StaffUser]:
    """A page of accounts ordered by user name."""
    qs = await _staff_query(actor=actor, flt=flt)
    return list(await qs.order_by("username", "id").offset(offset).limit(limit))


async def staff_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, StaffUser]:
    """The accounts the actor may see: itself, and for an admin every account in its region."""
    if not actor.is_staff or not ids:
        return {}
    visible = Q(id=actor.user_id)
    if is_staff_admin(actor):
        visible |= Q(region__path__startswith=actor.region_path)
    return {u.id: u for u in await StaffUser.filter(Q(id__in=list(ids)), visible)}


async def current_user(*, actor: Actor) -> StaffUser | None:
    """The signed-in staff member's own row (``me``)."""
    if not actor.is_staff:
        return None
    return await StaffUser.get_or_none(id=actor.user_id)


async def _managed(*, actor: Actor, user_id: int) -> StaffUser:
    """An account the admin manages; one outside its region is reported as not found."""
    path = _require_admin(actor)
    user = await StaffUser.filter(id=user_id, region__path__startswith=path).first()
    if user is None:
        raise DomainError(errors.NOT_FOUND, "工作人员账号不存在或不在本区划内", ["id"])
    return user


async def update_user(
    *,
    actor: Actor,
    user_id: int,
    display_name: str | None = KEEP,
    roles: list[Role] | None = KEEP,
    region_code: str | None = KEEP,
    department_code: str | None = KEEP,
    hall_code: str | None = KEEP,
) -> StaffUser:
    """Rename, change roles or re-scope an account within the admin's region. Left-out arguments
    keep their value; ``None`` clears the department or hall. An admin cannot drop its own admin
    role or move itself (it would lose the power to undo that)."""
    user = await _managed(actor=actor, user_id=user_id)
    problems: list[DomainError] = []
    changes: dict[str, Any] = {}
    if display_name is not KEEP and display_name is not None:
        name = display_name.strip()
        problems += _check_display_name(name)
        if not name:
            problems.append(DomainError(errors.INVALID, "姓名不能为空", ["displayName"]))
        changes["display_name"] = name
    if roles is not KEEP and roles is not None:
        problems += _check_roles(roles)
        if user.id == actor.user_id and Role.CITY_ADMIN not in roles:
            problems.append(DomainError(errors.NOT_ALLOWED, "不能取消自己的管理员角色", ["roles"]))
        changes["roles"] = sorted({str(r) for r in roles})
        changes["role_tags"] = role_tags(roles)
    region = user.region_id if region_code is KEEP or region_code is None else region_code
    if region != user.region_id and user.id == actor.user_id:
        problems.append(DomainError(errors.NOT_ALLOWED, "不能改变自己的所属区划", ["regionCode"]))
    department = user.department_id if department_code is KEEP else (department_code or None)
    hall = user.hall_id if hall_code is KEEP else (hall_code or None)
    problems += await _check_placement(actor=actor, region_code=region, department_code=department, hall_code=hall)
    _raise_all(problems)
    changes.update(region_id=region, department_id=department, hall_id=hall)
    await StaffUser.filter(id=user.id).update(**changes)
    await tokencache.changed(user_id=user.id)  # no process keeps the old roles or scope of its tokens
    await user.refresh_from_db()
    return user


async def disable_user(*, actor: Actor, user_id: int, reason: str) -> tuple[StaffUser, int]:
    """Disable an account and revoke every token it holds: its next request gets 401.
    Returns the account and the number of access tokens revoked."""
    user = await _managed(actor=actor, user_id=user_id)
    reason = reason.strip()
    if user.id == actor.user_id:
        raise DomainError(errors.NOT_ALLOWED, "不能停用自己的账号", ["id"])
    if not reason or len(reason) > MAX_REASON:
        raise DomainError(errors.INVALID, f"请填写停用原因（不超过 {MAX_REASON} 个字符）", ["reason"])
    if not user.is_active:
        raise DomainError(errors.INVALID_STATE, "该账号已停用", ["id"])
    now = clock.utcnow()
    # inactive first: actor_for_token refuses an inactive account even before its tokens are revoked
    await StaffUser.filter(id=user.id).update(
        is_active=False, disabled_at=now, disabled_reason=reason, disabled_by_id=actor.user_id
    )
    revoked = await tokens.revoke_all(user_id=user.id)
    await user.refresh_from_db()
    return user, revoked


async def enable_user(*, actor: Actor, user_id: int) -> StaffUser:
    """Re-enable an account; also clears a lockout (the admin's way to unlock one early)."""
    user = await _managed(actor=actor, user_id=user_id)
    await StaffUser.filter(id=user.id).update(
        is_active=True, failed_logins=0, locked_until=None, disabled_at=None, disabled_reason="",
        disabled_by_id=None,
    )
    await SignInFailure.filter(user_id=user.id).delete()
    await user.refresh_from_db()
    return user


async def reset_password(*, actor: Actor, user_id: int, new_password: str) -> tuple[StaffUser, int]:
    """Set a new password, clear any lockout and revoke every token (all sessions sign in again)."""
    user = await _managed(actor=actor, user_id=user_id)
    _raise_all(_check_password(new_password, user.username, "newPassword"))
    await StaffUser.filter(id=user.id).update(
        password_hash=hash_password(new_password), failed_logins=0, locked_until=None
    )
    await SignInFailure.filter(user_id=user.id).delete()
    revoked = await tokens.revoke_all(user_id=user.id)
    await user.refresh_from_db()
    return user, revoked


MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
KNOWN_ADDRESS = timedelta(days=30)  # an address the account signed in from this recently is the owner's


async def login(
    *, username: str, password: str, lifetimes: Lifetimes, limiter: Limiter | None = None, client: str = ""
) -> tuple[TokenPair, StaffUser]:
    """Check the password and issue tokens. The same error whether or not the user exists.

    Wrong passwords lock the account *from that address* (:class:`SignInFailure`): five in a row
    from one client address lock it there for 15 minutes, so a stranger who knows a user name locks
    out only their own address and the owner still signs in from their desk. The limiter counts per
    user name and address, per address, and per user name (the budget strangers on many addresses
    share) — from an address the account signed in from in the last 30 days only per user name and
    address: a hall's staff sign in from one address every morning, more of them than a stranger's
    per-address budget allows, and a known desk is no stranger."""
    username = username.strip()  # one spelling for the limiter and the lookup
    address = (client or "-")[:64]
    user = await StaffUser.get_or_none(username=username)
    now = clock.utcnow()
    failure = await SignInFailure.get_or_none(user_id=user.id, address=address) if user is not None else None
    known = failure is not None and failure.succeeded_at is not None and failure.succeeded_at > now - KNOWN_ADDRESS
    if limiter is not None:
        keys = [f"user:{username.casefold()}|ip:{address}"] + ([] if known else [f"ip:{address}", f"user:{username.casefold()}"])
        if not (await limiter.ahit(*keys)).allowed:
            raise DomainError(errors.RATE_LIMITED, "登录尝试过于频繁，请一分钟后再试")
    stored = user.password_hash if user is not None else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
        ok = user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if user is not None and failure is not None and failure.locked_until is not None and failure.locked_until > now:
        raise DomainError(errors.LOCKED, "从本地址登录时密码错误次数过多，账号在本地址已临时锁定，请 15 分钟后再试或联系管理员")
    if not ok or user is None or not user.is_active:
        if user is not None and not ok:
            await _failed_sign_in(user, address, now)
        raise DomainError(errors.INVALID_CREDENTIALS, "用户名或密码错误", ["password"])
    if failure is None:
        try:
            await SignInFailure.create(user_id=user.id, address=address, failures=0, last_at=now, succeeded_at=now)
        except IntegrityError:  # another sign-in from this address at the same moment
            pass
    else:
        await SignInFailure.filter(id=failure.id).update(failures=0, locked_until=None, last_at=now, succeeded_at=now)
    updates: dict[str, object] = {}
    if user.failed_logins or user.locked_until:
        updates.update(failed_logins=0, locked_until=None)
    if _hasher.check_needs_rehash(user.password_hash):
        updates["password_hash"] = hash_password(password)
    if updates:
        await StaffUser.filter(id=user.id).update(**updates)
    return await tokens.issue(lifetimes=lifetimes, user=user), user


async def _failed_sign_in(user: StaffUser, address: str, now: datetime) -> None:
    """One more wrong password for ``user`` from ``address``; the fifth in a row locks it there."""
    row = await SignInFailure.get_or_none(user_id=user.id, address=address)
    if row is None:
        try:
            row = await SignInFailure.create(user_id=user.id, address=address, failures=0, last_at=now)
        except IntegrityError:  # another process wrote it first
            row = await SignInFailure.get(user_id=user.id, address=address)
    await SignInFailure.filter(id=row.id).update(failures=F("failures") + 1, last_at=now)
    locked = await SignInFailure.filter(id=row.id, failures__gte=MAX_FAILED_LOGINS).update(
        failures=0, locked_until=now + LOCKOUT)
    updates: dict[str, Any] = {"failed_logins": F("failed_logins") + 1}
    if locked:
        log.warning("staff sign-in locked for %s from %s after %d wrong passwords", user.username, address,
                    MAX_FAILED_LOGINS)
        updates["locked_until"] = now + LOCKOUT  # for the record (lockedUntil): the lock holds at that address only
    # the account-wide count and the last lock are what administrators see; they lock nothing themselves
    await StaffUser.filter(id=user.id).update(**updates)


async def region_path_of(user: StaffUser) -> str:
    paths: list[Any] = await Region.filter(code=user.region_id).values_list("path", flat=True)
    return str(paths[0])
