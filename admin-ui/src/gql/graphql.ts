/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** 账号操作的错误代码 */
export type AccountErrorCode =
  /** 验证码已过期或尝试次数用尽，请重新获取 */
  | 'CODE_EXPIRED'
  /** 重复 */
  | 'DUPLICATE'
  /** 输入不合法 */
  | 'INVALID'
  /** 验证码错误 */
  | 'INVALID_CODE'
  /** 用户名或密码错误 */
  | 'INVALID_CREDENTIALS'
  /** 统一社会信用代码不合法 */
  | 'INVALID_CREDIT_CODE'
  /** 居民身份证号码不合法 */
  | 'INVALID_ID_NUMBER'
  /** 手机号码不合法 */
  | 'INVALID_PHONE'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 令牌无效、过期或已使用 */
  | 'INVALID_TOKEN'
  /** 密码错误次数过多，账号临时锁定 */
  | 'LOCKED'
  /** 信息不一致 */
  | 'MISMATCH'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 不存在 */
  | 'NOT_FOUND'
  /** 尚未完成实名认证 */
  | 'NOT_VERIFIED'
  /** 尝试过于频繁 */
  | 'RATE_LIMITED'
  /** 发送过于频繁，请稍后再试 */
  | 'TOO_SOON';

/** API 密钥查询条件 */
export type ApiKeyFilter = {
  /** 包括已吊销的密钥 */
  includeRevoked?: boolean;
  /** 只看该类别 */
  kind?: ApiKeyKind | null | undefined;
};

/** 合作系统的类别 */
export type ApiKeyKind =
  /** 银行：只读分派给本行的子办件（开户等） */
  | 'BANK'
  /** 县级大厅系统：只读本区划 */
  | 'COUNTY_SYSTEM'
  /** 省级一体化平台 */
  | 'PROVINCE'
  /** 水电气暖等公用事业单位：只读分派给本单位的子办件 */
  | 'UTILITY';

/** 事项目录操作的错误代码 */
export type CatalogErrorCode =
  /** 并发修改冲突，请刷新后重试 */
  | 'CONFLICT'
  /** 编码重复 */
  | 'DUPLICATE_CODE'
  /** 输入不合法 */
  | 'INVALID'
  /** 编码格式错误（基本编码为 12 位数字） */
  | 'INVALID_CODE'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 时限不合法（须大于 0，承诺时限不长于法定时限） */
  | 'INVALID_TIME_LIMIT'
  /** 无权操作（角色或区划不符） */
  | 'NOT_ALLOWED'
  /** 对象不存在 */
  | 'NOT_FOUND'
  /** 办理情形没有申请材料，不能发布 */
  | 'NO_MATERIALS'
  /** 没有办理情形，不能发布 */
  | 'NO_SITUATIONS';

/** 目录变更类型 */
export type ChangeKind =
  /** 新增 */
  | 'ADD'
  /** 变更 */
  | 'CHANGE'
  /** 合并 */
  | 'MERGE'
  /** 拆分 */
  | 'SPLIT';

/** 改变事项状态（暂停、恢复、取消） */
export type ChangeServiceItemStatusInput = {
  /** 事项的全局 ID */
  id: string;
  /** 原因（必填，将公示在办事指南中） */
  reason: string;
};

/** 三级十同的十个要素 */
export type ConsistencyElement =
  /** 受理条件 */
  | 'ACCEPTANCE_CONDITIONS'
  /** 事项编码 */
  | 'CODE'
  /** 行使层级 */
  | 'EXERCISE_LEVEL'
  /** 收费项目 */
  | 'FEES'
  /** 事项类型 */
  | 'ITEM_TYPE'
  /** 设定依据 */
  | 'LEGAL_BASIS'
  /** 申请材料 */
  | 'MATERIALS'
  /** 事项名称 */
  | 'NAME'
  /** 服务对象 */
  | 'SERVICE_OBJECT'
  /** 办理时限 */
  | 'TIME_LIMIT';

/** 为合作系统新建 API 密钥 */
export type CreateApiKeyInput = {
  /** 类别 */
  kind: ApiKeyKind;
  /** 名称，如“冠县政务服务中心系统” */
  name: string;
  /** 银行、公用事业单位必填：机构代码 */
  partnerCode?: string | null | undefined;
  /** 县级系统必填：其区划代码（须在管理员的区划之内） */
  regionCode?: string | null | undefined;
};

