"""What an applicant already holds, and how each material of a situation is satisfied.

Trust levels (DOMAIN.md): A an e-licence issued by a department, or a base database's record, B a
material a clerk verified at a window, C an upload by the applicant, D a self-declaration. A and B
count without asking again. A material marked shared data (共享数据) is 免提交 only when a base
database actually holds what it proves for this holder: 居民户口簿 and 居民身份证 a population record,
营业执照 (and, for an enterprise, its legal representative's identity) a legal-person record in
force; e-licences come from the e-licence base. Otherwise it is supplied like any other material.
A real-name-verified citizen's identity card counts as held (A) even without a population record.

:func:`holdings` reads everything once per application step (the bases through
:func:`server.domain.shareddata.service.pull`, logged; the verified materials), so that
:func:`satisfy` runs without queries however many materials there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from tortoise.expressions import Q

from server.domain.cases.models import VerifiedMaterial
from server.domain.shareddata import rules
from server.domain.shareddata.rules import Base
from server.domain.shareddata.service import Ask, Prefilled, Pulled, Why, prefill, pull
from server.domain.shareddata.sources import Record, Subject
from server.settings import Settings

IDENTITY_CARD = rules.IDENTITY_CARD


@dataclass(frozen=True, slots=True)
class Holder:
    """Who the evidence belongs to: a citizen or an enterprise (``code``: their ID number or credit
    code, what the bases know them by)."""

    citizen_id: int | None = None
    enterprise_id: int | None = None
    identity_verified: bool = False
    code: str | None = None
    name: str = ""

    @property
    def enterprise(self) -> bool:
        return self.citizen_id is None and self.enterprise_id is not None

    def q(self, prefix: str = "holder_") -> Q:
        lookup: dict[str, Any] = (
            {f"{prefix}citizen_id": self.citizen_id} if self.citizen_id is not None
            else {f"{prefix}enterprise_id": self.enterprise_id}
        )
        return Q(**lookup)

    def subject(self) -> Subject:
        return Subject(kind="enterprise" if self.enterprise else "person", code=self.code or "", name=self.name,
                       citizen_id=self.citizen_id, enterprise_id=self.enterprise_id)


@dataclass(frozen=True, slots=True)
class Licence:
    """An e-licence the e-licence base holds for the holder (``id``: the local row, when local)."""

    id: int | None
    number: str
    kind: str


@dataclass(slots=True)
class Holdings:
    """Everything :func:`satisfy` needs, read once: e-licences, window-verified materials, and the
    records of the bases that hold the holder (and which bases could not answer)."""

    licences: dict[str, Licence] = field(default_factory=dict)
    verified: dict[str, VerifiedMaterial] = field(default_factory=dict)
    pulled: Pulled = field(default_factory=Pulled)
    prefilled: dict[str, Prefilled] = field(default_factory=dict)

    @property
    def batch(self) -> str | None:
        return self.pulled.batch

    def covers(self, base: Base) -> Record | None:
        """The base's record when it can stand in for materials (a legal person only while in force)."""
        record = self.pulled.record(base)
        if record is not None and base == Base.LEGAL_PERSON and record.values.get("status") not in rules.ACTIVE_STATUSES:
            return None
        return record

    @property
    def dishonest(self) -> str | None:
        """The credit base's dishonesty listings in force (失信被执行人 …), or None."""
        record = self.pulled.record(Base.CREDIT)
        kinds = [e.get("kind_label") or e.get("kind") for e in (record.values.get("entries") or [])
                 if e.get("kind") in rules.DISHONEST_KINDS] if record else []
        return "、".join(dict.fromkeys(str(k) for k in kinds)) or None

    def unavailable_for(self, material: Any, *, enterprise: bool) -> str | None:
        """Why a base that might have covered ``material`` could not be asked (it was down)."""
        down = self.pulled.unavailable
        base = rules.covering_base(material, enterprise=enterprise)
        if base in down:
            return down[base]
        if getattr(material, "elicence", None) and Base.ELICENCE in down:
            return down[Base.ELICENCE]
        return None

    def unavailable_for_field(self, key: str) -> str | None:
        base = rules.form_base(key)
        return self.pulled.unavailable.get(base) if base else None


@dataclass(slots=True)
class Satisfied:
    state: str  # provided | reused | exempt | pending
    trust: str | None = None
    upload_id: int | None = None
    elicence_id: int | None = None
    verified_id: int | None = None
    note: str = ""


