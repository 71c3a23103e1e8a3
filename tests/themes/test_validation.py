"""A theme is checked when its draft is saved or published: every problem at once, in Chinese,
with a code and the path of the field it concerns."""

from __future__ import annotations

from typing import Any

import pytest

from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import errors, service
from server.domain.themes.content import content_from_dict, validate
from server.domain.themes.validation import check
from tests.factories import staff
from tests.themes.helpers import new_code, raw

pytestmark = pytest.mark.usefixtures("database")


def _found(problems: list[DomainError]) -> set[tuple[str, tuple[str, ...]]]:
    return {(p.code, tuple(p.field or [])) for p in problems}


async def _problems(**over: Any) -> list[DomainError]:
    _, problems = await check(content_from_dict(raw(**over)))
    return problems


async def test_the_helper_theme_is_valid() -> None:
    assert await _problems() == []


async def test_an_answer_path_without_items_is_refused() -> None:
    stages = raw()["stages"]
    stages[0]["items"][0]["when"] = {"question": "insured", "in": ["yes"]}
    stages[1]["items"] = [stages[1]["items"][0]]  # only the benefit, also on "yes"
    problems = await _problems(stages=stages)
    assert _found(problems) == {(errors.EMPTY_BUNDLE, ("questions",))}
    assert problems[0].message == "按以下回答没有适用的事项：是否参加失业保险满一年：否"


async def test_items_must_exist_be_active_and_fit_the_audience() -> None:
    stages = raw()["stages"]
    stages[1]["items"] = [
        {"key": "nothing", "basic_code": "999999999999", "department": "371500-RSJ"},
        {"key": "company", "basic_code": "010100001000", "department": "371500-XZSPJ", "situations": ["有限责任公司设立登记"]},
        {"key": "renamed", "basic_code": "200720002000", "department": "371500-RSJ", "situations": ["不存在的情形"]},
        {"key": "unsaid", "basic_code": "200720002000", "department": "371502-RSJ"},
    ]
    problems = await _problems(stages=stages)
    assert _found(problems) == {
        (errors.UNKNOWN_ITEM, ("stages", "1", "items", "0", "basicCode")),
        (errors.AUDIENCE_MISMATCH, ("stages", "1", "items", "1", "basicCode")),
        (errors.UNKNOWN_SITUATION, ("stages", "1", "items", "2", "situations", "0", "name")),
        (errors.UNKNOWN_ITEM, ("stages", "1", "items", "3", "basicCode")),  # 371502-RSJ does not implement it
    }
    messages = " ".join(p.message for p in problems)
    assert "服务对象为企业法人，个人（自然人）不能申请" in messages
    assert "没有办理情形“不存在的情形”" in messages


async def test_an_item_with_several_situations_must_say_which() -> None:
    stages = raw()["stages"]
    stages[1]["items"][1]["situations"] = []  # 就业创业证申领 has two
    problems = await _problems(stages=stages)
    assert _found(problems) == {(errors.UNKNOWN_SITUATION, ("stages", "1", "items", "1", "situations"))}
    assert "须指明适用哪些" in problems[0].message


async def test_an_item_given_by_region_is_pinned_to_its_department() -> None:
    stages = raw()["stages"]
    stages[0]["items"][0] = {"key": "register", "basic_code": "200720001000", "region": "371502"}
    pinned, problems = await check(content_from_dict(raw(stages=stages)))
    assert problems == []
    assert pinned.stages[0]["items"][0]["department"] == "371502-RSJ"


async def test_the_shape_is_checked_all_at_once() -> None:
    stages = raw()["stages"]
    stages[1]["items"][0]["when"] = {"question": "colour", "in": ["red"]}
    stages[1]["items"][1]["when"] = {"all": [{"question": "insured", "in": ["maybe"]}], "any": []}
    stages[0]["items"][0]["depends_on"] = ["card"]  # a later item
    content = content_from_dict(raw(
        name="", audience="person", life_stage="entry", budget={"value": 0, "unit": "working_week"},
        questions=[{"key": "insured", "text": "是否参保", "kind": "yes_no"},
                   {"key": "insured", "text": "重复", "kind": "choice", "options": [{"value": "a", "label": "甲"}]}],
        stages=stages,
    ))
    found = _found(validate(content))
    assert found == {
        (errors.INVALID, ("name",)),
        (errors.INVALID, ("lifeStage",)),
        (errors.INVALID, ("budget", "unit")),
        (errors.INVALID, ("budget", "value")),
        (errors.INVALID, ("questions", "1", "key")),
        (errors.INVALID, ("questions", "1", "options")),
        (errors.INVALID_CONDITION, ("stages", "1", "items", "0", "when", "question")),
        (errors.INVALID_CONDITION, ("stages", "1", "items", "1", "when")),
        (errors.INVALID_DEPENDENCY, ("stages", "0", "items", "0", "dependsOn", "0")),
    }
    messages = [p.message for p in validate(content)]
    assert "“个人（自然人）”的生命周期阶段应为：出生、教育、就业、生活、置业、出行、就医、救助、养老、身后" in messages
    assert "条件引用的问题“colour”不存在" in messages


async def test_conflicting_field_types_are_a_save_time_error() -> None:
    # 无犯罪记录证明 asks for purpose as a choice, 个人所得税纳税记录开具 as text
    stages = [{"key": "papers", "name": "证明", "items": [
        {"key": "record", "basic_code": "200750007000", "department": "371502-GAJ", "situations": ["本人申请"]},
        {"key": "tax", "basic_code": "200300007000", "department": "100000-SWZJ", "situations": ["网上开具"]},
    ]}]
    problems = await _problems(questions=[], stages=stages)
    assert _found(problems) == {(errors.FORM_CONFLICT, ("stages", "0", "items", "1", "formFields", "purpose"))}
    assert "一表申请中同一标识只能有一种类型" in problems[0].message


async def test_departments_must_exist() -> None:
    problems = await _problems(lead_department="371500-NOPE", cooperating_departments=["371502-RSJ", "999999-X"])
    assert _found(problems) == {
        (errors.UNKNOWN_DEPARTMENT, ("leadDepartment",)), (errors.UNKNOWN_DEPARTMENT, ("cooperatingDepartments", "1")),
    }


async def test_saving_a_draft_refuses_what_does_not_check_out() -> None:
    actor = await staff("city_catalog")
    stages = raw()["stages"]
    stages[1]["items"][0]["basic_code"] = "999999999999"
    with pytest.raises(DomainErrors) as caught:
        await service.create_draft(actor=actor, code=new_code(), content=content_from_dict(raw(stages=stages)))
    assert _found(caught.value.errors) == {(errors.UNKNOWN_ITEM, ("stages", "1", "items", "0", "basicCode"))}
