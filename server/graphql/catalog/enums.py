"""GraphQL enums of the catalogue; values are the domain's codes, descriptions its Chinese labels."""

from __future__ import annotations

from enum import Enum

import strawberry

from server.domain.catalog import errors
from server.graphql.core.enums import enum_value as v


@strawberry.enum(description="事项类型（权力类型）")
class ItemType(Enum):
    LICENSING = v("licensing", description="行政许可")
    CONFIRMATION = v("confirmation", description="行政确认")
    PAYMENT = v("payment", description="行政给付")
    LEVY = v("levy", description="行政征收")
    REWARD = v("reward", description="行政奖励")
    ADJUDICATION = v("adjudication", description="行政裁决")
    OTHER_POWER = v("other_power", description="其他行政权力")
    PUBLIC_SERVICE = v("public_service", description="公共服务")


@strawberry.enum(description="服务对象")
class ServiceObject(Enum):
    NATURAL_PERSON = v("natural_person", description="自然人")
    ENTERPRISE = v("enterprise", description="企业法人")
    PUBLIC_INSTITUTION = v("public_institution", description="事业单位法人")
    SOCIAL_ORGANIZATION = v("social_organization", description="社会组织法人")
    UNINCORPORATED = v("unincorporated", description="非法人企业")
    GOVERNMENT = v("government", description="行政机关")
    OTHER = v("other", description="其他组织")


@strawberry.enum(description="层级：行使层级，或实施机构所在区划的层级")
class Level(Enum):
    NATIONAL = v("01", description="01 国家级")
    PROVINCE = v("02", description="02 省级")
    CITY = v("03", description="03 市级")
    COUNTY = v("04", description="04 县级（含市属开发区）")
    TOWN = v("05", description="05 乡镇（街道）级")
    VILLAGE = v("06", description="06 村（社区）级")


@strawberry.enum(description="时限单位")
class TimeUnit(Enum):
    WORKING_DAY = v("working_day", description="工作日（按工作日历，跳过节假日、计入调休上班日）")
    NATURAL_DAY = v("natural_day", description="自然日")


@strawberry.enum(description="材料形式")
class MaterialForm(Enum):
    ORIGINAL = v("original", description="原件")
    COPY = v("copy", description="复印件")
    ORIGINAL_AND_COPY = v("original_and_copy", description="原件和复印件")


@strawberry.enum(description="材料载体")
class MaterialMedia(Enum):
    PAPER = v("paper", description="纸质")
    ELECTRONIC = v("electronic", description="电子")
    PAPER_OR_ELECTRONIC = v("paper_or_electronic", description="纸质或电子均可")


@strawberry.enum(description="材料必要性")
class Necessity(Enum):
    REQUIRED = v("required", description="必要：缺少则不能受理")
    OPTIONAL = v("optional", description="非必要：视情况提供")
    DEFERRABLE = v("deferrable", description="容缺后补：次要材料，可先受理、承诺后补")


@strawberry.enum(description="事项状态")
class ItemStatus(Enum):
    DRAFT = v("draft", description="草稿：从未发布，仅事项管理员可见")
    ACTIVE = v("active", description="在用：可申请")
    SUSPENDED = v("suspended", description="暂停：指南可查，暂不受理新申请")
    CANCELLED = v("cancelled", description="取消：已退出目录，历史版本仍可查")


@strawberry.enum(description="版本状态")
class VersionStatus(Enum):
    DRAFT = v("draft", description="草稿：可修改")
    PUBLISHED = v("published", description="已发布：当前生效版本")
    SUPERSEDED = v("superseded", description="已替代：被更新的版本取代，仍供已受理的办件查阅")


@strawberry.enum(description="目录变更类型")
class ChangeKind(Enum):
    ADD = v("add", description="新增")
    CHANGE = v("change", description="变更")
    SPLIT = v("split", description="拆分")
    MERGE = v("merge", description="合并")


