"""Vocabularies of themes, with their Chinese labels, and the limits of what a theme may say."""

from __future__ import annotations

import re

AUDIENCES = {"person": "个人（自然人）", "enterprise": "企业（法人）"}

# 高效办成一件事: the life-cycle stages, per audience (国发〔2024〕3号)
LIFE_STAGES = {
    "enterprise": {
        "entry": "准入准营", "hiring": "招聘用工", "tax": "纳税缴费", "operation": "经营发展",
        "construction": "工程建设", "exit": "注销退出",
    },
    "person": {
        "birth": "出生", "education": "教育", "employment": "就业", "living": "生活", "housing": "置业",
        "travel": "出行", "medical": "就医", "assistance": "救助", "elderly": "养老", "after_death": "身后",
    },
}
LIFE_STAGE_LABELS = {k: v for stages in LIFE_STAGES.values() for k, v in stages.items()}

# the service objects (catalog rules.SERVICE_OBJECTS) an audience applies as
AUDIENCE_OBJECTS = {"person": frozenset({"natural_person"}), "enterprise": frozenset({"enterprise", "unincorporated"})}

BUDGET_UNITS = {"working_day": "个工作日", "working_hour": "个工作小时"}
QUESTION_KINDS = {"yes_no": "是/否", "choice": "单选"}
YES_NO = {"yes": "是", "no": "否"}

THEME_STATUSES = {"draft": "草稿", "active": "在用", "suspended": "暂停", "cancelled": "取消"}
VERSION_STATUSES = {"draft": "草稿", "published": "已发布", "superseded": "已替代"}
PUBLIC_STATUSES = ("active", "suspended", "cancelled")

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,47}$")  # theme codes: "enterprise-startup"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")  # stage, item, question and option keys

MAX_STAGES = 6
MAX_ITEMS = 30  # in all stages
MAX_QUESTIONS = 6  # every combination of answers is checked when a theme is saved
MAX_OPTIONS = 8
MAX_PATHS = 4096
MAX_CONDITION_DEPTH = 4
MAX_KEYWORDS = 20
MAX_TEXT = 2000

# fields the platform already knows, by form-field key: where the value comes from (the cases
# domain fills them at application time). "applicant.*" is the signed-in, real-name-verified person;
# "enterprise.*" the registered enterprise they act for (never for a theme that founds one).
KNOWN_FIELDS: dict[str, str] = {
    "applicantName": "applicant.name",
    "idNumber": "applicant.id_number",
    "contactPhone": "applicant.phone",
    "phone": "applicant.phone",
    "enterpriseName": "enterprise.name",
    "unitName": "enterprise.name",
    "creditCode": "enterprise.credit_code",
    "legalRepresentative": "enterprise.legal_representative",
    "enterpriseAddress": "enterprise.address",
}
FIELD_SOURCES = {
    "applicant.name": "申请人实名信息（姓名）",
    "applicant.id_number": "申请人实名信息（身份证号码）",
    "applicant.phone": "申请人账号绑定的手机号码",
    "enterprise.name": "企业登记信息（名称）",
    "enterprise.credit_code": "企业登记信息（统一社会信用代码）",
    "enterprise.legal_representative": "企业登记信息（法定代表人）",
    "enterprise.address": "企业登记信息（住所）",
    "founded.credit_code": "营业执照核准后自动填写（新设企业的统一社会信用代码）",
    "founded.name": "营业执照核准后自动填写（新设企业的名称）",
    "founded.date": "营业执照核准后自动填写（成立日期）",
}

# a theme that founds an enterprise (企业开办): what its later items ask about the enterprise is not
# asked at all — the registration produces it, and it fills those items when they open
# (server/domain/cases/founding.py): form-field key -> source
FOUNDED_FIELDS: dict[str, str] = {
    "creditCode": "founded.credit_code",
    "unitName": "founded.name",
    "foundedOn": "founded.date",
}

# service menu (菜单式服务)
MAX_MENU_ENTRIES = 60
MENU_CATEGORY_MAX = 16
