"""Reconciliation (对账): every night, and when an administrator asks, the open cases routed to a
partner are compared with the partner's own view — a signed ``case.status_query`` to its address,
answered with the status it holds for each case number. A case on which the two disagree becomes a
difference for administrators of the partner's region to look into; it is reported, never applied:
a case changes only through a verified answer (:mod:`inbound`) or a person's decision.

What counts as a difference, for an open case routed to the partner:
- the partner reports a status ahead of (or behind) the case here — accepted or decided there, while
  the case here still waits: an answer lost on the way (``status``);
- the partner does not know a case whose message it acknowledged (``unknown_to_peer``);
- the case's message is dead: it never arrived (``undelivered``).
A message still on its way is not a difference. One open row per case and kind: a later run that
sees it again updates it, a run that sees agreement closes it (no one signs for that), an administrator
may close it with a note once dealt with."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from server import clock
from server.domain.accounts.roles import Actor
from server.domain.accounts.service import is_staff_admin
from server.domain.cases.models import Case
from server.domain.errors import DomainError
from server.domain.exchange import outbound, partners, signing
from server.domain.exchange.models import (
    DifferenceKind,
    Direction,
    ExchangeDifference,
    ExchangeMessage,
    MessageStatus,
    Partner,
    ReconciliationRun,
)

log = logging.getLogger("liaoyi.exchange")

QUERY_BATCH = 100  # case numbers per status query
OPEN = ("accepted", "under_review", "suspended")  # routed, not yet decided here
PEER_STATUSES = ("received", "accepted", "approved", "denied")
PEER_LABELS = {"received": "已收到，未受理", "accepted": "已受理", "approved": "已准予", "denied": "不予办理", "": "无此件"}
_RANK = {"received": 0, "accepted": 1, "approved": 2, "denied": 2}


def expected(case_status: str) -> str:
    """What the partner should say of a case in ``case_status`` here."""
    return "received" if case_status == "accepted" else "accepted"


@dataclass(frozen=True, slots=True)
class Found:
    case: Case
    kind: DifferenceKind
    theirs: str
    detail: str


def compare(case: Case, theirs: str | None, message_status: str | None) -> Found | None:
    """One case against the partner's answer (``None``: it does not know the case) and the state of
    the case's message to it. No queries."""
    if theirs is None:
        if message_status == MessageStatus.DELIVERED.value:
            return Found(case, DifferenceKind.UNKNOWN_TO_PEER, "", "对方已确认收到该件的消息，但查询时答复无此件")
        if message_status == MessageStatus.DEAD.value:
            return Found(case, DifferenceKind.UNDELIVERED, "", "该件的消息投递失败（死信），对方从未收到；可在交换日志中重发")
        return None  # still on its way (or never sent by this platform): nothing to say yet
    want = expected(case.status)
    if theirs == want:
        return None
    if theirs in ("approved", "denied"):
        detail = f"对方已{PEER_LABELS[theirs]}，本平台未收到决定消息；请向对方核实后由对方重新答复"
    elif _RANK.get(theirs, -1) > _RANK[want]:
        detail = "对方已受理，本平台未收到接收消息"
    else:
        detail = f"本平台记为“{PEER_LABELS.get(want, want)}”，对方答复“{PEER_LABELS.get(theirs, theirs)}”"
    return Found(case, DifferenceKind.STATUS, theirs, detail)


async def _query(partner: Partner, numbers: Sequence[str], client: httpx.AsyncClient | None) -> dict[str, str]:
    """Ask the partner for its status of ``numbers`` (signed, logged); raises DomainError when it fails."""
    message_id = signing.new_message_id()
    body = signing.encode({"id": message_id, "event": "case.status_query", "partner": partner.code,
                           "data": {"case_numbers": list(numbers)}})
    row = await ExchangeMessage.create(
        message_id=message_id, direction=Direction.OUT.value, partner_code=partner.code, event="case.status_query",
        region_code=partner.region_code, body=signing.masked(json.loads(body)), digest=signing.digest(body),
        status=MessageStatus.SENDING.value, attempts=1, claimed_at=clock.now())
    limit = min(partner.timeout_seconds, outbound.MAX_TIMEOUT_SECONDS)
    error, answer_status, answer_body = "", None, {}
    try:
        answer = await outbound.post(partner, body, message_id=message_id, timeout=limit, client=client)
        answer_status = answer.status_code
        try:
            answer_body = answer.json()
        except ValueError:
            answer_body = {}
        if not 200 <= answer.status_code < 300:
            error = f"HTTP {answer.status_code}: {answer.text[:300]}"
        elif not isinstance(answer_body, dict) or not isinstance(answer_body.get("cases"), dict):
            error = "答复格式不正确：缺少 cases"
    except TimeoutError:
        error = f"超时：{limit + 1:g} 秒内未答复完"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:500] or "连接失败"
    await ExchangeMessage.filter(id=row.id).update(
        status=MessageStatus.DEAD.value if error else MessageStatus.DELIVERED.value, claimed_at=None,
        answer_status=answer_status, last_error=error, delivered_at=None if error else clock.now(),
        answer=signing.masked(answer_body) if isinstance(answer_body, dict) else {})
    if error:
        raise DomainError("UNREACHABLE", f"{partner.name}未答复状态查询：{error}")
    cases = answer_body["cases"]
    out: dict[str, str] = {}
    for number, view in cases.items():
        status = str((view or {}).get("status") or "") if isinstance(view, dict) else ""
        if status in PEER_STATUSES:
            out[str(number)] = status
    return out


