// Chinese labels for the graph's enums.
import type {
  ApiKeyKind,
  Audience,
  BudgetUnit,
  BundleItemState,
  ChangeKind,
  ConsistencyElement,
  FormFieldType,
  InstantCondition,
  ItemStatus,
  ItemType,
  Level,
  LifeStage,
  MaterialForm,
  MaterialMedia,
  Necessity,
  PersonalDataField,
  PersonalDataSubjectKind,
  QuestionKind,
  Role,
  ServiceObject,
  ThemeStatus,
  ThemeVersionStatus,
  TimeUnit,
  VersionStatus,
} from '../gql/graphql';

export const LEVELS: Record<Level, string> = {
  NATIONAL: '国家级', PROVINCE: '省级', CITY: '市级', COUNTY: '县级', TOWN: '乡镇级', VILLAGE: '村级',
};
export const ITEM_TYPES: Record<ItemType, string> = {
  LICENSING: '行政许可', CONFIRMATION: '行政确认', PAYMENT: '行政给付', LEVY: '行政征收',
  REWARD: '行政奖励', ADJUDICATION: '行政裁决', OTHER_POWER: '其他行政权力', PUBLIC_SERVICE: '公共服务',
};
export const ITEM_STATUSES: Record<ItemStatus, string> = {
  DRAFT: '草稿', ACTIVE: '在用', SUSPENDED: '暂停', CANCELLED: '已取消',
};
export const VERSION_STATUSES: Record<VersionStatus, string> = {
  DRAFT: '草稿', PUBLISHED: '现行', SUPERSEDED: '已被替代',
};
export const CHANGE_KINDS: Record<ChangeKind, string> = { ADD: '新增', CHANGE: '变更', SPLIT: '拆分', MERGE: '合并' };
export const NECESSITY: Record<Necessity, string> = { REQUIRED: '必要', OPTIONAL: '非必要', DEFERRABLE: '容缺' };
export const MATERIAL_FORMS: Record<MaterialForm, string> = { ORIGINAL: '原件', COPY: '复印件', ORIGINAL_AND_COPY: '原件和复印件' };
export const MATERIAL_MEDIA: Record<MaterialMedia, string> = { PAPER: '纸质', ELECTRONIC: '电子', PAPER_OR_ELECTRONIC: '纸质或电子' };
export const FORM_FIELD_TYPES: Record<FormFieldType, string> = {
  TEXT: '单行文本', TEXTAREA: '多行文本', NUMBER: '数字', DATE: '日期', SELECT: '单选', BOOLEAN: '是/否',
  ID_NUMBER: '身份证号码', PHONE: '手机号码', CREDIT_CODE: '统一社会信用代码',
  PERSON_NAME: '姓名', ADDRESS: '地址',
};
export const INSTANT_CONDITIONS: Record<InstantCondition, string> = {
  IDENTITY_VERIFIED: '申请人已实名认证',
  MATERIALS_BY_EVIDENCE: '必要材料全部由电子证照或共享数据提供',
  NOT_DISHONEST: '申请人不在失信名单',
};
export const TIME_UNITS: Record<TimeUnit, string> = { WORKING_DAY: '个工作日', NATURAL_DAY: '个自然日' };
export const ROLES: Record<Role, string> = {
  CITY_ADMIN: '市级管理员', CATALOG_ADMIN: '事项管理员', WINDOW_CLERK: '窗口人员', DEPT_REVIEWER: '部门审核人员',
  HALL_SUPERVISOR: '大厅督查', ASSISTANCE_AGENT: '帮办代办员', COUNTY_VIEWER: '县级查看员', AUDITOR: '审计员',
};
export const CONSISTENCY_ELEMENTS: Record<ConsistencyElement, string> = {
  NAME: '事项名称', CODE: '事项编码', ITEM_TYPE: '事项类型', LEGAL_BASIS: '设定依据', EXERCISE_LEVEL: '行使层级',
  ACCEPTANCE_CONDITIONS: '受理条件', SERVICE_OBJECT: '服务对象', MATERIALS: '申请材料', TIME_LIMIT: '办结时限', FEES: '收费标准',
  SITUATIONS: '办理情形', MATERIAL_DETAILS: '材料要求', FEE_BASIS: '收费依据', MAX_VISITS: '最多跑动次数', ONLINE: '全程网办',
  INSTANT: '即办件', HIGH_FREQUENCY: '高频事项', KEYWORDS: '搜索关键词', ALIASES: '俗称、别名', GUIDE_PROCESS: '办理流程',
  GUIDE_FAQ: '常见问题', GUIDE_ADDRESS: '办理地点', GUIDE_HOURS: '办理时间', GUIDE_CONTACT: '咨询电话',
  FORM_FIELDS: '申请表单', REVIEW_STEPS: '审查环节', RESULT_LICENCE: '签发电子证照', INSTANT_RULE: '秒批规则',
};
export const SERVICE_OBJECTS: Record<ServiceObject, string> = {
  NATURAL_PERSON: '自然人', ENTERPRISE: '企业法人', PUBLIC_INSTITUTION: '事业单位法人', SOCIAL_ORGANIZATION: '社会组织法人',
  UNINCORPORATED: '非法人企业', GOVERNMENT: '行政机关', OTHER: '其他组织',
};
export const API_KEY_KINDS: Record<ApiKeyKind, string> = {
  COUNTY_SYSTEM: '县级系统', BANK: '银行', UTILITY: '水电气公用事业', PROVINCE: '省级平台', HOTLINE: '12345 热线', HALL_DEVICE: '窗口评价器',
};
export const PERSONAL_FIELDS: Record<PersonalDataField, string> = {
  NAME: '姓名', PHONE: '手机号', ID_NUMBER: '身份证号', LEGAL_REP_NAME: '法定代表人姓名', LEGAL_REP_ID_NUMBER: '法定代表人身份证号',
  FORM_DATA: '申请表中的个人信息',
};
export const SUBJECT_KINDS: Record<PersonalDataSubjectKind, string> = {
  CITIZEN: '自然人', ENTERPRISE: '企业', STAFF: '工作人员', CASE: '办件', BUNDLE: '主题办件',
};

