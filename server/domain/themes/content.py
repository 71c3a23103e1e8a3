"""What a theme version says, as plain data, and the checks that need no database.

The seed loader and the theme mutations both build a :class:`ThemeContent` from plain dicts
(:func:`content_from_dict`), so they share one normalisation and one validation. The questionnaire's
conditions are a small language (:func:`evaluate`):

- ``{question: q1, in: [yes]}`` — the answer to ``q1`` is one of the values;
- ``{all: [c, …]}`` — every condition holds; ``{any: [c, …]}`` — at least one holds.

Checks that need the catalogue (items exist, are active, fit the audience; every answer path gives
a non-empty bundle; the merged form has no conflicts) are in :mod:`server.domain.themes.validation`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from server.domain.catalog import rules as catalog_rules
from server.domain.catalog.search import search_columns
from server.domain.errors import DomainError
from server.domain.themes import errors, rules

Answers = Mapping[str, str]


@dataclass(slots=True)
class ThemeContent:
    name: str
    audience: str
    life_stage: str
    lead_department: str
    budget_value: int
    budget_unit: str
    cooperating_departments: list[str] = field(default_factory=list)
    founds_entity: bool = False
    max_visits: int = 1
    keywords: list[str] = field(default_factory=list)
    # {summary, conditions, process: [..], notes: [..], faq: [{q, a}], basis}
    guide: dict[str, Any] = field(default_factory=dict)
    # [{key, text, kind, options: [{value, label}], help}]
    questions: list[dict[str, Any]] = field(default_factory=list)
    # [{key, name, lead_department, items: [{key, basic_code, department, situations: [{name, when}],
    #   when, depends_on: [item keys], note, partner_kind}]}] — ``partner_kind``: the applicant chooses
    #   which partner of that kind (a bank, a seal carver) does the item
    stages: list[dict[str, Any]] = field(default_factory=list)
    # time budgets by investment type (工程建设项目审批): {type: {total, main}} in working days — the
    # whole process and the main process (the stages marked ``main``); each stage's share is its
    # ``budgets: {type: days}``. Empty for a theme without investment types.
    budgets: dict[str, Any] = field(default_factory=dict)

    def items(self) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """(stage index, item index, item) in order."""
        for s, stage in enumerate(self.stages):
            for i, item in enumerate(stage.get("items") or []):
                yield s, i, item

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def normalise_condition(raw: Any) -> Any:
    """Strings trimmed, ``in`` values as strings; anything else is kept for validation to refuse."""
    if not isinstance(raw, Mapping):
        return raw
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if k in ("all", "any"):
            out[k] = [normalise_condition(c) for c in _list(v)]
        elif k == "in":
            out[k] = [_text(x) for x in _list(v)]
        elif k == "question":
            out[k] = _text(v)
        else:
            out[str(k)] = v
    return out


def normalise_question(raw: Mapping[str, Any]) -> dict[str, Any]:
    kind = _text(raw.get("kind")) or "yes_no"
    if kind == "yes_no" and not raw.get("options"):
        options = [{"value": v, "label": label} for v, label in rules.YES_NO.items()]
    else:
        options = [
            {"value": _text(o.get("value")), "label": _text(o.get("label")) or _text(o.get("value"))}
            if isinstance(o, Mapping) else {"value": _text(o), "label": _text(o)}
            for o in _list(raw.get("options"))
        ]
    return {"key": _text(raw.get("key")), "text": _text(raw.get("text")), "kind": kind, "options": options,
            "help": _text(raw.get("help"))}


def normalise_item(raw: Mapping[str, Any]) -> dict[str, Any]:
    situations = []
    for s in _list(raw.get("situations")):
        if isinstance(s, Mapping):
            situations.append({"name": _text(s.get("name")), "when": normalise_condition(s.get("when"))})
        else:
            situations.append({"name": _text(s), "when": None})
    return {
        "key": _text(raw.get("key")), "basic_code": _text(raw.get("basic_code")),
        "department": _text(raw.get("department")) or None, "region": _text(raw.get("region")) or None,
        "situations": situations, "when": normalise_condition(raw.get("when")),
        "depends_on": [_text(d) for d in _list(raw.get("depends_on"))], "note": _text(raw.get("note")),
        "partner_kind": _text(raw.get("partner_kind")) or None,
        **({"intermediary": True} if raw.get("intermediary") else {}),  # 中介服务: its time is off the clock
    }


def normalise_stage(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "key": _text(raw.get("key")), "name": _text(raw.get("name")),
        "lead_department": _text(raw.get("lead_department")) or None,
        "items": [normalise_item(i) if isinstance(i, Mapping) else i for i in _list(raw.get("items"))],
        **({"main": True} if raw.get("main") else {}),
        **({"budgets": dict(raw["budgets"]) if isinstance(raw["budgets"], Mapping) else raw["budgets"]}
           if raw.get("budgets") is not None else {}),
    }


def normalise_guide(raw: Mapping[str, Any] | None) -> dict[str, Any]:
    raw = raw or {}
    return {
        "summary": _text(raw.get("summary")), "conditions": _text(raw.get("conditions")),
        "process": [_text(p) for p in _list(raw.get("process")) if _text(p)],
        "notes": [_text(n) for n in _list(raw.get("notes")) if _text(n)],
        "faq": [{"q": _text(f.get("q")), "a": _text(f.get("a"))} for f in _list(raw.get("faq"))
                if isinstance(f, Mapping)],
        "basis": _text(raw.get("basis")),
    }


def content_from_dict(raw: Mapping[str, Any]) -> ThemeContent:
    """A theme's content from plain data (a seed entry, or what the mutations built from input).

    ``budget`` is ``{value, unit}``; ``stages``, ``questions`` and ``guide`` as in
    :class:`ThemeContent`. Values are normalised, not validated."""
    budget = raw.get("budget") or {}
    value = budget.get("value") if isinstance(budget, Mapping) else None
    return ThemeContent(
        name=_text(raw.get("name")), audience=_text(raw.get("audience")), life_stage=_text(raw.get("life_stage")),
        lead_department=_text(raw.get("lead_department")),
        cooperating_departments=[_text(d) for d in _list(raw.get("cooperating_departments"))],
        founds_entity=bool(raw.get("founds_entity", False)),
        budget_value=value if isinstance(value, int) and not isinstance(value, bool) else 0,
        budget_unit=_text(budget.get("unit") if isinstance(budget, Mapping) else "") or "working_day",
        max_visits=int(raw.get("max_visits", 1)),
        keywords=[_text(k) for k in _list(raw.get("keywords")) if _text(k)],
        guide=normalise_guide(raw.get("guide")),
        questions=[normalise_question(q) if isinstance(q, Mapping) else q for q in _list(raw.get("questions"))],
        stages=[normalise_stage(s) if isinstance(s, Mapping) else s for s in _list(raw.get("stages"))],
        budgets={_text(k): dict(v) if isinstance(v, Mapping) else v for k, v in (raw.get("budgets") or {}).items()}
        if isinstance(raw.get("budgets"), Mapping) else {},
    )


def content_of(version: Any) -> ThemeContent:
    """The content of a stored version (to copy it into a new draft, or to compare)."""
    return ThemeContent(
        name=version.name, audience=version.audience, life_stage=version.life_stage,
        lead_department=version.lead_department_code,
        cooperating_departments=list(version.cooperating_department_codes or []),
        founds_entity=version.founds_entity, budget_value=version.budget_value, budget_unit=version.budget_unit,
        max_visits=version.max_visits, keywords=list(version.keywords or []), guide=dict(version.guide or {}),
        questions=list(version.questions or []), stages=list(version.stages or []),
        budgets=dict(getattr(version, "budgets", None) or {}),
    )


def version_row(content: ThemeContent) -> dict[str, Any]:
    """Column values of a ThemeVersion for this content, search columns included."""
    guide = content.guide or {}
    texts = [guide.get("summary", ""), guide.get("conditions", ""), *guide.get("process", []),
             *(f"{f.get('q', '')} {f.get('a', '')}" for f in guide.get("faq", []))]
    texts += [str(s.get("name", "")) for s in content.stages if isinstance(s, Mapping)]
    row: dict[str, Any] = {
        "name": content.name, "audience": content.audience, "life_stage": content.life_stage,
        "founds_entity": content.founds_entity, "lead_department_code": content.lead_department,
        "cooperating_department_codes": content.cooperating_departments, "budget_value": content.budget_value,
        "budget_unit": content.budget_unit, "max_visits": content.max_visits, "keywords": content.keywords,
        "guide": content.guide, "questions": content.questions, "stages": content.stages,
        "budgets": content.budgets,
    }
    row.update(search_columns(name=content.name, keywords=content.keywords, texts=texts))
    return row


# ---------------------------------------------------------------------------------------------
# the condition language


def evaluate(condition: Any, answers: Answers) -> bool:
    """Whether a (validated) condition holds for the answers; no condition always holds."""
    if condition is None:
        return True
    if "all" in condition:
        return all(evaluate(c, answers) for c in condition["all"])
    if "any" in condition:
        return any(evaluate(c, answers) for c in condition["any"])
    return answers.get(condition["question"]) in condition["in"]


def _validate_condition(
    condition: Any, options: Mapping[str, Sequence[str]], path: list[str], depth: int = 1
) -> list[DomainError]:
    def bad(message: str, *more: str | int) -> list[DomainError]:
        return [DomainError(errors.INVALID_CONDITION, message, [*path, *(str(m) for m in more)])]

    if condition is None:
        return []
    if not isinstance(condition, Mapping):
        return bad("条件应为对象：{question, in}、{all: […]} 或 {any: […]}")
    if depth > rules.MAX_CONDITION_DEPTH:
        return bad(f"条件嵌套不能超过 {rules.MAX_CONDITION_DEPTH} 层")
    keys = set(condition)
    for combinator in ("all", "any"):
        if combinator in keys:
            if keys != {combinator}:
                return bad(f"“{combinator}”条件不能再有其他属性")
            parts = condition[combinator]
            if not isinstance(parts, list) or not parts:
                return bad(f"“{combinator}”至少需要一个子条件", combinator)
            out: list[DomainError] = []
            for i, part in enumerate(parts):
                out += _validate_condition(part, options, [*path, combinator, str(i)], depth + 1)
            return out
    if keys != {"question", "in"}:
        extra = "、".join(sorted(keys - {"question", "in"})) or "question 或 in"
        return bad(f"条件应为 {{question, in}}（多余或缺少：{extra}）")
    question, values = condition["question"], condition["in"]
    if question not in options:
        return bad(f"条件引用的问题“{question}”不存在", "question")
    if not isinstance(values, list) or not values:
        return bad(f"问题“{question}”的条件至少需要一个取值", "in")
    return [
        DomainError(errors.INVALID_CONDITION, f"问题“{question}”没有选项“{v}”", [*path, "in", str(i)])
        for i, v in enumerate(values) if v not in options[question]
    ]


def answer_paths(questions: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, str]]:
    """Every combination of answers (questions are few: at most 6 with at most 8 options each)."""
    keys = [q["key"] for q in questions]
    for combo in itertools.product(*([o["value"] for o in q["options"]] for q in questions)):
        yield dict(zip(keys, combo, strict=True))


def describe_answers(questions: Sequence[Mapping[str, Any]], answers: Answers) -> str:
    """“是否有名称：是；企业类型：有限责任公司” — an answer path as the admin reads it."""
    parts = []
    for q in questions:
        label = next((o["label"] for o in q["options"] if o["value"] == answers.get(q["key"])), answers.get(q["key"]))
        parts.append(f"{q['text'] or q['key']}：{label}")
    return "；".join(parts) or "（无问题）"


def check_answers(questions: Sequence[Mapping[str, Any]], answers: Answers) -> list[DomainError]:
    """Every question answered with one of its options, and nothing else answered."""
    problems: list[DomainError] = []
    known = {q["key"]: q for q in questions}
    for key in answers:
        if key not in known:
            problems.append(DomainError(errors.INVALID_ANSWERS, f"没有问题“{key}”", ["answers", key]))
    for q in questions:
        value = answers.get(q["key"])
        values = [o["value"] for o in q["options"]]
        if value is None:
            problems.append(DomainError(errors.INVALID_ANSWERS, f"请回答“{q['text']}”", ["answers", q["key"]]))
        elif value not in values:
            labels = "、".join(o["label"] for o in q["options"])
            problems.append(
                DomainError(errors.INVALID_ANSWERS, f"“{q['text']}”只能选择：{labels}", ["answers", q["key"]])
            )
    return problems


# ---------------------------------------------------------------------------------------------
# validation without the database


def validate(content: ThemeContent) -> list[DomainError]:
    """Every problem of the content's shape at once, each pointing at the input field it concerns."""
    problems: list[DomainError] = []

    def bad(message: str, *path: str | int, code: str = errors.INVALID) -> None:
        problems.append(DomainError(code, message, [str(p) for p in path]))

    if not content.name:
        bad("主题名称不能为空", "name")
    elif len(content.name) > 64:
        bad("主题名称不能超过 64 个字符", "name")
    if content.audience not in rules.AUDIENCES:
        bad(f"未知的服务对象：{content.audience or '（空）'}（应为 person 或 enterprise）", "audience")
    else:
        stages = rules.LIFE_STAGES[content.audience]
        if content.life_stage not in stages:
            bad(f"“{rules.AUDIENCES[content.audience]}”的生命周期阶段应为：{'、'.join(stages.values())}", "lifeStage")
    if content.founds_entity and content.audience != "enterprise":
        bad("只有面向企业的主题可以标记为新设市场主体", "foundsEntity")
    if not content.lead_department:
        bad("请指定牵头部门", "leadDepartment")
    for i, code in enumerate(content.cooperating_departments):
        if code == content.lead_department:
            bad("牵头部门不必再列为配合部门", "cooperatingDepartments", i)
        elif content.cooperating_departments.index(code) != i:
            bad(f"配合部门 {code} 重复", "cooperatingDepartments", i)
    if content.budget_unit not in rules.BUDGET_UNITS:
        bad(f"未知的时限单位：{content.budget_unit}（应为 working_day 或 working_hour）", "budget", "unit")
    if not 0 < content.budget_value <= 365:
        bad("总时限应在 1 到 365 之间", "budget", "value")
    if not 0 <= content.max_visits <= 5:
        bad("到现场次数应在 0 到 5 之间", "maxVisits")
    if len(content.keywords) > rules.MAX_KEYWORDS:
        bad(f"关键词最多 {rules.MAX_KEYWORDS} 个", "keywords")
    guide = content.guide or {}
    if not guide.get("summary"):
        bad("一次告知须写明概述", "guide", "summary")
    for key in ("summary", "conditions", "basis"):
        if len(guide.get(key, "")) > rules.MAX_TEXT:
            bad(f"一次告知的内容不能超过 {rules.MAX_TEXT} 个字符", "guide", key)
    if not guide.get("process"):
        bad("一次告知须写明办理流程", "guide", "process")
    for i, f in enumerate(guide.get("faq", [])):
        if not f.get("q") or not f.get("a"):
            bad("常见问题的问与答都不能为空", "guide", "faq", i)

    options = _validate_questions(content.questions, bad)
    _validate_stages(content, options, bad, problems)
    _validate_budgets(content, bad)
    return problems


