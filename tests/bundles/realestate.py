"""Shared set-up of the real-estate tests and benchmark (二手房转移登记, the seeded theme
``second-hand-house``): a buyer and a seller, the buyer's application naming the seller, and the
departments' moves up to registration (契税 recorded, online review, on-site verification, 登簿)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from server.domain.accounts.models import Citizen
from server.domain.appointments import service as appointments
from server.domain.cases import bundles, realestate, review
from server.domain.cases.models import Case, CaseBundle
from server.domain.exchange import signing
from server.domain.exchange.models import Partner, PartnerKind
from server.domain.themes.models import ThemeVersion
from server.domain.themes.resolve import resolve
from server.domain.themes.service import published_version
from tests import factories as h
from tests.bundles import helpers as t

THEME = "second-hand-house"
TAX, TRANSFER = "100160007000", "070400002000"
UTILITIES = {"water": "200401001000", "power": "200401002000", "gas": "200401003000", "heat": "200401004000",
             "broadband": "200401005000"}
ALL_UTILITIES = {"gas": "yes", "heat": "yes", "broadband": "yes", "fund": "no"}
ACCOUNTS = {"waterAccount": "WS-0635-118822", "powerAccount": "0635012345678", "gasAccount": "RQ-77810021",
            "heatAccount": "RL-20010933", "broadbandNumber": "0635-8112233"}
ADDRESS = "聊城市东昌府区柳园街道兴华路 18 号 3 号楼 2 单元 501 室"


@dataclass
class Sale:
    buyer: Citizen
    seller: Citizen
    bundle: CaseBundle


async def version() -> ThemeVersion:
    v = await published_version(code=THEME)
    assert v is not None, f"the seeded theme {THEME} is published"
    return v


async def people() -> tuple[Citizen, Citizen]:
    return await h.citizen(name="王买房"), await h.citizen(name="李卖房")


async def form(v: ThemeVersion, answers: dict[str, str], seller: Citizen | None) -> dict[str, Any]:
    b = await resolve(version=v, answers=answers)
    data = t.form_for(b.form)
    data.update({k: v for k, v in ACCOUNTS.items() if k in data})
    data.update({"propertyAddress": ADDRESS, "transferReason": "买卖", "price": 96})
    data.pop(realestate.SELLER_NAME, None)
    data.pop(realestate.SELLER_ID, None)
    if seller is not None:
        data.update({realestate.SELLER_NAME: seller.name, realestate.SELLER_ID: seller.id_number})
    return data


async def application(buyer: Citizen, seller: Citizen | None, *, answers: dict[str, str] | None = None,
                      v: ThemeVersion | None = None, uploader: Any = None) -> bundles.ThemeApplication:
    """The buyer's application (``uploader``: who uploads the files, the buyer unless an agent applies)."""
    v = v or await version()
    answers = dict(ALL_UTILITIES if answers is None else answers)
    b = await resolve(version=v, answers=answers)
    actor = uploader or h.as_citizen(buyer)
    files = [bundles.MaterialFile(m.key, await h.upload(actor, m.name)) for m in b.materials
             if m.necessity != "optional" and not m.generated and m.produced_by is None]
    return bundles.ThemeApplication(theme_code=THEME, answers=answers, form_data=await form(v, answers, seller),
                                    materials=files)


async def apply(buyer: Citizen, seller: Citizen, *, answers: dict[str, str] | None = None, settings: Any = None,
                v: ThemeVersion | None = None) -> Sale:
    app = await application(buyer, seller, answers=answers, v=v)
    got = await bundles.submit(actor=h.as_citizen(buyer), settings=settings, idempotency_key=h.key(), app=app)
    return Sale(buyer, seller, got.bundle)


async def sub(bundle: CaseBundle, basic_code: str) -> Case:
    c = await Case.filter(bundle_id=bundle.id, basic_code=basic_code).order_by("-id").first()
    assert c is not None, f"no sub-case {basic_code}"
    return c


