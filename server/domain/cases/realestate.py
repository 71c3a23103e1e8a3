"""二手房转移登记 (the theme ``second-hand-house``): what a sale of a house adds to a bundle.

- **Both parties.** The buyer applies (or an agent under a mandate); the merged form names the
  seller (``sellerName``, ``sellerIdNumber``: a resident ID number, checked as every ID number is,
  :func:`server.domain.accounts.identifiers.parse_id_number`). The seller is kept as a
  :class:`BundleParty` and confirms the transfer themself (:func:`confirm_party`): signed in,
  real-name verified with that ID number. They see only what concerns them (:func:`seller_view`:
  the bundle's number, the address, the buyer's name masked).
- **登簿 waits.** The transfer's last review step (its approval) is refused until the seller
  confirmed, the deed tax is recorded as paid and the on-site verification is done
  (:func:`ready_to_register`, called by ``review.approve``); the window's acceptance does not wait,
  so the online review (审核) runs meanwhile.
- **现场核验.** After the online review (the transfer's first step passed) the applicant books a slot
  of the existing appointments (:func:`book_visit`); at the visit the registry verifies on site
  (:func:`verify_on_site`, the appointment attended) and registers: one visit.
- **契税.** The tax department records the payment (:func:`record_deed_tax`): the tax sub-case is
  decided (approved, its 完税凭证 issued) with the amount and the receipt on its timeline.

A themed bundle has a seller when one of its items is the transfer in the sale situation
(:data:`SALE_SITUATION`) and that item's form asks for the seller (:data:`SELLER_ID`). Every state
change goes through :mod:`server.domain.cases.flow`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from server import clock
from server.domain.accounts.identifiers import mask_id_number, mask_name, parse_id_number
from server.domain.accounts.models import Citizen
from server.domain.accounts.roles import Actor, Role
from server.domain.appointments import service as appointments
from server.domain.appointments.models import Appointment
from server.domain.cases import errors, flow
from server.domain.cases.models import BundleParty, BundleVisit, Case, CaseBundle
from server.domain.cases.states import GOOD, LABELS, Action, Status
from server.domain.errors import DomainError, DomainErrors
from server.settings import Settings

SALE_SITUATION = "存量房（二手房）买卖转移登记"
SELLER_NAME, SELLER_ID = "sellerName", "sellerIdNumber"
SELLER = "seller"
DEED_TAX_ITEMS = frozenset({"100160007000"})  # 存量房交易税费申报缴纳 (契税)
MAX_TAX_YUAN = Decimal("100000000")
_RECEIPT = re.compile(r"^[0-9A-Za-z-]{6,32}$")
PARTY_NOT_FOUND = "没有需要您确认的房屋转移登记"


# ---------------------------------------------------------------- applying


def seller_item(b: Any) -> Any | None:
    """The bundle's item that sells a house (the transfer in the sale situation, asking for the
    seller), or None: ``b`` is a resolved theme bundle (``themes.Bundle``)."""
    for i in b.items:
        keys = {f["key"] for f in i.version.form_fields or []}
        if SELLER_ID in keys and any(s.name == SALE_SITUATION for s in i.situations):
            return i
    return None


def party_problems(b: Any, a: Any, form: dict[str, Any], found: list[DomainError]) -> list[DomainError]:
    """What the merged form lacks about the seller (the ID number itself was checked by the form:
    a field it found wrong, in ``found``, is not reported twice)."""
    if seller_item(b) is None:
        return []
    wrong = {e.field[-1] for e in found if e.field}
    out: list[DomainError] = []
    name = str(form.get(SELLER_NAME) or "").strip()
    number = str(form.get(SELLER_ID) or "").strip().upper()
    if len(name) < 2 and SELLER_NAME not in wrong:
        out.append(DomainError(errors.INVALID, "二手房买卖须填写出卖人姓名", ["formData", SELLER_NAME]))
    if not number:
        if SELLER_ID in wrong:
            return out
        out.append(DomainError(errors.INVALID, "二手房买卖须填写出卖人的居民身份证号码", ["formData", SELLER_ID]))
    else:
        person = a.contact or a.citizen
        if person is not None and (person.id_number or "").upper() == number:
            out.append(DomainError(errors.INVALID, "出卖人与买受人不能是同一人", ["formData", SELLER_ID]))
    return out


async def record_parties(conn: Any, bundle: CaseBundle, b: Any, form: dict[str, Any]) -> None:
    """The seller of a sale, kept with the bundle in its creating transaction."""
    item = seller_item(b)
    if item is None:
        return
    await BundleParty.create(bundle_id=bundle.id, role=SELLER, basic_code=item.item.basic_code,
                             name=str(form[SELLER_NAME]).strip()[:64],
                             id_number=parse_id_number(str(form[SELLER_ID]), SELLER_ID).number, using_db=conn)


# ---------------------------------------------------------------- the seller


@dataclass(frozen=True, slots=True)
class SellerView:
    """What the seller sees of a transfer they are party to: nothing of the buyer but a masked name."""

    party: BundleParty
    bundle_number: str
    theme_name: str
    property_address: str
    buyer_name: str
    transfer_status: str  # the transfer sub-case's status label


async def _verified_citizen(actor: Actor) -> Citizen:
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "出卖人须以本人身份登录后确认")
    citizen = await Citizen.get_or_none(id=actor.citizen_id, is_active=True)
    if citizen is None:
        raise DomainError(errors.NOT_ALLOWED, "账号不存在或已停用")
    if citizen.verified_at is None or not citizen.id_number:
        raise DomainError(errors.NOT_VERIFIED, "请先完成实名认证，再确认房屋转移")
    return citizen


async def _transfer_case(bundle_id: int, basic_code: str, conn: Any = None) -> Case | None:
    qs = Case.filter(bundle_id=bundle_id, basic_code=basic_code)
    if conn is not None:
        qs = qs.using_db(conn)
    return await qs.order_by("-id").first()


async def _view(party: BundleParty, bundle: CaseBundle) -> SellerView:
    case = await _transfer_case(bundle.id, party.basic_code)
    return SellerView(
        party=party, bundle_number=bundle.number, theme_name=bundle.theme_name,
        property_address=str((bundle.form_data or {}).get("propertyAddress") or ""),
        buyer_name=mask_name(bundle.applicant_name) or "",
        transfer_status=LABELS[Status(case.status)] if case else "",
    )


async def _own_party(actor: Actor, bundle_id: int) -> tuple[Citizen, BundleParty, CaseBundle]:
    citizen = await _verified_citizen(actor)
    party = await BundleParty.get_or_none(bundle_id=bundle_id, role=SELLER, id_number=(citizen.id_number or "").upper())
    if party is None:  # a bundle the caller is not the seller of: not found, whatever exists
        raise DomainError(errors.NOT_FOUND, PARTY_NOT_FOUND, ["bundleId"])
    return citizen, party, await CaseBundle.get(id=bundle_id)


async def seller_view(*, actor: Actor, bundle_id: int) -> SellerView:
    _, party, bundle = await _own_party(actor, bundle_id)
    return await _view(party, bundle)


async def my_sales(*, actor: Actor) -> list[SellerView]:
    """The transfers naming the signed-in, verified citizen as seller, newest first."""
    citizen = await _verified_citizen(actor)
    rows = await BundleParty.filter(role=SELLER, id_number=(citizen.id_number or "").upper()).order_by("-id").limit(50)
    bundles = {b.id: b for b in await CaseBundle.filter(id__in=[p.bundle_id for p in rows])}
    return [await _view(p, bundles[p.bundle_id]) for p in rows]


async def confirm_party(*, actor: Actor, settings: Settings | None, bundle_id: int) -> SellerView:
    """The seller confirms the transfer (once; again it changes nothing): a timeline entry on the
    transfer's sub-case, the confirmation kept with the party."""
    citizen, party, bundle = await _own_party(actor, bundle_id)
    if party.confirmed_at is not None:
        return await _view(party, bundle)
    if bundle.withdrawn_at is not None:
        raise DomainError(errors.INVALID_STATE, "该申请已撤回，无需确认", ["bundleId"])
    case = await _transfer_case(bundle.id, party.basic_code)
    if case is None:
        raise DomainError(errors.INVALID_STATE, "转移登记尚未开始办理", ["bundleId"])
    acting = flow.Acting(actor)
    flow.check(case, Action.PARTY_CONFIRMED, acting)
    now = clock.now()

    async def body(u: flow.Unit) -> None:
        won = await BundleParty.filter(id=party.id, confirmed_at__isnull=True).using_db(u.conn).update(
            confirmed_at=now, citizen_id=citizen.id)
        if won != 1:
            return  # confirmed meanwhile, by another request of theirs
        await flow.transition(case, acting=acting, action=Action.PARTY_CONFIRMED, settings=settings, within=u,
                              reason=f"出卖人{mask_name(party.name)}已确认本次转移", data={"role": SELLER})

    await flow.run_unit(settings, body, on_retry=flow.keep(case))
    return await _view(await BundleParty.get(id=party.id), bundle)


