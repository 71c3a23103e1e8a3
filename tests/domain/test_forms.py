"""Application forms: checking what an applicant filled in, checking the definitions an admin wrote,
and the other per-version decision elements (review steps, result licence, instant rule)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from server.domain.catalog import errors, rules
from server.domain.catalog.content import (
    ItemContent,
    MaterialSpec,
    SituationSpec,
    default_instant_rule,
    review_steps,
    validate,
)
from server.domain.catalog.forms import normalise_definitions, validate_definitions, validate_form

ID_17 = "37150219900307123"
ID_NUMBER = ID_17 + ric.calc_check_digit(ID_17 + "0")
# an ID whose check character is X, to test the lower-case x
ID_X = next(
    p + "X" for p in (f"3715021988010{d:01d}12{e}" for d in range(10) for e in range(10))
    if ric.calc_check_digit(p + "0") == "X"
)
CREDIT = "91371500MA3C" + "12345"
CREDIT_CODE = CREDIT + uscc.calc_check_digit(CREDIT)

FIELDS: list[dict[str, Any]] = normalise_definitions([
    {"key": "enterpriseName", "label": "企业名称", "type": "text", "required": True, "max_length": 64},
    {"key": "registeredCapital", "label": "注册资本", "type": "number", "required": True, "min": 0, "max": 100000},
    {"key": "enterpriseType", "label": "企业类型", "type": "select",
     "options": ["有限责任公司", "股份有限公司", "个人独资企业", "合伙企业"]},
    {"key": "businessScope", "label": "经营范围", "type": "textarea", "required": True, "max_length": 500},
    {"key": "foundedOn", "label": "成立日期", "type": "date"},
    {"key": "simplified", "label": "申请简易注销", "type": "boolean"},
    {"key": "legalRepId", "label": "法定代表人身份证号码", "type": "id_number"},
    {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": True},
    {"key": "creditCode", "label": "统一社会信用代码", "type": "credit_code"},
])

GOOD = {
    "enterpriseName": "  聊城市易办科技有限公司 ",
    "registeredCapital": "100",
    "enterpriseType": "有限责任公司",
    "businessScope": "软件开发；信息技术咨询服务",
    "foundedOn": "2024-05-01",
    "simplified": False,
    "legalRepId": ID_NUMBER,
    "contactPhone": "138 0635 1234",
    "creditCode": CREDIT_CODE.lower(),
}


def messages(problems: list[Any]) -> dict[str, str]:
    return {p.field[-1]: p.message for p in problems}


def test_every_type_is_cleaned_to_its_canonical_form() -> None:
    cleaned, problems = validate_form(FIELDS, GOOD)
    assert problems == []
    assert cleaned == {
        "enterpriseName": "聊城市易办科技有限公司",
        "registeredCapital": 100,
        "enterpriseType": "有限责任公司",
        "businessScope": "软件开发；信息技术咨询服务",
        "foundedOn": "2024-05-01",
        "simplified": False,
        "legalRepId": ID_NUMBER,
        "contactPhone": "13806351234",
        "creditCode": CREDIT_CODE,
    }
    assert isinstance(cleaned["registeredCapital"], int)
    decimal, _ = validate_form(FIELDS, {**GOOD, "registeredCapital": 12.5, "foundedOn": date(2020, 2, 29)})
    assert decimal["registeredCapital"] == 12.5 and decimal["foundedOn"] == "2020-02-29"


def test_optional_fields_left_empty_are_left_out() -> None:
    cleaned, problems = validate_form(
        FIELDS, {"enterpriseName": "甲公司", "registeredCapital": 0, "businessScope": "零售", "contactPhone": "13806351234",
                 "enterpriseType": "", "foundedOn": None}
    )
    assert problems == []
    assert set(cleaned) == {"enterpriseName", "registeredCapital", "businessScope", "contactPhone"}


def test_required_fields_are_named_in_the_message() -> None:
    _, problems = validate_form(FIELDS, {"enterpriseName": "   "})
    assert messages(problems) == {
        "enterpriseName": "请填写“企业名称”",
        "registeredCapital": "请填写“注册资本”",
        "businessScope": "请填写“经营范围”",
        "contactPhone": "请填写“联系电话”",
    }
    assert all(p.code == errors.INVALID_FORM for p in problems)
    assert problems[0].field == ["formData", "enterpriseName"]


def test_several_errors_at_once_each_at_its_field() -> None:
    bad = {
        **GOOD,
        "registeredCapital": "一百万",
        "businessScope": "经" * 501,
        "foundedOn": "2023-02-30",
        "enterpriseType": "有限公司",
        "nickname": "小易",
    }
    _, problems = validate_form(FIELDS, bad, prefix=("input", "formData"))
    assert messages(problems) == {
        "nickname": "表单中没有“nickname”这一项",
        "registeredCapital": "“注册资本”须为数字",
        "businessScope": "“经营范围”不能超过 500 个字符",
        "foundedOn": "“成立日期”不是有效日期（格式如 2024-05-01）",
        "enterpriseType": "“企业类型”只能选择：有限责任公司、股份有限公司、个人独资企业、合伙企业",
    }
    assert {tuple(p.field or ()) for p in problems} == {
        ("input", "formData", k) for k in ("nickname", "registeredCapital", "businessScope", "foundedOn", "enterpriseType")
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "“注册资本”不能小于 0"),
        (100001, "“注册资本”不能大于 100000"),
        (True, "“注册资本”须为数字"),
        ("1e3", "“注册资本”须为数字"),
        (float("nan"), "“注册资本”须为数字"),
    ],
)
def test_numbers_and_their_bounds(value: Any, message: str) -> None:
    _, problems = validate_form(FIELDS, {**GOOD, "registeredCapital": value})
    assert messages(problems) == {"registeredCapital": message}


def test_text_types_and_booleans() -> None:
    _, problems = validate_form(
        FIELDS, {**GOOD, "enterpriseName": "甲\n乙", "businessScope": 12, "simplified": "是", "foundedOn": "2024/05/01"}
    )
    assert messages(problems) == {
        "enterpriseName": "“企业名称”不能换行",
        "businessScope": "“经营范围”须为文字",
        "simplified": "“申请简易注销”只能选择是或否",
        "foundedOn": "“成立日期”不是有效日期（格式如 2024-05-01）",
    }
    # a text field without max_length still has a ceiling
    plain = normalise_definitions([{"key": "note", "label": "备注", "type": "text"}])
    _, long = validate_form(plain, {"note": "字" * 201})
    assert messages(long) == {"note": "“备注”不能超过 200 个字符"}


def test_id_number_lower_case_x_is_normalised() -> None:
    cleaned, problems = validate_form(FIELDS, {**GOOD, "legalRepId": ID_X.lower()})
    assert problems == [] and cleaned["legalRepId"] == ID_X and ID_X.endswith("X")


def test_id_number_with_a_bad_check_character_is_refused() -> None:
    wrong = ID_17 + ("0" if ID_NUMBER[-1] != "0" else "1")
    _, problems = validate_form(FIELDS, {**GOOD, "legalRepId": wrong})
    assert messages(problems) == {"legalRepId": "“法定代表人身份证号码”有误：居民身份证号码校验位不正确，请核对"}
    assert problems[0].field == ["formData", "legalRepId"] and problems[0].code == errors.INVALID_FORM
    _, short = validate_form(FIELDS, {**GOOD, "legalRepId": "3715021990"})
    assert "应为 18 位" in short[0].message


def test_phone_and_credit_code() -> None:
    bad_check = CREDIT + ("0" if CREDIT_CODE[-1] != "0" else "1")
    _, problems = validate_form(FIELDS, {**GOOD, "contactPhone": "0635-1234567", "creditCode": bad_check})
    assert messages(problems) == {
        "contactPhone": "“联系电话”有误：请输入 11 位手机号码",
        "creditCode": "“统一社会信用代码”有误：统一社会信用代码校验位不正确，请核对",
    }
    # an early code on the admins' exception list passes as it is
    cleaned, none = validate_form(FIELDS, {**GOOD, "creditCode": bad_check}, credit_code_exceptions={bad_check})
    assert none == [] and cleaned["creditCode"] == bad_check


def test_data_that_is_not_an_object() -> None:
    cleaned, problems = validate_form(FIELDS, ["企业名称"])
    assert cleaned == {} and problems[0].field == ["formData"] and problems[0].code == errors.INVALID_FORM
    assert validate_form([], None) == ({}, [])


# ------------------------------------------------------------------------------------------------
# definitions


def test_seed_style_definitions_are_valid() -> None:
    assert validate_definitions(FIELDS) == []
    assert normalise_definitions([{"key": "a", "label": "甲"}]) == [
        {"key": "a", "label": "甲", "type": "text", "required": False, "options": [], "max_length": None,
         "min": None, "max": None, "help": ""}
    ]


def test_bad_definitions_are_all_reported() -> None:
    defs = [
        {"key": "Name", "label": "名称"},
        {"key": "scope", "label": "", "type": "text"},
        {"key": "scope", "label": "经营范围重复", "type": "textarea", "max_length": 20000},
        {"key": "kind", "label": "类型", "type": "select"},
        {"key": "count", "label": "人数", "type": "number", "min": 10, "max": 1, "options": ["一"]},
        {"key": "when", "label": "日期", "type": "date", "max_length": 10, "min": 1},
        {"key": "odd", "label": "怪", "type": "colour", "required": "yes", "colour": "red"},
        {"key": "dup", "label": "选项重复", "type": "select", "options": ["甲", "甲", ""]},
    ]
    found = {(tuple(p.field or ()), p.message) for p in validate_definitions(defs)}
    assert found == {
        (("formFields", "0", "key"), "第 1 个表单项的标识应以小写字母开头，只含字母、数字和下划线，不超过 32 个字符"),
        (("formFields", "1", "label"), "第 2 个表单项的名称不能为空"),
        (("formFields", "2", "key"), "表单项标识“scope”重复"),
        (("formFields", "2", "maxLength"), "表单项“经营范围重复”的最大长度应在 1 到 10000 之间"),
        (("formFields", "3", "options"), "表单项“类型”是单选项，至少需要一个选项"),
        (("formFields", "4", "options"), "只有单选项可以设置选项（表单项“人数”不是单选）"),
        (("formFields", "4", "min"), "表单项“人数”的最小值不能大于最大值"),
        (("formFields", "5", "maxLength"), "只有文本项可以设置最大长度（表单项“日期”不是文本）"),
        (("formFields", "5", "min"), "只有数字项可以设置最小值和最大值（表单项“日期”不是数字）"),
        (("formFields", "6", "colour"), "第 7 个表单项有未知的属性“colour”"),
        (("formFields", "6", "type"), "表单项“怪”的类型“colour”未知"),
        (("formFields", "6", "required"), "表单项“怪”的“必填”应为是或否"),
        (("formFields", "7", "options"), "表单项“选项重复”的选项不能为空"),
        (("formFields", "7", "options"), "表单项“选项重复”的选项有重复"),
    }
    assert all(p.code == errors.INVALID for p in validate_definitions(defs))
    too_many = [{"key": f"f{i}", "label": f"项{i}"} for i in range(rules.MAX_FORM_FIELDS + 1)]
    assert [p.message for p in validate_definitions(too_many)] == [f"表单项最多 {rules.MAX_FORM_FIELDS} 个"]


# ------------------------------------------------------------------------------------------------
# review steps, result licence, instant rule (content.validate)


def item(**over: Any) -> ItemContent:
    base: dict[str, Any] = dict(
        name="测试事项", item_type="licensing", statutory_limit=20, statutory_unit="working_day", committed_limit=5,
        committed_unit="working_day",
        situations=[SituationSpec(name="首次申请", materials=[MaterialSpec(name="申请表")])],
    )
    base.update(over)
    return ItemContent(**base)


def test_decision_elements_that_are_fine() -> None:
    ok = item(
        review_steps=["审查", "核准"], result_licence="营业执照", form_fields=FIELDS, instant=True,
        instant_rule=default_instant_rule("010100001000"),
    )
    assert validate(ok, for_publish=True) == []
    assert default_instant_rule("010100001000") == {
        "code": "instant-010100001000", "version": 1,
        "conditions": ["identity_verified", "materials_by_evidence", "not_dishonest"],
    }
    assert review_steps([]) == ["审查决定"] and review_steps(["审查", "核准"]) == ["审查", "核准"]


def test_review_steps_and_licence_limits() -> None:
    problems = validate(
        item(review_steps=["一", "二", "", "四", "四", "六", "七" * 33], result_licence="证" * 65), for_publish=False
    )
    found = {(tuple(p.field or ()), p.message) for p in problems}
    assert found == {
        (("reviewSteps",), "审查环节最多 6 个"),
        (("reviewSteps", "2"), "第 3 个审查环节的名称不能为空"),
        (("reviewSteps", "4"), "审查环节“四”重复"),
        (("reviewSteps", "6"), f"审查环节“{'七' * 32}…”的名称不能超过 32 个字符"),
        (("resultLicence",), "办理结果证照名称不能超过 64 个字符"),
    }


def test_instant_rules() -> None:
    # an instant item needs a rule to be published, not to be drafted
    assert validate(item(instant=True), for_publish=False) == []
    assert [p.message for p in validate(item(instant=True), for_publish=True)] == ["即办件须设置秒批规则才能发布"]
    # a rule on an item that is not instant
    rule = {"code": "instant-x", "version": 1, "conditions": ["identity_verified"]}
    assert [p.message for p in validate(item(instant_rule=rule), for_publish=False)] == ["只有即办件可以设置秒批规则"]
    bad = {"code": " ", "version": 0, "conditions": ["identity_verified", "lucky", "identity_verified"], "x": 1}
    found = {(tuple(p.field or ()), p.message) for p in validate(item(instant=True, instant_rule=bad), for_publish=True)}
    assert found == {
        (("instantRule", "x"), "秒批规则有未知的属性“x”"),
        (("instantRule", "code"), "秒批规则编码不能为空"),
        (("instantRule", "version"), "秒批规则版本应为不小于 1 的整数"),
        (("instantRule", "conditions", "1"), "未知的秒批条件：lucky"),
        (("instantRule", "conditions"), "秒批条件有重复"),
    }
    empty = validate(item(instant=True, instant_rule={"code": "a", "version": 1, "conditions": []}), for_publish=True)
    assert [p.message for p in empty] == ["秒批规则至少需要一个条件"]
    assert rules.INSTANT_CONDITIONS == ("identity_verified", "materials_by_evidence", "not_dishonest")
