"""What the base databases are, what they hold, which form fields they fill and which materials
they stand in for (no queries here)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any


class Base(StrEnum):
    POPULATION = "population"  # 人口库
    LEGAL_PERSON = "legal_person"  # 法人库
    ELICENCE = "elicence"  # 电子证照库
    CREDIT = "credit"  # 信用库


BASE_LABELS = {
    Base.POPULATION: "人口库", Base.LEGAL_PERSON: "法人库", Base.ELICENCE: "电子证照库", Base.CREDIT: "信用库",
}
BASE_DESCRIPTIONS = {
    Base.POPULATION: "人口基础信息库（公安户籍）",
    Base.LEGAL_PERSON: "法人单位基础信息库（市场主体登记）",
    Base.ELICENCE: "电子证照库",
    Base.CREDIT: "公共信用信息库",
}

# the fields of each base (what a pull may ask for), with their Chinese names
FIELDS: dict[Base, dict[str, str]] = {
    Base.POPULATION: {
        "id_number": "公民身份号码", "name": "姓名", "gender": "性别", "birth_date": "出生日期", "ethnicity": "民族",
        "household_address": "户籍地址", "household_region_code": "户籍所在区划", "household_head": "户主",
        "relation_to_head": "与户主关系",
    },
    Base.LEGAL_PERSON: {
        "credit_code": "统一社会信用代码", "name": "名称", "kind": "类型", "legal_representative": "法定代表人",
        "address": "住所", "registered_capital": "注册资本（万元）", "established_on": "成立日期", "status": "登记状态",
        "business_scope": "经营范围", "registration_authority": "登记机关",
    },
    Base.ELICENCE: {},  # its fields are licence kinds (营业执照, 不动产权证书 …)
    Base.CREDIT: {"entries": "信用记录"},
}

CREDIT_KINDS = {
    "dishonest_debtor": "失信被执行人",
    "tax_violation": "重大税收违法失信主体",
    "honour": "守信激励对象",
}
DISHONEST_KINDS = frozenset({"dishonest_debtor", "tax_violation"})
ACTIVE_STATUSES = frozenset({"存续", "在业", "开业"})  # a legal person that can stand for its 营业执照

# form fields a base fills in at application time, by form-field key: (base, field). Population
# fields are the applicant person's (a citizen applying for themself), legal-person fields the
# enterprise's (a registered enterprise applying). A base value replaces what was typed or what the
# account says; a base that has nothing leaves the field to the applicant.
FORM_FIELDS: dict[str, tuple[Base, str]] = {
    "applicantName": (Base.POPULATION, "name"),
    "idNumber": (Base.POPULATION, "id_number"),
    "operatorName": (Base.POPULATION, "name"),
    "operatorIdNumber": (Base.POPULATION, "id_number"),
    "householdAddress": (Base.POPULATION, "household_address"),
    "enterpriseName": (Base.LEGAL_PERSON, "name"),
    "unitName": (Base.LEGAL_PERSON, "name"),
    "creditCode": (Base.LEGAL_PERSON, "credit_code"),
    "legalRepresentative": (Base.LEGAL_PERSON, "legal_representative"),
    "enterpriseAddress": (Base.LEGAL_PERSON, "address"),
    "registeredCapital": (Base.LEGAL_PERSON, "registered_capital"),
    "foundedOn": (Base.LEGAL_PERSON, "established_on"),
    "businessScope": (Base.LEGAL_PERSON, "business_scope"),
}

# materials a base stands in for, by the e-licence kind the catalogue gives the material
IDENTITY_CARD = "居民身份证"
HOUSEHOLD_REGISTER = "居民户口簿"
BUSINESS_LICENCE = "营业执照"
POPULATION_KINDS = frozenset({IDENTITY_CARD, HOUSEHOLD_REGISTER})
LEGAL_PERSON_KINDS = frozenset({BUSINESS_LICENCE})
LEGAL_PERSON_NAMES = ("统一社会信用代码证书",)  # materials without a kind the legal-person record proves
# the population fields that prove a kind (what 免提交 rests on), and the legal-person ones
PROOF_FIELDS = {
    IDENTITY_CARD: ("id_number", "name", "gender", "birth_date"),
    HOUSEHOLD_REGISTER: ("id_number", "name", "household_address", "household_head", "relation_to_head"),
}
LEGAL_PROOF_FIELDS = ("credit_code", "name", "legal_representative", "status")


def label(base: Base | str) -> str:
    return BASE_LABELS[Base(base)]


def source_label(base: Base | str) -> str:
    """How a form shows where a value came from: 来自人口库."""
    return f"来自{label(base)}"


def field_label(base: Base | str, name: str) -> str:
    return FIELDS[Base(base)].get(name, name)


def form_base(key: str) -> Base | None:
    """The base that fills the form field ``key`` (when the applicant is in it), or None."""
    found = FORM_FIELDS.get(key)
    return found[0] if found else None


def prefill_keys(keys: Iterable[str], *, founds_entity: bool) -> list[str]:
    """The form keys a base may fill: an application that registers a new market entity describes
    that entity (its name, capital, scope), not the applicant's: no legal-person field is taken then."""
    return [k for k in keys if not (founds_entity and form_base(k) == Base.LEGAL_PERSON)]


