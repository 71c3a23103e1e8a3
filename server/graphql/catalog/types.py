"""Catalogue types. Objects are built from domain rows once; nested lists come from loaders."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.catalog import models, rules
from server.domain.catalog.content import review_steps as effective_review_steps
from server.domain.catalog.service import MaterialRow, SituationRow, VersionRow
from server.domain.shareddata import rules as shared_rules
from server.graphql.catalog.enums import (
    ChangeKind,
    ConsistencyElement,
    FormFieldType,
    InstantCondition,
    ItemStatus,
    ItemType,
    Level,
    MaterialForm,
    MaterialMedia,
    Necessity,
    ServiceObject,
    TimeUnit,
    VersionStatus,
)
from server.graphql.context import Info
from server.graphql.core.relay import by_loader, code_key, resolve_nodes
from server.graphql.shareddata.types import SharedDataBase


@strawberry.type(description="行政区划、市属开发区或乡镇（街道）、村（社区）")
class Region(relay.Node):
    key: relay.NodeID[str] = strawberry.field(description="全局 ID 的组成部分（即代码）")
    code: str = strawberry.field(description="区划代码（GB/T 2260 或本地代码）")
    name: str = strawberry.field(description="名称")
    level: Level = strawberry.field(description="层级")
    kind: str = strawberry.field(description="代码来源：gb2260 国家标准、local 本地代码、stats 统计用区划代码")
    valid_from: date | None = strawberry.field(description="代码启用日期")
    valid_to: date | None = strawberry.field(description="代码停用日期；为空表示现行有效")
    parent_code: str | None = strawberry.field(description="上级区划代码")
    successor_code: str | None = strawberry.field(description="停用后由哪个区划代码承继")

    @classmethod
    def of(cls, r: models.Region) -> Region:
        return cls(
            key=r.code, code=r.code, name=r.name, level=Level(r.level), kind=r.kind, valid_from=r.valid_from,
            valid_to=r.valid_to, parent_code=r.parent_id, successor_code=r.successor_id,
        )

    @strawberry.field(description="现行有效（未停用）")
    def is_current(self) -> bool:
        return self.valid_to is None

    @strawberry.field(description="上级区划")
    async def parent(self, info: Info) -> Region | None:
        return await _region(info, self.parent_code)

    @strawberry.field(description="承继的区划（代码停用时）")
    async def successor(self, info: Info) -> Region | None:
        return await _region(info, self.successor_code)

    @strawberry.field(description="本区划的政务服务大厅（便民服务中心）")
    async def halls(self, info: Info) -> list[Hall]:
        return [Hall.of(h) for h in await info.context.loaders.halls_of_region.load(self.code)]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.region.load_many), build=cls.of,
                                   key=code_key, required=required)


async def _region(info: Info, code: str | None) -> Region | None:
    if code is None:
        return None
    r = await info.context.loaders.region.load(code)
    return Region.of(r) if r else None


@strawberry.type(description="实施部门（审批服务机构）")
class Department(relay.Node):
    key: relay.NodeID[str] = strawberry.field(description="全局 ID 的组成部分（即代码）")
    code: str = strawberry.field(description="部门代码：区划代码-部门简码，如 371500-XZSPJ")
    name: str = strawberry.field(description="全称")
    short_name: str = strawberry.field(description="简称")
    kind: str = strawberry.field(
        description="类别：government 政府部门、vertical 垂直管理、institution 事业单位、service_center 便民服务中心（站）"
    )
    region_code: str = strawberry.field(description="所在区划代码")

    @classmethod
    def of(cls, d: models.Department) -> Department:
        return cls(key=d.code, code=d.code, name=d.name, short_name=d.short_name, kind=d.kind, region_code=d.region_id)

    @strawberry.field(description="所在区划")
    async def region(self, info: Info) -> Region:
        r = await _region(info, self.region_code)
        assert r is not None
        return r

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.department.load_many),
                                   build=cls.of, key=code_key, required=required)


async def _department(info: Info, code: str | None) -> Department | None:
    if code is None:
        return None
    d = await info.context.loaders.department.load(code)
    return Department.of(d) if d else None


@strawberry.type(description="大厅窗口")
class HallWindow:
    id: int = strawberry.field(description="窗口编号（登记窗口服务 serveCaseAtWindow、窗口评价器密钥用）")
    number: str = strawberry.field(description="窗口号，如 A01")
    name: str = strawberry.field(description="窗口名称")
    kind: str = strawberry.field(
        description="类别：comprehensive 综合受理、issuance 综合出件、complaint 吐槽找茬、assistance 帮办代办、"
        "enterprise_startup 企业开办、real_estate 不动产登记、construction 工程建设、social_security 社保医保"
    )
    department_codes: list[str] = strawberry.field(description="该窗口受理的部门（综合窗口为空：全领域无差别受理）")


@strawberry.type(description="政务服务大厅（中心）或便民服务中心")
class Hall(relay.Node):
    key: relay.NodeID[str] = strawberry.field(description="全局 ID 的组成部分（即代码）")
    code: str = strawberry.field(description="大厅代码")
    name: str = strawberry.field(description="名称")
    region_code: str = strawberry.field(description="所在区划代码")
    address: str = strawberry.field(description="地址")
    hours: str = strawberry.field(description="办公时间")
    phone: str = strawberry.field(description="咨询电话")

    @classmethod
    def of(cls, h: models.Hall) -> Hall:
        return cls(
            key=h.code, code=h.code, name=h.name, region_code=h.region_id, address=h.address, hours=h.hours, phone=h.phone
        )

    @strawberry.field(description="窗口")
    async def windows(self, info: Info) -> list[HallWindow]:
        rows = await info.context.loaders.windows_of_hall.load(self.code)
        return [HallWindow(id=w.id, number=w.number, name=w.name, kind=w.kind, department_codes=w.department_codes) for w in rows]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.hall.load_many), build=cls.of,
                                   key=code_key, required=required)


@strawberry.type(description="办理时限")
class TimeLimit:
    value: int = strawberry.field(description="天数")
    unit: TimeUnit = strawberry.field(description="单位")

    @strawberry.field(description="中文表述，如“5个工作日”")
    def text(self) -> str:
        return f"{self.value}{rules.TIME_UNITS[self.unit.value]}"


@strawberry.type(description="收费项目")
class Fee:
    name: str = strawberry.field(description="收费项目名称")
    standard: str = strawberry.field(description="收费标准")
    basis: str = strawberry.field(description="收费依据")


@strawberry.type(description="常见问题")
class Faq:
    question: str = strawberry.field(description="问题")
    answer: str = strawberry.field(description="解答")


@strawberry.type(description="办事指南中除十要素外的内容")
class Guide:
    process: list[str] = strawberry.field(description="办理流程（按顺序）")
    faq: list[Faq] = strawberry.field(description="常见问题")
    address: str = strawberry.field(description="办理地点")
    hours: str = strawberry.field(description="办理时间")
    contact: str = strawberry.field(description="咨询电话")


@strawberry.type(description="申请材料")
class Material:
    key: int = strawberry.field(description="材料编号：申请、补正、容缺时用它指明这份材料（属于某个版本，不随版本变化）")
    name: str = strawberry.field(description="材料名称")
    form: MaterialForm = strawberry.field(description="原件或复印件")
    copies: int = strawberry.field(description="份数")
    media: MaterialMedia = strawberry.field(description="纸质或电子")
    necessity: Necessity = strawberry.field(description="必要性（必要、非必要、容缺后补）")
    sample_text: str = strawberry.field(description="示范文本说明")
    review_points: str = strawberry.field(description="审查要点")
    elicence: str | None = strawberry.field(description="可替代本材料的电子证照类型（如“营业执照”）；为空表示不可替代")
    shared_data: bool = strawberry.field(description="可通过数据共享获取，申请人免提交")
    source: str = strawberry.field(description="材料来源：申请人自备、政府部门核发、中介机构出具等")
    standard_code: str | None = strawberry.field(
        default=None,
        description="标准材料编码（材料互认：如 SFZ 居民身份证、YYZZ 营业执照；SQB 为由申请表单生成的申请书）；为空表示非标准材料",
    )


@strawberry.type(description="申请表单的一项")
class FormField:
    key: str = strawberry.field(description="标识（英文，事项内唯一），即申请数据中的键")
    label: str = strawberry.field(description="名称，如“企业名称”")
    type: FormFieldType = strawberry.field(description="类型")
    required: bool = strawberry.field(description="必填")
    options: list[str] = strawberry.field(description="可选项（仅单选项）")
    max_length: int | None = strawberry.field(description="最大字符数（仅文本项；为空取默认：单行 200、多行 2000）")
    min: float | None = strawberry.field(description="最小值（仅数字项）")
    max: float | None = strawberry.field(description="最大值（仅数字项）")
    help: str = strawberry.field(description="填写说明")

    @strawberry.field(description="提交时由哪个基础库预填（人口库：以个人身份申请；法人库：以企业身份申请；申请人在库中有记录时）；"
                                  "为空表示由申请人填写")
    def shared_source(self) -> SharedDataBase | None:
        base = shared_rules.form_base(self.key)
        return SharedDataBase(base.value) if base else None


@strawberry.type(description="秒批规则：满足全部条件的申请在提交时即获批准，并记录所用规则版本")
class InstantRule:
    code: str = strawberry.field(description="规则编码")
    version: int = strawberry.field(description="规则版本（从 1 开始）")
    conditions: list[InstantCondition] = strawberry.field(description="须全部满足的条件")


def _form_field(f: dict[str, Any]) -> FormField:
    return FormField(
        key=f["key"], label=f["label"], type=FormFieldType(f.get("type", "text")), required=bool(f.get("required")),
        options=list(f.get("options") or []), max_length=f.get("max_length"), min=f.get("min"), max=f.get("max"),
        help=f.get("help") or "",
    )


def _instant_rule(rule: dict[str, Any] | None) -> InstantRule | None:
    if not rule:
        return None
    return InstantRule(
        code=rule["code"], version=rule["version"], conditions=[InstantCondition(c) for c in rule["conditions"]]
    )


def _material(m: MaterialRow | models.Material) -> Material:
    return Material(
        key=m.id, name=m.name, form=MaterialForm(m.form), copies=m.copies, media=MaterialMedia(m.media),
        necessity=Necessity(m.necessity), sample_text=m.sample_text, review_points=m.review_points,
        elicence=m.elicence, shared_data=m.shared_data, source=m.source, standard_code=m.standard_code,
    )


@strawberry.type(description="办理情形（办理项）：颗粒化拆分后的一种办理情况，有自己的受理条件和材料")
class Situation:
    _id: strawberry.Private[int]
    _materials: strawberry.Private[list[Material] | None] = None  # prefetched by a list resolver
    key: int = strawberry.field(description="情形编号：申请时用它指明所选办理情形")
    position: int = strawberry.field(description="序号（从 0 开始）")
    name: str = strawberry.field(description="情形名称，如“有限责任公司设立登记”")
    conditions: str = strawberry.field(description="该情形的受理条件")

    @strawberry.field(description="该情形的申请材料")
    def materials(self, info: Info) -> list[Material]:
        # synchronous when prefetched: no awaitable, so graphql-core creates no task per list entry
        if self._materials is not None:
            return self._materials
        return self._load_materials(info)  # type: ignore[return-value]

    async def _load_materials(self, info: Info) -> list[Material]:
        return [_material(m) for m in await info.context.loaders.materials.load(self._id)]


def _situation(s: SituationRow | models.Situation) -> Situation:
    return Situation(_id=s.id, key=s.id, position=s.position, name=s.name, conditions=s.conditions)


@strawberry.interface(description="事项内容：三级十同的十个要素与办事指南（事项和版本共有）")
class ItemContent:
    # the version: a model, or (the hot reads: catalogue pages, search, node lookups) a plain row
    # with the same attributes
    _v: strawberry.Private[models.ItemVersion | VersionRow]
    _situations: strawberry.Private[list[Situation] | None] = None  # prefetched by a list resolver
    _halls: strawberry.Private[list[models.Hall] | None] = None
    name: str = strawberry.field(description="事项名称")
    basic_code: str = strawberry.field(description="基本编码（12 位，省市县通用）")
    item_type: ItemType = strawberry.field(description="事项类型")
    legal_basis: str = strawberry.field(description="设定依据")
    exercise_levels: list[Level] = strawberry.field(description="行使层级")
    acceptance_conditions: str = strawberry.field(description="受理条件")
    service_objects: list[ServiceObject] = strawberry.field(description="服务对象")
    statutory_limit: TimeLimit = strawberry.field(description="法定办结时限")
    committed_limit: TimeLimit = strawberry.field(description="承诺办结时限")
    fees: list[Fee] = strawberry.field(description="收费项目；为空表示不收费")
    max_visits: int = strawberry.field(description="最多到现场次数（0 表示全程网办不见面）")
    online: bool = strawberry.field(description="可全程网办")
    instant: bool = strawberry.field(description="即办件（秒批秒办）")
    high_frequency: bool = strawberry.field(description="高频事项")
    keywords: list[str] = strawberry.field(description="搜索关键词")
    aliases: list[str] = strawberry.field(description="俗称、别名（群众的叫法）")
    result_licence: str | None = strawberry.field(description="批准后核发的电子证照类型（如“营业执照”）；为空表示不出证照")

    @strawberry.field(description="申请表单项（按顺序）")
    def form_fields(self) -> list[FormField]:
        return [_form_field(f) for f in self._v.form_fields or []]

    @strawberry.field(description="后台审查环节（按顺序）；未设置时为一个环节“审查决定”")
    def review_steps(self) -> list[str]:
        return effective_review_steps(list(self._v.review_steps or []))

    @strawberry.field(description="秒批规则（仅即办件）；为空表示人工审查")
    def instant_rule(self) -> InstantRule | None:
        return _instant_rule(self._v.instant_rule)

    @strawberry.field(description="办理情形及其材料")
    def situations(self, info: Info) -> list[Situation]:
        if self._situations is not None:
            return self._situations
        return self._load_situations(info)  # type: ignore[return-value]

    async def _load_situations(self, info: Info) -> list[Situation]:
        return [_situation(s) for s in await info.context.loaders.situations.load(self._v.id)]

    @strawberry.field(description="办事指南（流程、常见问题、地点、时间、电话）；地点和时间未单独设置时取实施部门所在大厅")
    def guide(self, info: Info) -> Guide:
        g = self._v.guide or {}
        if (g.get("address") and g.get("hours") and g.get("contact")) or self._halls is not None:
            return _guide(g, self._halls or [])
        return self._load_guide(info, g)  # type: ignore[return-value]

    async def _load_guide(self, info: Info, g: dict[str, Any]) -> Guide:
        return _guide(g, await info.context.loaders.halls_of_region.load(self._v.item.region_id))


def _guide(g: dict[str, Any], halls: list[models.Hall]) -> Guide:
    """The guide, with the place, hours and phone of the item's hall where it sets none itself."""
    address, hours, contact = g.get("address"), g.get("hours"), g.get("contact")
    if halls:
        address, hours, contact = address or halls[0].address, hours or halls[0].hours, contact or halls[0].phone
    return Guide(
            process=[str(p) for p in g.get("process", [])],
            faq=[Faq(question=str(f.get("q", "")), answer=str(f.get("a", ""))) for f in g.get("faq", [])],
            address=address or "", hours=hours or "", contact=str(contact or ""),
        )


