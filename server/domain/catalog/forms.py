"""The application form of an item version: its field definitions, and checking what was filled in.

A definition is a dict ``{key, label, type, required, options, max_length, min, max, help}``
(see :data:`rules.FORM_FIELD_TYPES`). :func:`normalise_definitions` gives every definition all its
keys, :func:`validate_definitions` checks them for catalogue editing, and :func:`validate_form`
checks an applicant's data against them, reporting every problem at once with the label in the
message, as the window clerk and the applicant read it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from server.domain.accounts.identifiers import (
    check_credit_code,
    check_phone,
    mask_id_number,
    mask_name,
    mask_phone,
    parse_id_number,
)
from server.domain.catalog import errors, rules
from server.domain.errors import DomainError

KEY_PATTERN = re.compile(r"^[a-z][a-zA-Z0-9_]{0,31}$")
DEFINITION_KEYS = ("key", "label", "type", "required", "options", "max_length", "min", "max", "help")
LABEL_MAX = 32
HELP_MAX = 200
OPTION_MAX = 64
MAX_OPTIONS = 50
# the longest text accepted when a definition sets no max_length (and the most it may set)
DEFAULT_MAX_LENGTH = {"text": 200, "textarea": 2000, "person_name": 32, "address": 200}
MAX_LENGTH_CAP = {"text": 500, "textarea": 10000, "person_name": 64, "address": 500}
TEXT_TYPES = ("text", "textarea", "person_name", "address")


def normalise_definition(raw: Mapping[str, Any]) -> dict[str, Any]:
    """All the keys of a definition, with defaults for those left out (unknown keys are kept, so
    that :func:`validate_definitions` can refuse them)."""
    out: dict[str, Any] = {
        "key": raw.get("key"), "label": raw.get("label"), "type": raw.get("type", "text"),
        "required": raw.get("required", False),
        "options": [] if raw.get("options") is None else raw.get("options"),
        "max_length": raw.get("max_length"), "min": raw.get("min"), "max": raw.get("max"),
        "help": raw.get("help") or "",
    }
    for k, v in raw.items():
        if k not in out:
            out[k] = v
    return out


def normalise_definitions(fields: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [normalise_definition(f) if isinstance(f, Mapping) else f for f in fields]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def validate_definitions(
    fields: Sequence[Any], *, prefix: tuple[str, ...] = ("formFields",)
) -> list[DomainError]:
    """Every problem of a list of field definitions (for catalogue editing and the seed loader)."""
    problems: list[DomainError] = []

    def bad(message: str, *path: str | int) -> None:
        problems.append(DomainError(errors.INVALID, message, [*prefix, *(str(p) for p in path)]))

    if not isinstance(fields, (list, tuple)):
        bad("表单项应为列表")
        return problems
    if len(fields) > rules.MAX_FORM_FIELDS:
        bad(f"表单项最多 {rules.MAX_FORM_FIELDS} 个")
    seen: set[str] = set()
    for i, raw in enumerate(fields):
        if not isinstance(raw, Mapping):
            bad("表单项定义应为对象", i)
            continue
        f = normalise_definition(raw)
        name = f"第 {i + 1} 个表单项"
        for extra in sorted(set(f) - set(DEFINITION_KEYS)):
            bad(f"{name}有未知的属性“{extra}”", i, extra)
        key, label, ftype = f["key"], f["label"], f["type"]
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            bad(f"{name}的标识应以小写字母开头，只含字母、数字和下划线，不超过 32 个字符", i, "key")
        elif key in seen:
            bad(f"表单项标识“{key}”重复", i, "key")
        else:
            seen.add(key)
        if not isinstance(label, str) or not label.strip():
            bad(f"{name}的名称不能为空", i, "label")
        elif len(label) > LABEL_MAX:
            bad(f"{name}的名称不能超过 {LABEL_MAX} 个字符", i, "label")
        else:
            name = f"表单项“{label}”"
        if ftype not in rules.FORM_FIELD_TYPES:
            bad(f"{name}的类型“{ftype}”未知", i, "type")
        if not isinstance(f["required"], bool):
            bad(f"{name}的“必填”应为是或否", i, "required")
        options = f["options"]
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            bad(f"{name}的选项应为文字列表", i, "options")
        elif ftype == "select":
            cleaned = [o.strip() for o in options]
            if not cleaned:
                bad(f"{name}是单选项，至少需要一个选项", i, "options")
            elif len(cleaned) > MAX_OPTIONS:
                bad(f"{name}的选项最多 {MAX_OPTIONS} 个", i, "options")
            if any(not o for o in cleaned):
                bad(f"{name}的选项不能为空", i, "options")
            elif any(len(o) > OPTION_MAX for o in cleaned):
                bad(f"{name}的选项不能超过 {OPTION_MAX} 个字符", i, "options")
            if len(set(cleaned)) != len(cleaned):
                bad(f"{name}的选项有重复", i, "options")
        elif options:
            bad(f"只有单选项可以设置选项（{name}不是单选）", i, "options")
        max_length = f["max_length"]
        if max_length is not None:
            cap = MAX_LENGTH_CAP.get(ftype)
            if cap is None:
                bad(f"只有文本项可以设置最大长度（{name}不是文本）", i, "maxLength")
            elif not isinstance(max_length, int) or isinstance(max_length, bool) or not 1 <= max_length <= cap:
                bad(f"{name}的最大长度应在 1 到 {cap} 之间", i, "maxLength")
        lo, hi = f["min"], f["max"]
        for bound, value in (("min", lo), ("max", hi)):
            if value is None:
                continue
            if ftype != "number":
                bad(f"只有数字项可以设置最小值和最大值（{name}不是数字）", i, bound)
            elif not _is_number(value):
                bad(f"{name}的{'最小值' if bound == 'min' else '最大值'}应为数字", i, bound)
        if ftype == "number" and _is_number(lo) and _is_number(hi) and lo > hi:
            bad(f"{name}的最小值不能大于最大值", i, "min")
        if not isinstance(f["help"], str):
            bad(f"{name}的填写说明应为文字", i, "help")
        elif len(f["help"]) > HELP_MAX:
            bad(f"{name}的填写说明不能超过 {HELP_MAX} 个字符", i, "help")
    return problems


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: Any) -> int | float | None:
    if _is_number(value):
        return value
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            parsed = float(text)
            return int(parsed) if parsed.is_integer() and "." not in text else parsed
    return None


def _fmt(n: int | float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                return None
    return None


def validate_form(
    fields: Sequence[Mapping[str, Any]],
    data: Mapping[str, Any] | Any,
    *,
    prefix: tuple[str, ...] = ("formData",),
    credit_code_exceptions: set[str] | frozenset[str] = frozenset(),
) -> tuple[dict[str, Any], list[DomainError]]:
    """The cleaned form data (declared keys only, each value in its canonical form; empty optional
    fields are left out) and every problem at once, each pointing at ``[*prefix, key]``."""
    problems: list[DomainError] = []
    cleaned: dict[str, Any] = {}

    def bad(key: str, message: str) -> None:
        problems.append(DomainError(errors.INVALID_FORM, message, [*prefix, key]))

    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        return {}, [DomainError(errors.INVALID_FORM, "表单数据应为对象（键为表单项标识）", list(prefix))]
    defs = normalise_definitions(fields)
    declared = {f["key"] for f in defs}
    for key in data:
        if key not in declared:
            bad(str(key), f"表单中没有“{key}”这一项")
    for f in defs:
        key, label, ftype = f["key"], f["label"], f["type"]
        value = data.get(key)
        if _empty(value):
            if f["required"]:
                bad(key, f"请选择“{label}”" if ftype in ("select", "boolean") else f"请填写“{label}”")
            continue
        if ftype in TEXT_TYPES:
            if not isinstance(value, str):
                bad(key, f"“{label}”须为文字")
                continue
            text = value.strip() if ftype != "textarea" else value.strip("\n ")
            limit = f["max_length"] or DEFAULT_MAX_LENGTH[ftype]
            if ftype != "textarea" and ("\n" in text or "\r" in text):
                bad(key, f"“{label}”不能换行")
            elif len(text) > limit:
                bad(key, f"“{label}”不能超过 {limit} 个字符")
            else:
                cleaned[key] = text
        elif ftype == "number":
            n = _number(value)
            if n is None:
                bad(key, f"“{label}”须为数字")
            elif f["min"] is not None and n < f["min"]:
                bad(key, f"“{label}”不能小于 {_fmt(f['min'])}")
            elif f["max"] is not None and n > f["max"]:
                bad(key, f"“{label}”不能大于 {_fmt(f['max'])}")
            else:
                cleaned[key] = n
        elif ftype == "date":
            d = _date(value)
            if d is None:
                bad(key, f"“{label}”不是有效日期（格式如 2024-05-01）")
            else:
                cleaned[key] = d.isoformat()
        elif ftype == "select":
            options = f["options"]
            choice = value.strip() if isinstance(value, str) else value
            if choice not in options:
                bad(key, f"“{label}”只能选择：{'、'.join(options)}")
            else:
                cleaned[key] = choice
        elif ftype == "boolean":
            if not isinstance(value, bool):
                bad(key, f"“{label}”只能选择是或否")
            else:
                cleaned[key] = value
        elif ftype in ("id_number", "phone", "credit_code"):
            if not isinstance(value, str):
                bad(key, f"“{label}”须为文字")
                continue
            try:
                if ftype == "id_number":
                    cleaned[key] = parse_id_number(value, key).number
                elif ftype == "phone":
                    cleaned[key] = check_phone(value, key)
                else:
                    cleaned[key] = check_credit_code(value, exceptions=credit_code_exceptions, field=key)
            except DomainError as e:
                bad(key, f"“{label}”有误：{e.message}")
        else:  # an unknown type in a stored definition: refuse the value rather than pass it through
            bad(key, f"“{label}”的类型“{ftype}”未知，无法填写")
    return cleaned, problems


# --- personal data in filled-in forms ----------------------------------------------------------------


def personal_fields(fields: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The keys of the definitions that hold personal data (their type says so), with their labels."""
    out: dict[str, str] = {}
    for f in fields:
        if isinstance(f, Mapping) and f.get("type") in rules.PERSONAL_FORM_FIELD_TYPES and isinstance(f.get("key"), str):
            out.setdefault(f["key"], str(f.get("label") or f["key"]))
    return out


