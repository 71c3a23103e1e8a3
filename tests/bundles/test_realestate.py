"""二手房转移登记: both parties identified (the buyer applies naming the seller, the seller confirms
themself), the deed tax recorded by the tax department, the on-site verification booked after the
online review, and 登簿 refused until all three — then the utilities open, filled from the
registration."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from server import clock
from server.domain.appointments.models import Appointment
from server.domain.calendar import service as calendar
from server.domain.cases import bundles, realestate
from server.domain.cases.models import BundleParty, Case, CaseEvent
from server.domain.errors import DomainError, DomainErrors
from server.domain.exchange.models import ExchangeMessage, Partner
from tests import factories as h
from tests.bundles import helpers as t
from tests.bundles import realestate as r
from tests.exchange.peer import Peer, running

pytestmark = pytest.mark.usefixtures("database")


async def _next_working_day() -> date:
    day = clock.today() + timedelta(days=1)
    while not await calendar.is_working_day(region="371500", day=day):
        day += timedelta(days=1)
    return day


async def test_the_sale_must_name_a_seller_who_is_not_the_buyer() -> None:
    buyer, seller = await r.people()
    app = await r.application(buyer, None)
    with pytest.raises(DomainErrors) as caught:
        await bundles.submit(actor=h.as_citizen(buyer), settings=None, idempotency_key=h.key(), app=app)
    found = {(e.field[-1] if e.field else None, e.message) for e in caught.value.errors}
    assert ("sellerName", "二手房买卖须填写出卖人姓名") in found
    assert ("sellerIdNumber", "二手房买卖须填写出卖人的居民身份证号码") in found

    app = await r.application(buyer, buyer)
    with pytest.raises(DomainErrors) as caught:
        await bundles.submit(actor=h.as_citizen(buyer), settings=None, idempotency_key=h.key(), app=app)
    assert [e.message for e in caught.value.errors] == ["出卖人与买受人不能是同一人"]

    app = await r.application(buyer, seller)
    app.form_data[realestate.SELLER_ID] = (seller.id_number or "")[:17] + ("0" if (seller.id_number or "")[17] != "0" else "1")
    with pytest.raises(DomainErrors) as caught:
        await bundles.submit(actor=h.as_citizen(buyer), settings=None, idempotency_key=h.key(), app=app)
    assert [(e.code, e.field) for e in caught.value.errors] == [("INVALID_FORM", ["formData", "sellerIdNumber"])]
    assert "校验位不正确" in caught.value.errors[0].message

    sale = await r.apply(buyer, seller)
    party = await BundleParty.get(bundle_id=sale.bundle.id)
    assert (party.role, party.name, party.id_number, party.basic_code, party.confirmed_at) == (
        "seller", "李卖房", seller.id_number, r.TRANSFER, None)


async def test_registration_waits_for_the_seller_the_deed_tax_and_the_visit() -> None:
    buyer, seller = await r.people()
    sale = await r.apply(buyer, seller)
    b = await bundles.accept(actor=await h.staff("city_clerk"), settings=None, bundle_id=sale.bundle.id)
    assert {c.basic_code: c.status for c in await t.subs(b)} == {r.TAX: "accepted", r.TRANSFER: "accepted"}

    # the visit is booked after the online review only
    day = await _next_working_day()
    with pytest.raises(DomainError, match="网上审核通过后才能预约现场核验"):
        await r.book(sale, day)
    await r.online_review(b)

    # 登簿 is refused, with every reason at once
    transfer = await r.sub(b, r.TRANSFER)
    reviewer = await t.reviewer(transfer.department_code)
    from server.domain.cases import review

    c = transfer  # still claimed by its reviewer since the online review (one claim covers every step)
    assert c.status == "under_review" and c.claimed_by_id == reviewer.user_id
    with pytest.raises(DomainErrors) as caught:
        await review.approve(actor=reviewer, settings=None, case_id=c.id, opinion="准予登簿")
    assert [e.message for e in caught.value.errors] == [
        "出卖人尚未在平台确认本次转移，不能登簿", "“存量房交易税费申报缴纳”尚未办结（契税未登记缴纳），不能登簿",
        "尚未完成现场核验，不能登簿"]
    await review.release(actor=reviewer, settings=None, case_id=c.id)

    # the seller: only the person with that ID number, signed in and verified
    stranger, unverified = await h.citizen(), await h.citizen(verified=False)
    with pytest.raises(DomainError, match=realestate.PARTY_NOT_FOUND):
        await realestate.confirm_party(actor=h.as_citizen(stranger), settings=None, bundle_id=b.id)
    with pytest.raises(DomainError, match="请先完成实名认证"):
        await realestate.confirm_party(actor=h.as_citizen(unverified), settings=None, bundle_id=b.id)
    with pytest.raises(DomainError, match=realestate.PARTY_NOT_FOUND):  # the buyer is not the seller
        await realestate.confirm_party(actor=h.as_citizen(buyer), settings=None, bundle_id=b.id)
    seen = await realestate.confirm_party(actor=h.as_citizen(seller), settings=None, bundle_id=b.id)
    assert seen.buyer_name == "王**" and seen.property_address == r.ADDRESS and seen.party.confirmed_at is not None
    again = await realestate.confirm_party(actor=h.as_citizen(seller), settings=None, bundle_id=b.id)
    assert again.party.confirmed_at == seen.party.confirmed_at
    assert [s.bundle_number for s in await realestate.my_sales(actor=h.as_citizen(seller))] == [b.number]
    assert await CaseEvent.filter(case_id=transfer.id, action="party_confirmed").count() == 1

    # the deed tax: the tax department's reviewer only, with an amount and a receipt
    tax = await r.sub(b, r.TAX)
    with pytest.raises(DomainError, match="办件不存在或无权查看"):  # the registry's reviewer: not in scope
        await realestate.record_deed_tax(actor=reviewer, settings=None, case_id=tax.id, amount_yuan="9600",
                                         receipt_number="SW20251103001")
    with pytest.raises(DomainError, match="只有税务部门的审批人员"):
        await realestate.record_deed_tax(actor=await h.staff("city_clerk"), settings=None, case_id=tax.id,
                                         amount_yuan="9600", receipt_number="SW20251103001")
    taxman = await t.reviewer(tax.department_code)
    with pytest.raises(DomainError, match="最多保留两位小数"):
        await realestate.record_deed_tax(actor=taxman, settings=None, case_id=tax.id, amount_yuan="9600.001",
                                         receipt_number="SW20251103001")
    with pytest.raises(DomainError, match="完税凭证号"):
        await realestate.record_deed_tax(actor=taxman, settings=None, case_id=tax.id, amount_yuan="9600", receipt_number="?")
    paid = await r.pay_tax(b)
    assert paid.status == "approved" and paid.decision_reason == "契税已缴纳 9600.00 元，完税凭证号 SW37150020251103001"
    ev = await CaseEvent.get(case_id=tax.id, action="deed_tax_paid")
    assert ev.data == {"amount_yuan": "9600.00", "receipt_number": "SW37150020251103001"} and ev.actor_kind == "staff"
    with pytest.raises(DomainError, match="不能登记契税缴纳"):  # decided already
        await r.pay_tax(b)

    # the visit: booked, verified on its day, the appointment attended
    visit = await r.book(sale, day)
    with pytest.raises(DomainError, match="请在预约当日核验"):
        await r.verify(b)
    appointment = await Appointment.get(id=visit.appointment_id)
    assert (appointment.item_id, appointment.status, appointment.hall_code) == (transfer.item_id, "booked", b.hall_code)
    view = await realestate.transfer_view(actor=h.as_citizen(buyer), bundle_id=b.id)
    assert view.next_step == "请按预约时间到大厅现场核验"
    assert {u.key: u.label for u in view.utilities} == {k: "待转移登记完成后自动推送" for k in UTIL_KEYS}


UTIL_KEYS = ("water", "power", "gas", "heat", "broadband")


async def test_the_registration_opens_the_utilities_filled_from_it(monkeypatch: pytest.MonkeyPatch) -> None:
    peer = Peer(secrets=[])
    async with running(peer), r.utility_partners({k: peer.url for k in UTIL_KEYS}) as partners:
        peer.secrets = [p.keys[0]["secret"] for p in partners.values()]
        await _registered(monkeypatch, peer, partners)


async def _registered(monkeypatch: pytest.MonkeyPatch, peer: Peer, partners: dict[str, Partner]) -> None:
    buyer, seller = await r.people()
    sale = await r.apply(buyer, seller)
    b = await bundles.accept(actor=await h.staff("city_clerk"), settings=None, bundle_id=sale.bundle.id)
    await r.pay_tax(b)
    await r.online_review(b)
    await realestate.confirm_party(actor=h.as_citizen(seller), settings=None, bundle_id=b.id)
    day = await _next_working_day()
    await r.book(sale, day)
    from datetime import UTC, datetime, time

    import server.clock

    monkeypatch.setattr(server.clock, "_utc_now",
                        lambda: datetime.combine(day, time(9, 5), tzinfo=clock.ZONE).astimezone(UTC))
    await r.verify(b)
    assert (await Appointment.filter(citizen_id=buyer.id).order_by("-id").first()).status == "attended"  # type: ignore[union-attr]
    done = await r.register(b)
    assert done.status == "approved"
    subs = {c.basic_code: c for c in await t.subs(b)}
    assert set(subs) == {r.TAX, r.TRANSFER, *r.UTILITIES.values()}
    for key, code in r.UTILITIES.items():
        c = subs[code]
        assert (c.status, c.partner_code) == ("accepted", partners[key].code), key  # the utility decides, not a rule
        assert c.form_data["propertyAddress"] == r.ADDRESS
        msg = await ExchangeMessage.get(case_id=c.id, direction="out", event="case.routed")
        assert msg.status == "delivered", msg.last_error
    gas = subs[r.UTILITIES["gas"]]
    assert gas.form_data.get("gasAccount") == r.ACCOUNTS["gasAccount"] and "waterAccount" not in gas.form_data
    assert (await Case.get(id=subs[r.UTILITIES["water"]].id)).applicant_citizen_id == buyer.id  # the new owner
    sent = {m["data"]["case_number"]: m["data"] for m in peer.received.values()}
    assert len(sent) == 5 and peer.bad_signatures == 0
    assert sent[gas.number]["form"]["gasAccount"] == r.ACCOUNTS["gasAccount"]


async def test_an_agent_applies_for_the_buyer_under_a_mandate_and_corrections_go_online() -> None:
    """帮办代办: an assistance agent applies for the buyer under the buyer's mandate (the seller still
    confirms themself); the window asks once for a correction of the sales contract, the buyer supplies
    it online and the bundle is accepted."""
    from server.domain.accounts.models import Mandate

    buyer, seller = await r.people()
    agent_user = await h.new_staff("assistance_agent", hall_code="371500-ZWFWZX")
    agent = await h.staff(agent_user.username)
    app = await r.application(buyer, seller, uploader=agent)
    app.principal_citizen_id = buyer.id
    with pytest.raises(DomainError, match="委托"):
        await bundles.submit(actor=agent, settings=None, idempotency_key=h.key(), app=app)
    mandate = await Mandate.create(principal_citizen=buyer, agent=agent_user, all_items=True,
                                   valid_from=clock.today() - timedelta(days=1), valid_to=clock.today() + timedelta(days=30),
                                   created_by_id=agent_user.id)
    b = (await bundles.submit(actor=agent, settings=None, idempotency_key=h.key(), app=app)).bundle
    assert (b.channel, b.applicant_citizen_id, b.mandate_id, b.submitted_by_staff_id) == (
        "agent", buyer.id, mandate.id, agent_user.id)
    party = await BundleParty.get(bundle_id=b.id)
    assert party.id_number == seller.id_number and party.confirmed_at is None
    # the agent is not the seller: only the seller confirms
    with pytest.raises(DomainError, match="出卖人须以本人身份登录后确认"):
        await realestate.confirm_party(actor=agent, settings=None, bundle_id=b.id)

    # 补正 online: one notice, the buyer supplies the contract again, the window accepts
    clerk = await h.staff("city_clerk")
    contract = await t.key_of(b, "买卖合同")
    b = await bundles.request_correction(actor=clerk, settings=None, bundle_id=b.id, corrections=[
        bundles.BundleCorrection(note="买卖合同第 3 页不清晰，请重新上传", key=contract)])
    assert {c.status for c in await t.subs(b)} >= {"correction_requested"}
    view = await realestate.transfer_view(actor=h.as_citizen(buyer), bundle_id=b.id)
    assert view.seller is not None and view.transfer is not None
    fresh = await h.upload(h.as_citizen(buyer), "存量房买卖合同（重新上传）.pdf")
    b = await bundles.supply(actor=h.as_citizen(buyer), settings=None, bundle_id=b.id,
                             materials=[bundles.BundleSupplied(contract, fresh)])
    assert {c.status for c in await t.subs(b)} == {"submitted"}
    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
    assert {c.basic_code: c.status for c in await t.subs(b)} == {r.TAX: "accepted", r.TRANSFER: "accepted"}
    await realestate.confirm_party(actor=h.as_citizen(seller), settings=None, bundle_id=b.id)
    assert (await BundleParty.get(bundle_id=b.id)).confirmed_at is not None
