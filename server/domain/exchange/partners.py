"""Managing partners and reading the exchange log: city administrators of the partner's region (or
a region above it). A signing secret is shown once, when it is made; afterwards only its id, its
age and a fingerprint. A rotation adds a new key that signs first while the previous one still
verifies; retiring leaves the newest alone. Partner systems answer for their routed cases through
the graph with their API key as through the signed endpoint (:func:`answer`)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from tortoise.exceptions import IntegrityError

from server import clock
from server.domain.accounts.roles import Actor
from server.domain.accounts.service import is_staff_admin
from server.domain.cases import flow
from server.domain.cases.models import Case
from server.domain.catalog.models import Region
from server.domain.errors import DomainError, DomainErrors
from server.domain.exchange import inbound, outbound, signing
from server.domain.exchange.models import PARTNER_KINDS, ExchangeMessage, Partner, PartnerKind
from server.settings import Settings

CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,31}$")
BASIC_CODE = re.compile(r"^\d{12}$")
MAX_ROUTES = 200


def fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def admin_path(actor: Actor) -> str:
    if not is_staff_admin(actor):
        raise DomainError("NOT_ALLOWED", "只有管理员可以管理合作单位和查看交换日志")
    assert actor.region_path is not None
    return actor.region_path


async def regions_under(path: str) -> list[str]:
    return [str(c) for c in await Region.filter(path__startswith=path).values_list("code", flat=True)]


async def managed(actor: Actor, partner_id: int) -> Partner:
    path = admin_path(actor)
    p = await Partner.get_or_none(id=partner_id)
    if p is None or p.region_code not in await regions_under(path):
        raise DomainError("NOT_FOUND", "合作单位不存在或不在本区划", ["partnerId"])
    return p


async def list_partners(*, actor: Actor) -> list[Partner]:
    path = admin_path(actor)
    return list(await Partner.filter(region_code__in=await regions_under(path)).order_by("code"))


async def partners_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, Partner]:
    if not is_staff_admin(actor):
        return {}
    assert actor.region_path is not None
    regions = await regions_under(actor.region_path)
    return {p.id: p for p in await Partner.filter(id__in=list(ids), region_code__in=regions)}


@dataclass(slots=True)
class PartnerInput:
    name: str | None = None
    kind: str | None = None
    region_code: str | None = None
    base_url: str | None = None
    routes: list[str] | None = None
    timeout_seconds: float | None = None
    max_attempts: int | None = None
    is_active: bool | None = None


async def _checked(actor: Actor, data: PartnerInput, *, creating: bool) -> dict[str, Any]:
    problems: list[DomainError] = []
    out: dict[str, Any] = {}
    if data.name is not None or creating:
        name = (data.name or "").strip()
        if not 2 <= len(name) <= 64:
            problems.append(DomainError("INVALID", "名称应为 2 到 64 个字", ["name"]))
        out["name"] = name
    if data.kind is not None or creating:
        if data.kind not in {k.value for k in PartnerKind}:
            problems.append(DomainError("INVALID", "类型只能为：" + "、".join(PARTNER_KINDS.values()), ["kind"]))
        out["kind"] = data.kind
    if data.region_code is not None or creating:
        code = (data.region_code or "").strip()
        if code not in await regions_under(admin_path(actor)):
            problems.append(DomainError("INVALID", "区划不存在或不在本人管理范围内", ["regionCode"]))
        out["region_code"] = code
    if data.base_url is not None or creating:
        url = (data.base_url or "").strip()
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or len(url) > 255:
            problems.append(DomainError("INVALID", "接收地址应为 http(s):// 开头的完整地址", ["baseUrl"]))
        out["base_url"] = url
    if data.routes is not None:
        routes = list(dict.fromkeys(r.strip() for r in data.routes))
        bad = [r for r in routes if not BASIC_CODE.match(r)]
        if bad or len(routes) > MAX_ROUTES:
            problems.append(DomainError("INVALID", f"事项基本编码应为 12 位数字（最多 {MAX_ROUTES} 项）", ["routes"]))
        out["routes"] = routes
    if data.timeout_seconds is not None:
        if not 0.5 <= data.timeout_seconds <= outbound.MAX_TIMEOUT_SECONDS:
            problems.append(DomainError("INVALID", f"超时应在 0.5 到 {outbound.MAX_TIMEOUT_SECONDS:g} 秒之间", ["timeoutSeconds"]))
        out["timeout_seconds"] = data.timeout_seconds
    if data.max_attempts is not None:
        if not 1 <= data.max_attempts <= 20:
            problems.append(DomainError("INVALID", "最多尝试次数应在 1 到 20 之间", ["maxAttempts"]))
        out["max_attempts"] = data.max_attempts
    if data.is_active is not None:
        out["is_active"] = data.is_active
    if problems:
        raise DomainErrors(problems)
    return out


def _new_key(n: int) -> tuple[dict[str, Any], str]:
    secret = signing.new_secret()
    return {"id": f"k{n}", "secret": secret, "created_at": clock.now().isoformat()}, secret


async def create_partner(*, actor: Actor, code: str, data: PartnerInput) -> tuple[Partner, str]:
    """A new partner and its first signing secret (returned once)."""
    code = (code or "").strip().lower()
    problems = [] if CODE.match(code) else [DomainError("INVALID", "代码应为 2 到 32 位小写字母、数字或连字符", ["code"])]
    try:
        fields = await _checked(actor, data, creating=True)
    except DomainErrors as exc:
        problems += exc.errors
        fields = {}
    if problems:
        raise DomainErrors(problems)
    key, secret = _new_key(1)
    try:
        p = await Partner.create(code=code, keys=[key], **fields)
    except IntegrityError:
        raise DomainError("INVALID", "该代码已被使用", ["code"]) from None
    return p, secret


async def update_partner(*, actor: Actor, partner_id: int, data: PartnerInput) -> Partner:
    p = await managed(actor, partner_id)
    fields = await _checked(actor, data, creating=False)
    if fields:
        await Partner.filter(id=p.id).update(**fields)
    return await Partner.get(id=p.id)


async def rotate_key(*, actor: Actor, partner_id: int) -> tuple[Partner, str]:
    """A new key that signs first; the previous newest still verifies until retired (two at most)."""
    p = await managed(actor, partner_id)
    n = max((int(k["id"][1:]) for k in p.keys if str(k.get("id", "")).startswith("k")), default=0) + 1
    key, secret = _new_key(n)
    await Partner.filter(id=p.id).update(keys=[key, *p.keys[:1]])
    return await Partner.get(id=p.id), secret


async def retire_old_key(*, actor: Actor, partner_id: int) -> Partner:
    p = await managed(actor, partner_id)
    if len(p.keys) < 2:
        raise DomainError("INVALID_STATE", "只有一个密钥，没有可停用的旧密钥", ["partnerId"])
    await Partner.filter(id=p.id).update(keys=p.keys[:1])
    return await Partner.get(id=p.id)


# ---------------------------------------------------------------- the log


@dataclass(slots=True)
class LogFilter:
    partner_code: str | None = None
    direction: str | None = None
    statuses: list[str] | None = None
    case_number: str | None = None


async def _log_qs(actor: Actor, flt: LogFilter) -> Any:
    path = admin_path(actor)
    qs = ExchangeMessage.filter(region_code__in=await regions_under(path))
    if flt.partner_code:
        qs = qs.filter(partner_code=flt.partner_code.strip()[:32])
    if flt.direction:
        qs = qs.filter(direction=flt.direction)
    if flt.statuses:
        qs = qs.filter(status__in=flt.statuses)
    if flt.case_number:
        qs = qs.filter(case_number=flt.case_number.strip()[:32])
    return qs


async def log(*, actor: Actor, flt: LogFilter, offset: int = 0, limit: int = 20) -> list[ExchangeMessage]:
    """The exchange log of the admin's region, newest first."""
    return list(await (await _log_qs(actor, flt)).order_by("-id").offset(offset).limit(limit))