def mask_address(address: str | None) -> str | None:
    """聊城市东昌府区****: the first six characters (city and district, as a list shows them) stay."""
    if not address:
        return address
    keep = min(6, max(len(address) // 2, 1))
    return address[:keep] + "*" * 4


def mask_value(ftype: str, value: Any) -> Any:
    """A personal form value as a list shows it; values of other types are returned as they are."""
    if ftype not in rules.PERSONAL_FORM_FIELD_TYPES or value is None:
        return value
    text = str(value)
    if ftype == "id_number":
        return mask_id_number(text) if len(text) > 8 else "*" * len(text)
    if ftype == "phone":
        return mask_phone(text) if len(text) > 7 else "*" * len(text)
    if ftype == "person_name":
        return mask_name(text)
    return mask_address(text)


def mask_form(fields: Iterable[Mapping[str, Any]], data: Mapping[str, Any] | None) -> dict[str, Any]:
    """Filled-in form data with every personal field masked (the types of ``fields`` tell which); a
    key no definition declares keeps its value only when it is not personal by any definition."""
    types: dict[str, str] = {}
    for f in fields:
        if isinstance(f, Mapping) and isinstance(f.get("key"), str):
            t = str(f.get("type") or "text")
            if f["key"] not in types or t in rules.PERSONAL_FORM_FIELD_TYPES:
                types[f["key"]] = t
    return {k: mask_value(types.get(k, "text"), v) for k, v in (data or {}).items()}
