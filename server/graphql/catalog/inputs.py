"""Inputs of the catalogue mutations. Lists are capped (DESIGN.md rule 13)."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from server.graphql.catalog.enums import (
    ChangeKind,
    FormFieldType,
    InstantCondition,
    ItemType,
    Level,
    MaterialForm,
    MaterialMedia,
    Necessity,
    ServiceObject,
    TimeUnit,
)

MAX_SITUATIONS = 50
MAX_MATERIALS = 80
MAX_FORM_FIELDS = 50
MAX_REVIEW_STEPS = 6


@strawberry.input(description="时限")
class TimeLimitInput:
    value: int = strawberry.field(description="天数，必须大于 0")
    unit: TimeUnit = strawberry.field(default=TimeUnit.WORKING_DAY, description="单位，默认工作日")


@strawberry.input(description="收费项目")
class FeeInput:
    name: str = strawberry.field(description="收费项目名称")
    standard: str = strawberry.field(default="", description="收费标准")
    basis: str = strawberry.field(default="", description="收费依据")


@strawberry.input(description="常见问题")
class FaqInput:
    question: str = strawberry.field(description="问题")
    answer: str = strawberry.field(description="解答")


@strawberry.input(description="办事指南")
class GuideInput:
    process: list[str] = strawberry.field(default_factory=list, description="办理流程（按顺序）")
    faq: list[FaqInput] = strawberry.field(default_factory=list, description="常见问题")
    address: str | None = strawberry.field(default=None, description="办理地点；为空取大厅地址")
    hours: str | None = strawberry.field(default=None, description="办理时间；为空取大厅办公时间")
    contact: str | None = strawberry.field(default=None, description="咨询电话；为空取大厅电话")


@strawberry.input(description="申请材料")
class MaterialInput:
    name: str = strawberry.field(description="材料名称")
    form: MaterialForm = strawberry.field(default=MaterialForm.ORIGINAL, description="原件或复印件")
    copies: int = strawberry.field(default=1, description="份数")
    media: MaterialMedia = strawberry.field(default=MaterialMedia.PAPER_OR_ELECTRONIC, description="载体")
    necessity: Necessity = strawberry.field(default=Necessity.REQUIRED, description="必要性")
    sample_text: str = strawberry.field(default="", description="示范文本说明")
    review_points: str = strawberry.field(default="", description="审查要点")
    elicence: str | None = strawberry.field(default=None, description="可替代的电子证照类型")
    shared_data: bool = strawberry.field(default=False, description="可通过共享数据获取（免提交）")
    source: str = strawberry.field(default="申请人自备", description="材料来源")
    standard_code: str | None = strawberry.field(
        default=None, description="标准材料编码（材料互认，如 SFZ、YYZZ；申请书为 SQB）；为空表示非标准材料"
    )


@strawberry.input(description="办理情形")
class SituationInput:
    name: str = strawberry.field(description="情形名称")
    conditions: str = strawberry.field(default="", description="受理条件")
    materials: list[MaterialInput] = strawberry.field(
        default_factory=list, description=f"申请材料（最多 {MAX_MATERIALS} 项）"
    )


@strawberry.input(description="申请表单项")
class FormFieldInput:
    key: str = strawberry.field(description="标识：小写字母开头，只含字母、数字和下划线，不超过 32 个字符，事项内唯一")
    label: str = strawberry.field(description="名称（不超过 32 个字符）")
    type: FormFieldType = strawberry.field(default=FormFieldType.TEXT, description="类型，默认单行文本")
    required: bool = strawberry.field(default=False, description="必填")
    options: list[str] = strawberry.field(default_factory=list, description="可选项（仅单选项，至少一项）")
    max_length: int | None = strawberry.field(default=None, description="最大字符数（仅文本项）")
    min: float | None = strawberry.field(default=None, description="最小值（仅数字项）")
    max: float | None = strawberry.field(default=None, description="最大值（仅数字项）")
    help: str = strawberry.field(default="", description="填写说明（不超过 200 个字符）")


@strawberry.input(description="秒批规则")
class InstantRuleInput:
    code: str = strawberry.field(description="规则编码，如 instant-200170001000")
    version: int = strawberry.field(default=1, description="规则版本（不小于 1；规则内容变化时加 1）")
    conditions: list[InstantCondition] = strawberry.field(description="须全部满足的条件（至少一项）")


@strawberry.input(description="事项内容；修改草稿时只传要改的字段，situations 传入则整体替换")
class ItemContentInput:
    name: str | None = strawberry.field(default=UNSET, description="事项名称")
    item_type: ItemType | None = strawberry.field(default=UNSET, description="事项类型")
    legal_basis: str | None = strawberry.field(default=UNSET, description="设定依据")
    exercise_levels: list[Level] | None = strawberry.field(default=UNSET, description="行使层级")
    acceptance_conditions: str | None = strawberry.field(default=UNSET, description="受理条件")
    service_objects: list[ServiceObject] | None = strawberry.field(default=UNSET, description="服务对象")
    statutory_limit: TimeLimitInput | None = strawberry.field(default=UNSET, description="法定时限")
    committed_limit: TimeLimitInput | None = strawberry.field(default=UNSET, description="承诺时限")
    fees: list[FeeInput] | None = strawberry.field(default=UNSET, description="收费项目；空列表表示不收费")
    max_visits: int | None = strawberry.field(default=UNSET, description="最多到现场次数")
    online: bool | None = strawberry.field(default=UNSET, description="可全程网办")
    instant: bool | None = strawberry.field(default=UNSET, description="即办件")
    high_frequency: bool | None = strawberry.field(default=UNSET, description="高频事项")
    keywords: list[str] | None = strawberry.field(default=UNSET, description="搜索关键词")
    aliases: list[str] | None = strawberry.field(default=UNSET, description="俗称、别名（群众的叫法，如“准生证”），聊易找按其排在关键词之前")
    guide: GuideInput | None = strawberry.field(default=UNSET, description="办事指南")
    situations: list[SituationInput] | None = strawberry.field(
        default=UNSET, description=f"办理情形（最多 {MAX_SITUATIONS} 个），整体替换"
    )
    form_fields: list[FormFieldInput] | None = strawberry.field(
        default=UNSET, description=f"申请表单项（最多 {MAX_FORM_FIELDS} 个），整体替换"
    )
    review_steps: list[str] | None = strawberry.field(
        default=UNSET, description=f"后台审查环节（最多 {MAX_REVIEW_STEPS} 个，按顺序），整体替换；空列表表示只有“审查决定”"
    )
    result_licence: str | None = strawberry.field(
        default=UNSET, description="批准后核发的电子证照类型；传 null 或空字符串表示不出证照"
    )
    instant_rule: InstantRuleInput | None = strawberry.field(
        default=UNSET, description="秒批规则（仅即办件；即办件发布前必填）；传 null 表示取消秒批规则"
    )


@strawberry.input(description="新建事项（保存为草稿，版本 1）")
class CreateServiceItemInput:
    basic_code: str = strawberry.field(description="基本编码，12 位数字")
    department_code: str = strawberry.field(description="实施部门代码")
    content: ItemContentInput = strawberry.field(description="事项内容；name、itemType、两个时限必填")
    change_kind: ChangeKind = strawberry.field(default=ChangeKind.ADD, description="变更类型（新增、拆分、合并）")
    change_note: str = strawberry.field(default="", description="变更说明")


@strawberry.input(description="修改事项草稿；已发布的事项会先生成新的草稿版本")
class UpdateServiceItemDraftInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="事项的全局 ID")
    content: ItemContentInput = strawberry.field(description="要修改的内容")
    change_kind: ChangeKind | None = strawberry.field(default=None, description="变更类型")
    change_note: str | None = strawberry.field(default=None, description="变更说明")


@strawberry.input(description="发布事项的草稿版本")
class PublishServiceItemInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="事项的全局 ID")


@strawberry.input(description="放弃事项的草稿版本")
class DiscardServiceItemDraftInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="事项的全局 ID")


@strawberry.input(description="改变事项状态（暂停、恢复、取消）")
class ChangeServiceItemStatusInput:
    id: strawberry.relay.GlobalID = strawberry.field(description="事项的全局 ID")
    reason: str = strawberry.field(description="原因（必填，将公示在办事指南中）")
