"""三级十同: the same item at province, city and county level must agree on ten elements.

:func:`elements` renders the ten elements of one version as comparable text; :func:`compare` names
every difference between two versions. The consistency report compares each implementation with
the one at the highest level; the version diff compares two versions of one item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from server.domain.catalog import rules
from server.domain.catalog.models import ItemVersion, ServiceItem
from server.domain.catalog.service import MaterialRow as Material
from server.domain.catalog.service import SituationRow as Situation
from server.domain.catalog.service import materials_of, situations_of

ELEMENTS = {
    "name": "事项名称",
    "code": "事项编码",
    "item_type": "事项类型",
    "legal_basis": "设定依据",
    "exercise_level": "行使层级",
    "acceptance_conditions": "受理条件",
    "service_object": "服务对象",
    "materials": "申请材料",
    "time_limit": "办理时限",
    "fees": "收费项目",
}


# what a version also says beyond the ten elements (not part of 三级十同, but a version diff names
# every change of it: each element an editor can change has its entry here or among the ten)
VERSION_EXTRAS = {
    "situations": "办理情形",
    "material_details": "材料要求",
    "fee_basis": "收费依据",
    "max_visits": "最多跑动次数",
    "online": "全程网办",
    "instant": "即办件",
    "high_frequency": "高频事项",
    "keywords": "搜索关键词",
    "aliases": "俗称、别名",
    "guide_process": "办理流程",
    "guide_faq": "常见问题",
    "guide_address": "办理地点",
    "guide_hours": "办理时间",
    "guide_contact": "咨询电话",
    "form_fields": "申请表单",
    "review_steps": "审查环节",
    "result_licence": "签发电子证照",
    "instant_rule": "秒批规则",
}


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _form_field(f: dict[str, object]) -> str:
    parts = [str(f.get("key", "")), rules.FORM_FIELD_TYPES.get(str(f.get("type", "")), str(f.get("type", "")))]
    if f.get("required"):
        parts.append("必填")
    if f.get("options"):
        parts.append("选项：" + "/".join(map(str, f.get("options") or [])))  # type: ignore[call-overload]
    if f.get("max_length") is not None:
        parts.append(f"最多 {f.get('max_length')} 字")
    if f.get("min") is not None:
        parts.append(f"最小 {f.get('min')}")
    if f.get("max") is not None:
        parts.append(f"最大 {f.get('max')}")
    if f.get("help"):
        parts.append(f"说明：{f.get('help')}")
    return f"{f.get('label', '')}（{'，'.join(parts)}）"


def _material_detail(situation: Situation, m: Material) -> str:
    parts = [
        rules.MATERIAL_FORMS.get(m.form, m.form), f"{m.copies} 份", rules.MATERIAL_MEDIA.get(m.media, m.media),
        rules.NECESSITIES.get(m.necessity, m.necessity), f"来源：{m.source}",
    ]
    if m.elicence:
        parts.append(f"可用电子证照“{m.elicence}”")
    if m.shared_data:
        parts.append("共享数据免提交")
    if m.standard_code:
        parts.append(f"标准材料 {m.standard_code}")
    if m.sample_text:
        parts.append(f"示范文本：{m.sample_text}")
    if m.review_points:
        parts.append(f"审查要点：{m.review_points}")
    return f"{situation.name}：{m.name}（{'，'.join(parts)}）"


def extras(
    version: ItemVersion, situations: list[Situation], materials: dict[int, list[Material]]
) -> dict[str, str | set[str]]:
    """Everything else a version says, as comparable values (a set where order does not matter)."""
    rule = version.instant_rule or {}
    guide = version.guide or {}
    return {
        "situations": {f"{s.name}（适用条件：{' '.join(s.conditions.split()) or '无'}）" for s in situations} or {"无"},
        "material_details": {_material_detail(s, m) for s in situations for m in materials.get(s.id, [])} or {"无"},
        "fee_basis": {f"{f.get('name', '')}：{f.get('basis', '') or '未填写'}" for f in version.fees} or {"不收费"},
        "max_visits": f"{version.max_visits} 次",
        "online": _yes(version.online),
        "instant": _yes(version.instant),
        "high_frequency": _yes(version.high_frequency),
        "keywords": set(version.keywords or []) or {"无"},
        "aliases": set(version.aliases or []) or {"无"},
        "guide_process": " → ".join(map(str, guide.get("process") or [])) or "无",
        "guide_faq": {f"问：{qa.get('q', '')} 答：{qa.get('a', '')}" for qa in guide.get("faq") or []} or {"无"},
        "guide_address": str(guide.get("address") or "取大厅地址"),
        "guide_hours": str(guide.get("hours") or "取大厅办公时间"),
        "guide_contact": str(guide.get("contact") or "取大厅电话"),
        "form_fields": {_form_field(f) for f in version.form_fields or []} or {"无"},
        "review_steps": " → ".join(version.review_steps or []) or "审查决定",
        "result_licence": version.result_licence or "无",
        "instant_rule": (f"{rule.get('code', '')} 第 {rule.get('version', 1)} 版："
                         + "、".join(rules.INSTANT_CONDITION_LABELS.get(c, c) for c in rule.get("conditions", [])))
        if rule else "无",
    }


def _limit(value: int, unit: str) -> str:
    return f"{value}{rules.TIME_UNITS.get(unit, unit)}"


def _materials(situations: list[Situation], materials: dict[int, list[Material]]) -> set[str]:
    return {
        f"{m.name}（{rules.NECESSITIES[m.necessity]}）"
        for s in situations
        for m in materials.get(s.id, [])
    }


def elements(
    item: ServiceItem, version: ItemVersion, situations: list[Situation], materials: dict[int, list[Material]]
) -> dict[str, str | set[str]]:
    """The ten elements as comparable values (text, or a set where order does not matter)."""
    return {
        "name": version.name,
        "code": item.basic_code,
        "item_type": rules.ITEM_TYPES.get(version.item_type, version.item_type),
        "legal_basis": " ".join(version.legal_basis.split()),
        "exercise_level": {rules.LEVELS.get(x, x) for x in version.exercise_levels},
        "acceptance_conditions": " ".join(version.acceptance_conditions.split()),
        "service_object": {rules.SERVICE_OBJECTS.get(x, x) for x in version.service_objects},
        "materials": _materials(situations, materials),
        "time_limit": f"法定{_limit(version.statutory_limit, version.statutory_unit)}，"
        f"承诺{_limit(version.committed_limit, version.committed_unit)}",
        "fees": {f"{f.get('name', '')}：{f.get('standard', '')}".rstrip("：") for f in version.fees} or {"不收费"},
    }


def render(value: str | set[str]) -> str:
    return "、".join(sorted(value)) if isinstance(value, set) else value


@dataclass(slots=True)
class Difference:
    element: str
    expected: str
    actual: str
    description: str


def compare(
    reference: dict[str, str | set[str]], other: dict[str, str | set[str]], *, subject: str, reference_name: str,
    labels: dict[str, str] = ELEMENTS,
) -> list[Difference]:
    out: list[Difference] = []
    for key, label in labels.items():
        a, b = reference[key], other[key]
        if a == b:
            continue
        if isinstance(a, set) and isinstance(b, set):
            parts = []
            if b - a:
                parts.append("多出：" + "、".join(sorted(b - a)))
            if a - b:
                parts.append("缺少：" + "、".join(sorted(a - b)))
            description = f"{subject}的{label}与{reference_name}不同（{'；'.join(parts)}）"
        else:
            description = f"{subject}的{label}为“{render(b)}”，{reference_name}为“{render(a)}”"
        out.append(Difference(element=key, expected=render(a), actual=render(b), description=description))
    return out


@dataclass(slots=True)
class Implementation:
    version: ItemVersion  # with .item loaded
    values: dict[str, str | set[str]]
    differences: list[Difference] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    basic_code: str
    reference: Implementation | None
    implementations: list[Implementation]

    @property
    def consistent(self) -> bool:
        return all(not i.differences for i in self.implementations)


async def _values_for(versions: list[ItemVersion]) -> list[dict[str, str | set[str]]]:
    sits = await situations_of([v.id for v in versions])
    mats = await materials_of([s.id for ss in sits.values() for s in ss])
    return [elements(v.item, v, sits.get(v.id, []), mats) for v in versions]


async def consistency_report(*, basic_code: str, department_names: dict[str, str] | None = None) -> Report:
    """Published implementations of a basic code, highest level first, each compared with the first."""
    versions = (
        await ItemVersion.filter(item__basic_code=basic_code.strip(), status="published")
        .select_related("item", "item__department")
        .order_by("item__level", "item__region_path", "item_id")
    )
    impls = [Implementation(v, vals) for v, vals in zip(versions, await _values_for(versions), strict=True)]
    if not impls:
        return Report(basic_code=basic_code, reference=None, implementations=[])
    ref = impls[0]
    ref_name = f"{rules.LEVELS[ref.version.item.level]}（{ref.version.item.department.name}）"
    for impl in impls[1:]:
        impl.differences = compare(
            ref.values, impl.values, subject=impl.version.item.department.name, reference_name=ref_name
        )
    return Report(basic_code=basic_code, reference=ref, implementations=impls)


async def version_diff(*, old: ItemVersion, new: ItemVersion) -> list[Difference]:
    """What changed between two versions of one item: the ten elements, then everything else a
    version says (situations, each material's requirements, the guide, the search words, the form,
    the review steps, the e-licence issued and the instant rule)."""
    versions = [old, new]
    sits = await situations_of([v.id for v in versions])
    mats = await materials_of([s.id for ss in sits.values() for s in ss])
    a, b = (elements(v.item, v, sits.get(v.id, []), mats) for v in versions)
    xa, xb = (extras(v, sits.get(v.id, []), mats) for v in versions)
    subject, reference_name = f"第 {new.number} 版", f"第 {old.number} 版"
    return compare(a, b, subject=subject, reference_name=reference_name) + compare(
        xa, xb, labels=VERSION_EXTRAS, subject=subject, reference_name=reference_name
    )