async def run(partner: Partner, *, trigger: str = "nightly", client: httpx.AsyncClient | None = None) -> ReconciliationRun:
    """Compare every open case routed to ``partner`` with its view; record the run and the differences."""
    started = clock.now()
    rec = await ReconciliationRun.create(partner_code=partner.code, region_code=partner.region_code, trigger=trigger,
                                         started_at=started)
    cases = list(await Case.filter(partner_code=partner.code, status__in=OPEN).order_by("id"))
    messages: dict[int, str] = {}
    for m in await ExchangeMessage.filter(
            direction=Direction.OUT.value, partner_code=partner.code, case_id__in=[c.id for c in cases],
            event="case.routed").order_by("id").only("case_id", "status"):
        if m.case_id is not None:
            messages[m.case_id] = m.status  # the latest message of each case
    views: dict[str, str] = {}
    numbers = [c.number for c in cases if c.number]
    try:
        for i in range(0, len(numbers), QUERY_BATCH):
            views |= await _query(partner, numbers[i:i + QUERY_BATCH], client)
    except DomainError as exc:
        await ReconciliationRun.filter(id=rec.id).update(finished_at=clock.now(), checked=0, error=exc.message)
        log.warning("reconciliation with %s: %s", partner.code, exc.message)
        return await ReconciliationRun.get(id=rec.id)
    found = [f for c in cases if (f := compare(c, views.get(c.number or ""), messages.get(c.id))) is not None]
    await _record(rec, partner, cases, found)
    await ReconciliationRun.filter(id=rec.id).update(finished_at=clock.now(), checked=len(cases), differences=len(found))
    if found:
        log.warning("reconciliation with %s: %d of %d open case(s) differ", partner.code, len(found), len(cases))
    return await ReconciliationRun.get(id=rec.id)


async def _record(rec: ReconciliationRun, partner: Partner, cases: list[Case], found: list[Found]) -> None:
    now = clock.now()
    open_rows = {(d.case_id, d.kind): d for d in await ExchangeDifference.filter(partner_code=partner.code,
                                                                                   closed_at=None)}
    seen: dict[tuple[int, str], int] = {}  # (case, kind) -> the open row now recording it
    for f in found:
        key = (f.case.id, f.kind.value)
        fields: dict[str, Any] = {"run_id": rec.id, "ours": f.case.status, "theirs": f.theirs, "detail": f.detail,
                                  "last_seen_at": now}
        if key in open_rows:
            await ExchangeDifference.filter(id=open_rows[key].id).update(**fields)
            seen[key] = open_rows[key].id
        else:
            row = await ExchangeDifference.create(partner_code=partner.code, region_code=partner.region_code,
                                                  case_id=f.case.id, case_number=f.case.number or "", kind=f.kind.value,
                                                  first_seen_at=now, **fields)
            seen[key] = row.id
    # what no longer differs closes by itself, saying what happened: the two now agree, the case was
    # decided here since (no longer open), or the difference became one of another kind (its new row)
    still_open = {c.id for c in cases}
    now_kinds: dict[int, list[tuple[str, int]]] = {}
    for (case_id, kind), row_id in seen.items():
        now_kinds.setdefault(case_id, []).append((kind, row_id))
    for key, d in open_rows.items():
        if key in seen:
            continue
        await ExchangeDifference.filter(id=d.id, closed_at=None).update(
            closed_at=now, run_id=rec.id, note=closing_note(d, still_open=d.case_id in still_open,
                                                            became=now_kinds.get(d.case_id, [])))


KIND_LABELS = {
    DifferenceKind.STATUS.value: "状态不一致", DifferenceKind.UNKNOWN_TO_PEER.value: "对方无此件",
    DifferenceKind.UNDELIVERED.value: "消息未送达", DifferenceKind.UNREACHABLE.value: "对方未答复查询",
}


def closing_note(d: ExchangeDifference, *, still_open: bool, became: Sequence[tuple[str, int]]) -> str:
    """Why a run closed a difference it no longer sees (no queries)."""
    if became:
        kinds = "、".join(f"“{KIND_LABELS.get(k, k)}”" for k, _ in became)
        rows = "、".join(f"第 {i} 号" for _, i in became)
        return f"差异类型由“{KIND_LABELS.get(d.kind, d.kind)}”变为{kinds}，本条关闭，见新记录（{rows}）"
    if not still_open:
        return "办件在本平台已作出决定或不再办理，不再对账，本条关闭"
    return "复核一致：对账时双方状态已一致"


async def nightly(*, client: httpx.AsyncClient | None = None) -> int:
    """Every active partner with signing keys; returns how many differences are open after the runs."""
    total = 0
    for p in await Partner.filter(is_active=True).order_by("code"):
        if not p.keys:
            continue
        r = await run(p, client=client)
        total += r.differences
    return total


# ---------------------------------------------------------------- administrators


async def run_now(*, actor: Actor, partner_id: int, client: httpx.AsyncClient | None = None) -> ReconciliationRun:
    p = await partners.managed(actor, partner_id)
    if not p.is_active or not p.keys:
        raise DomainError("INVALID_STATE", "合作单位已停用或没有签名密钥，不能对账", ["partnerId"])
    return await run(p, trigger="admin", client=client)


async def _regions(actor: Actor) -> list[str]:
    return await partners.regions_under(partners.admin_path(actor))


async def runs(*, actor: Actor, partner_code: str | None, limit: int = 20) -> list[ReconciliationRun]:
    qs = ReconciliationRun.filter(region_code__in=await _regions(actor))
    if partner_code:
        qs = qs.filter(partner_code=partner_code.strip()[:32])
    return list(await qs.order_by("-id").limit(max(1, min(limit, 100))))


async def _differences_qs(actor: Actor, partner_code: str | None, open_only: bool | None) -> Any:
    qs = ExchangeDifference.filter(region_code__in=await _regions(actor))
    if partner_code:
        qs = qs.filter(partner_code=partner_code.strip()[:32])
    if open_only is True:
        qs = qs.filter(closed_at=None)
    elif open_only is False:
        qs = qs.filter(closed_at__not_isnull=True)
    return qs


async def differences(*, actor: Actor, partner_code: str | None, open_only: bool | None, offset: int = 0,
                      limit: int = 20) -> list[ExchangeDifference]:
    qs = await _differences_qs(actor, partner_code, open_only)
    return list(await qs.order_by("-last_seen_at", "-id").offset(offset).limit(limit))


async def count_differences(*, actor: Actor, partner_code: str | None, open_only: bool | None) -> int:
    return int(await (await _differences_qs(actor, partner_code, open_only)).count())


async def differences_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, ExchangeDifference]:
    if not is_staff_admin(actor):
        return {}
    return {d.id: d for d in await ExchangeDifference.filter(id__in=list(ids), region_code__in=await _regions(actor))}


async def runs_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, ReconciliationRun]:
    if not is_staff_admin(actor):
        return {}
    return {r.id: r for r in await ReconciliationRun.filter(id__in=list(ids), region_code__in=await _regions(actor))}


async def close(*, actor: Actor, difference_id: int, note: str) -> ExchangeDifference:
    """An administrator closes a difference they dealt with (the note says how); the case is untouched."""
    note = (note or "").strip()
    if len(note) < 2 or len(note) > 500:
        raise DomainError("INVALID", "请填写处理说明（2 到 500 个字）", ["note"])
    row = (await differences_by_ids(actor=actor, ids=[difference_id])).get(difference_id)
    if row is None:
        raise DomainError("NOT_FOUND", "对账差异不存在或不在本区划", ["differenceId"])
    if row.closed_at is not None:
        raise DomainError("INVALID_STATE", "该差异已处理", ["differenceId"])
    await ExchangeDifference.filter(id=row.id, closed_at=None).update(
        closed_at=clock.now(), closed_by_id=actor.user_id, closed_by_name=(actor.display_name or actor.username)[:64],
        note=note)
    return await ExchangeDifference.get(id=row.id)
