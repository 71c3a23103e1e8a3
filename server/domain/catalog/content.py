"""What an item version says, as plain data, and its validation.

The seed loader and the catalogue mutations both write versions from an :class:`ItemContent`,
so they share one validation and one way of computing the search columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from server.domain.catalog import errors, rules
from server.domain.catalog.search import search_columns
from server.domain.errors import DomainError


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
    guide: dict[str, Any] = field(default_factory=dict)
    form_fields: list[dict[str, Any]] = field(default_factory=list)
    review_steps: list[str] = field(default_factory=list)
    result_licence: str | None = None
    instant_rule: dict[str, Any] | None = None
    situations: list[SituationSpec] = field(default_factory=list)


VERSION_FIELDS = (
    "name", "item_type", "legal_basis", "exercise_levels", "acceptance_conditions", "service_objects",
    "statutory_limit", "statutory_unit", "committed_limit", "committed_unit", "fees", "max_visits",
    "online", "instant", "high_frequency", "keywords", "guide", "form_fields", "review_steps", "result_licence",
    "instant_rule",
)  # fmt: skip
MATERIAL_FIELDS = (
    "name", "form", "copies", "media", "necessity", "sample_text", "review_points", "elicence",
    "shared_data", "source",
)  # fmt: skip


def version_row(content: ItemContent) -> dict[str, Any]:
    """Column values of an ItemVersion for this content, search columns included."""
    row = {f: getattr(content, f) for f in VERSION_FIELDS}
    guide = content.guide or {}
    texts = [content.acceptance_conditions, *(s.name for s in content.situations)]
    texts += [str(step) for step in guide.get("process", [])]
    texts += [f"{qa.get('q', '')} {qa.get('a', '')}" for qa in guide.get("faq", [])]
    row.update(search_columns(name=content.name, keywords=content.keywords, texts=texts))
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
        if for_publish and not sit.materials:
            bad(errors.NO_MATERIALS, f"办理情形“{sit.name}”没有申请材料，不能发布", "situations", i, "materials")
    if for_publish and not content.situations:
        bad(errors.NO_SITUATIONS, "事项至少需要一个办理情形才能发布", "situations")
    return problems