async def holdings(
    holder: Holder, *, on: date, why: Why, settings: Settings | None, materials: Sequence[Any] = (),
    form_keys: Sequence[str] = (), credit: bool = False, client: httpx.AsyncClient | None = None,
) -> Holdings:
    """What ``holder`` holds for ``materials`` (and the form fields ``form_keys``): one pull over the
    bases needed — e-licences of the kinds the materials name, the population or legal-person record
    when a shared-data material or a form field needs it, the credit base when ``credit`` — and the
    window-verified materials. Each base is asked only for the fields the application needs."""
    subject = holder.subject()
    asks: list[Ask] = []
    kinds = rules.licence_kinds(materials)
    if kinds and (holder.citizen_id is not None or holder.enterprise_id is not None):
        asks.append(Ask(Base.ELICENCE, subject, tuple(kinds)))
    if holder.code:
        shared = [m for m in materials if rules.covering_base(m, enterprise=holder.enterprise) is not None]
        if holder.enterprise:
            wanted = rules.legal_person_fields(shared, form_keys)
            if wanted:
                asks.append(Ask(Base.LEGAL_PERSON, subject, tuple(wanted)))
        else:
            wanted = rules.population_fields(shared, form_keys)
            if wanted:
                asks.append(Ask(Base.POPULATION, subject, tuple(wanted)))
        if credit:
            asks.append(Ask(Base.CREDIT, subject, ("entries",)))
    pulled = await pull(asks, why=why, settings=settings, form_keys=form_keys, client=client)
    valid = Q(Q(valid_to=None), Q(valid_to__gte=on), join_type="OR")
    # a person registered at the counter this moment is not saved yet (window.register): nothing of theirs
    # was verified before, and an empty holder must never match everybody's rows
    verified = await VerifiedMaterial.filter(holder.q(), valid).order_by("verified_at", "id") if (
        holder.citizen_id is not None or holder.enterprise_id is not None) else []
    record = pulled.record(Base.ELICENCE)
    licences = {str(k): Licence(v.get("id"), str(v.get("number") or ""), str(k))
                for k, v in (record.values.items() if record else []) if isinstance(v, dict)}
    return Holdings(licences=licences, verified={v.name: v for v in verified}, pulled=pulled,
                    prefilled=prefill(pulled, form_keys))


def covered_note(base: Base, material: Any) -> str:
    kind = getattr(material, "elicence", None)
    if base == Base.POPULATION:
        what = "居民身份证信息" if kind == IDENTITY_CARD else "户籍信息"
    elif kind == IDENTITY_CARD:
        what = "法定代表人身份信息"
    else:
        what = "市场主体登记信息"
    return f"免提交：来自{rules.label(base)}（{what}）"


def satisfy(material: Any, *, holder: Holder, held: Holdings, upload_id: int | None = None) -> Satisfied:
    """How one catalogue material is satisfied: reuse first (an e-licence, a base that holds what it
    proves, a verified identity, a window-verified material), then an upload (C). No queries."""
    kind = material.elicence
    if rules.names_someone_else(material):
        # an agent's, a clerk's or a mortgagee's document: nothing of the applicant's stands in for it
        return Satisfied("provided", "C", upload_id=upload_id, note="申请人上传") if upload_id is not None \
            else Satisfied("pending")
    if kind and kind in held.licences:
        lic = held.licences[kind]
        return Satisfied("reused", "A", elicence_id=lic.id, note=f"电子证照 {lic.number}（来自电子证照库）")
    base = rules.covering_base(material, enterprise=holder.enterprise)
    if base is not None and held.covers(base) is not None:
        return Satisfied("exempt", "A", note=covered_note(base, material))
    if kind == IDENTITY_CARD and holder.citizen_id is not None and holder.identity_verified:
        return Satisfied("reused", "A", note="实名认证核验")
    if material.name in held.verified:
        v = held.verified[material.name]
        return Satisfied("reused", "B", verified_id=v.id, note="窗口已核验材料")
    if upload_id is not None:
        return Satisfied("provided", "C", upload_id=upload_id, note="申请人上传")
    return Satisfied("pending")


async def applicant_holder(row: Any) -> Holder:
    """The applicant of a case or a bundle (its ``applicant_*`` columns) as the bases know them: by
    ID number or credit code, read from their account (one query)."""
    from server.domain.accounts.models import Citizen, Enterprise

    if row.applicant_kind == "enterprise":
        codes = await Enterprise.filter(id=row.applicant_enterprise_id).values_list("credit_code", flat=True)
        return Holder(enterprise_id=row.applicant_enterprise_id, code=str(codes[0]) if codes else None,
                      name=row.applicant_name)
    rows = await Citizen.filter(id=row.applicant_citizen_id).values_list("verified_at", "id_number")
    at, number = rows[0] if rows else (None, None)
    return Holder(citizen_id=row.applicant_citizen_id, identity_verified=at is not None, code=number,
                  name=row.applicant_name)


def case_why(purpose: str, case: Any, caller: Any) -> Why:
    """Why a step of a case reads the bases: scoped as the case, naming it."""
    return Why(purpose=purpose[:200], caller=caller, region_code=case.region_code, city_code=case.city_code,
               county_code=case.county_code, case_id=case.id, case_number=case.number)


async def credit_listing(holder: Holder, *, why: Why, settings: Settings | None) -> str | None:
    """The credit base's dishonesty listings of ``holder`` in force (one logged pull), or None."""
    if not holder.code:
        return None
    pulled = await pull([Ask(Base.CREDIT, holder.subject(), ("entries",))], why=why, settings=settings)
    return Holdings(pulled=pulled).dishonest