async def pay_tax(bundle: CaseBundle, *, amount: str = "9600.00", receipt: str = "SW37150020251103001",
                  settings: Any = None) -> Case:
    tax = await sub(bundle, TAX)
    return await realestate.record_deed_tax(actor=await t.reviewer(tax.department_code), settings=settings,
                                            case_id=tax.id, amount_yuan=amount, receipt_number=receipt)


async def online_review(bundle: CaseBundle, *, settings: Any = None) -> Case:
    """The transfer's first review step (审核) passed: still with its reviewer, under review at 登簿."""
    c = await sub(bundle, TRANSFER)
    r = await t.reviewer(c.department_code)
    c = await review.claim(actor=r, settings=settings, case_id=c.id)
    c = await review.approve(actor=r, settings=settings, case_id=c.id, opinion="网上审核通过")
    assert c.status == "under_review" and c.review_step == 1 and c.claimed_by_id == r.user_id
    return c


async def book(sale: Sale, day: date, start: str | None = None, *, settings: Any = None) -> Any:
    """Books the visit on ``day``: at ``start``, or at the first slot of that day with a free seat
    (the suite shares one database: other tests book the same hall's days)."""
    if start is None:
        c = await sub(sale.bundle, TRANSFER)
        slots = await appointments.available_slots(hall_code=sale.bundle.hall_code or "", item_id=c.item_id,
                                                   start=day, end=day)
        start = next(s.start for s in slots if s.day == day and s.booked < s.capacity)
    visit, _ = await realestate.book_visit(actor=h.as_citizen(sale.buyer), settings=settings, bundle_id=sale.bundle.id,
                                           day=day, start=start)
    return visit


async def verify(bundle: CaseBundle, *, settings: Any = None) -> Any:
    c = await sub(bundle, TRANSFER)
    return await realestate.verify_on_site(actor=await t.reviewer(c.department_code), settings=settings, case_id=c.id)


async def register(bundle: CaseBundle, *, settings: Any = None) -> Case:
    """登簿: the transfer's last step approved (the utilities open); claimed again only if it was
    handed back to the queue."""
    c = await sub(bundle, TRANSFER)
    r = await t.reviewer(c.department_code)
    if c.status == "accepted":
        c = await review.claim(actor=r, settings=settings, case_id=c.id)
    return await review.approve(actor=r, settings=settings, case_id=c.id, opinion="准予登簿")


NAMES = {"water": "聊城市水务集团", "power": "国网聊城供电公司", "gas": "聊城新奥燃气有限公司", "heat": "聊城市热力有限公司",
         "broadband": "中国联通聊城分公司"}


@contextlib.asynccontextmanager
async def utility_partners(urls: dict[str, str], *, max_attempts: int = 16) -> AsyncIterator[dict[str, Partner]]:
    """One utility partner per key of ``urls`` (each with its own signing key, posting to its url), as
    the demo partners are (seeds/demo/partners.yaml: 16 attempts, about 75 minutes); the other
    partners routing the utilities' items are set aside while inside (and put back after)."""
    codes = [UTILITIES[k] for k in urls]
    others = [p.id for p in await Partner.filter(is_active=True) if set(p.routes or []) & set(codes)]
    await Partner.filter(id__in=others).update(is_active=False)
    made: dict[str, Partner] = {}
    try:
        for key, url in urls.items():
            made[key] = await Partner.create(
                code=f"{key}-{h.tag()}"[:32].lower(), name=NAMES[key], kind=PartnerKind.UTILITY, region_code="371500",
                base_url=url, routes=[UTILITIES[key]], max_attempts=max_attempts, timeout_seconds=3.0,
                keys=[{"id": "k1", "secret": signing.new_secret(), "created_at": "2025-01-01T00:00:00+08:00"}])
        yield made
    finally:
        await Partner.filter(id__in=[p.id for p in made.values()]).update(is_active=False)
        await Partner.filter(id__in=others).update(is_active=True)