OTHER_PARTIES = ("受托人", "代理人", "经办人", "代办人", "被委托人", "抵押权人")
"""Words in a material's name that make it someone else's document: an agent's, a company's clerk's
(经办人), a mortgagee's. Such a material is never satisfied from the applicant's own evidence (their
ID card, their e-licences, their base records): that person must bring it. (A guardian's proof stays
with the household register, which lists the guardian.)"""


def names_someone_else(material: Any) -> bool:
    name = str(getattr(material, "name", "") or "")
    return any(w in name for w in OTHER_PARTIES)


def covering_base(material: Any, *, enterprise: bool) -> Base | None:
    """The base (other than e-licences) that can stand in for a shared-data material of a holder of
    this kind, or None when no base of ours holds what it proves."""
    if not getattr(material, "shared_data", False) or names_someone_else(material):
        return None
    kind = getattr(material, "elicence", None)
    name = str(getattr(material, "name", "") or "")
    if enterprise:
        # the legal-person record proves the entity and its legal representative's identity
        if kind in LEGAL_PERSON_KINDS or kind == IDENTITY_CARD or name.startswith(LEGAL_PERSON_NAMES):
            return Base.LEGAL_PERSON
        return None
    if kind in POPULATION_KINDS:
        return Base.POPULATION
    return None


def population_fields(materials: Iterable[Any], form_keys: Iterable[str]) -> list[str]:
    """The population fields an application needs (最小必要: nothing else is asked for)."""
    wanted: list[str] = []
    for m in materials:
        kind = getattr(m, "elicence", None)
        if kind in POPULATION_KINDS and not names_someone_else(m):
            wanted += PROOF_FIELDS[kind]
    for key in form_keys:
        found = FORM_FIELDS.get(key)
        if found and found[0] == Base.POPULATION:
            wanted.append(found[1])
    return list(dict.fromkeys(wanted))


def legal_person_fields(materials: Iterable[Any], form_keys: Iterable[str]) -> list[str]:
    wanted: list[str] = []
    if any(covering_base(m, enterprise=True) == Base.LEGAL_PERSON for m in materials):
        wanted += LEGAL_PROOF_FIELDS
    for key in form_keys:
        found = FORM_FIELDS.get(key)
        if found and found[0] == Base.LEGAL_PERSON:
            wanted.append(found[1])
    return list(dict.fromkeys(wanted))


def licence_kinds(materials: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(str(m.elicence) for m in materials
                              if getattr(m, "elicence", None) and not names_someone_else(m)))