/** 新建工作人员账号 */
export type CreateStaffUserInput = {
  /** 所属部门代码（须属于该区划） */
  departmentCode?: string | null | undefined;
  /** 姓名 */
  displayName: string;
  /** 所属大厅代码（须属于该区划） */
  hallCode?: string | null | undefined;
  /** 初始密码（至少 8 个字符） */
  password: string;
  /** 所属区划代码：须在管理员本人的区划之内 */
  regionCode: string;
  /** 角色（至少一个） */
  roles: Array<Role>;
  /** 用户名：2 到 64 个字母、数字或 _ . @ - */
  username: string;
};

/** 停用工作人员账号 */
export type DisableStaffUserInput = {
  /** 账号的全局 ID */
  id: string;
  /** 停用原因（记入账号） */
  reason: string;
};

/** 常见问题 */
export type FaqInput = {
  /** 解答 */
  answer: string;
  /** 问题 */
  question: string;
};

/** 收费项目 */
export type FeeInput = {
  /** 收费依据 */
  basis?: string;
  /** 收费项目名称 */
  name: string;
  /** 收费标准 */
  standard?: string;
};

/** 办事指南 */
export type GuideInput = {
  /** 办理地点；为空取大厅地址 */
  address?: string | null | undefined;
  /** 咨询电话；为空取大厅电话 */
  contact?: string | null | undefined;
  /** 常见问题 */
  faq?: Array<FaqInput>;
  /** 办理时间；为空取大厅办公时间 */
  hours?: string | null | undefined;
  /** 办理流程（按顺序） */
  process?: Array<string>;
};

/** 事项内容；修改草稿时只传要改的字段，situations 传入则整体替换 */
export type ItemContentInput = {
  /** 受理条件 */
  acceptanceConditions?: string | null | undefined;
  /** 承诺时限 */
  committedLimit?: TimeLimitInput | null | undefined;
  /** 行使层级 */
  exerciseLevels?: Array<Level> | null | undefined;
  /** 收费项目；空列表表示不收费 */
  fees?: Array<FeeInput> | null | undefined;
  /** 办事指南 */
  guide?: GuideInput | null | undefined;
  /** 高频事项 */
  highFrequency?: boolean | null | undefined;
  /** 即办件 */
  instant?: boolean | null | undefined;
  /** 事项类型 */
  itemType?: ItemType | null | undefined;
  /** 搜索关键词 */
  keywords?: Array<string> | null | undefined;
  /** 设定依据 */
  legalBasis?: string | null | undefined;
  /** 最多到现场次数 */
  maxVisits?: number | null | undefined;
  /** 事项名称 */
  name?: string | null | undefined;
  /** 可全程网办 */
  online?: boolean | null | undefined;
  /** 服务对象 */
  serviceObjects?: Array<ServiceObject> | null | undefined;
  /** 办理情形（最多 50 个），整体替换 */
  situations?: Array<SituationInput> | null | undefined;
  /** 法定时限 */
  statutoryLimit?: TimeLimitInput | null | undefined;
};

/** 事项状态 */
export type ItemStatus =
  /** 在用：可申请 */
  | 'ACTIVE'
  /** 取消：已退出目录，历史版本仍可查 */
  | 'CANCELLED'
  /** 草稿：从未发布，仅事项管理员可见 */
  | 'DRAFT'
  /** 暂停：指南可查，暂不受理新申请 */
  | 'SUSPENDED';

/** 事项类型（权力类型） */
export type ItemType =
  /** 行政裁决 */
  | 'ADJUDICATION'
  /** 行政确认 */
  | 'CONFIRMATION'
  /** 行政征收 */
  | 'LEVY'
  /** 行政许可 */
  | 'LICENSING'
  /** 其他行政权力 */
  | 'OTHER_POWER'
  /** 行政给付 */
  | 'PAYMENT'
  /** 公共服务 */
  | 'PUBLIC_SERVICE'
  /** 行政奖励 */
  | 'REWARD';

/** 层级：行使层级，或实施机构所在区划的层级 */
export type Level =
  /** 03 市级 */
  | 'CITY'
  /** 04 县级（含市属开发区） */
  | 'COUNTY'
  /** 01 国家级 */
  | 'NATIONAL'
  /** 02 省级 */
  | 'PROVINCE'
  /** 05 乡镇（街道）级 */
  | 'TOWN'
  /** 06 村（社区）级 */
  | 'VILLAGE';