def content_kwargs(v: models.ItemVersion | VersionRow) -> dict[str, Any]:
    return dict(
        _v=v, name=v.name, basic_code=v.item.basic_code, item_type=ItemType(v.item_type), legal_basis=v.legal_basis,
        exercise_levels=[Level(x) for x in v.exercise_levels], acceptance_conditions=v.acceptance_conditions,
        service_objects=[ServiceObject(x) for x in v.service_objects],
        statutory_limit=TimeLimit(value=v.statutory_limit, unit=TimeUnit(v.statutory_unit)),
        committed_limit=TimeLimit(value=v.committed_limit, unit=TimeUnit(v.committed_unit)),
        fees=[Fee(name=f.get("name", ""), standard=f.get("standard", ""), basis=f.get("basis", "")) for f in v.fees],
        max_visits=v.max_visits, online=v.online, instant=v.instant, high_frequency=v.high_frequency,
        keywords=list(v.keywords), aliases=list(v.aliases or []), result_licence=v.result_licence,
    )


@strawberry.type(description="事项的一个版本；已发布的版本不再修改，办件锁定受理时的版本")
class ItemVersion(ItemContent, relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="版本的全局 ID")
    number: int = strawberry.field(description="版本号（从 1 开始）")
    status: VersionStatus = strawberry.field(description="版本状态")
    change_kind: ChangeKind = strawberry.field(description="变更类型")
    change_note: str = strawberry.field(description="变更说明")
    created_at: datetime = strawberry.field(description="创建时间")
    published_at: datetime | None = strawberry.field(description="发布时间")

    @classmethod
    def of(cls, v: models.ItemVersion) -> ItemVersion:
        return cls(
            id=v.id, number=v.number, status=VersionStatus(v.status), change_kind=ChangeKind(v.change_kind),
            change_note=v.change_note, created_at=v.created_at, published_at=v.published_at, **content_kwargs(v),
        )

    @strawberry.field(description="所属事项")
    async def item(self, info: Info) -> ServiceItem | None:
        current = await info.context.loaders.item.load(self._v.item_id)
        return ServiceItem.of(current) if current else None

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        actor = info.context.actor

        def visible(v: models.ItemVersion) -> ItemVersion | None:
            editor = actor.can_edit_catalog and actor.covers(v.item.region_path)
            return ItemVersion.of(v) if v.status != "draft" or editor else None

        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.version.load_many), build=visible,
                                   required=required)