def _validate_questions(questions: list[Any], bad: Any) -> dict[str, list[str]]:
    options: dict[str, list[str]] = {}
    if len(questions) > rules.MAX_QUESTIONS:
        bad(f"情形引导问题最多 {rules.MAX_QUESTIONS} 个", "questions")
    paths = 1
    for i, q in enumerate(questions):
        if not isinstance(q, Mapping):
            bad("问题应为对象", "questions", i)
            continue
        key = q["key"]
        if not rules.KEY_PATTERN.match(key):
            bad("问题标识应以小写字母开头，只含小写字母、数字、下划线和连字符，不超过 32 个字符", "questions", i, "key")
        elif key in options:
            bad(f"问题标识“{key}”重复", "questions", i, "key")
        if not q["text"]:
            bad("问题的文字不能为空", "questions", i, "text")
        elif len(q["text"]) > 64:
            bad("问题的文字不能超过 64 个字符", "questions", i, "text")
        if q["kind"] not in rules.QUESTION_KINDS:
            bad(f"未知的问题类型：{q['kind']}（应为 yes_no 或 choice）", "questions", i, "kind")
        values = [o["value"] for o in q["options"]]
        if q["kind"] == "yes_no" and values != list(rules.YES_NO):
            bad("是/否问题的选项只能是 yes 和 no", "questions", i, "options")
        if q["kind"] == "choice":
            if not 2 <= len(values) <= rules.MAX_OPTIONS:
                bad(f"单选问题应有 2 到 {rules.MAX_OPTIONS} 个选项", "questions", i, "options")
            for j, o in enumerate(q["options"]):
                if not rules.KEY_PATTERN.match(o["value"]):
                    bad("选项的值应以小写字母开头，只含小写字母、数字、下划线和连字符", "questions", i, "options", j, "value")
                if not o["label"] or len(o["label"]) > 32:
                    bad("选项的名称不能为空，不超过 32 个字符", "questions", i, "options", j, "label")
            if len(set(values)) != len(values):
                bad("选项有重复", "questions", i, "options")
        paths *= max(len(values), 1)
        options.setdefault(key, values)
    if paths > rules.MAX_PATHS:
        bad(f"回答组合过多（{paths} 种，最多 {rules.MAX_PATHS} 种），请减少问题或选项", "questions")
    return options