/** 工作人员登录 */
export type LoginInput = {
  /** 密码 */
  password: string;
  /** 用户名 */
  username: string;
};

/** 退出登录（吊销当前请求所用的令牌） */
export type LogoutInput = {
  /** 同时吊销本账号的全部令牌 */
  allSessions?: boolean;
};

/** 材料形式 */
export type MaterialForm =
  /** 复印件 */
  | 'COPY'
  /** 原件 */
  | 'ORIGINAL'
  /** 原件和复印件 */
  | 'ORIGINAL_AND_COPY';

/** 申请材料 */
export type MaterialInput = {
  /** 份数 */
  copies?: number;
  /** 可替代的电子证照类型 */
  elicence?: string | null | undefined;
  /** 原件或复印件 */
  form?: MaterialForm;
  /** 载体 */
  media?: MaterialMedia;
  /** 材料名称 */
  name: string;
  /** 必要性 */
  necessity?: Necessity;
  /** 审查要点 */
  reviewPoints?: string;
  /** 示范文本说明 */
  sampleText?: string;
  /** 可通过共享数据获取（免提交） */
  sharedData?: boolean;
  /** 材料来源 */
  source?: string;
};

/** 材料载体 */
export type MaterialMedia =
  /** 电子 */
  | 'ELECTRONIC'
  /** 纸质 */
  | 'PAPER'
  /** 纸质或电子均可 */
  | 'PAPER_OR_ELECTRONIC';

/** 材料必要性 */
export type Necessity =
  /** 容缺后补：次要材料，可先受理、承诺后补 */
  | 'DEFERRABLE'
  /** 非必要：视情况提供 */
  | 'OPTIONAL'
  /** 必要：缺少则不能受理 */
  | 'REQUIRED';

/** 访问日志的查询条件；各条件之间为“且” */
export type PersonalDataAccessFilter = {
  /** 查看时间不早于（含） */
  since?: string | null | undefined;
  /** 被查看主体的全局 ID（Citizen、Enterprise 或 StaffUser） */
  subjectId?: string | null | undefined;
  /** 被查看的主体类别 */
  subjectKind?: PersonalDataSubjectKind | null | undefined;
  /** 查看时间早于（不含） */
  until?: string | null | undefined;
  /** 查看人（工作人员）的全局 ID */
  viewerStaffId?: string | null | undefined;
};

/** 可申请查看完整内容的个人信息项 */
export type PersonalDataField =
  /** 居民身份证号码（群众） */
  | 'ID_NUMBER'
  /** 法定代表人居民身份证号码（企业） */
  | 'LEGAL_REP_ID_NUMBER'
  /** 法定代表人姓名（企业） */
  | 'LEGAL_REP_NAME'
  /** 姓名（群众、工作人员） */
  | 'NAME'
  /** 手机号码（群众） */
  | 'PHONE';

/** 个人信息的主体类别 */
export type PersonalDataSubjectKind =
  /** 群众 */
  | 'CITIZEN'
  /** 企业（法定代表人的信息） */
  | 'ENTERPRISE'
  /** 工作人员 */
  | 'STAFF';

/** 发布事项的草稿版本 */
export type PublishServiceItemInput = {
  /** 事项的全局 ID */
  id: string;
};

/** 用刷新令牌换取新的一对令牌 */
export type RefreshTokensInput = {
  /** 上次获得的刷新令牌 */
  refreshToken: string;
};

/** 吊销 API 密钥 */
export type RevokeApiKeyInput = {
  /** 密钥的全局 ID */
  id: string;
};

/** 工作人员角色 */
export type Role =
  /** 帮办代办员：凭委托代办 */
  | 'ASSISTANCE_AGENT'
  /** 审计员：查阅个人信息访问日志 */
  | 'AUDITOR'
  /** 事项管理员：维护本区划及下级的事项目录 */
  | 'CATALOG_ADMIN'
  /** 管理员：本区划内的一切管理工作 */
  | 'CITY_ADMIN'
  /** 县级查询员：查询本区划的办件和统计 */
  | 'COUNTY_VIEWER'
  /** 部门审批人员 */
  | 'DEPT_REVIEWER'
  /** 大厅负责人：确认不予受理、督办超期 */
  | 'HALL_SUPERVISOR'
  /** 综合窗口受理员 */
  | 'WINDOW_CLERK';

