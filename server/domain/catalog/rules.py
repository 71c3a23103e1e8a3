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
