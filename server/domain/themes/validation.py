"""Checks of a theme against the catalogue, when a draft is saved or published.

Every problem at once, in Chinese, each with a code and the input path it concerns: departments
exist; every item names exactly one implementation that is active, published and open to the
theme's audience; the situations it names exist; and every answer path (every combination of
answers) gives a non-empty bundle whose merged form has no conflicting fields.
"""

from __future__ import annotations

from dataclasses import replace

from server.domain.catalog import rules as catalog_rules
from server.domain.catalog.models import Department
from server.domain.errors import DomainError
from server.domain.exchange.models import PARTNER_KINDS
from server.domain.themes import errors, rules
from server.domain.themes.content import ThemeContent, answer_paths, describe_answers, validate
from server.domain.themes.resolve import Catalogue, build, load_catalogue


def _where(s: int, i: int, *more: str | int) -> list[str]:
    return ["stages", str(s), "items", str(i), *(str(m) for m in more)]


async def check(content: ThemeContent) -> tuple[ThemeContent, list[DomainError]]:
    """The content with each item pinned to its implementing department (an item given by region
    gets the department of that region's implementation), and every problem found."""
    problems = validate(content)
    if problems:  # the shape first: the catalogue checks assume it
        return content, problems
    departments = {content.lead_department, *content.cooperating_departments}
    departments |= {st["lead_department"] for st in content.stages if st.get("lead_department")}
    known = set(await Department.filter(code__in=sorted(departments)).values_list("code", flat=True))
    if content.lead_department not in known:
        problems.append(DomainError(errors.UNKNOWN_DEPARTMENT, f"牵头部门 {content.lead_department} 不存在", ["leadDepartment"]))
    for i, code in enumerate(content.cooperating_departments):
        if code not in known:
            problems.append(DomainError(errors.UNKNOWN_DEPARTMENT, f"配合部门 {code} 不存在", ["cooperatingDepartments", str(i)]))
    for s, stage in enumerate(content.stages):
        if stage.get("lead_department") and stage["lead_department"] not in known:
            problems.append(DomainError(
                errors.UNKNOWN_DEPARTMENT, f"阶段牵头部门 {stage['lead_department']} 不存在", ["stages", str(s), "leadDepartment"]
            ))

    catalogue = await load_catalogue(ref for _, _, ref in content.items())
    content, item_problems = _pin_items(content, catalogue)
    problems += item_problems
    if item_problems:
        return content, problems  # paths over missing items would only repeat these
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for answers in answer_paths(content.questions):
        bundle = build(content, answers, catalogue)
        if not bundle.items:
            problems.append(DomainError(
                errors.EMPTY_BUNDLE, f"按以下回答没有适用的事项：{describe_answers(content.questions, answers)}",
                ["questions"],
            ))
        for p in bundle.problems:
            key = (p.code, p.message, tuple(p.field or []))
            if key not in seen:
                seen.add(key)
                problems.append(p)
    return content, problems


def _pin_items(content: ThemeContent, catalogue: Catalogue) -> tuple[ThemeContent, list[DomainError]]:
    problems: list[DomainError] = []
    allowed = rules.AUDIENCE_OBJECTS[content.audience]
    if content.founds_entity:  # the founders apply before the enterprise exists (个体工商户 too)
        allowed = allowed | {"natural_person"}
    audience = rules.AUDIENCES[content.audience]
    stages = []
    for s, stage in enumerate(content.stages):
        items = []
        for i, ref in enumerate(stage["items"]):
            found = catalogue.find(ref)
            where = _where(s, i)
            if not found:
                place = f"部门 {ref['department']}" if ref.get("department") else f"区划 {ref['region']}"
                problems.append(DomainError(
                    errors.UNKNOWN_ITEM, f"{place}没有基本编码为 {ref['basic_code']} 的事项", [*where, "basicCode"]
                ))
                items.append(ref)
                continue
            if len(found) > 1:
                depts = "、".join(f.department_id for f in found)
                problems.append(DomainError(
                    errors.UNKNOWN_ITEM, f"区划 {ref['region']} 有多个部门实施 {ref['basic_code']}（{depts}），请指定部门",
                    [*where, "department"],
                ))
                items.append(ref)
                continue
            item = found[0]
            ref = {**ref, "department": item.department_id, "region": None}
            items.append(ref)
            if ref.get("partner_kind") and ref["partner_kind"] not in PARTNER_KINDS:
                kinds = "、".join(f"{k.value}（{v}）" for k, v in PARTNER_KINDS.items())
                problems.append(DomainError(
                    errors.INVALID, f"合作单位类别“{ref['partner_kind']}”不存在，可选：{kinds}", [*where, "partnerKind"]
                ))
            version = catalogue.versions.get(item.published_version_id or -1)
            if item.status != "active" or version is None:
                state = catalog_rules.ITEM_STATUSES.get(item.status, item.status)
                problems.append(DomainError(
                    errors.ITEM_UNAVAILABLE,
                    f"事项 {ref['basic_code']}（{item.department_id}）当前为“{state}”{'' if version else '、未发布'}，不能纳入主题",
                    [*where, "basicCode"],
                ))
                continue
            if not allowed & set(version.service_objects or []):
                objects = "、".join(catalog_rules.SERVICE_OBJECTS.get(o, o) for o in version.service_objects or [])
                problems.append(DomainError(
                    errors.AUDIENCE_MISMATCH,
                    f"事项“{version.name}”的服务对象为{objects or '（未填写）'}，{audience}不能申请", [*where, "basicCode"],
                ))
            own = {x.name for x in catalogue.situations.get(version.id, [])}
            for j, sit in enumerate(ref["situations"]):
                if sit["name"] not in own:
                    problems.append(DomainError(
                        errors.UNKNOWN_SITUATION, f"事项“{version.name}”没有办理情形“{sit['name']}”",
                        [*where, "situations", str(j), "name"],
                    ))
            if not ref["situations"] and len(own) != 1:
                problems.append(DomainError(
                    errors.UNKNOWN_SITUATION,
                    f"事项“{version.name}”有 {len(own)} 个办理情形（{'、'.join(sorted(own))}），须指明适用哪些",
                    [*where, "situations"],
                ))
        stages.append({**stage, "items": items})
    return replace(content, stages=stages), problems