/** 事项查询条件；各条件之间为“且” */
export type ServiceItemFilter = {
  /** 实施部门代码，如 371500-XZSPJ */
  departmentCode?: string | null | undefined;
  /** 实施部门的全局 ID */
  departmentId?: string | null | undefined;
  /** true 只看高频事项，false 只看非高频 */
  highFrequency?: boolean | null | undefined;
  /** 只看即办件（秒批秒办） */
  instantOnly?: boolean;
  /** 事项类型 */
  itemType?: ItemType | null | undefined;
  /** 实施层级 */
  level?: Level | null | undefined;
  /** 只看可全程网办的 */
  onlineOnly?: boolean;
  /** 区划代码：该区划及其下级实施的事项 */
  regionCode?: string | null | undefined;
  /** 服务对象 */
  serviceObject?: ServiceObject | null | undefined;
  /** 事项状态，默认只看在用；草稿仅本区划事项管理员可查 */
  statuses?: Array<ItemStatus> | null | undefined;
  /** 搜索词：名称或关键词的任意片段（“执照”）、全拼（“yingyezhizhao”）或首字母（“yyzz”）；按相关度排序 */
  text?: string | null | undefined;
};

/** 服务对象 */
export type ServiceObject =
  /** 企业法人 */
  | 'ENTERPRISE'
  /** 行政机关 */
  | 'GOVERNMENT'
  /** 自然人 */
  | 'NATURAL_PERSON'
  /** 其他组织 */
  | 'OTHER'
  /** 事业单位法人 */
  | 'PUBLIC_INSTITUTION'
  /** 社会组织法人 */
  | 'SOCIAL_ORGANIZATION'
  /** 非法人企业 */
  | 'UNINCORPORATED';

/** 办理情形 */
export type SituationInput = {
  /** 受理条件 */
  conditions?: string;
  /** 申请材料（最多 80 项） */
  materials?: Array<MaterialInput>;
  /** 情形名称 */
  name: string;
};

/** 工作人员账号查询条件；各条件之间为“且” */
export type StaffUserFilter = {
  /** 包括已停用的账号 */
  includeInactive?: boolean;
  /** 只看该区划及其下级的账号 */
  regionCode?: string | null | undefined;
  /** 只看具有该角色的账号 */
  role?: Role | null | undefined;
  /** 用户名或姓名的片段 */
  text?: string | null | undefined;
};

/** 时限 */
export type TimeLimitInput = {
  /** 单位，默认工作日 */
  unit?: TimeUnit;
  /** 天数，必须大于 0 */
  value: number;
};

/** 时限单位 */
export type TimeUnit =
  /** 自然日 */
  | 'NATURAL_DAY'
  /** 工作日（按工作日历，跳过节假日、计入调休上班日） */
  | 'WORKING_DAY';

/** 修改事项草稿；已发布的事项会先生成新的草稿版本 */
export type UpdateServiceItemDraftInput = {
  /** 变更类型 */
  changeKind?: ChangeKind | null | undefined;
  /** 变更说明 */
  changeNote?: string | null | undefined;
  /** 要修改的内容 */
  content: ItemContentInput;
  /** 事项的全局 ID */
  id: string;
};

/** 版本状态 */
export type VersionStatus =
  /** 草稿：可修改 */
  | 'DRAFT'
  /** 已发布：当前生效版本 */
  | 'PUBLISHED'
  /** 已替代：被更新的版本取代，仍供已受理的办件查阅 */
  | 'SUPERSEDED';

export type StaffUsersQueryVariables = Exact<{
  filter?: StaffUserFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffUsersQuery = { staffUsers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, username: string, displayName: string, roles: Array<Role>, regionCode: string | null, departmentCode: string | null, isActive: boolean, disabledAt: string | null, disabledReason: string, region: { name: string } | null, department: { name: string } | null } }> } };

export type CreateStaffUserMutationVariables = Exact<{
  input: CreateStaffUserInput;
}>;


