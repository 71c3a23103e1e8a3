"""A registration that founds a market entity (企业开办's 设立登记): when its 营业执照 is issued the new
enterprise exists — on the platform (an :class:`Enterprise` with its applicant as legal
representative, so they act for it from then on), in the legal-person base (法人库, as the market
regulator's registration feeds it) and as the holder of the e-licence — and what the bundle's later
items ask about it (its credit code, its name, the day it was founded: ``themes.rules.FOUNDED_FIELDS``)
is filled into the bundle's form, so the sub-cases that open next carry it and the partners they are
forwarded to (the bank, the seal carver) receive it. Nobody types it twice; nobody could have typed
it at application time, when the enterprise did not exist yet.

It runs in the transaction that issues the licence (:func:`server.domain.cases.apply.issue_elicence`),
before the bundle opens its next stage in that same transaction.
"""

from __future__ import annotations

from typing import Any

from stdnum.cn import uscc

from server.domain.accounts.models import Citizen, Enterprise
from server.domain.cases import clock
from server.domain.cases.models import Case, CaseBundle
from server.domain.shareddata import rules as shared_rules
from server.domain.themes.rules import FOUNDED_FIELDS

FOUNDED_PREFIX = "founded."
# the characters GB 32100 admits in the organisation part (no I, O, S, V, Z)
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def produced(source: str | None) -> bool:
    """Whether a merged-form field's value comes from the registration (filled when a later item opens)."""
    return bool(source and source.startswith(FOUNDED_PREFIX))


def founds(case: Case, kind: str) -> bool:
    """Whether issuing ``kind`` for ``case`` founds an enterprise: a 营业执照 of a 设立登记 (as
    :func:`server.domain.cases.apply.founds_entity` decides it for the item version)."""
    return kind == shared_rules.BUSINESS_LICENCE and "设立" in (case.item_name or "")


def _gb11714_check(body: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body, _GB11714_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_code_for(region_code: str, serial: int) -> str:
    """The 统一社会信用代码 (GB 32100) of an enterprise founded by the registration case ``serial``:
    registration authority 9 (market regulation), kind 1 (enterprise), the region, an organisation
    code ``MA`` + six characters from the serial with its GB 11714 check, and the GB 32100 check."""
    chars = []
    n = serial
    for _ in range(6):
        n, r = divmod(n, len(_ALPHABET))
        chars.append(_ALPHABET[r])
    body = "MA" + "".join(reversed(chars))
    first17 = "91" + region_code[:6].ljust(6, "0") + body + _gb11714_check(body)  # a digit or X: both admitted
    return first17 + uscc.calc_check_digit(first17)


async def register(conn: Any, case: Case) -> Enterprise | None:
    """The enterprise the registration ``case`` founds, made now (idempotent: a case founds one)."""
    from server.domain.shareddata.models import LegalPersonRecord

    code = credit_code_for(case.region_code or case.city_code or "371500", case.id)
    existing = await Enterprise.filter(credit_code=code).using_db(conn).first()
    if existing is not None:
        return existing
    # what a walk-in took for the enterprise to be (window.FutureEnterprise) fills what the form lacks
    future = case.future_enterprise or {}
    form = {**{k: v for k, v in (("enterpriseName", future.get("name")), ("enterpriseType", future.get("kind")),
                                  ("enterpriseAddress", future.get("address"))) if v},
            **{k: v for k, v in (case.form_data or {}).items() if v not in (None, "")}}
    person_id = case.applicant_citizen_id or case.contact_citizen_id
    person = await Citizen.filter(id=person_id).using_db(conn).first() if person_id else None
    name = str(form.get("enterpriseName") or case.applicant_name)[:128]
    rep_name, rep_id = (person.name or "", person.id_number or "") if person else (case.applicant_name, "")
    ent = await Enterprise.create(credit_code=code, name=name, legal_rep_name=rep_name[:64], legal_rep_id_number=rep_id[:18],
                                  legal_rep_id=person.id if person else None, region_id=case.region_code, using_db=conn)
    today = clock.today()
    capital = form.get("registeredCapital")
    await LegalPersonRecord.create(
        credit_code=code, name=name, kind=str(form.get("enterpriseType") or "有限责任公司")[:32],
        legal_representative=rep_name[:64], legal_rep_id_number=rep_id[:18],
        address=str(form.get("domicile") or form.get("enterpriseAddress") or "")[:200],
        registered_capital=capital if isinstance(capital, (int, float)) else None, established_on=today,
        business_scope=str(form.get("businessScope") or ""), registration_authority=case.department_code[:64],
        using_db=conn,
    )
    if case.bundle_id is not None:
        values = {"founded.credit_code": code, "founded.name": name, "founded.date": today.isoformat()}
        bundle = await CaseBundle.filter(id=case.bundle_id).using_db(conn).first()
        if bundle is not None:
            filled = {key: values[source] for key, source in FOUNDED_FIELDS.items()}
            await CaseBundle.filter(id=bundle.id).using_db(conn).update(
                form_data={**(bundle.form_data or {}), **filled})
    return ent