// Themed bundles (主题办件 · 一件事)
export const AUDIENCES: Record<Audience, string> = { PERSON: '个人', ENTERPRISE: '企业' };
export const BUNDLE_ITEM_STATES: Record<BundleItemState, string> = {
  OPEN: '办理中', COMPLETED: '已准予', FAILED: '未办成', HELD: '暂缓', WAITING: '待办',
};

// Themes (主题式服务 · 一件事) and their editor
export const LIFE_STAGES: Record<LifeStage, string> = {
  ENTRY: '准入准营', HIRING: '招聘用工', TAX: '纳税缴费', OPERATION: '经营发展', CONSTRUCTION: '工程建设', EXIT: '注销退出',
  BIRTH: '出生', EDUCATION: '教育', EMPLOYMENT: '就业', LIVING: '生活', HOUSING: '置业', TRAVEL: '出行', MEDICAL: '就医',
  ASSISTANCE: '救助', ELDERLY: '养老', AFTER_DEATH: '身后',
};
export const THEME_STATUSES: Record<ThemeStatus, string> = { DRAFT: '草稿', ACTIVE: '在用', SUSPENDED: '暂停', CANCELLED: '已取消' };
export const THEME_VERSION_STATUSES: Record<ThemeVersionStatus, string> = { DRAFT: '草稿', PUBLISHED: '现行', SUPERSEDED: '已被替代' };
export const BUDGET_UNITS: Record<BudgetUnit, string> = { WORKING_DAY: '个工作日', WORKING_HOUR: '个工作小时' };
export const QUESTION_KINDS: Record<QuestionKind, string> = { YES_NO: '是/否', CHOICE: '单选' };

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
