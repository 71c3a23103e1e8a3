"""Staff accounts: argon2 password hashes, bearer tokens that expire and can be revoked."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from server.domain.accounts import errors, tokens
from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.accounts.tokens import Lifetimes, TokenPair
from server.domain.catalog.models import Department, Hall, Region
from server.domain.errors import DomainError

_hasher = PasswordHasher()
# verified against when the username is unknown, so both paths cost the same
_DUMMY_HASH = _hasher.hash("liaoyi-timing-equaliser")
MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class LoginLimiter:
    """Sliding-window limit on login attempts per username and per client address (in process)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, *keys: str) -> bool:
        now = time.monotonic()
        ok = True
        for key in keys:
            hits = self._hits[key]
            while hits and now - hits[0] > 60:
                hits.popleft()
            if len(hits) >= self.per_minute:
                ok = False
            hits.append(now)
        if len(self._hits) > 10_000:  # forget keys whose minute has passed
            for key in [k for k, h in self._hits.items() if now - h[-1] > 60]:
                del self._hits[key]
        return ok


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
    """Create a staff account. ``actor`` None means the operator's CLI (trusted)."""
    problems: list[DomainError] = []
    if actor is not None and not (
        Role.CITY_ADMIN in actor.roles and actor.region_code is not None
    ):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员可以创建工作人员账号")
    username = username.strip()
    if not username or len(username) > 64:
        problems.append(DomainError(errors.INVALID, "用户名不能为空且不超过 64 个字符", ["username"]))
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(
            DomainError(errors.INVALID, f"密码至少 {MIN_PASSWORD_LENGTH} 个字符", ["password"])
        )
    if not roles:
        problems.append(DomainError(errors.INVALID, "至少指定一个角色", ["roles"]))
    region = await Region.get_or_none(code=region_code)
    if region is None:
        problems.append(DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"]))
    elif actor is not None and not actor.covers(region.path):
        problems.append(DomainError(errors.NOT_ALLOWED, "不能在本级区划以外创建账号", ["regionCode"]))
    if department_code and not await Department.exists(code=department_code):
        problems.append(DomainError(errors.NOT_FOUND, f"部门 {department_code} 不存在", ["departmentCode"]))
    if hall_code and not await Hall.exists(code=hall_code):
        problems.append(DomainError(errors.NOT_FOUND, f"大厅 {hall_code} 不存在", ["hallCode"]))
    if await StaffUser.exists(username=username):
        problems.append(DomainError(errors.DUPLICATE, f"用户名 {username} 已存在", ["username"]))
    if problems:
        from server.domain.errors import DomainErrors

        raise DomainErrors(problems)
    return await StaffUser.create(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        roles=[str(r) for r in roles],
        region_id=region_code,
        department_id=department_code,
        hall_id=hall_code,
    )


MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


async def login(
    *, username: str, password: str, lifetimes: Lifetimes, limiter: LoginLimiter | None = None, client: str = ""
) -> tuple[TokenPair, StaffUser]:
    """Check the password and issue tokens. The same error whether or not the user exists;
    five wrong passwords in a row lock the account for 15 minutes."""
    username = username.strip()  # one spelling for the limiter and the lookup
    if limiter is not None and not limiter.allow(f"user:{username.casefold()}", f"ip:{client}"):
        raise DomainError(errors.RATE_LIMITED, "登录尝试过于频繁，请一分钟后再试")
    user = await StaffUser.get_or_none(username=username)
    stored = user.password_hash if user is not None else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
        ok = user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    now = datetime.now(timezone.utc)
    if user is not None and user.locked_until is not None and user.locked_until > now:
        raise DomainError(errors.LOCKED, "密码错误次数过多，账号已临时锁定，请 15 分钟后再试或联系管理员")
    if not ok or user is None or not user.is_active:
        if user is not None and not ok:
            failed = user.failed_logins + 1
            locked = now + LOCKOUT if failed >= MAX_FAILED_LOGINS else None
            await StaffUser.filter(id=user.id).update(
                failed_logins=0 if locked else failed, locked_until=locked
            )
        raise DomainError(errors.INVALID_CREDENTIALS, "用户名或密码错误", ["password"])
    updates: dict[str, object] = {}
    if user.failed_logins or user.locked_until:
        updates.update(failed_logins=0, locked_until=None)
    if _hasher.check_needs_rehash(user.password_hash):
        updates["password_hash"] = hash_password(password)
    if updates:
        await StaffUser.filter(id=user.id).update(**updates)
    return await tokens.issue(lifetimes=lifetimes, user=user), user


async def region_path_of(user: StaffUser) -> str:
    paths = await Region.filter(code=user.region_id).values_list("path", flat=True)  # type: ignore[attr-defined]
    return paths[0]