async def parties_of(bundle_ids: list[int]) -> dict[int, list[BundleParty]]:
    """The parties of bundles the caller already may see (one query)."""
    out: dict[int, list[BundleParty]] = {i: [] for i in bundle_ids}
    for p in await BundleParty.filter(bundle_id__in=bundle_ids).order_by("id"):
        out[p.bundle_id].append(p)
    return out


def masked_id(p: BundleParty) -> str:
    return mask_id_number(p.id_number) or ""


# ---------------------------------------------------------------- 现场核验


async def visits_of(bundle_ids: list[int]) -> dict[int, list[tuple[BundleVisit, Appointment | None]]]:
    out: dict[int, list[tuple[BundleVisit, Appointment | None]]] = {i: [] for i in bundle_ids}
    visits = list(await BundleVisit.filter(bundle_id__in=bundle_ids).order_by("id"))
    booked = {a.id: a for a in await Appointment.filter(id__in=[v.appointment_id for v in visits])}
    for v in visits:
        out[v.bundle_id].append((v, booked.get(v.appointment_id)))
    return out


async def book_visit(*, actor: Actor, settings: Settings | None, bundle_id: int, day: date, start: str,
                     note: str = "") -> tuple[BundleVisit, Appointment]:
    """The applicant books the on-site verification of the transfer after its online review passed
    (its first review step): a slot of the bundle's hall, through the existing appointments. A new
    booking replaces one not yet verified (the old appointment is cancelled)."""
    from server.domain.cases.bundles import visible_bundle

    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "现场核验由申请人本人预约")
    bundle = await visible_bundle(actor, bundle_id)
    party = await BundleParty.get_or_none(bundle_id=bundle.id, role=SELLER)
    if party is None:
        raise DomainError(errors.INVALID, "该主题办件无须预约现场核验", ["bundleId"])
    case = await _transfer_case(bundle.id, party.basic_code)
    if case is None or case.status not in (Status.ACCEPTED, Status.UNDER_REVIEW):
        raise DomainError(errors.INVALID_STATE, "转移登记当前不在审核中，不能预约现场核验", ["bundleId"])
    if case.review_step < 1:
        raise DomainError(errors.INVALID_STATE, "转移登记网上审核通过后才能预约现场核验", ["bundleId"])
    acting = flow.Acting(actor)
    flow.check(case, Action.VISIT_BOOKED, acting)
    old = await BundleVisit.get_or_none(case_id=case.id)
    if old is not None and old.status == "verified":
        raise DomainError(errors.INVALID_STATE, "现场核验已完成，无须再预约", ["bundleId"])
    if not bundle.hall_code:
        raise DomainError(errors.INVALID, "该主题办件没有受理大厅，不能预约", ["bundleId"])
    booked = await appointments.book(actor=actor, hall_code=bundle.hall_code, item_id=case.item_id, day=day,
                                     start=start, note=(note or f"现场核验（{bundle.number}）")[:200],
                                     now=clock.now())
    if old is not None:
        previous = await Appointment.get_or_none(id=old.appointment_id)
        if previous is not None and previous.status == appointments.BOOKED:
            await appointments.cancel(actor=actor, appointment_id=previous.id, reason="改约现场核验",
                                      now=clock.now())
    now = clock.now()

    async def body(u: flow.Unit) -> BundleVisit:
        if old is None:
            visit = await BundleVisit.create(bundle_id=bundle.id, case_id=case.id, appointment_id=booked.id,
                                             booked_at=now, using_db=u.conn)
        else:
            await BundleVisit.filter(id=old.id).using_db(u.conn).update(appointment_id=booked.id, booked_at=now)
            visit = await BundleVisit.filter(id=old.id).using_db(u.conn).get()
        await flow.transition(case, acting=acting, action=Action.VISIT_BOOKED, settings=settings, within=u,
                              reason=f"{booked.day.isoformat()} {booked.start}–{booked.end} {booked.hall_name}",
                              data={"appointment_id": booked.id})
        return visit

    try:
        visit = await flow.run_unit(settings, body, on_retry=flow.keep(case))
    except DomainError:
        await appointments.cancel(actor=actor, appointment_id=booked.id, reason="预约现场核验未成功", now=clock.now())
        raise
    return visit, booked