@strawberry.enum(description="事项受理后的去向（从登录窗口人员所在大厅看）")
class CounterDestination(Enum):
    LOCAL = strawberry.enum_value("local", description="本级办理")
    COUNTY = strawberry.enum_value("county", description="县级部门决定：受理后进入该县的审批队列（代为收件）")
    PARTNER = strawberry.enum_value("partner", description="经签名交换转送省级平台或合作单位决定")
    ELSEWHERE = strawberry.enum_value("elsewhere", description="其他区划的事项：不由本大厅受理")


@strawberry.type(description="事项在登录窗口人员所在大厅的情况：是否本大厅受理、由谁决定、收件前的提醒")
class ItemAtCounter:
    handled_here: bool = strawberry.field(description="本大厅受理的事项（本区划部门的事项，且有窗口受理该部门）")
    destination: CounterDestination = strawberry.field(description="受理后的去向")
    decided_by: str = strawberry.field(description="作出决定的区划、层级和部门，如“冠县 · 县级 · 冠县行政审批服务局”")
    warning: str | None = strawberry.field(description="收件前须由窗口人员确认的提醒；本大厅受理的事项为空")


@strawberry.type(description="政务服务事项（某实施部门对某基本编码的实施），内容取当前生效版本")
class ServiceItem(ItemContent, relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="事项的全局 ID")
    implementation_code: str = strawberry.field(description="实施编码（实施部门代码-基本编码），每个实施主体唯一")
    status: ItemStatus = strawberry.field(description="事项状态")
    status_reason: str = strawberry.field(description="暂停或取消的原因")
    level: Level = strawberry.field(description="实施层级（实施部门所在区划的层级）")
    department_code: str = strawberry.field(description="实施部门代码")
    region_code: str = strawberry.field(description="实施区划代码")
    version_number: int = strawberry.field(description="当前内容所在的版本号")
    _department: strawberry.Private[Department | None] = None  # prefetched by a list resolver

    @classmethod
    def of(cls, v: models.ItemVersion | VersionRow) -> ServiceItem:
        i = v.item
        return cls(
            id=i.id, implementation_code=i.implementation_code, status=ItemStatus(i.status),
            status_reason=i.status_reason, level=Level(i.level), department_code=i.department_id,
            region_code=i.region_id, version_number=v.number, **content_kwargs(v),
        )

    @strawberry.field(description="实施部门")
    def department(self, info: Info) -> Department:
        if self._department is not None:
            return self._department
        return self._load_department(info)  # type: ignore[return-value]

    async def _load_department(self, info: Info) -> Department:
        d = await _department(info, self.department_code)
        assert d is not None
        return d

    @strawberry.field(description="实施区划")
    async def region(self, info: Info) -> Region:
        r = await _region(info, self.region_code)
        assert r is not None
        return r

    @strawberry.field(description="设立登记：办结时新设一个市场主体（签发营业执照的“设立”事项）；申请时企业尚未登记，窗口收件填写拟设立企业的名称、类型和住所")
    def founds_entity(self) -> bool:
        return self.result_licence == shared_rules.BUSINESS_LICENCE and "设立" in self.name

    @strawberry.field(description="在登录工作人员所在大厅的情况（代为收件时查看）；非工作人员或没有所属大厅时为空")
    async def at_counter(self, info: Info) -> ItemAtCounter | None:
        found = await info.context.loaders.at_counter.load(self.id)
        if found is None:
            return None
        return ItemAtCounter(handled_here=found.handled_here, destination=CounterDestination(found.destination),
                             decided_by=found.decided_by, warning=found.warning)

    @strawberry.field(description="版本历史（新的在前）；草稿版本仅本区划的事项管理员可见")
    async def versions(self, info: Info) -> list[ItemVersion]:
        return [ItemVersion.of(v) for v in await info.context.loaders.versions_of_item.load(self.id)]

    @strawberry.field(description="当前草稿版本（仅本区划的事项管理员可见）")
    async def draft_version(self, info: Info) -> ItemVersion | None:
        for v in await info.context.loaders.versions_of_item.load(self.id):
            if v.status == "draft":
                return ItemVersion.of(v)
        return None

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=by_loader(info.context.loaders.item.load_many), build=cls.of,
                                   required=required)


