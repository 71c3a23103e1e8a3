"""Inbound exchange: a partner's signed message about a case routed to it (``POST /exchange/<code>``).

Nothing unverified changes a case: an unknown or inactive partner, missing headers, a timestamp
outside ±5 minutes or a signature none of the partner's keys made is refused with a Chinese error
and logged (the body kept masked), never applied. A message id seen before answers as the first
time did and changes nothing (the same bytes), or is refused as a replay (other bytes). A verified
message is applied through the case state machine in one transaction with its log row: a move the
table does not allow from the case's state now (a late "accepted" after "decided") changes
nothing and is logged as ignored, so a peer that sends out of order never moves a case back.

Events (``data`` of the body):
- ``case.accepted`` — ``{case_number, number?}``: the partner took the case in hand (its own number);
- ``case.decided`` — ``{case_number, decision: approved|denied, reason, result_number?, result?}``:
  approved (a bundle's next stage may open) or denied, with what the partner produced (an account
  number, seal records …) kept on the case's timeline.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError

from server.domain.accounts.roles import Actor
from server.domain.cases import clock, flow
from server.domain.cases.models import Case, CaseMaterial
from server.domain.cases.states import Action, label, move
from server.domain.errors import DomainError
from server.domain.exchange import signing
from server.domain.exchange.models import Direction, ExchangeMessage, MessageStatus, Partner
from server.settings import Settings

log = logging.getLogger("liaoyi.exchange")

MAX_BODY = 256 * 1024


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: dict[str, Any]


def _refusal(status: int, code: str, message: str) -> Answer:
    return Answer(status, {"ok": False, "code": code, "message": message})


def partner_actor(p: Partner) -> Actor:
    return Actor(exchange_partner_id=p.id, partner_kind=p.kind, partner_code=p.code, display_name=p.name[:64])


async def receive(code: str, body: bytes, headers: Mapping[str, str], *, settings: Settings | None) -> Answer:
    """Verify, log and apply one inbound message; the answer to send back."""
    h = {k.lower(): v for k, v in headers.items()}
    message_id = (h.get("webhook-id") or "")[:64]
    partner = await Partner.get_or_none(code=code[:32])
    if len(body) > MAX_BODY:
        return await _refuse(code, message_id, body, partner, 413, "TOO_LARGE", "消息过大", "too_large")
    if partner is None or not partner.is_active:
        return await _refuse(code, message_id, body, partner, 404, "UNKNOWN_PARTNER", "未登记或已停用的合作单位",
                             "unknown_partner")
    check = signing.verify(body, h, secrets_in_use=[k["secret"] for k in partner.keys])
    if not check.ok:
        return await _refuse(code, message_id, body, partner, 401, "NOT_VERIFIED", check.message, check.reason)
    seen = await ExchangeMessage.get_or_none(direction=Direction.IN.value, partner_code=partner.code,
                                             message_id=message_id)
    if seen is not None:
        return _again(seen, body)
    try:
        payload = json.loads(body)
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
            raise ValueError("not an object with data")
    except ValueError:
        return await _refuse(code, message_id, body, partner, 400, "INVALID", "消息体应为 JSON 对象：{event, data}",
                             "ok")
    event = str(payload.get("event") or "")[:48]
    handler = HANDLERS.get(event)
    if handler is None:
        return await _refuse(code, message_id, body, partner, 400, "UNKNOWN_EVENT", f"不支持的消息类型“{event}”", "ok",
                             event=event)
    data = payload["data"]

    async def apply(u: flow.Unit) -> dict[str, Any]:
        row = await ExchangeMessage.create(
            message_id=message_id, direction=Direction.IN.value, partner_code=partner.code, event=event,
            region_code=partner.region_code, body=signing.masked(payload), digest=signing.digest(body),
            status=MessageStatus.APPLIED.value, verification="ok", using_db=u.conn)
        case, outcome = await handler(u, partner, data)
        answer: dict[str, Any] = {"ok": True, "applied": outcome is None, "caseNumber": case.number if case else None,
                                  "caseStatus": case.status if case else None}
        if outcome is not None:
            answer["reason"] = outcome
        await ExchangeMessage.filter(id=row.id).using_db(u.conn).update(
            case_id=case.id if case else None, case_number=case.number if case else "",
            status=MessageStatus.APPLIED.value if outcome is None else MessageStatus.IGNORED.value,
            answer_status=200, answer=answer, last_error=outcome or "")
        return answer

    try:
        # a decision that opens a bundle's later stage reads remote bases before the transaction
        answer = await flow.run_unit(settings, apply)
    except IntegrityError:  # the same message id, committed by a concurrent delivery of it
        again = await ExchangeMessage.get(direction=Direction.IN.value, partner_code=partner.code, message_id=message_id)
        return _again(again, body)
    except DomainError as exc:
        return await _refuse(code, message_id, body, partner, 422, exc.code, exc.message, "ok", event=event)
    return Answer(200, answer)


def _again(seen: ExchangeMessage, body: bytes) -> Answer:
    """A message id seen before: the same bytes answer as the first time did; other bytes are a replay."""
    if seen.digest != signing.digest(body):
        return _refusal(409, "REPLAYED", "消息 ID 已使用过，且内容不同：拒绝（重放）")
    return Answer(seen.answer_status or 200, dict(seen.answer))


async def _refuse(code: str, message_id: str, body: bytes, partner: Partner | None, status: int, error: str,
                  message: str, verification: str, *, event: str = "") -> Answer:
    """Refused: logged (masked body, never applied) and answered with a Chinese message."""
    try:
        parsed: Any = json.loads(body) if body else {}
    except ValueError:
        parsed = {"text": body[:200].decode(errors="replace")}
    answer = {"ok": False, "code": error, "message": message}
    log.warning("exchange in from %s (%s): refused %s — %s", code, message_id or "-", error, message)
    try:
        await ExchangeMessage.create(
            message_id=message_id or signing.new_message_id(), direction=Direction.IN.value, partner_code=code[:32],
            event=event or (str(parsed.get("event", ""))[:48] if isinstance(parsed, dict) else ""),
            region_code=partner.region_code if partner else "",
            body=signing.masked(parsed) if isinstance(parsed, dict) else {}, digest=signing.digest(body),
            status=MessageStatus.REFUSED.value, verification=verification, answer_status=status, answer=answer,
            last_error=message)
    except IntegrityError:  # a refused replay of a logged id: the first row stays
        pass
    return Answer(status, answer)


# ---------------------------------------------------------------- what each event does to its case

Handler = Callable[[flow.Unit, Partner, dict[str, Any]], Awaitable[tuple[Case | None, str | None]]]


async def _routed_case(conn: Any, partner: Partner, data: dict[str, Any]) -> Case:
    number = str(data.get("case_number") or "")[:32]
    case = await Case.filter(number=number, partner_code=partner.code).using_db(conn).first()
    if case is None:
        raise DomainError("NOT_FOUND", f"没有转送给本单位的办件 {number}", ["case_number"])
    return case


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    return str(data.get(key) or "").strip()[:limit]


async def _accepted(u: flow.Unit, partner: Partner, data: dict[str, Any]) -> tuple[Case | None, str | None]:
    case = await _routed_case(u.conn, partner, data)
    if move(case.status, Action.REMOTE_ACCEPTED) is None:
        return case, f"办件当前状态为“{label(case.status)}”，接收消息不再改变它"
    number = _text(data, "number", 64)
    await flow.transition(case, acting=flow.Acting(partner_actor(partner)), action=Action.REMOTE_ACCEPTED, settings=None,
                          within=u, reason=f"{partner.name}已接收" + (f"，编号 {number}" if number else ""),
                          updates={"forwarded_number": number} if number else {}, data={"number": number})
    return case, None


async def _decided(u: flow.Unit, partner: Partner, data: dict[str, Any]) -> tuple[Case | None, str | None]:
    case = await _routed_case(u.conn, partner, data)
    decision = _text(data, "decision", 12)
    if decision not in ("approved", "denied"):
        raise DomainError("INVALID", "decision 只能为 approved 或 denied", ["decision"])
    action = Action.APPROVED if decision == "approved" else Action.DENIED
    if move(case.status, action) is None:
        return case, f"办件当前状态为“{label(case.status)}”，决定消息不再改变它"
    reason = _text(data, "reason", 500)
    if decision == "denied" and len(reason) < 2:
        raise DomainError("INVALID", "不予办理须说明理由（reason）", ["reason"])
    if decision == "approved" and await CaseMaterial.filter(case_id=case.id, state="missing").using_db(u.conn).exists():
        raise DomainError("MISSING_MATERIAL", "容缺材料尚未补齐，不能作出办理完成的决定", ["case_number"])
    result = data.get("result") if isinstance(data.get("result"), dict) else {}
    number = _text(data, "result_number", 64)
    now = clock.now()
    updates: dict[str, Any] = {"decision": decision, "decision_reason": reason, "decided_at": now}
    if decision == "denied":
        updates |= {"completed_at": now, "supply_by": None,
                    "working_days_used": await clock.used_working_days(case, until=clock.today())}

    async def side(conn: Any, out: flow.Outgoing) -> None:
        if decision == "approved":
            await out.applicant("approved")
        else:
            await out.applicant("denied", reason=reason)

    await flow.transition(
        case, acting=flow.Acting(partner_actor(partner)), action=action, settings=None, within=u, side=side,
        reason=reason or f"{partner.name}办理完成" + (f"，结果编号 {number}" if number else ""), updates=updates,
        data={"result_number": number, "result": signing.masked(result)},
    )
    return case, None


HANDLERS: dict[str, Handler] = {"case.accepted": _accepted, "case.decided": _decided}
