"""Request errors in Chinese, with codes, and without suggestions in production (issue 15).

graphql-core and Strawberry answer a refused document in English and without a code: the depth,
alias and token limits, disabled introspection, a malformed global ID or date. :func:`translate`
turns those into Chinese messages with a code; every other parse or validation error keeps its
text behind a Chinese lead and gets ``GRAPHQL_PARSE_FAILED`` or ``GRAPHQL_VALIDATION_FAILED``.

In production no message says "Did you mean …": graphql-core suggests field, argument, type,
enum value and input field names from the schema (Strawberry's ``disable_field_suggestions`` covers
fields only), which tells an anonymous caller what exists. Those sentences are removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
INVALID_ID = "INVALID_ID"
INVALID_DATE = "INVALID_DATE"
INVALID_DATETIME = "INVALID_DATETIME"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"

SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")
VARIABLE = re.compile(r"^Variable '\$(?P<var>[^']+)' (?:has|got) invalid value(?: at (?P<at>\[[^\]]*\]|\S+))?(?::|[^;]*;)\s*")

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str], str]
RULES: list[_Rule] = [
    (re.compile(r"^'.*' exceeds maximum operation depth of (\d+)$"),
     lambda m: f"查询嵌套过深：最多 {m[1]} 层", QUERY_TOO_DEEP),
    (re.compile(r"^(\d+) aliases found\. Allowed: (\d+)$"),
     lambda m: f"别名过多：查询中有 {m[1]} 个别名，最多 {m[2]} 个", TOO_MANY_ALIASES),
    (re.compile(r"^Syntax Error: Document contains more than (\d+) tokens\. Parsing aborted\.$"),
     lambda m: f"查询过长：最多 {m[1]} 个记号（token）", TOO_MANY_TOKENS),
    (re.compile(r"^GraphQL introspection has been disabled, but the requested query contained the field '(.+)'\.$"),
     lambda m: f"生产环境不提供内省查询（{m[1]}）：请使用仓库中的 schema/schema.graphql", INTROSPECTION_DISABLED),
    (re.compile(r"^Value cannot represent a GlobalID: (.*?)\.?$"),
     lambda m: f"全局 ID 格式不正确：{_short(m[1])}（应为查询结果中的 id 原样传回）", INVALID_ID),
    (re.compile(r"^(?:Value cannot represent a Date|Invalid isoformat string)[:]? ?(\"[^\"]*\"|'[^']*')?.*$"),
     lambda m: f"日期不正确：{_short(m[1] or '')}（应为 YYYY-MM-DD 格式的有效日期，如 2026-01-05）", INVALID_DATE),
    (re.compile(r"^Value cannot represent a DateTime: ?(\"[^\"]*\"|'[^']*')?.*$"),
     lambda m: f"时间不正确：{_short(m[1] or '')}（应为带时区的 ISO 8601 时间）", INVALID_DATETIME),
]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def translate(error: dict[str, Any], *, production: bool) -> dict[str, Any]:
    """A formatted request or field error from graphql-core or Strawberry, in Chinese with a code
    (a field error, one with a ``path``, keeps its text unless a rule knows it)."""
    message = str(error.get("message", ""))
    if production:
        message = SUGGESTION.sub("", message)
    extensions = dict(error.get("extensions") or {})
    prefix = ""
    inner = message
    variable = VARIABLE.match(message)
    if variable is not None:
        at = f"（位置 {variable['at']}）" if variable["at"] else ""
        prefix = f"变量 ${variable['var']}{at} 的值不正确："
        inner = message[variable.end():]
    for pattern, text, code in RULES:
        found = pattern.match(inner)
        if found is not None:
            message = prefix + text(found)
            extensions.setdefault("code", code)
            break
    else:
        if "code" not in extensions and not error.get("path"):
            if message.startswith("Syntax Error"):
                message, code = f"查询语法错误：{message.removeprefix('Syntax Error: ')}", PARSE_FAILED
            else:
                message, code = f"查询不合法：{message}", VALIDATION_FAILED
            extensions["code"] = code
    out = {**error, "message": message}
    if extensions:
        out["extensions"] = extensions
    return out
