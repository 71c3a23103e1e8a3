"""Vocabularies of the catalogue and the lifecycle of an item, with their Chinese labels."""

from __future__ import annotations

ITEM_TYPES = {
    "licensing": "行政许可",
    "confirmation": "行政确认",
    "payment": "行政给付",
    "levy": "行政征收",
    "reward": "行政奖励",
    "adjudication": "行政裁决",
    "other_power": "其他行政权力",
    "public_service": "公共服务",
}
SERVICE_OBJECTS = {
    "natural_person": "自然人",
    "enterprise": "企业法人",
    "public_institution": "事业单位法人",
    "social_organization": "社会组织法人",
    "unincorporated": "非法人企业",
    "government": "行政机关",
    "other": "其他组织",
}
LEVELS = {"01": "国家级", "02": "省级", "03": "市级", "04": "县级", "05": "乡镇（街道）级", "06": "村（社区）级"}
TIME_UNITS = {"working_day": "个工作日", "natural_day": "个自然日"}
MATERIAL_FORMS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件和复印件"}
MATERIAL_MEDIA = {"paper": "纸质", "electronic": "电子", "paper_or_electronic": "纸质或电子"}
NECESSITIES = {"required": "必要", "optional": "非必要", "deferrable": "容缺后补"}

# item status → the transitions allowed from it
ITEM_STATUSES = {"draft": "草稿", "active": "在用", "suspended": "暂停", "cancelled": "取消"}
CHANGE_KINDS = {"add": "新增", "change": "变更", "split": "拆分", "merge": "合并"}
VERSION_STATUSES = {"draft": "草稿", "published": "已发布", "superseded": "已替代"}

# public callers see only these item statuses
PUBLIC_STATUSES = ("active", "suspended", "cancelled")

BASIC_CODE_LENGTH = 12

# what an applicant fills in (catalog/forms.py): field type → Chinese label
FORM_FIELD_TYPES = {
    "text": "单行文本",
    "textarea": "多行文本",
    "number": "数字",
    "date": "日期",
    "select": "单选",
    "boolean": "是/否",
    "id_number": "居民身份证号码",
    "phone": "手机号码",
    "credit_code": "统一社会信用代码",
    "person_name": "姓名",
    "address": "地址",
}
# form fields that hold personal data: masked for everyone but the applicant (DESIGN.md rule 10),
# seen whole by staff only through the logged reveal (server/domain/accounts/privacy.py)
PERSONAL_FORM_FIELD_TYPES = frozenset({"id_number", "phone", "person_name", "address"})
MAX_FORM_FIELDS = 50

# the back-office steps of a version with none listed
DEFAULT_REVIEW_STEPS = ("审查决定",)
MAX_REVIEW_STEPS = 6

# 秒批: what an instant rule may require before it approves at submission (checked by the cases domain)
INSTANT_CONDITIONS = ("identity_verified", "materials_by_evidence", "not_dishonest")
INSTANT_CONDITION_LABELS = {
    "identity_verified": "申请人已实名认证",
    "materials_by_evidence": "必要材料全部由电子证照或共享数据提供",
    "not_dishonest": "申请人不在失信名单",
}