def _validate_stages(
    content: ThemeContent, options: dict[str, list[str]], bad: Any, problems: list[DomainError]
) -> None:
    if not content.stages:
        bad("主题至少需要一个阶段", "stages")
    if len(content.stages) > rules.MAX_STAGES:
        bad(f"阶段最多 {rules.MAX_STAGES} 个", "stages")
    stage_keys: set[str] = set()
    earlier: set[str] = set()
    count = 0
    for s, stage in enumerate(content.stages):
        if not isinstance(stage, Mapping):
            bad("阶段应为对象", "stages", s)
            continue
        if not rules.KEY_PATTERN.match(stage["key"]):
            bad("阶段标识应以小写字母开头，只含小写字母、数字、下划线和连字符", "stages", s, "key")
        elif stage["key"] in stage_keys:
            bad(f"阶段标识“{stage['key']}”重复", "stages", s, "key")
        stage_keys.add(stage["key"])
        if not stage["name"] or len(stage["name"]) > 32:
            bad("阶段名称不能为空，不超过 32 个字符", "stages", s, "name")
        if not stage["items"]:
            bad(f"阶段“{stage['name']}”没有事项", "stages", s, "items")
        for i, item in enumerate(stage["items"]):
            count += 1
            where = ("stages", s, "items", i)
            if not isinstance(item, Mapping):
                bad("事项应为对象", *where)
                continue
            key = item["key"]
            if not rules.KEY_PATTERN.match(key):
                bad("事项标识应以小写字母开头，只含小写字母、数字、下划线和连字符", *where, "key")
            elif key in earlier:
                bad(f"事项标识“{key}”重复", *where, "key")
            code = item["basic_code"]
            if len(code) != catalog_rules.BASIC_CODE_LENGTH or not code.isdigit():
                bad("基本编码应为 12 位数字", *where, "basicCode", code=errors.INVALID_CODE)
            if not item["department"] and not item["region"]:
                bad("请指定实施部门（或实施区划）", *where, "department")
            problems.extend(_validate_condition(item["when"], options, [*map(str, where), "when"]))
            names: set[str] = set()
            for j, sit in enumerate(item["situations"]):
                if not sit["name"]:
                    bad("办理情形名称不能为空", *where, "situations", j, "name")
                elif sit["name"] in names:
                    bad(f"办理情形“{sit['name']}”重复", *where, "situations", j, "name")
                names.add(sit["name"])
                problems.extend(
                    _validate_condition(sit["when"], options, [*map(str, where), "situations", str(j), "when"])
                )
            for j, dep in enumerate(item["depends_on"]):
                if dep == key:
                    bad("事项不能依赖自己", *where, "dependsOn", j, code=errors.INVALID_DEPENDENCY)
                elif dep not in earlier:
                    bad(f"依赖的事项“{dep}”须是排在前面的事项", *where, "dependsOn", j, code=errors.INVALID_DEPENDENCY)
            earlier.add(key)
    if count > rules.MAX_ITEMS:
        bad(f"主题的事项最多 {rules.MAX_ITEMS} 个", "stages")


