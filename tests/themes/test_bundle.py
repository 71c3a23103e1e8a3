"""resolve(): the items of an answer set by stage, one merged form, one set of materials."""

from __future__ import annotations

import pytest

from server.domain.errors import DomainErrors
from server.domain.themes import errors, service
from server.domain.themes.models import ThemeVersion
from server.domain.themes.resolve import Bundle, resolve

pytestmark = pytest.mark.usefixtures("database")


async def _version(code: str) -> ThemeVersion:
    v = await service.published_version(code=code)
    assert v is not None, code
    return v


async def _bundle(code: str, **answers: str) -> Bundle:
    return await resolve(version=await _version(code), answers=answers)


async def test_answers_decide_items_and_situations_by_stage() -> None:
    b = await _bundle("enterprise-startup", company_type="jsc", housing_fund="no", bank_account="yes")
    assert [(s.number, s.key, [i.key for i in s.items]) for s in b.stages] == [
        (1, "licence", ["licence"]), (2, "parallel", ["seal", "tax", "social", "bank"]),
    ]
    licence = b.items[0]
    assert [s.name for s in licence.situations] == ["股份有限公司设立登记"]
    assert licence.version.status == "published" and licence.item.basic_code == "010100001000"
    assert licence.department_code == "371500-XZSPJ"
    assert b.items[1].depends_on == ["licence"]
    # a stage with nothing applying is left out, and the next is numbered on
    d = await _bundle("enterprise-deregistration", simplified="yes", fund="no", bank="no")
    assert [s.key for s in d.stages] == ["clear", "cancel"]
    assert d.items[-1].depends_on == ["tax", "social"]  # fund does not apply on this path


async def test_a_field_several_items_ask_for_is_asked_once() -> None:
    b = await _bundle("employee-hiring", fund="yes")
    by_key = {f.key: f for f in b.form}
    assert [f.key for f in b.form] == ["employeeName", "employeeIdNumber", "hireDate", "contactPhone", "monthlyWage"]
    assert by_key["employeeName"].items == ["employment", "pension", "medical", "fund"]
    assert by_key["employeeIdNumber"].type == "id_number" and by_key["employeeIdNumber"].required
    assert by_key["monthlyWage"].items == ["pension", "fund"]
    assert (b.counts.fields, b.counts.fields_separately) == (5, 14)
    # fields the platform knows are marked with their source
    assert by_key["contactPhone"].source == "applicant.phone"
    assert by_key["employeeName"].source is None
    assert b.counts.fields_prefilled == 1 and b.counts.fields_asked == 4


async def test_enterprise_details_are_prefilled_only_for_a_registered_enterprise() -> None:
    change = await _bundle("enterprise-change", change="name", bank="no")
    sources = {f.key: f.source for f in change.form}
    assert sources["creditCode"] == "enterprise.credit_code" and sources["contactPhone"] == "applicant.phone"
    startup = await _bundle("enterprise-startup", company_type="llc", housing_fund="yes", bank_account="yes")
    sources = {f.key: f.source for f in startup.form}
    # the enterprise is being founded: its name is typed for the registration, and its credit code is
    # not asked at all — the registration produces it and fills the later items (cases/founding.py)
    assert sources["enterpriseName"] is None and sources["creditCode"] == "founded.credit_code"
    assert sources["unitName"] == "founded.name"
    assert sources["contactPhone"] == "applicant.phone"
    # the strictest validation of the items wins: 企业开办's businessScope is the company's 500 characters
    assert {f.key: f.max_length for f in startup.form}["businessScope"] == 500


async def test_a_material_several_items_need_is_submitted_once() -> None:
    b = await _bundle("second-hand-house", gas="yes", heat="no", broadband="yes", fund="no")
    by_code = {m.standard_code: m for m in b.materials if m.standard_code}
    sfz = by_code["SFZ"]
    assert sfz.name == "居民身份证"
    assert sfz.item_keys == ["tax", "transfer", "water", "power", "gas", "broadband"]
    assert {u.material.name for u in sfz.uses} >= {"买卖双方身份证明（居民身份证）", "新户主身份证明"}
    # the certificate the transfer issues is what the utilities need; the transfer itself needs the
    # old one, so the applicant provides it once
    bdc = by_code["BDCQZ"]
    assert {u.item_key: u.produced_by for u in bdc.uses} == {
        "transfer": None, "water": "transfer", "power": "transfer", "gas": "transfer", "broadband": "transfer",
    }
    assert bdc.produced_by is None
    # the application forms are generated from the merged form, never uploaded
    assert by_code["SQB"].generated and by_code["SQB"].item_keys == ["transfer", "water"]
    assert by_code["ZFHT"].item_keys == ["tax", "transfer"]
    keys = [m.key for m in b.materials]
    assert len(keys) == len(set(keys))
    provided = [m for m in b.materials if not m.generated and m.produced_by is None]
    assert b.counts.materials == len(provided) < b.counts.materials_separately
    assert b.counts.materials_generated == 2


async def test_the_licence_of_the_first_stage_is_not_asked_again() -> None:
    b = await _bundle("enterprise-startup", company_type="llc", housing_fund="yes", bank_account="yes")
    yyzz = next(m for m in b.materials if m.standard_code == "YYZZ")
    assert yyzz.produced_by == "licence" and set(yyzz.item_keys) == {"seal", "tax", "social", "fund", "bank"}
    assert not any(m.standard_code == "YYZZ" for m in b.materials if m.produced_by is None)
    # materials without a standard code stay with their item
    charter = next(m for m in b.materials if m.name == "公司章程")
    assert charter.standard_code is None and charter.item_keys == ["licence"] and charter.key.startswith("M")


async def test_the_necessity_of_a_shared_material_is_the_strictest() -> None:
    b = await _bundle("open-restaurant", entity="individual", signboard="no", gas="no")
    premises = next(m for m in b.materials if m.standard_code == "JYCS")
    necessities = {u.material.necessity for u in premises.uses}
    assert premises.necessity == ("required" if "required" in necessities else "deferrable")
    assert len(premises.uses) >= 1


async def test_answers_are_checked_all_at_once() -> None:
    v = await _version("enterprise-startup")
    with pytest.raises(DomainErrors) as caught:
        await resolve(version=v, answers={"company_type": "gmbh", "bank_account": "yes", "colour": "red"})
    found = {(e.code, tuple(e.field or [])) for e in caught.value.errors}
    assert found == {
        (errors.INVALID_ANSWERS, ("answers", "colour")), (errors.INVALID_ANSWERS, ("answers", "company_type")),
        (errors.INVALID_ANSWERS, ("answers", "housing_fund")),
    }
    assert any("只能选择：有限责任公司、股份有限公司" in e.message for e in caught.value.errors)


async def test_each_utility_asks_only_for_its_own_account_number() -> None:
    """二手房转移登记: the property address is asked once and goes to the registration and every chosen
    utility; each account number the seller supplies goes to its own utility only."""
    b = await _bundle("second-hand-house", gas="yes", heat="no", broadband="yes", fund="no")
    by_key = {f.key: f for f in b.form}
    assert by_key["propertyAddress"].items == ["transfer", "water", "power", "gas", "broadband"]
    assert {k: by_key[k].items for k in ("waterAccount", "powerAccount", "gasAccount", "broadbandNumber")} == {
        "waterAccount": ["water"], "powerAccount": ["power"], "gasAccount": ["gas"], "broadbandNumber": ["broadband"],
    }
    assert "heatAccount" not in by_key  # heating was not chosen: its account number is not asked
