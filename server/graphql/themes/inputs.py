"""Inputs of the theme and service-menu mutations, and their conversion into the domain's plain data.

The domain validates sizes and shapes (every problem at once); GraphQL's limits cap the document.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import UNSET

from server.domain.themes.content import normalise_guide, normalise_question, normalise_stage
from server.graphql.themes.enums import Audience, BudgetUnit, LifeStage, QuestionKind


@strawberry.input(description="适用条件：{question, in}，或 all / any 组合（只填一种）")
class ThemeConditionInput:
    question: str | None = strawberry.field(default=None, description="问题标识（叶子条件）")
    in_: list[str] | None = strawberry.field(default=None, name="in", description="满足条件的回答（选项值）")
    all: list[ThemeConditionInput] | None = strawberry.field(default=None, description="全部成立")
    any: list[ThemeConditionInput] | None = strawberry.field(default=None, description="任一成立")


def condition(c: ThemeConditionInput | None) -> dict[str, Any] | None:
    """Only the parts given, so that the domain can refuse a mixed condition."""
    if c is None:
        return None
    out: dict[str, Any] = {}
    if c.question is not None:
        out["question"] = c.question
    if c.in_ is not None:
        out["in"] = list(c.in_)
    if c.all is not None:
        out["all"] = [condition(x) for x in c.all]
    if c.any is not None:
        out["any"] = [condition(x) for x in c.any]
    return out


@strawberry.input(description="问题的选项")
class ThemeOptionInput:
    value: str = strawberry.field(description="选项值：小写字母开头，只含小写字母、数字、下划线和连字符")
    label: str = strawberry.field(description="选项名称")


@strawberry.input(description="情形引导问题")
class ThemeQuestionInput:
    key: str = strawberry.field(description="问题标识")
    text: str = strawberry.field(description="问题")
    kind: QuestionKind = strawberry.field(default=QuestionKind.YES_NO, description="类型；是/否问题不必给选项")
    options: list[ThemeOptionInput] = strawberry.field(default_factory=list, description="选项（单选问题 2 到 8 个）")
    help: str = strawberry.field(default="", description="说明")


@strawberry.input(description="事项的一个适用办理情形")
class ThemeSituationRuleInput:
    name: str = strawberry.field(description="办理情形名称（与事项的情形同名）")
    when: ThemeConditionInput | None = strawberry.field(default=None, description="适用条件；为空表示总是适用")


@strawberry.input(description="阶段中的一个事项：以基本编码和实施部门（或实施区划）指明")
class ThemeStageItemInput:
    key: str = strawberry.field(description="事项在主题中的标识")
    basic_code: str = strawberry.field(description="基本编码（12 位）")
    department: str | None = strawberry.field(default=None, description="实施部门代码")
    region: str | None = strawberry.field(default=None, description="实施区划代码（该区划只有一个部门实施时可代替部门）")
    situations: list[ThemeSituationRuleInput] = strawberry.field(
        default_factory=list, description="适用的办理情形；事项只有一个情形时可不填"
    )
    when: ThemeConditionInput | None = strawberry.field(default=None, description="适用条件；为空表示总是适用")
    depends_on: list[str] = strawberry.field(default_factory=list, description="须先办结的事项（排在前面的事项标识）")
    note: str = strawberry.field(default="", description="说明")
    partner_kind: str | None = strawberry.field(
        default=None, description="由申请人选择的合作单位类别（bank 银行、seal_carver 公章刻制企业等）；为空表示不选择")


@strawberry.input(description="主题的一个阶段")
class ThemeStageInput:
    key: str = strawberry.field(description="阶段标识")
    name: str = strawberry.field(description="阶段名称")
    lead_department: str | None = strawberry.field(default=None, description="阶段牵头部门代码")
    items: list[ThemeStageItemInput] = strawberry.field(description="事项（并联办理）")


@strawberry.input(description="常见问题")
class ThemeFaqInput:
    question: str = strawberry.field(description="问题")
    answer: str = strawberry.field(description="解答")


@strawberry.input(description="一次告知")
class ThemeGuideInput:
    summary: str = strawberry.field(description="概述（必填）")
    conditions: str = strawberry.field(default="", description="办理条件")
    process: list[str] = strawberry.field(default_factory=list, description="办理流程（按顺序，至少一步）")
    notes: list[str] = strawberry.field(default_factory=list, description="注意事项")
    faq: list[ThemeFaqInput] = strawberry.field(default_factory=list, description="常见问题")
    basis: str = strawberry.field(default="", description="政策依据")


@strawberry.input(description="总时限")
class TimeBudgetInput:
    value: int = strawberry.field(description="数值")
    unit: BudgetUnit = strawberry.field(default=BudgetUnit.WORKING_DAY, description="单位，默认工作日")


@strawberry.input(description="主题内容；修改草稿时只传要改的字段，stages、questions 传入则整体替换")
class ThemeContentInput:
    name: str | None = strawberry.field(default=UNSET, description="主题名称")
    audience: Audience | None = strawberry.field(default=UNSET, description="服务对象")
    life_stage: LifeStage | None = strawberry.field(default=UNSET, description="生命周期阶段（须属于该服务对象）")
    founds_entity: bool | None = strawberry.field(default=UNSET, description="新设市场主体（仅企业主题）")
    lead_department: str | None = strawberry.field(default=UNSET, description="牵头部门代码")
    cooperating_departments: list[str] | None = strawberry.field(default=UNSET, description="配合部门代码")
    budget: TimeBudgetInput | None = strawberry.field(default=UNSET, description="总时限")
    max_visits: int | None = strawberry.field(default=UNSET, description="最多到现场次数")
    keywords: list[str] | None = strawberry.field(default=UNSET, description="搜索关键词")
    guide: ThemeGuideInput | None = strawberry.field(default=UNSET, description="一次告知")
    questions: list[ThemeQuestionInput] | None = strawberry.field(default=UNSET, description="情形引导问题，整体替换")
    stages: list[ThemeStageInput] | None = strawberry.field(default=UNSET, description="阶段及事项，整体替换")


REQUIRED = (
    ("name", "name", "主题名称"), ("audience", "audience", "服务对象"), ("life_stage", "lifeStage", "生命周期阶段"),
    ("lead_department", "leadDepartment", "牵头部门"), ("budget_value", "budget", "总时限"),
    ("guide", "guide", "一次告知"), ("stages", "stages", "阶段"),
)


def changes(c: ThemeContentInput) -> dict[str, Any]:
    """The fields the client sent, as ThemeContent fields (UNSET or null: leave as it is)."""
    out: dict[str, Any] = {}

    def given(value: Any) -> bool:
        return value is not UNSET and value is not None

    for name in ("name", "founds_entity", "lead_department", "max_visits"):
        if given(getattr(c, name)):
            value = getattr(c, name)
            out[name] = value.strip() if isinstance(value, str) else value
    if given(c.audience):
        out["audience"] = c.audience.value  # type: ignore[union-attr]
    if given(c.life_stage):
        out["life_stage"] = c.life_stage.value  # type: ignore[union-attr]
    if given(c.cooperating_departments):
        out["cooperating_departments"] = [d.strip() for d in c.cooperating_departments or []]
    if given(c.keywords):
        out["keywords"] = [k.strip() for k in c.keywords or [] if k.strip()]
    if given(c.budget):
        out["budget_value"], out["budget_unit"] = c.budget.value, c.budget.unit.value  # type: ignore[union-attr]
    if given(c.guide):
        g = c.guide
        assert g is not None
        out["guide"] = normalise_guide({
            "summary": g.summary, "conditions": g.conditions, "process": g.process, "notes": g.notes,
            "faq": [{"q": f.question, "a": f.answer} for f in g.faq], "basis": g.basis,
        })
    if given(c.questions):
        out["questions"] = [
            normalise_question({"key": q.key, "text": q.text, "kind": q.kind.value, "help": q.help,
                                "options": [{"value": o.value, "label": o.label} for o in q.options]})
            for q in c.questions or []
        ]
    if given(c.stages):
        out["stages"] = [
            normalise_stage({
                "key": s.key, "name": s.name, "lead_department": s.lead_department,
                "items": [
                    {"key": i.key, "basic_code": i.basic_code, "department": i.department, "region": i.region,
                     "situations": [{"name": x.name, "when": condition(x.when)} for x in i.situations],
                     "when": condition(i.when), "depends_on": i.depends_on, "note": i.note,
                     "partner_kind": i.partner_kind}
                    for i in s.items
                ],
            })
            for s in c.stages or []
        ]
    return out


@strawberry.input(description="新建主题（保存为草稿，版本 1；保存时即检查每一种回答组合）")
class CreateThemeDraftInput:
    code: str = strawberry.field(description="主题编码：小写字母开头，只含小写字母、数字和连字符，如 open-restaurant")
    region_code: str | None = strawberry.field(default=None, description="所属区划代码，默认操作人所在区划")
    content: ThemeContentInput = strawberry.field(description="主题内容；name、audience、lifeStage、leadDepartment、budget、guide、stages 必填")
    change_note: str = strawberry.field(default="", description="变更说明")


@strawberry.input(description="修改主题草稿；已发布的主题会先生成新的草稿版本")
class UpdateThemeDraftInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="主题的全局 ID")
    content: ThemeContentInput = strawberry.field(description="要修改的内容")
    change_note: str | None = strawberry.field(default=None, description="变更说明")


@strawberry.input(description="发布主题的草稿版本")
class PublishThemeInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="主题的全局 ID")


@strawberry.input(description="改变主题状态（暂停、恢复、取消）")
class ChangeThemeStatusInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="主题的全局 ID")
    reason: str = strawberry.field(description="原因（必填，将公示在一次告知中）")


@strawberry.input(description="情形引导的一个回答")
class ThemeAnswerInput:
    question: str = strawberry.field(description="问题标识")
    value: str = strawberry.field(description="选项值（是/否问题为 yes 或 no）")


@strawberry.input(description="服务菜单的一项")
class ServiceMenuEntryInput:
    key: str = strawberry.field(description="菜单项标识")
    title: str = strawberry.field(description="名称（不超过 32 个字符）")
    category: str = strawberry.field(description="分类（不超过 16 个字符）")
    description: str = strawberry.field(default="", description="说明")
    items: list[str] = strawberry.field(default_factory=list, description="指向的事项（基本编码）")
    themes: list[str] = strawberry.field(default_factory=list, description="指向的主题（编码）")


@strawberry.input(description="发布服务菜单的新版本（整体替换，按顺序）")
class PublishServiceMenuInput:
    entries: list[ServiceMenuEntryInput] = strawberry.field(description="菜单项（按顺序，最多 60 项）")
    change_note: str = strawberry.field(default="", description="变更说明")