INVESTMENT_TYPES = {"government": "政府投资", "social": "社会投资"}


def _validate_budgets(content: ThemeContent, bad: Any) -> None:
    """Budgets by investment type (工程建设项目审批): every type with a whole-process and a
    main-process budget in working days (main ≤ total ≤ the theme's budget), every stage with its
    share for every type, the main stages' shares within the main budget and all within the whole."""
    if not content.budgets:
        if any(isinstance(st, Mapping) and (st.get("budgets") or st.get("main")) for st in content.stages):
            bad("阶段设置了时限份额，但主题没有按投资类型的时限（budgets）", "budgets")
        return
    if content.budget_unit != "working_day":
        bad("按投资类型的时限以工作日计，主题时限单位须为 working_day", "budget", "unit")
    for kind, b in content.budgets.items():
        if kind not in INVESTMENT_TYPES:
            bad(f"未知的投资类型：{kind}（应为 government 或 social）", "budgets", kind)
            continue
        total, main = (b.get("total"), b.get("main")) if isinstance(b, Mapping) else (None, None)
        if not all(isinstance(x, int) and not isinstance(x, bool) and 0 < x <= 365 for x in (total, main)):
            bad(f"{INVESTMENT_TYPES[kind]}项目的全流程、主流程时限应为 1 到 365 之间的工作日数", "budgets", kind)
            continue
        assert isinstance(total, int) and isinstance(main, int)
        if main > total:
            bad(f"{INVESTMENT_TYPES[kind]}项目的主流程时限不能超过全流程时限", "budgets", kind, "main")
        if total > content.budget_value:
            bad(f"{INVESTMENT_TYPES[kind]}项目的全流程时限不能超过主题总时限 {content.budget_value} 个工作日",
                "budgets", kind, "total")
        shares: list[tuple[int, bool]] = []
        for s, st in enumerate(content.stages):
            share = (st.get("budgets") or {}).get(kind) if isinstance(st, Mapping) else None
            if not isinstance(share, int) or isinstance(share, bool) or share <= 0:
                bad(f"阶段须写明{INVESTMENT_TYPES[kind]}项目的时限份额（工作日）", "stages", s, "budgets", kind)
                continue
            shares.append((share, bool(st.get("main"))))
        if sum(x for x, m in shares if m) > main:
            bad(f"{INVESTMENT_TYPES[kind]}项目主流程各阶段的时限份额之和超过主流程时限 {main} 个工作日", "budgets", kind)
        if sum(x for x, _ in shares) > total:
            bad(f"{INVESTMENT_TYPES[kind]}项目各阶段的时限份额之和超过全流程时限 {total} 个工作日", "budgets", kind)
