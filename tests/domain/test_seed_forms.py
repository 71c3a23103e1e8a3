"""The seeded catalogue carries what the cases domain needs: forms, review steps, result licences and
instant rules, on the items the flows use."""

from __future__ import annotations

from typing import Any

from server.domain.catalog import rules
from server.domain.catalog.content import ItemContent
from server.domain.catalog.forms import validate_definitions, validate_form
from server.domain.catalog.models import ItemVersion, ServiceItem
from server.domain.catalog.service import load_content

# implementation codes of the instant items whose required materials all come from evidence
ENTERPRISE_INSTANT = ("371500-RSJ-200170001000", "371502-RSJ-200170001000", "371500-SWJ-100160001000")
CITIZEN_INSTANT = ("371502-YBJ-200710003000", "100000-SWZJ-200300007000")


async def _current(code: str) -> tuple[ItemVersion, ItemContent]:
    item = await ServiceItem.get(implementation_code=code)
    version = await ItemVersion.get(id=item.published_version_id)
    return version, await load_content(version)


async def test_company_setup_has_form_steps_licence_and_paper_and_deferrable_materials(database: str) -> None:
    codes: list[Any] = await ServiceItem.filter(basic_code="010100001000").values_list("implementation_code", flat=True)
    assert {"371500-XZSPJ-010100001000", "371502-XZSPJ-010100001000", "371525-XZSPJ-010100001000"} <= set(codes)
    for code in codes:
        version, content = await _current(code)
        assert version.result_licence == "营业执照", code
        assert version.review_steps == ["审查", "核准"], code
        by_key = {f["key"]: f for f in version.form_fields}
        labels = {f["label"]: (f["type"], f["required"]) for f in version.form_fields}
        assert labels == {
            "企业名称": ("text", True), "注册资本（万元）": ("number", True), "企业类型": ("select", False),
            "经营范围": ("textarea", True), "联系电话": ("phone", True),
        }, code
        assert by_key["enterpriseName"]["max_length"] == 64 and by_key["businessScope"]["max_length"] == 500
        assert by_key["registeredCapital"]["min"] == 0
        assert by_key["enterpriseType"]["options"] == ["有限责任公司", "股份有限公司", "个人独资企业", "合伙企业"]
        # one situation has a 容缺后补 material and a required one a clerk must check on paper
        assert any(
            any(m.necessity == "deferrable" for m in s.materials)
            and any(m.necessity == "required" and not m.elicence and not m.shared_data for m in s.materials)
            for s in content.situations
        ), code
    version, _ = await _current("371500-XZSPJ-010100001000")
    cleaned, problems = validate_form(version.form_fields, {
        "enterpriseName": "聊城市易办科技有限公司", "registeredCapital": "50", "businessScope": "软件开发",
        "contactPhone": "13806351234", "enterpriseType": "有限责任公司",
    })
    assert problems == [] and cleaned["registeredCapital"] == 50


async def test_licences_named_by_materials_are_issued_by_some_item(database: str) -> None:
    issued = set(await ItemVersion.filter(status="published").exclude(result_licence=None)
                 .values_list("result_licence", flat=True))
    for licence in ("营业执照", "不动产权证书", "食品经营许可证", "结婚证", "居民户口簿", "食品生产许可证",
                    "建设工程规划许可证", "护士执业证书", "社会保障卡"):
        assert licence in issued, licence
    for code in ("371500-BDCDJ-070400001000", "371500-BDCDJ-070400002000", "371525-BDCDJ-070400002000"):
        version, _ = await _current(code)
        assert version.result_licence == "不动产权证书", code


async def test_instant_items_have_rules_and_evidence_only_materials(database: str) -> None:
    # every instant item got a rule (the seed default where it names none)
    instant: list[Any] = await ItemVersion.filter(status="published", instant=True).values_list("instant_rule", flat=True)
    assert instant and all(r and r["version"] >= 1 and r["conditions"] for r in instant)
    assert await ItemVersion.filter(status="published", instant=False).exclude(instant_rule=None).count() == 0
    version, _ = await _current("371500-RSJ-200170001000")
    assert version.instant_rule == {
        "code": "instant-200170001000", "version": 1, "conditions": list(rules.INSTANT_CONDITIONS)
    }
    for code, evidence in [(c, "营业执照") for c in ENTERPRISE_INSTANT] + [(c, "居民身份证") for c in CITIZEN_INSTANT]:
        version, content = await _current(code)
        assert version.instant and version.instant_rule, code
        required = [m for m in content.situations[0].materials if m.necessity == "required"]
        assert required and all(m.elicence == evidence or m.shared_data for m in required), code
        assert version.form_fields, code


async def test_forms_and_review_steps_cover_the_catalogue(database: str) -> None:
    rows = await ItemVersion.filter(status="published").values("form_fields", "review_steps", "item_type")
    with_forms = [r for r in rows if r["form_fields"]]
    assert len(with_forms) >= 15
    assert all(validate_definitions(r["form_fields"]) == [] for r in with_forms)
    licensing_with_steps = [r for r in rows if r["item_type"] == "licensing" and 2 <= len(r["review_steps"]) <= 3]
    assert len(licensing_with_steps) >= 10
