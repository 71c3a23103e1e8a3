"""Themes made for a test, over real seeded items (each with a code of its own)."""

from __future__ import annotations

import copy
import itertools
import uuid
from typing import Any

from server.domain.themes.content import ThemeContent, content_from_dict

_serial = itertools.count(1)


def new_code() -> str:
    return f"test-{uuid.uuid4().hex[:8]}-{next(_serial)}"


# 失业保障, cut down: a registration for everyone, the benefit only for the insured
BASE: dict[str, Any] = {
    "name": "失业登记与失业金测试",
    "audience": "person",
    "life_stage": "employment",
    "lead_department": "371500-RSJ",
    "cooperating_departments": ["371502-RSJ"],
    "budget": {"value": 10, "unit": "working_day"},
    "max_visits": 0,
    "keywords": ["失业金测试"],
    "guide": {"summary": "失业登记与失业保险金一次申请。", "process": ["一次填报", "并联办理"]},
    "questions": [{"key": "insured", "text": "是否参加失业保险满一年", "kind": "yes_no"}],
    "stages": [
        {"key": "register", "name": "失业登记", "items": [
            {"key": "register", "basic_code": "200720001000", "department": "371502-RSJ"},
        ]},
        {"key": "benefit", "name": "待遇", "items": [
            {"key": "benefit", "basic_code": "050701001000", "department": "371500-RSJ",
             "when": {"question": "insured", "in": ["yes"]}, "depends_on": ["register"]},
            {"key": "card", "basic_code": "200720002000", "department": "371500-RSJ",
             "situations": ["已办理就业或失业登记人员申领"], "depends_on": ["register"]},
        ]},
    ],
}


def raw(**over: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(over)
    return data


def content(**over: Any) -> ThemeContent:
    return content_from_dict(raw(**over))


# the same theme as the graph's ThemeContentInput
GRAPH_CONTENT: dict[str, Any] = {
    "name": "失业登记与失业金（图测试）",
    "audience": "PERSON",
    "lifeStage": "EMPLOYMENT",
    "leadDepartment": "371500-RSJ",
    "cooperatingDepartments": ["371502-RSJ"],
    "budget": {"value": 10, "unit": "WORKING_DAY"},
    "maxVisits": 0,
    "keywords": ["失业金图测试"],
    "guide": {"summary": "失业登记与失业保险金一次申请。", "process": ["一次填报", "并联办理"],
              "faq": [{"question": "要跑几次？", "answer": "一次也不用。"}]},
    "questions": [{"key": "insured", "text": "是否参加失业保险满一年", "kind": "YES_NO"}],
    "stages": [
        {"key": "register", "name": "失业登记", "items": [
            {"key": "register", "basicCode": "200720001000", "department": "371502-RSJ"}]},
        {"key": "benefit", "name": "待遇", "items": [
            {"key": "benefit", "basicCode": "050701001000", "department": "371500-RSJ",
             "when": {"question": "insured", "in": ["yes"]}, "dependsOn": ["register"]}]},
    ],
}