async def verify_on_site(*, actor: Actor, settings: Settings | None, case_id: int, note: str = "") -> BundleVisit:
    """The registry verifies both parties on site at the booked visit: the appointment attended."""
    from server.domain.cases.review import _reviewer_case

    case = await _reviewer_case(actor, case_id, Action.ONSITE_VERIFIED, "现场核验")
    visit = await BundleVisit.get_or_none(case_id=case.id)
    if visit is None:
        raise DomainError(errors.INVALID_STATE, "申请人尚未预约现场核验", ["caseId"])
    if visit.status == "verified":
        return visit
    booked = await Appointment.get(id=visit.appointment_id)
    if booked.status != appointments.BOOKED:
        raise DomainError(errors.INVALID_STATE, "现场核验的预约已取消或已结束，请申请人重新预约", ["caseId"])
    if booked.day > clock.today():
        raise DomainError(errors.INVALID_STATE, f"现场核验预约在 {booked.day.isoformat()}，请在预约当日核验", ["caseId"])
    text = flow.reason_text(note, required=False, what="核验说明", field_name="note")
    now = clock.now()

    async def body(u: flow.Unit) -> None:
        await Appointment.filter(id=booked.id, status=appointments.BOOKED).using_db(u.conn).update(
            status=appointments.ATTENDED, active_key=None)
        await BundleVisit.filter(id=visit.id).using_db(u.conn).update(
            status="verified", verified_at=now, verified_by_id=actor.user_id)
        await flow.transition(case, acting=flow.Acting(actor), action=Action.ONSITE_VERIFIED, settings=settings,
                              within=u, reason=text or "买卖双方身份及房屋信息现场核验一致",
                              data={"appointment_id": booked.id})

    await flow.run_unit(settings, body, on_retry=flow.keep(case))
    return await BundleVisit.get(id=visit.id)


