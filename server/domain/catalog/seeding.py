"""Load the catalogue under ``seeds/`` idempotently.

Places (regions, departments, halls, windows) are upserted by their codes. An item is created and
published the first time; when its seed text changes later, the change is published as a new
version ("种子数据更新"), so cases keep the version they pinned. Running it twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from tortoise.transactions import in_transaction

from server import clock
from server.domain.catalog import rules
from server.domain.catalog.content import (
    STANDARD_CODE,
    ItemContent,
    MaterialSpec,
    SituationSpec,
    default_instant_rule,
    validate,
)
from server.domain.catalog.forms import normalise_definitions
from server.domain.catalog.models import (
    Department,
    Hall,
    ItemVersion,
    Region,
    ServiceItem,
    StandardMaterial,
    Window,
)
from server.domain.catalog.service import _write_version, implementation_code

Progress = Callable[[str], None]
_TYPE_CODES = {v: k for k, v in rules.ITEM_TYPES.items()}
_OBJECT_CODES = {v: k for k, v in rules.SERVICE_OBJECTS.items()}


class SeedError(Exception):
    """The seed data itself is wrong: the message names the file and the entry."""


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


async def load_places(seeds: Path, progress: Progress) -> dict[str, int]:
    regions = _read(seeds / "regions.yaml")
    by_code = {str(r["code"]): r for r in regions}

    def path_of(code: str) -> str:
        parts: list[str] = []
        seen: set[str] = set()
        while code:
            if code in seen:
                raise SeedError(f"regions.yaml: 区划 {code} 的上级形成了环")
            seen.add(code)
            parts.append(code)
            parent = by_code[code].get("parent")
            code = str(parent) if parent else ""
        return "/" + "/".join(reversed(parts)) + "/"

    # parents first, successors after everyone exists
    async with in_transaction():
        for code in sorted(by_code, key=lambda c: path_of(c).count("/")):
            r = by_code[code]
            await Region.update_or_create(
                code=code,
                defaults={
                    "name": r["name"], "level": str(r["level"]), "kind": r.get("kind", "gb2260"),
                    "parent_id": str(r["parent"]) if r.get("parent") else None, "path": path_of(code),
                    "valid_from": _date(r.get("valid_from")), "valid_to": _date(r.get("valid_to")),
                },
            )
        for code, r in by_code.items():
            if r.get("successor"):
                await Region.filter(code=code).update(successor_id=str(r["successor"]))
    progress(f"区划 {len(by_code)} 个")

    departments = _read(seeds / "departments.yaml")
    async with in_transaction():
        for d in departments:
            if str(d["region"]) not in by_code:
                raise SeedError(f"departments.yaml: 部门 {d['code']} 的区划 {d['region']} 不存在")
            await Department.update_or_create(
                code=d["code"],
                defaults={
                    "name": d["name"], "short_name": d.get("short_name") or d["name"],
                    "kind": d.get("kind", "government"), "credit_code": d.get("credit_code"),
                    "region_id": str(d["region"]),
                },
            )
    progress(f"部门 {len(departments)} 个")

    halls = _read(seeds / "halls.yaml")
    windows = 0
    async with in_transaction():
        for h in halls:
            await Hall.update_or_create(
                code=h["code"],
                defaults={
                    "name": h["name"], "region_id": str(h["region"]), "address": h.get("address", ""),
                    "hours": h.get("hours", ""), "phone": str(h.get("phone", "")),
                },
            )
            for w in h.get("windows", []):
                windows += 1
                await Window.update_or_create(
                    hall_id=h["code"], number=str(w["number"]),
                    defaults={"name": w["name"], "kind": w.get("kind", "comprehensive"),
                              "department_codes": list(w.get("departments") or [])},
                )
    progress(f"大厅 {len(halls)} 个，窗口 {windows} 个")
    return {"regions": len(by_code), "departments": len(departments), "halls": len(halls), "windows": windows}


async def load_standard_materials(seeds: Path, progress: Progress) -> set[str]:
    """``materials.yaml``: the standard materials (材料互认) item materials point to with ``code:``.
    Upserted by code; returns the codes."""
    rows = _read(seeds / "materials.yaml") or []
    codes: set[str] = set()
    async with in_transaction():
        for i, m in enumerate(rows):
            code = str(m.get("code") or "")
            if not STANDARD_CODE.match(code) or code in codes:
                raise SeedError(f"materials.yaml 第 {i + 1} 项：编码 {code!r} 应为 2 到 8 位大写字母且不重复")
            codes.add(code)
            values: dict[str, Any] = {
                "name": str(m["name"]), "elicence": m.get("elicence") or None,
                "generated": bool(m.get("generated", False)), "note": str(m.get("note") or "").strip(),
            }
            current = await StandardMaterial.get_or_none(code=code)
            if current is None:
                await StandardMaterial.create(code=code, **values)
            elif any(getattr(current, k) != v for k, v in values.items()):
                await StandardMaterial.filter(code=code).update(**values)
    progress(f"标准材料 {len(codes)} 种")
    return codes


def content_from_seed(
    entry: dict[str, Any], where: str, standard_codes: set[str] | frozenset[str] | None = None
) -> ItemContent:
    """The content of one seed entry. ``form_fields`` entries may leave out defaults (type text, not
    required); an ``instant: true`` entry without ``instant_rule`` gets
    ``{code: instant-<basic_code>, version: 1, conditions: [every condition]}``. A material's
    ``code:`` names its standard material (checked against ``standard_codes`` when given)."""
    try:
        item_type = _TYPE_CODES[entry["item_type"]]
        objects = [_OBJECT_CODES[o] for o in entry.get("service_objects") or []]
    except KeyError as exc:
        raise SeedError(f"{where}: 未知的取值 {exc}") from None
    guide = dict(entry.get("guide") or {})
    content = ItemContent(
        name=entry["name"],
        item_type=item_type,
        legal_basis=(entry.get("legal_basis") or "").strip(),
        exercise_levels=[str(x) for x in entry.get("exercise_levels") or []],
        acceptance_conditions=(entry.get("acceptance_conditions") or "").strip(),
        service_objects=objects,
        statutory_limit=int(entry["statutory_limit"]["value"]),
        statutory_unit=entry["statutory_limit"]["unit"],
        committed_limit=int(entry["committed_limit"]["value"]),
        committed_unit=entry["committed_limit"]["unit"],
        fees=[{k: str(v) for k, v in f.items()} for f in entry.get("fees") or []],
        max_visits=int(entry.get("max_visits", 1)),
        online=bool(entry.get("online", False)),
        instant=bool(entry.get("instant", False)),
        high_frequency=bool(entry.get("high_frequency", False)),
        keywords=[str(k) for k in entry.get("keywords") or []],
        aliases=[str(a).strip() for a in entry.get("aliases") or [] if str(a).strip()],
        guide=guide,
        form_fields=normalise_definitions(entry.get("form_fields") or []),
        review_steps=[str(x).strip() for x in entry.get("review_steps") or []],
        result_licence=str(entry["result_licence"]).strip() if entry.get("result_licence") else None,
        instant_rule=_instant_rule(entry),
        situations=[
            SituationSpec(
                name=s["name"],
                conditions=(s.get("conditions") or "").strip(),
                materials=[
                    MaterialSpec(
                        name=m["name"], form=m.get("form", "original"), copies=int(m.get("copies", 1)),
                        media=m.get("media", "paper_or_electronic"), necessity=m.get("necessity", "required"),
                        sample_text=(m.get("sample_text") or "").strip(),
                        review_points=(m.get("review_points") or "").strip(),
                        elicence=m.get("elicence") or None, shared_data=bool(m.get("shared_data", False)),
                        source=m.get("source") or "申请人自备", standard_code=m.get("code") or None,
                    )
                    for m in s.get("materials") or []
                ],
            )
            for s in entry.get("situations") or []
        ],
    )
    problems = [p.message for p in validate(content, for_publish=True)]
    if standard_codes is not None:
        problems += [
            f"材料“{m.name}”的标准材料编码 {m.standard_code} 不在 materials.yaml 中"
            for s in content.situations for m in s.materials
            if m.standard_code is not None and m.standard_code not in standard_codes
        ]
    if problems:
        raise SeedError(f"{where}: " + "；".join(problems))
    return content


def _instant_rule(entry: dict[str, Any]) -> dict[str, Any] | None:
    rule = entry.get("instant_rule")
    if rule is None and entry.get("instant"):
        return default_instant_rule(str(entry["basic_code"]))
    if isinstance(rule, dict):
        rule = dict(rule)
        rule.setdefault("version", 1)
        if rule.get("conditions") is None:
            rule["conditions"] = list(rules.INSTANT_CONDITIONS)
    return rule


def _hash(basic_code: str, content: ItemContent) -> str:
    data = asdict(content)
    for situation in data["situations"]:
        for material in situation["materials"]:
            if material["standard_code"] is None:  # untagged materials hash as before the code existed
                del material["standard_code"]
    blob = json.dumps([basic_code, data], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


async def load_items(seeds: Path, progress: Progress) -> dict[str, int]:
    standard_codes = await load_standard_materials(seeds, progress)
    files = sorted((seeds / "items").glob("*.yaml"))
    entries: list[tuple[str, dict[str, Any]]] = []
    for f in files:
        for i, e in enumerate((_read(f) or {}).get("items") or []):
            entries.append((f"{f.name} 第 {i + 1} 项（{e.get('name', '?')}）", e))
    departments = {d.code: d for d in await Department.all().select_related("region")}
    existing = {(i.basic_code, i.department_id): i for i in await ServiceItem.all()}
    seen: set[tuple[str, str]] = set()
    created = updated = unchanged = 0
    now = clock.utcnow()
    for n, (where, e) in enumerate(entries, 1):
        basic_code, dept_code = str(e["basic_code"]), e["department"]
        if len(basic_code) != rules.BASIC_CODE_LENGTH or not basic_code.isdigit():
            raise SeedError(f"{where}: 基本编码应为 12 位数字，实为 {basic_code!r}")
        department = departments.get(dept_code)
        if department is None:
            raise SeedError(f"{where}: 部门 {dept_code} 不存在")
        if (basic_code, dept_code) in seen:
            raise SeedError(f"{where}: 部门 {dept_code} 重复定义基本编码 {basic_code}")
        seen.add((basic_code, dept_code))
        content = content_from_seed(e, where, standard_codes)
        digest = _hash(basic_code, content)
        item = existing.get((basic_code, dept_code))
        if item is not None and item.seed_hash == digest:
            unchanged += 1
        else:
            async with in_transaction() as conn:
                if item is None:
                    item = await ServiceItem.create(
                        basic_code=basic_code,
                        implementation_code=implementation_code(basic_code=basic_code, department_code=dept_code),
                        department=department, region=department.region, region_path=department.region.path,
                        level=department.region.level, status="active", seed_hash=digest, using_db=conn,
                    )
                    number, note, kind = 1, "", "add"
                    created += 1
                else:
                    await ItemVersion.filter(item_id=item.id, status="published").using_db(conn).update(
                        status="superseded", is_current=False
                    )
                    number = await ItemVersion.filter(item_id=item.id).using_db(conn).count() + 1
                    note, kind = "种子数据更新", "change"
                    updated += 1
                version = await _write_version(
                    item=item, number=number, content=content, status="published", is_current=True,
                    actor=None, change_kind=kind, change_note=note, conn=conn,
                )
                await ItemVersion.filter(id=version.id).using_db(conn).update(published_at=now)
                await ServiceItem.filter(id=item.id).using_db(conn).update(
                    published_version_id=version.id, seed_hash=digest, row_version=item.row_version + 1
                )
        if n % 25 == 0 or n == len(entries):
            progress(f"事项 {n}/{len(entries)}（新增 {created}，更新 {updated}，未变 {unchanged}）")
    from server.domain.catalog.finder import INDEX

    INDEX.invalidate()  # 聊易找 in this process sees the seeded catalogue at once
    return {"items": len(entries), "created": created, "updated": updated, "unchanged": unchanged}