async def count_log(*, actor: Actor, flt: LogFilter) -> int:
    return int(await (await _log_qs(actor, flt)).count())


async def messages_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, ExchangeMessage]:
    if not is_staff_admin(actor):
        return {}
    assert actor.region_path is not None
    regions = await regions_under(actor.region_path)
    return {m.id: m for m in await ExchangeMessage.filter(id__in=list(ids), region_code__in=regions)}


async def retry(*, actor: Actor, message_pk: int, settings: Settings | None) -> ExchangeMessage:
    """An admin of the region sends a dead message again (the same id), handed on at once."""
    if message_pk not in await messages_by_ids(actor=actor, ids=[message_pk]):
        raise DomainError("NOT_FOUND", "交换消息不存在或不在本区划", ["messageId"])
    row = await outbound.retry(message_pk)
    from server.domain.exchange import routing

    await routing.after_commit(settings, [row.id])
    return await ExchangeMessage.get(id=row.id)


# ---------------------------------------------------------------- a partner answers through the graph


async def answer(*, actor: Actor, settings: Settings | None, case_id: int, event: str,
                 data: dict[str, Any]) -> Case:
    """A partner system, with its API key, answers for a case routed to it — the same events and
    rules as the signed endpoint (:mod:`inbound`), logged the same way."""
    if not actor.is_partner or not actor.partner_code:
        raise DomainError("NOT_ALLOWED", "只有合作单位的系统可以答复转送给它的办件")
    p = await Partner.get_or_none(code=actor.partner_code, is_active=True)
    case = await Case.get_or_none(id=case_id, partner_code=actor.partner_code)
    if p is None or case is None:
        raise DomainError("NOT_FOUND", "办件不存在或未转送给本单位", ["caseId"])
    handler = inbound.HANDLERS.get(event)
    if handler is None:
        raise DomainError("INVALID", f"不支持的答复“{event}”", ["event"])
    payload: dict[str, Any] = {**data, "case_number": case.number}
    body = {"event": event, "data": payload}
    raw = signing.encode(body)
    async def apply(u: flow.Unit) -> None:
        row = await ExchangeMessage.create(
            message_id=signing.new_message_id(), direction="in", partner_code=p.code, event=event,
            region_code=p.region_code, body=signing.masked(body), digest=signing.digest(raw), status="applied",
            verification="api_key", case_id=case.id, case_number=case.number or "", using_db=u.conn)
        _, ignored = await handler(u, p, payload)
        if ignored is not None:
            raise DomainError("INVALID_STATE", ignored, ["caseId"])
        await ExchangeMessage.filter(id=row.id).using_db(u.conn).update(answer_status=200, answer={"ok": True})

    await flow.run_unit(settings, apply)  # a later stage it opens reads remote bases before the transaction
    return await Case.get(id=case.id)