export type CreateStaffUserMutation = { createStaffUser: { staffUser: { id: string, username: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type DisableStaffUserMutationVariables = Exact<{
  input: DisableStaffUserInput;
}>;


export type DisableStaffUserMutation = { disableStaffUser: { revokedTokens: number, staffUser: { id: string, isActive: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type ApiKeysQueryVariables = Exact<{
  filter?: ApiKeyFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApiKeysQuery = { apiKeys: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: ApiKeyKind, prefix: string, regionCode: string | null, partnerCode: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } }> } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string | null, apiKey: { id: string, name: string, prefix: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, revokedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type AccessLogQueryVariables = Exact<{
  filter?: PersonalDataAccessFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessLogQuery = { personalDataAccessLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, viewerLabel: string, viewerRegionCode: string | null, subjectKind: PersonalDataSubjectKind, subjectId: string, fields: Array<PersonalDataField>, reason: string, requestId: string } }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { tokens: { token: string, expiresAt: string, refreshToken: string, refreshExpiresAt: string } | null, user: { id: string, username: string, displayName: string, roles: Array<Role>, regionCode: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RefreshTokensMutationVariables = Exact<{
  input: RefreshTokensInput;
}>;


export type RefreshTokensMutation = { refreshTokens: { tokens: { token: string, expiresAt: string, refreshToken: string, refreshExpiresAt: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type LogoutMutationVariables = Exact<{
  input: LogoutInput;
}>;


export type LogoutMutation = { logout: { revoked: number, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, displayName: string, roles: Array<Role>, regionCode: string | null, region: { name: string } | null, department: { name: string } | null } | null };

export type TimeLimitPartsFragment = { value: number, unit: TimeUnit, text: string };

type ItemContentParts_ItemVersion_Fragment = { name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } };

type ItemContentParts_ServiceItem_Fragment = { name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } };

export type ItemContentPartsFragment =
  | ItemContentParts_ItemVersion_Fragment
  | ItemContentParts_ServiceItem_Fragment
;

export type CatalogItemsQueryVariables = Exact<{
  filter?: ServiceItemFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CatalogItemsQuery = { serviceItems: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, implementationCode: string, basicCode: string, itemType: ItemType, level: Level, status: ItemStatus, versionNumber: number, committedLimit: { text: string }, department: { code: string, name: string }, region: { name: string } } }> } };

export type CatalogItemQueryVariables = Exact<{
  id: string;
}>;


export type CatalogItemQuery = { serviceItem: { id: string, implementationCode: string, status: ItemStatus, statusReason: string, level: Level, departmentCode: string, regionCode: string, versionNumber: number, name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, department: { code: string, name: string }, region: { name: string }, draftVersion: { id: string, number: number, status: VersionStatus, changeKind: ChangeKind, changeNote: string, createdAt: string, name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } } | null, versions: Array<{ id: string, number: number, status: VersionStatus, changeKind: ChangeKind, changeNote: string, createdAt: string, publishedAt: string | null }>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } } | null };

export type ItemVersionDiffQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ItemVersionDiffQuery = { itemVersionDiff: Array<{ element: ConsistencyElement, expected: string, actual: string, description: string }> };

export type CatalogConsistencyQueryVariables = Exact<{
  basicCode: string;
}>;


export type CatalogConsistencyQuery = { catalogConsistency: { basicCode: string, consistent: boolean, differenceCount: number, rows: Array<{ isReference: boolean, item: { id: string, name: string, implementationCode: string, level: Level, department: { name: string }, region: { name: string } }, values: Array<{ element: ConsistencyElement, label: string, value: string }>, differences: Array<{ element: ConsistencyElement, expected: string, actual: string, description: string }> }> } };

export type UpdateServiceItemDraftMutationVariables = Exact<{
  input: UpdateServiceItemDraftInput;
}>;


export type UpdateServiceItemDraftMutation = { updateServiceItemDraft: { version: { id: string, number: number } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

export type PublishServiceItemMutationVariables = Exact<{
  input: PublishServiceItemInput;
}>;


export type PublishServiceItemMutation = { publishServiceItem: { item: { id: string, status: ItemStatus, versionNumber: number } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

export type SuspendServiceItemMutationVariables = Exact<{
  input: ChangeServiceItemStatusInput;
}>;


export type SuspendServiceItemMutation = { suspendServiceItem: { item: { id: string, status: ItemStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

export type ResumeServiceItemMutationVariables = Exact<{
  input: ChangeServiceItemStatusInput;
}>;


export type ResumeServiceItemMutation = { resumeServiceItem: { item: { id: string, status: ItemStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

export type CancelServiceItemMutationVariables = Exact<{
  input: ChangeServiceItemStatusInput;
}>;


export type CancelServiceItemMutation = { cancelServiceItem: { item: { id: string, status: ItemStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };
