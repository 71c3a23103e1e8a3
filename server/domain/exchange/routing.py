"""Which cases leave the platform: a case of an item a partner takes (``Partner.routes``: basic codes),
accepted in the partner's region, is forwarded to it at acceptance — the ``forwarded`` move and its
signed message in the transaction of the acceptance — and handed on once that commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from server import jobqueue
from server.domain.accounts.models import Citizen, Enterprise
from server.domain.cases.models import Case, CaseMaterial
from server.domain.exchange import outbound
from server.domain.exchange.models import ExchangeMessage, MessageStatus, Partner, PartnerKind
from server.settings import Settings

log = logging.getLogger("liaoyi.exchange")


def province_of(region_code: str) -> str:
    """The province of a GB/T 2260 code (its first two digits)."""
    return region_code[:2] + "0000"


def takes(p: Partner, case: Case | SimpleNamespace) -> bool:
    """Whether ``p`` takes ``case`` once accepted: an item it is configured for (``routes``), in its
    region; a provincial platform without routes takes every provincial item accepted at one of its
    region's halls (省级委托收件: the city's window accepts on the province's behalf, the province
    decides)."""
    if not p.is_active:
        return False
    if p.kind == PartnerKind.PROVINCE and not p.routes:
        return (case.region_code == province_of(p.region_code) != p.region_code
                and (case.hall_code or "").startswith(p.region_code))
    if case.basic_code not in (p.routes or []):
        return False
    return p.kind == PartnerKind.PROVINCE or p.region_code in {case.region_code, case.city_code, case.county_code}


async def destination(case: Case) -> tuple[str, str, str | None]:
    """Where the case goes once accepted, for the clerk who accepts it: (kind, note, partner code) —
    ``partner`` (forwarded to a partner, or already), ``county`` (an item a county decides, received
    at a hall above it: it goes to that county's queue) or ``local``."""
    from server.domain.catalog.models import Region

    if case.partner_code:
        p = await Partner.get_or_none(code=case.partner_code)
        return "partner", f"已转送{p.name if p else case.partner_code}办理", case.partner_code
    p = await partner_for(None, case)
    if p is not None:
        return "partner", f"受理后将经签名交换转送{p.name}办理（{p.name}作出决定）", p.code
    if case.county_code and not (case.hall_code or "").startswith(case.county_code):
        r = await Region.get_or_none(code=case.county_code)
        name = r.name if r else case.county_code
        return "county", f"该事项由{name}办理：受理后进入{name}部门的审批队列（代为收件）", None
    return "local", "本级办理", None


async def partner_for(conn: Any, case: Case) -> Partner | None:
    """The partner a just-accepted case goes to, if any (the partner table is small: read whole): the
    one the applicant chose for this item of their bundle (:func:`chosen`) when it takes the case,
    else the first that takes it."""
    qs = Partner.filter(is_active=True)
    taking = [p for p in await (qs.using_db(conn) if conn is not None else qs).order_by("id") if takes(p, case)]
    wanted = await chosen(conn, case) if taking else None
    return next((p for p in taking if p.code == wanted), taking[0] if taking else None)


async def chosen(conn: Any, case: Case) -> str | None:
    """The partner the applicant chose for this sub-case's item when applying for the bundle (the
    plan item's ``partner_code``: the bank, the seal carver), if any."""
    if case.bundle_id is None:
        return None
    from server.domain.cases.models import CaseBundle

    qs = CaseBundle.filter(id=case.bundle_id)
    plan = await (qs.using_db(conn) if conn is not None else qs).values_list("plan", flat=True)
    for stage in (plan[0] if plan else None) or []:
        for it in stage.get("items", []):
            if it.get("item_id") == case.item_id and stage.get("stage") == case.bundle_stage:
                return it.get("partner_code") or None
    return None


async def choosable(kind: str, basic_code: str, region: Any) -> list[Partner]:
    """The partners an applicant may choose from for an item (the banks, the seal carvers): active
    partners of that kind that would take a case of the item accepted in its region (:func:`takes`)."""
    from server.domain.cases.apply import region_columns

    probe = SimpleNamespace(basic_code=basic_code, hall_code=None, **region_columns(region))
    return [p for p in await Partner.filter(is_active=True, kind=kind).order_by("name", "id") if takes(p, probe)]


async def choices(kind: str, basic_code: str, region_code: str) -> list[Partner]:
    """:func:`choosable` for an item of the region ``region_code`` (the bundle preview's choices)."""
    from server.domain.catalog.models import Region

    region = await Region.get_or_none(code=region_code)
    return await choosable(kind, basic_code, region) if region is not None else []


async def partner_names(codes: Sequence[str]) -> dict[str, str]:
    """Partners' names by code (what a bundle shows for the partner doing each item)."""
    return dict(await Partner.filter(code__in=list(codes)).values_list("code", "name"))


async def routed_messages(case_ids: Sequence[int]) -> dict[int, ExchangeMessage]:
    """Each case's latest message forwarding it to its partner (how its delivery stands)."""
    latest: dict[int, ExchangeMessage] = {}
    for m in await ExchangeMessage.filter(case_id__in=list(case_ids), direction="out", event="case.routed").order_by("id"):
        latest[int(m.case_id or 0)] = m
    return latest


RESULT_LABELS = {
    "account_number": "账号", "bank_branch": "开户网点", "opened_on": "开户日期", "seal_record": "印章备案号",
    "seal_records": "印章", "seals": "印章", "new_holder": "新户名", "transferred_on": "过户日期",
}
"""The names people read for what partners send back (anything else shows under its own key)."""


@dataclass(frozen=True, slots=True)
class PartnerResult:
    """What a partner produced when it finished a routed case (an account number, seal records …),
    as its answer gave it (personal values masked as the timeline keeps them)."""

    number: str
    entries: list[tuple[str, str]]  # (label, value): known fields first (RESULT_LABELS), then by key
    data: dict[str, Any]
    at: datetime


def _entries(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The result's fields for people: the known ones in :data:`RESULT_LABELS` order, then the rest by
    key (a JSON column need not keep the order the partner sent)."""
    known = list(RESULT_LABELS)
    ordered = sorted(result.items(), key=lambda kv: (known.index(kv[0]) if kv[0] in known else len(known), kv[0]))
    out: list[tuple[str, str]] = []
    for key, value in ordered:
        if key == "seal_records" and isinstance(value, list):
            for r in value:
                if isinstance(r, dict):
                    out.append((str(r.get("seal") or "印章"), "，".join(
                        str(r[k]) for k in ("serial", "carver", "filed_on") if r.get(k))))
            continue
        label = RESULT_LABELS.get(key, key)
        if isinstance(value, list):
            out.append((label, "、".join(str(v) for v in value)))
        elif isinstance(value, dict):
            out.append((label, "，".join(f"{k}：{v}" for k, v in value.items())))
        elif value not in (None, ""):
            out.append((label, str(value)))
    return out


async def partner_results(case_ids: Sequence[int]) -> dict[int, PartnerResult]:
    """Each routed case's result as its partner's approval gave it (the latest), in one query."""
    from server.domain.cases.models import CaseEvent
    from server.domain.cases.states import Action

    found: dict[int, PartnerResult] = {}
    rows = await CaseEvent.filter(case_id__in=list(case_ids), action=Action.APPROVED.value, actor_kind="partner") \
        .order_by("id").values("case_id", "data", "at")
    for r in rows:
        data = r["data"] or {}
        result: dict[str, Any] = data["result"] if isinstance(data.get("result"), dict) else {}
        found[int(r["case_id"])] = PartnerResult(number=str(data.get("result_number") or ""), entries=_entries(result),
                                                 data=result, at=r["at"])
    return found


def delivery_state(m: ExchangeMessage | None) -> str | None:
    """How a forwarded case's delivery to its partner stands, for the applicant and the staff."""
    if m is None:
        return None
    if m.status == MessageStatus.DELIVERED:
        return "已送达办理单位"
    if m.status == MessageStatus.DEAD:
        return "转送失败，已提示管理员处理"
    if m.attempts:
        return f"办理单位暂未响应，系统正在自动重试（已尝试 {m.attempts} 次）"
    return "正在转送办理单位"


async def payload(conn: Any, case: Case) -> dict[str, Any]:
    """What the partner needs to do its part: the case, the applicant, the form, the materials."""
    applicant: dict[str, Any] = {"kind": case.applicant_kind, "name": case.applicant_name,
                                 "contact_phone": case.contact_phone}
    if case.applicant_enterprise_id:
        ent = await Enterprise.filter(id=case.applicant_enterprise_id).using_db(conn).first()
        if ent is not None:
            applicant["credit_code"] = ent.credit_code
    if case.applicant_citizen_id:
        person = await Citizen.filter(id=case.applicant_citizen_id).using_db(conn).first()
        if person is not None and person.id_number:
            applicant["id_number"] = person.id_number
    materials = [{"name": m.name, "state": m.state, "trust": m.trust}
                 for m in await CaseMaterial.filter(case_id=case.id).using_db(conn).order_by("position")]
    if case.bundle_id is not None:
        founded = await _founded(conn, case.bundle_id)
        if founded:
            applicant["enterprise"] = founded
    return {
        "case_number": case.number, "item": {"basic_code": case.basic_code, "name": case.item_name,
                                             "department_code": case.department_code},
        "bundle_stage": case.bundle_stage, "applicant": applicant, "form": dict(case.form_data or {}),
        "materials": materials, "deadline": case.deadline.isoformat() if case.deadline else None,
    }


async def _founded(conn: Any, bundle_id: int) -> dict[str, Any]:
    """The enterprise a bundle's registration founded (企业开办), as its later items' partners need it
    (the bank opens its account, the seal carver carves its seals): credit code, name, licence."""
    from server.domain.cases.models import CaseBundle, ELicence
    from server.domain.shareddata.rules import BUSINESS_LICENCE

    forms = await CaseBundle.filter(id=bundle_id).using_db(conn).values_list("form_data", flat=True)
    code = (dict(forms[0] or {}) if forms else {}).get("creditCode")
    ent = await Enterprise.filter(credit_code=str(code)).using_db(conn).first() if code else None
    if ent is None:
        return {}
    numbers = await ELicence.filter(holder_enterprise_id=ent.id, kind=BUSINESS_LICENCE).using_db(conn).order_by(
        "-id").values_list("number", flat=True)
    return {"credit_code": ent.credit_code, "name": ent.name, "licence_number": str(numbers[0]) if numbers else None}


async def after_commit(settings: Settings | None, ids: Iterable[int]) -> None:
    """Hand committed outbound messages on: arq jobs with Redis, else the in-process drainer, else
    (tests, scripts) deliver them now. Never raises: what is not handed on, the sweep finds."""
    ids = [int(i) for i in ids]
    if not ids:
        return
    if settings is not None and settings.redis_url:
        await enqueue_jobs(settings.redis_url, ids)
        return
    from server.domain.notifications.drainer import running_drainer

    drainer = running_drainer()
    if drainer is not None:
        drainer.kick_exchange(ids)
        return
    for pk in ids:
        try:
            await outbound.deliver(pk)
        except Exception:  # noqa: BLE001 - the row stays due: the next sweep delivers it
            log.exception("exchange: inline delivery of %s failed", pk)


SWEEP_GRACE = timedelta(seconds=5)  # a message handed on this recently is left to its own job


def job_id(message_pk: int, attempts: int = 0, due_at: datetime | None = None,
           stale_claim: datetime | None = None) -> str:
    """The arq job id of a message's next attempt: ``exchange:<id>`` as the acceptance hands it on;
    the sweep's names the attempt and when it fell due (or the stale claim), so the sweep hands a
    message on once per attempt however often it runs, and a message whose job is stuck in Redis
    (arq keeps a dead or cut-off worker's job id for its timeout) gets a new job at once — the
    claim lets one attempt through whichever job runs."""
    if stale_claim is not None:
        return f"exchange:{message_pk}:{attempts}:stale-{stale_claim.timestamp():.6f}"
    if due_at is not None:
        return f"exchange:{message_pk}:{attempts}:{due_at.timestamp():.6f}"
    return f"exchange:{message_pk}"


async def enqueue_jobs(redis_url: str, ids: list[int]) -> int:
    """``exchange:<id>`` jobs for new messages (arq drops a job id it already holds)."""
    return await jobqueue.enqueue(redis_url, "exchange", ids, job_id)


async def enqueue_due(redis_url: str) -> int:
    """The worker's sweep: every due message (never handed on, lost with its job, backing off and now
    due, given back by a cut-off attempt, or claimed by a worker that died) goes to a job for its next
    attempt — each attempt under its own job timeout, spread over the workers, none of them waiting
    in the sweep."""
    names = {}
    for m in await outbound.due(grace=SWEEP_GRACE):
        stale = m.claimed_at if m.status == "sending" else None
        names[m.id] = job_id(m.id, m.attempts, due_at=None if stale else m.next_attempt_at, stale_claim=stale)
    return await jobqueue.enqueue(redis_url, "exchange", list(names), names.__getitem__)


async def forward(u: Any, case: Case) -> None:
    """At acceptance (``flow`` calls this in the accepting transaction): a case a partner takes is
    forwarded to it — its ``partner_code`` set, the ``forwarded`` move on its timeline, and the
    signed message written with it."""
    from server.domain.cases import flow
    from server.domain.cases.states import Action

    if case.partner_code is not None:
        return
    p = await partner_for(u.conn, case)
    if p is None:
        return
    body = await payload(u.conn, case)

    async def side(conn: Any, out: Any) -> None:
        msg = await outbound.write(conn, partner=p, event="case.routed", payload=body, case_id=case.id,
                                   case_number=case.number or "")
        u.exchange_ids.append(msg.id)

    await flow.transition(case, acting=flow.SYSTEM, action=Action.FORWARDED, settings=None, within=u, side=side,
                          reason=f"转送{p.name}办理", updates={"partner_code": p.code, "forwarded_platform": p.code},
                          data={"partner": p.code})
