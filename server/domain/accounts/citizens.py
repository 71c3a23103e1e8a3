"""Citizens: sign-in with a one-time SMS code, real-name verification, the profile.

A code request gets the same answer whether or not the phone number belongs to anybody: a code is
sent to any valid number, and the first sign-in with it creates the citizen. The limits:

- a code is 6 digits from :mod:`secrets`, stored as an HMAC (keyed with the server secret), valid
  for 5 minutes, checked at most 5 times, used once; a new code replaces the previous one;
- one code per phone per 60 seconds (TOO_SOON, with the seconds left), at most 10 per phone per
  calendar day (China time), and at most :data:`ADDRESS_LIMIT` requests per client address in
  :data:`ADDRESS_WINDOW` seconds (in Redis with ``REDIS_URL``, one allowance for all processes, else
  in process memory; like the login limiter);
- sign-in attempts go through the app's login limiter (per phone and per client address).

Real-name verification checks the form of the name and the ID number (check character, a real
birth date); it cannot ask the national population register, which a later issue may connect.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts import errors, tokencache, tokens
from server.domain.accounts.identifiers import check_phone, parse_id_number
from server.domain.accounts.models import Citizen, SmsCode
from server.domain.accounts.ratelimit import Limiter, SlidingWindowLimiter, make_limiter
from server.domain.accounts.roles import Actor
from server.domain.accounts.sms import SIGN_IN_CODE
from server.domain.accounts.tokens import Lifetimes, TokenPair
from server.domain.errors import DomainError, DomainErrors
from server.domain.notifications import service as notifications
from server.domain.notifications.models import Channel
from server.domain.notifications.service import Recipient
from server.settings import Settings

CODE_LENGTH = 6
CODE_TTL = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
MAX_CODES_PER_DAY = 10
MAX_ATTEMPTS = 5
ADDRESS_LIMIT = 10  # code requests per client address …
ADDRESS_WINDOW = 600.0  # … in this many seconds

# the default without REDIS_URL: per process (the app passes its Redis limiter, sms_code_limiter, with it)
address_limiter = SlidingWindowLimiter(ADDRESS_LIMIT, ADDRESS_WINDOW)


def sms_code_limiter(redis_url: str | None) -> Limiter:
    """Code requests per client address: in Redis with ``redis_url``, else this process's."""
    if not redis_url:
        return address_limiter
    return make_limiter(ADDRESS_LIMIT, ADDRESS_WINDOW, name="sms-code", redis_url=redis_url)
_in_flight: set[str] = set()  # phones whose code request is being handled in this process

_CODE = re.compile(r"^[0-9]{6}$")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NAME = re.compile(rf"^[{_HAN}]+(?:·[{_HAN}]+)*$")
_DOTS = str.maketrans({c: "·" for c in "•‧∙⋅・･●．."})  # the ways a minority name's dot gets typed
NAME_MIN, NAME_MAX = 2, 30


@dataclass(frozen=True, slots=True)
class CodeSent:
    """The one answer to every accepted code request."""

    expires_in: int = int(CODE_TTL.total_seconds())
    resend_after: int = int(RESEND_AFTER.total_seconds())


@dataclass(frozen=True, slots=True)
class SignedIn:
    tokens: TokenPair
    citizen: Citizen
    first_sign_in: bool


def _code_hash(secret: str, phone: str, code: str) -> str:
    return hmac.new(secret.encode(), f"sms:{phone}:{code}".encode(), hashlib.sha256).hexdigest()


def _too_soon(seconds: int) -> DomainError:
    return DomainError(errors.TOO_SOON, f"验证码已发送，请 {seconds} 秒后再重新获取", ["phone"])


def _start_of_day(now: datetime) -> datetime:
    local = clock.china(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)