@strawberry.type(description="一个要素的差异")
class ElementDifference:
    element: ConsistencyElement = strawberry.field(description="要素")
    expected: str = strawberry.field(description="对照值（基准实施或旧版本）")
    actual: str = strawberry.field(description="本实施或新版本的值")
    description: str = strawberry.field(description="差异说明（中文）")


@strawberry.type(description="某要素的取值")
class ElementValue:
    element: ConsistencyElement = strawberry.field(description="要素")
    label: str = strawberry.field(description="要素名称")
    value: str = strawberry.field(description="取值（集合类要素按字典序以顿号连接）")


@strawberry.type(description="一致性报告中的一个实施")
class ConsistencyRow:
    item: ServiceItem = strawberry.field(description="该层级的实施事项")
    is_reference: bool = strawberry.field(description="是否为对照基准（层级最高者）")
    values: list[ElementValue] = strawberry.field(description="十要素取值")
    differences: list[ElementDifference] = strawberry.field(description="与基准不同的要素；为空表示一致")


@strawberry.type(description="三级十同一致性报告：同一基本编码在各层级的实施并列对照")
class CatalogConsistency:
    basic_code: str = strawberry.field(description="基本编码")
    consistent: bool = strawberry.field(description="各实施十要素是否完全一致")
    rows: list[ConsistencyRow] = strawberry.field(description="各实施（层级高者在前，第一行为基准）")
    difference_count: int = strawberry.field(description="差异总数")


async def prefetch(info: Info, items: list[ServiceItem], selected: set[str]) -> None:
    """Load what a page of items will be asked for in one query per kind, before execution walks
    the page. Fields served this way resolve synchronously: graphql-core then completes the lists
    without creating a task per entry, which is most of the cost of an item page."""
    if not items:
        return
    loaders = info.context.loaders
    if "situations" in selected:
        sits = await loaders.situations.load_many([i._v.id for i in items])
        mats: list[list[MaterialRow]] = []
        if "materials" in selected:
            mats = await loaders.materials.load_many([s.id for group in sits for s in group])
        position = 0
        for item, group in zip(items, sits, strict=True):
            built = []
            for s in group:
                situation = _situation(s)
                if mats:
                    situation._materials = [_material(m) for m in mats[position]]
                    position += 1
                built.append(situation)
            item._situations = built
    if "department" in selected:
        depts = await loaders.department.load_many([i.department_code for i in items])
        for item, d in zip(items, depts, strict=True):
            item._department = Department.of(d) if d else None
    if "guide" in selected:
        halls = await loaders.halls_of_region.load_many([i.region_code for i in items])
        for item, hs in zip(items, halls, strict=True):
            item._halls = hs