@strawberry.enum(description="事项的要素：三级十同的十个要素，以及版本对比另外比较的内容")
class ConsistencyElement(Enum):
    NAME = v("name", description="事项名称")
    CODE = v("code", description="事项编码")
    ITEM_TYPE = v("item_type", description="事项类型")
    LEGAL_BASIS = v("legal_basis", description="设定依据")
    EXERCISE_LEVEL = v("exercise_level", description="行使层级")
    ACCEPTANCE_CONDITIONS = v("acceptance_conditions", description="受理条件")
    SERVICE_OBJECT = v("service_object", description="服务对象")
    MATERIALS = v("materials", description="申请材料")
    TIME_LIMIT = v("time_limit", description="办理时限")
    FEES = v("fees", description="收费项目")
    SITUATIONS = v("situations", description="办理情形及其适用条件（仅版本对比）")
    MATERIAL_DETAILS = v("material_details", description="各情形材料的要求：形式、份数、载体、来源、电子证照、示范文本、审查要点（仅版本对比）")
    FEE_BASIS = v("fee_basis", description="收费依据（仅版本对比）")
    MAX_VISITS = v("max_visits", description="最多跑动次数（仅版本对比）")
    ONLINE = v("online", description="全程网办（仅版本对比）")
    INSTANT = v("instant", description="即办件（仅版本对比）")
    HIGH_FREQUENCY = v("high_frequency", description="高频事项（仅版本对比）")
    KEYWORDS = v("keywords", description="搜索关键词（仅版本对比）")
    ALIASES = v("aliases", description="俗称、别名（仅版本对比）")
    GUIDE_PROCESS = v("guide_process", description="办理流程（仅版本对比）")
    GUIDE_FAQ = v("guide_faq", description="常见问题（仅版本对比）")
    GUIDE_ADDRESS = v("guide_address", description="办理地点（仅版本对比）")
    GUIDE_HOURS = v("guide_hours", description="办理时间（仅版本对比）")
    GUIDE_CONTACT = v("guide_contact", description="咨询电话（仅版本对比）")
    FORM_FIELDS = v("form_fields", description="申请表单（仅版本对比）")
    REVIEW_STEPS = v("review_steps", description="审查环节（仅版本对比）")
    RESULT_LICENCE = v("result_licence", description="签发电子证照（仅版本对比）")
    INSTANT_RULE = v("instant_rule", description="秒批规则（仅版本对比）")


@strawberry.enum(description="申请表单项的类型")
class FormFieldType(Enum):
    TEXT = v("text", description="单行文本")
    TEXTAREA = v("textarea", description="多行文本")
    NUMBER = v("number", description="数字")
    DATE = v("date", description="日期（YYYY-MM-DD）")
    SELECT = v("select", description="单选（从选项中选择一项）")
    BOOLEAN = v("boolean", description="是/否")
    ID_NUMBER = v("id_number", description="居民身份证号码（校验末位校验码，x 转为大写）")
    PHONE = v("phone", description="11 位手机号码")
    CREDIT_CODE = v("credit_code", description="统一社会信用代码（校验末位校验码）")
    PERSON_NAME = v("person_name", description="一个人的姓名（个人信息：除申请人本人外脱敏显示）")
    ADDRESS = v("address", description="地址（个人信息：除申请人本人外脱敏显示）")


@strawberry.enum(description="秒批规则的条件：全部满足时提交即批准")
class InstantCondition(Enum):
    IDENTITY_VERIFIED = v("identity_verified", description="申请人已实名认证")
    MATERIALS_BY_EVIDENCE = v("materials_by_evidence", description="必要材料全部由电子证照或共享数据提供")
    NOT_DISHONEST = v("not_dishonest", description="申请人不在失信名单")


@strawberry.enum(description="事项目录操作的错误代码")
class CatalogErrorCode(Enum):
    NOT_ALLOWED = v(errors.NOT_ALLOWED, description="无权操作（角色或区划不符）")
    NOT_FOUND = v(errors.NOT_FOUND, description="对象不存在")
    INVALID = v(errors.INVALID, description="输入不合法")
    INVALID_CODE = v(errors.INVALID_CODE, description="编码格式错误（基本编码为 12 位数字）")
    DUPLICATE_CODE = v(errors.DUPLICATE_CODE, description="编码重复")
    INVALID_TIME_LIMIT = v(errors.INVALID_TIME_LIMIT, description="时限不合法（须大于 0，承诺时限不长于法定时限）")
    NO_SITUATIONS = v(errors.NO_SITUATIONS, description="没有办理情形，不能发布")
    NO_MATERIALS = v(errors.NO_MATERIALS, description="办理情形没有申请材料，不能发布")
    INVALID_STATE = v(errors.INVALID_STATE, description="当前状态不允许该操作")
    CONFLICT = v(errors.CONFLICT, description="并发修改冲突，请刷新后重试")
    INVALID_FORM = v(errors.INVALID_FORM, description="申请表单数据不合法（逐项说明）")