async def request_code(
    *, phone: str, client: str, secret: str, settings: Settings, limiter: Limiter | None = None,
) -> CodeSent:
    """Send a sign-in code to ``phone``. Registered or not, the answer is the same."""
    decision = await (limiter or address_limiter).ahit(f"sms-code:{client or '-'}")
    if not decision.allowed:
        minutes = max(1, math.ceil(decision.retry_after / 60))
        raise DomainError(errors.RATE_LIMITED, f"本网络获取验证码过于频繁，请 {minutes} 分钟后再试")
    phone = check_phone(phone)
    if phone in _in_flight:
        raise _too_soon(int(RESEND_AFTER.total_seconds()))
    _in_flight.add(phone)
    try:
        outbox: list[int] = []
        await _issue_code(phone=phone, secret=secret, outbox=outbox)
    finally:
        _in_flight.discard(phone)
    # the code and its SMS were committed together; delivery goes through the outbox (issue 5)
    await notifications.after_commit(settings, outbox)
    return CodeSent()


async def _issue_code(*, phone: str, secret: str, outbox: list[int] | None = None) -> str:
    """Store the new code and the outbox row of its SMS in one transaction (its id is appended to
    ``outbox``, for the caller to hand on after commit); returns the code."""
    now = clock.utcnow()
    today = await SmsCode.filter(phone=phone, created_at__gte=_start_of_day(now)).count()
    if today >= MAX_CODES_PER_DAY:
        raise DomainError(errors.RATE_LIMITED, "该手机号今日获取验证码次数已达上限，请明天再试", ["phone"])
    latest = await SmsCode.filter(phone=phone).order_by("-id").first()
    if latest is not None and latest.created_at > now - RESEND_AFTER:
        raise _too_soon(max(1, math.ceil((latest.created_at + RESEND_AFTER - now).total_seconds())))
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_LENGTH))
    async with in_transaction() as conn:
        if latest is not None:
            # the new code replaces the previous one; the condition on the value read makes two
            # concurrent requests (in different processes) race for it, and only one wins
            replaced = await SmsCode.filter(id=latest.id, expires_at=latest.expires_at).using_db(conn).update(
                expires_at=now
            )
            if replaced != 1:
                raise _too_soon(int(RESEND_AFTER.total_seconds()))
        await SmsCode.create(
            phone=phone, code_hash=_code_hash(secret, phone, code), expires_at=now + CODE_TTL, using_db=conn
        )
        row = await notifications.enqueue(
            conn, event=SIGN_IN_CODE, channel=Channel.SMS, recipient=Recipient(phone=phone),
            params={"code": code, "minutes": str(int(CODE_TTL.total_seconds() // 60))},
        )
    if outbox is not None:
        outbox.append(int(row.id))
    return code


async def sign_in(
    *, phone: str, code: str, client: str, secret: str, lifetimes: Lifetimes,
    limiter: Limiter | None = None,
) -> SignedIn:
    """Exchange a code for tokens; the first sign-in of a phone number creates its citizen."""
    phone = check_phone(phone)
    code = (code or "").strip()
    if limiter is not None and not (await limiter.ahit(f"sms-sign-in:{phone}", f"ip:{client}")).allowed:
        raise DomainError(errors.RATE_LIMITED, "登录尝试过于频繁，请一分钟后再试")
    if not _CODE.match(code):
        raise DomainError(errors.INVALID_CODE, "请输入 6 位数字验证码", ["code"])
    now = clock.utcnow()
    expired = DomainError(errors.CODE_EXPIRED, "验证码已失效，请重新获取", ["code"])
    row = await SmsCode.filter(phone=phone).order_by("-id").first()
    if row is None or row.consumed_at is not None or row.expires_at <= now:
        raise expired
    if row.attempts >= MAX_ATTEMPTS:
        raise DomainError(errors.CODE_EXPIRED, "验证码错误次数过多，请重新获取", ["code"])
    counted = await SmsCode.filter(id=row.id, attempts__lt=MAX_ATTEMPTS, consumed_at=None).update(
        attempts=F("attempts") + 1
    )
    if counted != 1:
        raise DomainError(errors.CODE_EXPIRED, "验证码错误次数过多，请重新获取", ["code"])
    if not hmac.compare_digest(row.code_hash, _code_hash(secret, phone, code)):
        left = MAX_ATTEMPTS - row.attempts - 1
        if left <= 0:
            raise DomainError(errors.INVALID_CODE, "验证码不正确，已无剩余尝试次数，请重新获取", ["code"])
        raise DomainError(errors.INVALID_CODE, f"验证码不正确，还可尝试 {left} 次", ["code"])
    used = await SmsCode.filter(id=row.id, consumed_at=None, expires_at__gt=now).update(consumed_at=now)
    if used != 1:  # a concurrent sign-in used it first
        raise expired
    citizen, created = await _citizen_for(phone)
    if not citizen.is_active:
        raise DomainError(errors.NOT_ALLOWED, "该账号已停用，请到政务服务大厅咨询")
    pair = await tokens.issue(lifetimes=lifetimes, citizen=citizen)
    return SignedIn(tokens=pair, citizen=citizen, first_sign_in=created)


async def _citizen_for(phone: str) -> tuple[Citizen, bool]:
    citizen = await Citizen.get_or_none(phone=phone)
    if citizen is not None:
        return citizen, False
    try:
        async with in_transaction() as conn:
            return await Citizen.create(phone=phone, using_db=conn), True
    except IntegrityError:  # created by a concurrent first sign-in
        return await Citizen.get(phone=phone), False


def check_person_name(raw: str, field: str = "name") -> str:
    """2 to 30 Chinese characters; a minority name's parts joined by "·" (however it was typed)."""
    name = re.sub(r"\s", "", raw or "").translate(_DOTS)
    if not NAME_MIN <= len(name) <= NAME_MAX:
        raise DomainError(errors.INVALID, f"姓名应为 {NAME_MIN} 到 {NAME_MAX} 个汉字", [field])
    if not _NAME.match(name):
        raise DomainError(errors.INVALID, "姓名只能包含汉字，少数民族姓名各部分之间用“·”分隔", [field])
    return name


def _signed_in_citizen(actor: Actor) -> int:
    if actor.citizen_id is None:
        raise DomainError(errors.NOT_ALLOWED, "请先用手机号登录")
    return actor.citizen_id


async def verify_real_name(*, actor: Actor, name: str, id_number: str) -> Citizen:
    """Bind a name and a resident ID number to the signed-in citizen (once; the same data again
    is accepted as it is)."""
    citizen_id = _signed_in_citizen(actor)
    problems: list[DomainError] = []
    try:
        name = check_person_name(name)
    except DomainError as e:
        problems.append(e)
    try:
        rid = parse_id_number(id_number)
    except DomainError as e:
        problems.append(e)
    if problems:
        raise DomainErrors(problems)
    citizen = await Citizen.get(id=citizen_id)
    if citizen.verified_at is not None:
        if citizen.name == name and citizen.id_number == rid.number:
            return citizen
        raise DomainError(errors.INVALID_STATE, "您已完成实名认证，如需更正请到政务服务大厅办理")
    taken = DomainError(
        errors.MISMATCH, "该身份证号码已被其他账号实名认证；如非本人操作，请携带身份证到政务服务大厅办理", ["idNumber"]
    )
    if await Citizen.filter(id_number=rid.number).exclude(id=citizen_id).exists():
        raise taken
    now = clock.utcnow()
    try:
        async with in_transaction() as conn:
            done = await Citizen.filter(id=citizen_id, verified_at=None).using_db(conn).update(
                name=name, id_number=rid.number, birth_date=rid.birth_date, sex=rid.sex, verified_at=now
            )
    except IntegrityError:  # bound to another citizen at the same moment
        raise taken from None
    if done != 1:  # verified concurrently: same data is fine, other data is not
        return await verify_real_name(actor=actor, name=name, id_number=rid.number)
    await tokencache.changed(citizen_id=citizen_id)  # the actor's name, in every process
    return await Citizen.get(id=citizen_id)


async def profile(*, actor: Actor) -> Citizen | None:
    """The signed-in citizen, or None for anybody else."""
    if actor.citizen_id is None:
        return None
    return await Citizen.get_or_none(id=actor.citizen_id, is_active=True)