# ---------------------------------------------------------------- 登簿 waits for all three


async def ready_to_register(case: Case) -> None:
    """Refuse the transfer's approval (登簿) until the seller confirmed, the deed tax (the items the
    transfer depends on) is paid and the on-site verification is done; every reason at once."""
    if case.bundle_id is None:
        return
    party = await BundleParty.get_or_none(bundle_id=case.bundle_id, role=SELLER, basic_code=case.basic_code)
    if party is None:
        return
    problems: list[DomainError] = []
    if party.confirmed_at is None:
        problems.append(DomainError(errors.INVALID_STATE, "出卖人尚未在平台确认本次转移，不能登簿", ["caseId"]))
    bundle = await CaseBundle.get(id=case.bundle_id)
    from server.domain.cases.bundle_flow import latest_subs, plan_items

    latest = latest_subs(bundle.plan, list(await Case.filter(bundle_id=bundle.id)))
    mine = next((it for it in plan_items(bundle.plan) if it["basic_code"] == case.basic_code), None)
    for key in (mine or {}).get("depends_on", []):
        sub = latest.get(key)
        if sub is None or Status(sub.status) not in GOOD:
            name = next(it["name"] for it in plan_items(bundle.plan) if it["key"] == key)
            problems.append(DomainError(errors.INVALID_STATE, f"“{name}”尚未办结（契税未登记缴纳），不能登簿", ["caseId"]))
    visit = await BundleVisit.get_or_none(case_id=case.id)
    if visit is None or visit.status != "verified":
        problems.append(DomainError(errors.INVALID_STATE, "尚未完成现场核验，不能登簿", ["caseId"]))
    if problems:
        raise DomainErrors(problems)


