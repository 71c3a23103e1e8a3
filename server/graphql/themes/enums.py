"""GraphQL enums of themes; values are the domain's codes, descriptions its Chinese labels."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import enum_value as v

from server.domain.themes import errors


@strawberry.enum(description="主题的服务对象")
class Audience(Enum):
    PERSON = v("person", description="个人（自然人）")
    ENTERPRISE = v("enterprise", description="企业（法人）")


@strawberry.enum(description="生命周期阶段（高效办成一件事）：企业六个、个人十个")
class LifeStage(Enum):
    ENTRY = v("entry", description="企业：准入准营")
    HIRING = v("hiring", description="企业：招聘用工")
    TAX = v("tax", description="企业：纳税缴费")
    OPERATION = v("operation", description="企业：经营发展")
    CONSTRUCTION = v("construction", description="企业：工程建设")
    EXIT = v("exit", description="企业：注销退出")
    BIRTH = v("birth", description="个人：出生")
    EDUCATION = v("education", description="个人：教育")
    EMPLOYMENT = v("employment", description="个人：就业")
    LIVING = v("living", description="个人：生活")
    HOUSING = v("housing", description="个人：置业")
    TRAVEL = v("travel", description="个人：出行")
    MEDICAL = v("medical", description="个人：就医")
    ASSISTANCE = v("assistance", description="个人：救助")
    ELDERLY = v("elderly", description="个人：养老")
    AFTER_DEATH = v("after_death", description="个人：身后")


@strawberry.enum(description="总时限的单位")
class BudgetUnit(Enum):
    WORKING_DAY = v("working_day", description="工作日")
    WORKING_HOUR = v("working_hour", description="工作小时")


@strawberry.enum(description="情形引导问题的类型")
class QuestionKind(Enum):
    YES_NO = v("yes_no", description="是/否（选项值 yes、no）")
    CHOICE = v("choice", description="单选")


@strawberry.enum(description="主题状态")
class ThemeStatus(Enum):
    DRAFT = v("draft", description="草稿：从未发布，仅事项管理员可见")
    ACTIVE = v("active", description="在用：可申请")
    SUSPENDED = v("suspended", description="暂停：指南可查，暂不受理新申请")
    CANCELLED = v("cancelled", description="取消：已退出，历史版本仍可查")


@strawberry.enum(description="主题版本状态")
class ThemeVersionStatus(Enum):
    DRAFT = v("draft", description="草稿：可修改")
    PUBLISHED = v("published", description="已发布：当前生效版本")
    SUPERSEDED = v("superseded", description="已替代：仍供按该版本申请的一件事查阅")


@strawberry.enum(description="一表申请中由平台预填的表单项的来源")
class FieldSource(Enum):
    APPLICANT_NAME = v("applicant.name", description="申请人实名信息（姓名）")
    APPLICANT_ID_NUMBER = v("applicant.id_number", description="申请人实名信息（身份证号码）")
    APPLICANT_PHONE = v("applicant.phone", description="申请人账号绑定的手机号码")
    ENTERPRISE_NAME = v("enterprise.name", description="企业登记信息（名称）")
    ENTERPRISE_CREDIT_CODE = v("enterprise.credit_code", description="企业登记信息（统一社会信用代码）")
    ENTERPRISE_LEGAL_REPRESENTATIVE = v("enterprise.legal_representative", description="企业登记信息（法定代表人）")
    ENTERPRISE_ADDRESS = v("enterprise.address", description="企业登记信息（住所）")
    FOUNDED_CREDIT_CODE = v("founded.credit_code", description="营业执照核准后自动填写（新设企业的统一社会信用代码）")
    FOUNDED_NAME = v("founded.name", description="营业执照核准后自动填写（新设企业的名称）")
    FOUNDED_DATE = v("founded.date", description="营业执照核准后自动填写（成立日期）")


@strawberry.enum(description="主题与服务菜单操作的错误代码")
class ThemeErrorCode(Enum):
    NOT_ALLOWED = v(errors.NOT_ALLOWED, description="无权操作（角色或区划不符）")
    NOT_FOUND = v(errors.NOT_FOUND, description="对象不存在")
    INVALID = v(errors.INVALID, description="输入不合法")
    INVALID_CODE = v(errors.INVALID_CODE, description="编码格式错误")
    DUPLICATE_CODE = v(errors.DUPLICATE_CODE, description="编码重复")
    INVALID_CONDITION = v(errors.INVALID_CONDITION, description="适用条件不合法（引用的问题或选项不存在等）")
    INVALID_ANSWERS = v(errors.INVALID_ANSWERS, description="情形引导的回答不完整或不合法")
    UNKNOWN_ITEM = v(errors.UNKNOWN_ITEM, description="事项不存在或无法确定唯一的实施")
    ITEM_UNAVAILABLE = v(errors.ITEM_UNAVAILABLE, description="事项未发布、暂停或取消")
    AUDIENCE_MISMATCH = v(errors.AUDIENCE_MISMATCH, description="事项的服务对象与主题的服务对象不符")
    UNKNOWN_SITUATION = v(errors.UNKNOWN_SITUATION, description="办理情形不存在或未指明")
    INVALID_DEPENDENCY = v(errors.INVALID_DEPENDENCY, description="依赖的事项不存在或不在前面")
    EMPTY_BUNDLE = v(errors.EMPTY_BUNDLE, description="某种回答组合下没有适用的事项")
    FORM_CONFLICT = v(errors.FORM_CONFLICT, description="同一表单项在各事项中的类型或校验无法合并")
    UNKNOWN_DEPARTMENT = v(errors.UNKNOWN_DEPARTMENT, description="部门不存在")
    UNKNOWN_THEME = v(errors.UNKNOWN_THEME, description="主题不存在或未在用")
    INVALID_STATE = v(errors.INVALID_STATE, description="当前状态不允许该操作")
    CONFLICT = v(errors.CONFLICT, description="并发修改冲突，请刷新后重试")
