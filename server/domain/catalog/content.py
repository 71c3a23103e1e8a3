"""What an item version says, as plain data, and its validation.

The seed loader and the catalogue mutations both write versions from an :class:`ItemContent`,
so they share one validation and one way of computing the search columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from server.domain.catalog import errors, rules
from server.domain.catalog.forms import validate_definitions
from server.domain.catalog.search import search_columns
from server.domain.errors import DomainError

STANDARD_CODE = re.compile(r"^[A-Z]{2,8}$")


@dataclass(slots=True)
class MaterialSpec:
    name: str
    form: str = "original"
    copies: int = 1
    media: str = "paper_or_electronic"
    necessity: str = "required"
    sample_text: str = ""
    review_points: str = ""
    elicence: str | None = None
    shared_data: bool = False
    source: str = "申请人自备"
    standard_code: str | None = None  # a StandardMaterial code (材料互认), checked where it is written


@dataclass(slots=True)
class SituationSpec:
    name: str
    conditions: str = ""
    materials: list[MaterialSpec] = field(default_factory=list)


@dataclass(slots=True)
class ItemContent:
    name: str
    item_type: str
    statutory_limit: int
    statutory_unit: str
    committed_limit: int
    committed_unit: str
    legal_basis: str = ""
    exercise_levels: list[str] = field(default_factory=list)
    acceptance_conditions: str = ""
    service_objects: list[str] = field(default_factory=list)
    fees: list[dict[str, str]] = field(default_factory=list)
    max_visits: int = 1
    online: bool = False
    instant: bool = False
    high_frequency: bool = False
    keywords: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # 俗称、别名: what people call the item
    guide: dict[str, Any] = field(default_factory=dict)
    form_fields: list[dict[str, Any]] = field(default_factory=list)
    review_steps: list[str] = field(default_factory=list)
    result_licence: str | None = None
    instant_rule: dict[str, Any] | None = None
    situations: list[SituationSpec] = field(default_factory=list)


MAX_ALIASES = 20
MAX_ALIAS_LENGTH = 32

VERSION_FIELDS = (
    "name", "item_type", "legal_basis", "exercise_levels", "acceptance_conditions", "service_objects",
    "statutory_limit", "statutory_unit", "committed_limit", "committed_unit", "fees", "max_visits",
    "online", "instant", "high_frequency", "keywords", "aliases", "guide", "form_fields", "review_steps", "result_licence",
    "instant_rule",
)  # fmt: skip
MATERIAL_FIELDS = (
    "name", "form", "copies", "media", "necessity", "sample_text", "review_points", "elicence",
    "shared_data", "source", "standard_code",
)  # fmt: skip


def version_row(content: ItemContent) -> dict[str, Any]:
    """Column values of an ItemVersion for this content, search columns included."""
    row = {f: getattr(content, f) for f in VERSION_FIELDS}
    guide = content.guide or {}
    texts = [content.acceptance_conditions, *(s.name for s in content.situations)]
    texts += [str(step) for step in guide.get("process", [])]
    texts += [f"{qa.get('q', '')} {qa.get('a', '')}" for qa in guide.get("faq", [])]
    row.update(search_columns(name=content.name, keywords=[*content.keywords, *content.aliases], texts=texts))
    row["s_objects"] = "|" + "|".join(content.service_objects) + "|"
    return row


def content_of(version: Any, situations: list[Any], materials: dict[int, list[Any]]) -> ItemContent:
    """Rebuild the content of a stored version (to copy it into a new draft, or to compare)."""
    return ItemContent(
        **{f: getattr(version, f) for f in VERSION_FIELDS},
        situations=[
            SituationSpec(
                name=s.name,
                conditions=s.conditions,
                materials=[
                    MaterialSpec(**{f: getattr(m, f) for f in MATERIAL_FIELDS}) for m in materials.get(s.id, [])
                ],
            )
            for s in situations
        ],
    )


def validate(content: ItemContent, *, for_publish: bool) -> list[DomainError]:
    """Every problem at once, each pointing at the input field it concerns."""
    problems: list[DomainError] = []

    def bad(code: str, message: str, *path: str | int) -> None:
        problems.append(DomainError(code, message, [str(p) for p in path]))

    if not content.name.strip():
        bad(errors.INVALID, "事项名称不能为空", "name")
    elif len(content.name) > 128:
        bad(errors.INVALID, "事项名称不能超过 128 个字符", "name")
    if len(content.aliases) > MAX_ALIASES:
        bad(errors.INVALID, f"俗称、别名最多 {MAX_ALIASES} 个", "aliases")
    for i, alias in enumerate(content.aliases):
        if not alias.strip() or len(alias) > MAX_ALIAS_LENGTH:
            bad(errors.INVALID, f"俗称、别名须为 1 至 {MAX_ALIAS_LENGTH} 个字", "aliases", i)
    if content.item_type not in rules.ITEM_TYPES:
        bad(errors.INVALID, f"未知的事项类型：{content.item_type}", "itemType")
    for i, level in enumerate(content.exercise_levels):
        if level not in rules.LEVELS:
            bad(errors.INVALID, f"未知的行使层级：{level}", "exerciseLevels", i)
    for i, obj in enumerate(content.service_objects):
        if obj not in rules.SERVICE_OBJECTS:
            bad(errors.INVALID, f"未知的服务对象：{obj}", "serviceObjects", i)
    for name, value, unit in (
        ("statutoryLimit", content.statutory_limit, content.statutory_unit),
        ("committedLimit", content.committed_limit, content.committed_unit),
    ):
        if unit not in rules.TIME_UNITS:
            bad(errors.INVALID_TIME_LIMIT, f"未知的时限单位：{unit}", name, "unit")
        if value <= 0:
            bad(errors.INVALID_TIME_LIMIT, "办理时限必须大于 0（即办件填 1 个工作日）", name, "value")
        elif value > 3650:
            bad(errors.INVALID_TIME_LIMIT, "办理时限过长，请核对", name, "value")
    if (
        content.statutory_unit == content.committed_unit
        and 0 < content.statutory_limit < content.committed_limit
    ):
        bad(errors.INVALID_TIME_LIMIT, "承诺时限不能长于法定时限", "committedLimit", "value")
    if not 0 <= content.max_visits <= 5:
        bad(errors.INVALID, "到现场次数应在 0 到 5 之间", "maxVisits")
    for i, fee in enumerate(content.fees):
        if not str(fee.get("name", "")).strip():
            bad(errors.INVALID, "收费项目名称不能为空", "fees", i, "name")
    for i, sit in enumerate(content.situations):
        if not sit.name.strip():
            bad(errors.INVALID, "办理情形名称不能为空", "situations", i, "name")
        for j, mat in enumerate(sit.materials):
            where = ("situations", i, "materials", j)
            if not mat.name.strip():
                bad(errors.INVALID, "材料名称不能为空", *where, "name")
            if mat.form not in rules.MATERIAL_FORMS:
                bad(errors.INVALID, f"未知的材料形式：{mat.form}", *where, "form")
            if mat.media not in rules.MATERIAL_MEDIA:
                bad(errors.INVALID, f"未知的材料载体：{mat.media}", *where, "media")
            if mat.necessity not in rules.NECESSITIES:
                bad(errors.INVALID, f"未知的必要性：{mat.necessity}", *where, "necessity")
            if not 0 <= mat.copies <= 20:
                bad(errors.INVALID, "份数应在 0 到 20 之间", *where, "copies")
            if mat.standard_code is not None and not STANDARD_CODE.match(mat.standard_code):
                bad(errors.INVALID, f"标准材料编码“{mat.standard_code}”应为 2 到 8 位大写字母", *where, "standardCode")
        if for_publish and not sit.materials:
            bad(errors.NO_MATERIALS, f"办理情形“{sit.name}”没有申请材料，不能发布", "situations", i, "materials")
    if for_publish and not content.situations:
        bad(errors.NO_SITUATIONS, "事项至少需要一个办理情形才能发布", "situations")
    problems += validate_definitions(content.form_fields, prefix=("formFields",))
    problems += _validate_decision(content, for_publish=for_publish)
    return problems


def review_steps(steps: list[str]) -> list[str]:
    """The back-office steps a case goes through: the listed ones, or the single default step."""
    return list(steps) or list(rules.DEFAULT_REVIEW_STEPS)


def default_instant_rule(basic_code: str) -> dict[str, Any]:
    """The rule an instant item gets when its seed names none: every condition, version 1."""
    return {"code": f"instant-{basic_code}", "version": 1, "conditions": list(rules.INSTANT_CONDITIONS)}


def _validate_decision(content: ItemContent, *, for_publish: bool) -> list[DomainError]:
    """Review steps, the licence an approval issues and the instant rule."""
    problems: list[DomainError] = []

    def bad(message: str, *path: str | int) -> None:
        problems.append(DomainError(errors.INVALID, message, [str(p) for p in path]))

    steps = content.review_steps
    if not isinstance(steps, list):
        bad("审查环节应为列表", "reviewSteps")
    else:
        if len(steps) > rules.MAX_REVIEW_STEPS:
            bad(f"审查环节最多 {rules.MAX_REVIEW_STEPS} 个", "reviewSteps")
        seen: set[str] = set()
        for i, step in enumerate(steps):
            if not isinstance(step, str) or not step.strip():
                bad(f"第 {i + 1} 个审查环节的名称不能为空", "reviewSteps", i)
            elif len(step) > 32:
                bad(f"审查环节“{step[:32]}…”的名称不能超过 32 个字符", "reviewSteps", i)
            elif step in seen:
                bad(f"审查环节“{step}”重复", "reviewSteps", i)
            else:
                seen.add(step)
    licence = content.result_licence
    if licence is not None:
        if not isinstance(licence, str) or not licence.strip():
            bad("办理结果证照名称不能为空（不出证照请留空）", "resultLicence")
        elif len(licence) > 64:
            bad("办理结果证照名称不能超过 64 个字符", "resultLicence")
    rule = content.instant_rule
    if rule is not None:
        if not content.instant:
            bad("只有即办件可以设置秒批规则", "instantRule")
        if not isinstance(rule, dict):
            bad("秒批规则应为对象", "instantRule")
        else:
            for extra in sorted(set(rule) - {"code", "version", "conditions"}):
                bad(f"秒批规则有未知的属性“{extra}”", "instantRule", extra)
            code = rule.get("code")
            if not isinstance(code, str) or not code.strip():
                bad("秒批规则编码不能为空", "instantRule", "code")
            elif len(code) > 48:
                bad("秒批规则编码不能超过 48 个字符", "instantRule", "code")
            version = rule.get("version")
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                bad("秒批规则版本应为不小于 1 的整数", "instantRule", "version")
            conditions = rule.get("conditions")
            if not isinstance(conditions, list) or not conditions:
                bad("秒批规则至少需要一个条件", "instantRule", "conditions")
            else:
                for i, c in enumerate(conditions):
                    if c not in rules.INSTANT_CONDITIONS:
                        bad(f"未知的秒批条件：{c}", "instantRule", "conditions", i)
                if len(set(map(str, conditions))) != len(conditions):
                    bad("秒批条件有重复", "instantRule", "conditions")
    elif content.instant and for_publish:
        bad("即办件须设置秒批规则才能发布", "instantRule")
    return problems