# ---------------------------------------------------------------- 契税


def _amount(raw: Any) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise DomainError(errors.INVALID, "税款金额应为数字（元）", ["amountYuan"]) from None
    if not value.is_finite() or value <= 0 or value > MAX_TAX_YUAN:
        raise DomainError(errors.INVALID, "税款金额应大于 0 元且不超过 1 亿元", ["amountYuan"])
    if value != value.quantize(Decimal("0.01")):
        raise DomainError(errors.INVALID, "税款金额最多保留两位小数（分）", ["amountYuan"])
    return value.quantize(Decimal("0.01"))


async def record_deed_tax(*, actor: Actor, settings: Settings | None, case_id: int, amount_yuan: Any,
                          receipt_number: str) -> Case:
    """The tax department records the deed tax paid: the tax sub-case is decided (approved, its
    完税凭证 issued), with the amount and the receipt on its timeline; the transfer may then register."""
    from server.domain.cases.apply import issue_elicence
    from server.domain.cases.review import _reviewer_case
    from server.domain.catalog.models import ItemVersion

    if not actor.is_staff or Role.DEPT_REVIEWER not in actor.roles:
        raise DomainError(errors.NOT_ALLOWED, "只有税务部门的审批人员可以登记契税缴纳")
    case = await _reviewer_case(actor, case_id, Action.DEED_TAX_PAID, "登记契税缴纳")
    if case.basic_code not in DEED_TAX_ITEMS:
        raise DomainError(errors.INVALID, "该办件不是契税申报事项", ["caseId"])
    if case.claimed_by_id is not None and case.claimed_by_id != actor.user_id:
        raise DomainError(errors.NOT_ALLOWED, "该办件由其他审批人员领取，您不能登记缴纳", ["caseId"])
    amount = _amount(amount_yuan)
    receipt = (receipt_number or "").strip().upper()
    if not _RECEIPT.match(receipt):
        raise DomainError(errors.INVALID, "完税凭证号应为 6–32 位数字、字母或连字符", ["receiptNumber"])
    version = await ItemVersion.get(id=case.version_id)
    why = f"契税已缴纳 {amount} 元，完税凭证号 {receipt}"
    acting = flow.Acting(actor)

    async def side(conn: Any, out: flow.Outgoing) -> None:
        await out.applicant("approved")
        if version.result_licence:
            lic = await issue_elicence(conn, case, version.result_licence)
            await flow.transition(case, acting=acting, action=Action.ELICENCE_ISSUED, settings=None,
                                  reason=f"{lic.kind} {lic.number}", data={"elicence_id": lic.id}, within=out.unit)

    return await flow.transition(
        case, acting=acting, action=Action.DEED_TAX_PAID, to=Status.APPROVED, settings=settings, reason=why,
        updates={"decision": "approved", "decision_reason": why, "decided_at": clock.now()},
        data={"amount_yuan": str(amount), "receipt_number": receipt}, side=side,
    )



# ---------------------------------------------------------------- the transfer as the applicant and the staff see it


