"""Theme types. Objects are built from domain rows once; what they point to comes from loaders."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from server.domain.shareddata import rules as shared_rules
from server.domain.themes import models, rules
from server.domain.themes import resolve as bundles
from server.domain.themes.models import ServiceMenuVersion
from server.graphql.catalog import types as catalog
from server.graphql.catalog.enums import FormFieldType, Necessity
from server.graphql.construction.types import InvestmentType
from server.graphql.context import Info
from server.graphql.core.cost import list_size
from server.graphql.core.relay import by_loader, resolve_nodes
from server.graphql.shareddata.types import SharedDataBase
from server.graphql.themes.enums import (
    Audience,
    BudgetUnit,
    FieldSource,
    LifeStage,
    QuestionKind,
    ThemeErrorCode,
    ThemeStatus,
    ThemeVersionStatus,
)


async def _department(info: Info, code: str | None) -> catalog.Department | None:
    if not code:
        return None
    d = await info.context.loaders.department.load(code)
    return catalog.Department.of(d) if d else None


@strawberry.type(description="主题与服务菜单操作的错误")
class ThemeError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"content\", \"stages\", \"0\", \"items\", \"1\", \"basicCode\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: ThemeErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="总时限")
class TimeBudget:
    value: int = strawberry.field(description="数值")
    unit: BudgetUnit = strawberry.field(description="单位")

    @strawberry.field(description="中文表述，如“1个工作日”")
    def text(self) -> str:
        return f"{self.value}{rules.BUDGET_UNITS[str(self.unit.value)]}"


@strawberry.type(description="常见问题")
class ThemeFaq:
    question: str = strawberry.field(description="问题")
    answer: str = strawberry.field(description="解答")


@strawberry.type(description="一次告知：办这件事之前需要知道的全部内容")
class ThemeGuide:
    summary: str = strawberry.field(description="概述")
    conditions: str = strawberry.field(description="办理条件")
    process: list[str] = strawberry.field(description="办理流程（按顺序）")
    notes: list[str] = strawberry.field(description="注意事项")
    faq: list[ThemeFaq] = strawberry.field(description="常见问题")
    basis: str = strawberry.field(description="政策依据")


@strawberry.type(description="适用条件：{question, in}（该问题的回答是其中之一），或 all（全部成立）、any（任一成立）")
class ThemeCondition:
    question: str | None = strawberry.field(description="问题标识（叶子条件）")
    in_: list[str] | None = strawberry.field(name="in", description="满足条件的回答（选项值）")
    all: list[ThemeCondition] | None = strawberry.field(description="全部成立", metadata=list_size(2))
    any: list[ThemeCondition] | None = strawberry.field(description="任一成立", metadata=list_size(2))


def condition_of(raw: Mapping[str, Any] | None) -> ThemeCondition | None:
    if not raw:
        return None
    return ThemeCondition(
        question=raw.get("question"), in_=list(raw["in"]) if "in" in raw else None,
        all=[c for c in map(condition_of, raw["all"]) if c] if "all" in raw else None,
        any=[c for c in map(condition_of, raw["any"]) if c] if "any" in raw else None,
    )


@strawberry.type(description="问题的一个选项")
class ThemeOption:
    value: str = strawberry.field(description="选项值（回答时传它；是/否问题为 yes、no）")
    label: str = strawberry.field(description="选项名称")


@strawberry.type(description="情形引导的一个问题：回答决定适用哪些事项和办理情形")
class ThemeQuestion:
    key: str = strawberry.field(description="问题标识（回答时用它）")
    text: str = strawberry.field(description="问题")
    kind: QuestionKind = strawberry.field(description="类型")
    options: list[ThemeOption] = strawberry.field(description="选项")
    help: str = strawberry.field(description="说明")


@strawberry.type(description="事项的一个适用办理情形")
class ThemeSituationRule:
    name: str = strawberry.field(description="办理情形名称（与事项的情形同名）")
    when: ThemeCondition | None = strawberry.field(description="适用条件；为空表示总是适用")


@strawberry.type(description="阶段按投资类型的时限份额（工程建设项目审批）")
class StageBudgetDays:
    investment_type: InvestmentType = strawberry.field(description="投资类型")
    days: int = strawberry.field(description="时限份额（工作日）")


@strawberry.type(description="按投资类型的时限（工程建设项目审批）：全流程与主流程，工作日")
class InvestmentBudget:
    investment_type: InvestmentType = strawberry.field(description="投资类型")
    total_days: int = strawberry.field(description="全流程时限（工作日）")
    main_days: int = strawberry.field(description="主流程时限（工作日）")


@strawberry.type(description="主题某阶段中的一个事项")
class ThemeStageItem:
    key: str = strawberry.field(description="事项在主题中的标识（一件事的子件用它对应）")
    basic_code: str = strawberry.field(description="基本编码")
    department_code: str = strawberry.field(description="实施部门代码")
    situations: list[ThemeSituationRule] = strawberry.field(description="适用的办理情形；为空表示事项唯一的情形", metadata=list_size(3))
    when: ThemeCondition | None = strawberry.field(description="适用条件；为空表示总是适用")
    depends_on: list[str] = strawberry.field(description="须先办结的事项（标识）")
    note: str = strawberry.field(description="说明（如由合作单位办理）")
    partner_kind: str | None = strawberry.field(
        default=None, description="由申请人选择的合作单位类别（bank、seal_carver 等）；为空表示不选择")
    intermediary: bool = strawberry.field(
        default=False, description="中介服务（如施工图审查）：其时间不计入工程建设项目的审批时限，单独显示")

    @strawberry.field(description="实施部门")
    async def department(self, info: Info) -> catalog.Department | None:
        return await _department(info, self.department_code)

    @strawberry.field(description="目录中的事项（当前发布的版本）")
    async def service_item(self, info: Info) -> catalog.ServiceItem | None:
        v = await info.context.loaders.themes.stage_item.load((self.basic_code, self.department_code))
        return catalog.ServiceItem.of(v) if v else None


@strawberry.type(description="主题的一个阶段：阶段内的事项并联办理，前一阶段办结后开启")
class ThemeStage:
    key: str = strawberry.field(description="阶段标识")
    name: str = strawberry.field(description="阶段名称")
    lead_department_code: str | None = strawberry.field(description="阶段牵头部门代码")
    items: list[ThemeStageItem] = strawberry.field(description="事项", metadata=list_size(6))
    main: bool = strawberry.field(default=False, description="属于主流程（工程建设项目审批：主流程时限按投资类型计）")
    budget_days: list[StageBudgetDays] = strawberry.field(
        default_factory=list, description="本阶段的时限份额（按投资类型，工作日）；非工程建设项目主题为空")

    @strawberry.field(description="阶段牵头部门")
    async def lead_department(self, info: Info) -> catalog.Department | None:
        return await _department(info, self.lead_department_code)


def _stage(raw: Mapping[str, Any]) -> ThemeStage:
    return ThemeStage(
        key=raw["key"], name=raw["name"], lead_department_code=raw.get("lead_department"),
        items=[
            ThemeStageItem(
                key=i["key"], basic_code=i["basic_code"], department_code=i.get("department") or "",
                situations=[ThemeSituationRule(name=s["name"], when=condition_of(s.get("when"))) for s in i["situations"]],
                when=condition_of(i.get("when")), depends_on=list(i.get("depends_on") or []), note=i.get("note") or "",
                partner_kind=i.get("partner_kind"), intermediary=bool(i.get("intermediary")),
            )
            for i in raw["items"]
        ],
        main=bool(raw.get("main")),
        budget_days=[StageBudgetDays(investment_type=InvestmentType(k), days=int(v))
                     for k, v in (raw.get("budgets") or {}).items() if k in ("government", "social")],
    )


@strawberry.interface(description="主题内容（主题和版本共有）")
class ThemeContent:
    _v: strawberry.Private[models.ThemeVersion]
    name: str = strawberry.field(description="主题名称，如“企业开办”")
    audience: Audience = strawberry.field(description="服务对象")
    life_stage: LifeStage = strawberry.field(description="生命周期阶段")
    founds_entity: bool = strawberry.field(description="新设市场主体（申请时企业尚未登记，不预填企业信息）")
    lead_department_code: str = strawberry.field(description="牵头部门代码")
    cooperating_department_codes: list[str] = strawberry.field(description="配合部门代码")
    budget: TimeBudget = strawberry.field(description="总时限")
    max_visits: int = strawberry.field(description="最多到现场次数")
    keywords: list[str] = strawberry.field(description="搜索关键词")

    @strawberry.field(description="牵头部门")
    async def lead_department(self, info: Info) -> catalog.Department | None:
        return await _department(info, self.lead_department_code)

    @strawberry.field(description="配合部门")
    async def cooperating_departments(self, info: Info) -> list[catalog.Department]:
        rows = await info.context.loaders.department.load_many(self.cooperating_department_codes)
        return [catalog.Department.of(d) for d in rows if d]

    @strawberry.field(description="一次告知")
    def guide(self) -> ThemeGuide:
        g = self._v.guide or {}
        return ThemeGuide(
            summary=g.get("summary", ""), conditions=g.get("conditions", ""), process=list(g.get("process", [])),
            notes=list(g.get("notes", [])), basis=g.get("basis", ""),
            faq=[ThemeFaq(question=f.get("q", ""), answer=f.get("a", "")) for f in g.get("faq", [])],
        )

    @strawberry.field(description="情形引导问题（按顺序）", metadata=list_size(6))
    def questions(self) -> list[ThemeQuestion]:
        return [
            ThemeQuestion(key=q["key"], text=q["text"], kind=QuestionKind(q["kind"]), help=q.get("help", ""),
                          options=[ThemeOption(value=o["value"], label=o["label"]) for o in q["options"]])
            for q in self._v.questions or []
        ]

    @strawberry.field(description="按投资类型的时限（工程建设项目审批：申请时须填写项目）；其他主题为空")
    def investment_budgets(self) -> list[InvestmentBudget]:
        return [InvestmentBudget(investment_type=InvestmentType(k), total_days=int(b["total"]), main_days=int(b["main"]))
                for k, b in (getattr(self._v, "budgets", None) or {}).items() if k in ("government", "social")]

    @strawberry.field(description="阶段及其事项（按顺序）", metadata=list_size(4))
    def stages(self) -> list[ThemeStage]:
        return [_stage(s) for s in self._v.stages or []]


def content_kwargs(v: models.ThemeVersion) -> dict[str, Any]:
    return dict(
        _v=v, name=v.name, audience=Audience(v.audience), life_stage=LifeStage(v.life_stage),
        founds_entity=v.founds_entity, lead_department_code=v.lead_department_code,
        cooperating_department_codes=list(v.cooperating_department_codes or []),
        budget=TimeBudget(value=v.budget_value, unit=BudgetUnit(v.budget_unit)), max_visits=v.max_visits,
        keywords=list(v.keywords or []),
    )


@strawberry.type(description="主题的一个版本；已发布的版本不再修改，一件事锁定申请时的版本")
class ThemeVersion(ThemeContent, relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="版本的全局 ID")
    number: int = strawberry.field(description="版本号（从 1 开始）")
    status: ThemeVersionStatus = strawberry.field(description="版本状态")
    change_note: str = strawberry.field(description="变更说明")
    created_at: datetime = strawberry.field(description="创建时间")
    published_at: datetime | None = strawberry.field(description="发布时间")

    @classmethod
    def of(cls, v: models.ThemeVersion) -> ThemeVersion:
        return cls(
            id=v.id, number=v.number, status=ThemeVersionStatus(v.status), change_note=v.change_note,
            created_at=v.created_at, published_at=v.published_at, **content_kwargs(v),
        )

    @strawberry.field(description="所属主题")
    async def theme(self, info: Info) -> Theme | None:
        current = await info.context.loaders.themes.theme.load(self._v.theme_id)
        return Theme.of(current) if current else None

    @strawberry.field(description="每一种回答组合（情形引导各问题选项的全部组合，按问题顺序）得到的一件事，按当前目录计算："
                                  "适用的事项（按阶段）、一表申请的表单项、一套材料和与逐项办理的对照。"
                                  "用于发布前预览；草稿版本仅本区划的事项管理员可见")
    async def answer_paths(self, info: Info) -> list[ThemeAnswerPath]:
        paths = await info.context.loaders.themes.answer_paths.load(self._v)
        return [
            ThemeAnswerPath(answers=[ThemeAnswer(question=k, value=v) for k, v in p.answers.items()],
                            description=p.description, bundle=ThemeBundle.of(p.bundle, self._v))
            for p in paths
        ]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.themes.version.load_many),
                                   build=cls.of, required=required)


@strawberry.type(description="主题式服务（一件事）：内容取当前生效版本（从未发布的取草稿）")
class Theme(ThemeContent, relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="主题的全局 ID")
    code: str = strawberry.field(description="主题编码，如 enterprise-startup")
    status: ThemeStatus = strawberry.field(description="主题状态")
    status_reason: str = strawberry.field(description="暂停或取消的原因")
    region_code: str = strawberry.field(description="所属区划代码（由该区划的事项管理员维护）")
    version_number: int = strawberry.field(description="当前内容所在的版本号")

    @classmethod
    def of(cls, v: models.ThemeVersion) -> Theme:
        t = v.theme
        return cls(
            id=t.id, code=t.code, status=ThemeStatus(t.status), status_reason=t.status_reason,
            region_code=t.region_code, version_number=v.number, **content_kwargs(v),
        )

    @strawberry.field(description="版本历史（新的在前）；草稿版本仅本区划的事项管理员可见")
    async def versions(self, info: Info) -> list[ThemeVersion]:
        return [ThemeVersion.of(v) for v in await info.context.loaders.themes.versions_of_theme.load(self.id)]

    @strawberry.field(description="当前草稿版本（仅本区划的事项管理员可见）")
    async def draft_version(self, info: Info) -> ThemeVersion | None:
        for v in await info.context.loaders.themes.versions_of_theme.load(self.id):
            if v.status == "draft":
                return ThemeVersion.of(v)
        return None

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.themes.theme.load_many),
                                   build=cls.of, required=required)


# --------------------------------------------------------------------------------------------
# the bundle an answer set gives


@strawberry.type(description="情形引导的一个回答")
class ThemeAnswer:
    question: str = strawberry.field(description="问题标识")
    value: str = strawberry.field(description="选项值")


@strawberry.type(description="申请人可选择的一个办理单位（开户银行、刻章企业等合作单位）")
class PartnerChoice:
    code: str = strawberry.field(description="合作单位代码：申请时提交它")
    name: str = strawberry.field(description="名称")


@strawberry.type(description="一件事中的一个事项（申请后成为一个子件，转到其实施部门）")
class BundleItem:
    _b: strawberry.Private[bundles.BundleItem]
    _materials: strawberry.Private[dict[int, list[Any]]]
    key: str = strawberry.field(description="事项在主题中的标识")
    stage_key: str = strawberry.field(description="所属阶段标识")
    name: str = strawberry.field(description="事项名称")
    department_code: str = strawberry.field(description="实施部门代码")
    depends_on: list[str] = strawberry.field(description="须先办结的事项（本一件事中适用的）")
    note: str = strawberry.field(description="说明")

    @strawberry.field(description="目录中的事项")
    def service_item(self) -> catalog.ServiceItem:
        return catalog.ServiceItem.of(self._b.version)

    @strawberry.field(description="申请时锁定的事项版本（当前发布的版本）")
    def version(self) -> catalog.ItemVersion:
        return catalog.ItemVersion.of(self._b.version)

    @strawberry.field(description="实施部门")
    async def department(self, info: Info) -> catalog.Department | None:
        return await _department(info, self.department_code)

    @strawberry.field(description="须由申请人选择办理单位的类别（bank 开户银行、seal_carver 刻章企业等）；为空表示无须选择")
    def partner_kind(self) -> str | None:
        return self._b.partner_kind

    @strawberry.field(description="可选择的办理单位（在该事项实施区划提供服务、承接该事项的合作单位）；申请时以 partners 提交所选代码，只有一家时自动选定")
    async def partner_choices(self) -> list[PartnerChoice]:
        if not self._b.partner_kind:
            return []
        from server.domain.exchange import routing

        return [PartnerChoice(code=p.code, name=p.name)
                for p in await routing.choices(self._b.partner_kind, self._b.item.basic_code, self._b.item.region_id)]

    @strawberry.field(description="适用的办理情形（含材料）", metadata=list_size(2))
    def situations(self) -> list[catalog.Situation]:
        out = []
        for s in self._b.situations:
            situation = catalog._situation(s)
            situation._materials = [catalog._material(m) for m in self._materials.get(s.id, [])]
            out.append(situation)
        return out


@strawberry.type(description="一件事的一个阶段")
class BundleStage:
    key: str = strawberry.field(description="阶段标识")
    name: str = strawberry.field(description="阶段名称")
    number: int = strawberry.field(description="在本一件事中的序号（从 1 开始；没有适用事项的阶段不计）")
    lead_department_code: str | None = strawberry.field(description="阶段牵头部门代码")
    items: list[BundleItem] = strawberry.field(description="事项（并联办理）", metadata=list_size(6))


@strawberry.type(description="一表申请的一项：多个事项都要的只填一次")
class BundleFormField:
    key: str = strawberry.field(description="标识（申请数据的键）")
    label: str = strawberry.field(description="名称")
    type: FormFieldType = strawberry.field(description="类型")
    required: bool = strawberry.field(description="必填（任一事项必填即必填）")
    options: list[str] = strawberry.field(description="可选项（各事项选项的交集）")
    max_length: int | None = strawberry.field(description="最大字符数（各事项中最严的）")
    min: float | None = strawberry.field(description="最小值")
    max: float | None = strawberry.field(description="最大值")
    help: str = strawberry.field(description="填写说明")
    source: FieldSource | None = strawberry.field(description="平台已掌握、申请时自动填写的来源；为空表示须申请人填写")
    item_keys: list[str] = strawberry.field(description="要这一项的事项（标识）")

    @strawberry.field(description="来源的中文说明")
    def source_label(self) -> str | None:
        return rules.FIELD_SOURCES[str(self.source.value)] if self.source else None

    @strawberry.field(description="提交时由哪个基础库预填（申请人在库中有记录时，优先于账号信息）；为空表示不从基础库取")
    def shared_source(self) -> SharedDataBase | None:
        base = shared_rules.form_base(self.key)
        return SharedDataBase(base.value) if base else None


@strawberry.type(description="一项材料被某个事项使用")
class BundleMaterialUse:
    item_key: str = strawberry.field(description="事项标识")
    material: catalog.Material = strawberry.field(description="该事项中的这份材料（申请、补正时用它的 key 指明）")
    produced_by: str | None = strawberry.field(description="由本一件事中排在前面的哪个事项产生（其结果证照直接用于本事项）")


@strawberry.type(description="一套材料中的一项：多个事项都要的只交一次，各部门互认")
class BundleMaterial:
    key: str = strawberry.field(description="材料标识：标准材料编码，或“M<材料编号>”")
    name: str = strawberry.field(description="材料名称（标准材料取标准名称）")
    standard_code: str | None = strawberry.field(description="标准材料编码（如 SFZ、YYZZ、SQB）")
    generated: bool = strawberry.field(description="由一表申请的表单生成（申请书、申请表），不需上传")
    necessity: Necessity = strawberry.field(description="必要性（各事项中最严的）")
    elicence: str | None = strawberry.field(description="可替代的电子证照类型")
    shared_data: bool = strawberry.field(description="各事项均可通过共享数据获取（免提交）")
    produced_by: str | None = strawberry.field(description="由本一件事中的哪个事项产生（其结果证照），申请人不需提交")
    uses: list[BundleMaterialUse] = strawberry.field(description="使用这份材料的事项")
    item_keys: list[str] = strawberry.field(description="使用这份材料的事项（标识）")

    @strawberry.field(description="申请人须提交（不是生成的、不是一件事内产生的）")
    def to_provide(self) -> bool:
        return not self.generated and self.produced_by is None


@strawberry.type(description="一件事与逐项分别办理的对照（“减材料、减表单”）")
class BundleCounts:
    items: int = strawberry.field(description="事项数")
    stages: int = strawberry.field(description="阶段数")
    fields: int = strawberry.field(description="一表申请的表单项数（同一项只算一次）")
    fields_prefilled: int = strawberry.field(description="其中由平台预填的")
    fields_asked: int = strawberry.field(description="申请人须填写的表单项数")
    fields_separately: int = strawberry.field(description="逐项办理时各事项表单项之和")
    materials: int = strawberry.field(description="申请人须提交的材料数（同一材料只算一次，不含生成的申请书和一件事内产生的证照）")
    materials_generated: int = strawberry.field(description="由表单生成的申请书份数")
    materials_separately: int = strawberry.field(description="逐项办理时各事项材料之和")
    visits: int = strawberry.field(description="一件事最多到现场次数")
    visits_separately: int = strawberry.field(description="逐项办理时各事项到现场次数之和")


@strawberry.type(description="按回答得到的一件事：适用的事项（按阶段）、一张表单、一套材料")
class ThemeBundle:
    _version: strawberry.Private[models.ThemeVersion]
    answers: list[ThemeAnswer] = strawberry.field(description="回答")
    stages: list[BundleStage] = strawberry.field(description="适用的阶段和事项", metadata=list_size(4))
    form: list[BundleFormField] = strawberry.field(description="一表申请的表单项（按事项顺序合并）")
    materials: list[BundleMaterial] = strawberry.field(description="一套材料")
    counts: BundleCounts = strawberry.field(description="与逐项办理的对照")
    problems: list[ThemeError] = strawberry.field(description="发布后目录变化带来的问题（事项暂停、情形改名等）；相关事项不在本一件事中")

    @strawberry.field(description="主题")
    async def theme(self, info: Info) -> Theme | None:
        current = await info.context.loaders.themes.theme.load(self._version.theme_id)
        return Theme.of(current) if current else None

    @strawberry.field(description="所依据的主题版本（申请时锁定）")
    def version(self) -> ThemeVersion:
        return ThemeVersion.of(self._version)

    @strawberry.field(description="全部适用事项（按阶段顺序）")
    def items(self) -> list[BundleItem]:
        return [i for s in self.stages for i in s.items]

    @classmethod
    def of(cls, b: bundles.Bundle, version: models.ThemeVersion) -> ThemeBundle:
        materials = b.catalogue.materials
        return cls(
            _version=version,
            answers=[ThemeAnswer(question=k, value=v) for k, v in b.answers.items()],
            stages=[
                BundleStage(
                    key=s.key, name=s.name, number=s.number, lead_department_code=s.lead_department_code,
                    items=[
                        BundleItem(_b=i, _materials=materials, key=i.key, stage_key=i.stage_key, name=i.name,
                                   department_code=i.department_code, depends_on=list(i.depends_on), note=i.note)
                        for i in s.items
                    ],
                )
                for s in b.stages
            ],
            form=[
                BundleFormField(
                    key=f.key, label=f.label, type=FormFieldType(f.type), required=f.required, options=list(f.options),
                    max_length=f.max_length, min=f.min, max=f.max, help=f.help,
                    source=FieldSource(f.source) if f.source else None, item_keys=list(f.items),
                )
                for f in b.form
            ],
            materials=[
                BundleMaterial(
                    key=m.key, name=m.name, standard_code=m.standard_code, generated=m.generated,
                    necessity=Necessity(m.necessity), elicence=m.elicence, shared_data=m.shared_data,
                    produced_by=m.produced_by, item_keys=m.item_keys,
                    uses=[BundleMaterialUse(item_key=u.item_key, material=catalog._material(u.material), produced_by=u.produced_by)
                          for u in m.uses],
                )
                for m in b.materials
            ],
            counts=BundleCounts(
                items=b.counts.items, stages=b.counts.stages, fields=b.counts.fields,
                fields_prefilled=b.counts.fields_prefilled, fields_asked=b.counts.fields_asked,
                fields_separately=b.counts.fields_separately, materials=b.counts.materials,
                materials_generated=b.counts.materials_generated, materials_separately=b.counts.materials_separately,
                visits=b.counts.visits, visits_separately=b.counts.visits_separately,
            ),
            problems=[ThemeError(field=p.field, message=p.message, code=ThemeErrorCode(p.code)) for p in b.problems],
        )


@strawberry.type(description="一种回答组合及其得到的一件事（主题版本的全路径预览）")
class ThemeAnswerPath:
    answers: list[ThemeAnswer] = strawberry.field(description="每个问题的回答（按问题顺序；没有问题时为空）")
    description: str = strawberry.field(description="回答的中文表述，如“是否参加失业保险满一年：是”")
    bundle: ThemeBundle = strawberry.field(description="按这组回答得到的一件事")


# --------------------------------------------------------------------------------------------
# the service menu


@strawberry.type(description="服务菜单的一项")
class ServiceMenuEntry:
    key: str = strawberry.field(description="菜单项标识")
    title: str = strawberry.field(description="名称")
    category: str = strawberry.field(description="分类")
    description: str = strawberry.field(description="说明")
    position: int = strawberry.field(description="顺序（从 1 开始）")
    item_codes: list[str] = strawberry.field(description="指向的事项（基本编码）")
    theme_codes: list[str] = strawberry.field(description="指向的主题（编码）")

    @strawberry.field(description="指向的事项（每个基本编码取层级最高的在用实施）")
    async def items(self, info: Info) -> list[catalog.ServiceItem]:
        rows = await info.context.loaders.themes.menu_item.load_many(self.item_codes)
        return [catalog.ServiceItem.of(v) for v in rows if v]

    @strawberry.field(description="指向的主题")
    async def themes(self, info: Info) -> list[Theme]:
        rows = await info.context.loaders.themes.theme_by_code.load_many(self.theme_codes)
        return [Theme.of(v) for v in rows if v]


@strawberry.type(description="聊城市菜单式服务：一个版本的全部菜单项")
class ServiceMenu:
    number: int = strawberry.field(description="版本号")
    published_at: datetime = strawberry.field(description="发布时间")
    change_note: str = strawberry.field(description="变更说明")
    entries: list[ServiceMenuEntry] = strawberry.field(description="菜单项（按顺序）")

    @classmethod
    def of(cls, m: ServiceMenuVersion) -> ServiceMenu:
        return cls(
            number=m.number, published_at=m.published_at, change_note=m.change_note,
            entries=[
                ServiceMenuEntry(
                    key=e["key"], title=e["title"], category=e["category"], description=e.get("description", ""),
                    position=n, item_codes=list(e.get("items", [])), theme_codes=list(e.get("themes", [])),
                )
                for n, e in enumerate(m.entries, 1)
            ],
        )


_DEPARTMENT_FIELDS = frozenset({"leadDepartment", "cooperatingDepartments", "department"})


async def prefetch(info: Info, versions: list[models.ThemeVersion], selected: set[str]) -> None:
    """Load the departments and catalogue items a page of themes will be asked for, each in one
    query, before execution walks the page (nested fields would otherwise batch per depth)."""
    if not versions:
        return
    if _DEPARTMENT_FIELDS & selected:
        codes = {c for v in versions for c in (v.lead_department_code, *(v.cooperating_department_codes or []))}
        codes |= {st["lead_department"] for v in versions for st in v.stages or [] if st.get("lead_department")}
        codes |= {i["department"] for v in versions for st in v.stages or [] for i in st["items"] if i.get("department")}
        await info.context.loaders.department.load_many(sorted(codes))
    if "serviceItem" in selected:
        refs = {(i["basic_code"], i["department"]) for v in versions for st in v.stages or [] for i in st["items"]}
        await info.context.loaders.themes.stage_item.load_many(sorted(refs))