@dataclass(frozen=True, slots=True)
class UtilityState:
    """One utility's transfer (water, power, gas, heating, broadband, the housing fund)."""

    key: str
    name: str
    state: str  # bundle_flow: waiting | open | completed | failed | held
    label: str  # in Chinese, delivery included
    case: Case | None
    partner_code: str | None
    partner_name: str | None
    delivery: str | None  # routing.delivery_state


@dataclass(frozen=True, slots=True)
class TransferView:
    bundle: CaseBundle
    seller: BundleParty | None
    visit: BundleVisit | None
    appointment: Appointment | None
    deed_tax: Case | None
    transfer: Case | None
    utilities: list[UtilityState]
    next_step: str


def _utility_label(state: str, case: Case | None, delivery: str | None) -> str:
    from server.domain.cases import bundle_flow as bf

    if state == bf.WAITING:
        return "待转移登记完成后自动推送"
    if state == bf.HELD:
        return "转移登记未办成，暂缓"
    if state == bf.FAILED:
        return f"未办成：{case.decision_reason if case else ''}".rstrip("：")
    if state == bf.COMPLETED:
        return "已过户"
    if case is not None and case.status == Status.UNDER_REVIEW:
        return "办理单位已接收，正在办理"
    return delivery or LABELS[Status(case.status)] if case else "办理中"


def _next_step(seller: BundleParty | None, tax: Case | None, transfer: Case | None, visit: BundleVisit | None) -> str:
    if transfer is None:
        return ""
    if Status(transfer.status) in GOOD:
        return "转移登记已完成，水电气暖网过户已自动推送各企业"
    steps = []
    if seller is not None and seller.confirmed_at is None:
        steps.append("等待出卖人登录平台确认")
    if tax is not None and Status(tax.status) not in GOOD:
        steps.append("等待税务部门登记契税缴纳")
    if transfer.review_step < 1:
        steps.append("网上审核中")
    elif visit is None:
        steps.append("网上审核已通过，请预约现场核验")
    elif visit.status != "verified":
        steps.append("请按预约时间到大厅现场核验")
    return "；".join(steps) or "现场核验已完成，待登簿"


async def transfer_view(*, actor: Actor, bundle_id: int) -> TransferView:
    """The transfer with its parties, its deed tax, its visit and each utility's state (the caller's
    scope: the applicant's own bundles, the staff's as for bundles)."""
    from server.domain.cases.bundles import load_view, visible_bundle
    from server.domain.exchange import routing

    bundle = await visible_bundle(actor, bundle_id)
    v = await load_view(bundle)
    seller = await BundleParty.get_or_none(bundle_id=bundle.id, role=SELLER)
    code = seller.basic_code if seller else None
    transfer = next((i.case for i in v.items if i.case is not None and i.case.basic_code == code), None)
    tax = next((i.case for i in v.items if i.case is not None and i.case.basic_code in DEED_TAX_ITEMS), None)
    visit = await BundleVisit.get_or_none(case_id=transfer.id) if transfer else None
    appointment = await Appointment.get_or_none(id=visit.appointment_id) if visit else None
    later = [i for i in v.items if i.stage > 1]
    cases = [i.case.id for i in later if i.case is not None]
    routed = await routing.routed_messages(cases)
    names = await routing.partner_names([i.partner_code for i in later if i.partner_code])
    utilities = []
    for i in later:
        delivery = routing.delivery_state(routed.get(i.case.id)) if i.case is not None and i.partner_code else None
        utilities.append(UtilityState(key=i.key, name=i.name, state=i.state, label=_utility_label(i.state, i.case, delivery),
                                      case=i.case, partner_code=i.partner_code,
                                      partner_name=names.get(i.partner_code or ""), delivery=delivery))
    return TransferView(bundle=bundle, seller=seller, visit=visit, appointment=appointment, deed_tax=tax,
                        transfer=transfer, utilities=utilities, next_step=_next_step(seller, tax, transfer, visit))
