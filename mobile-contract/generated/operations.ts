/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date (isoformat) */
  Date: { input: string; output: string; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
};

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

/** 把一个统一社会信用代码加入例外名单（仅管理员） */
export type AddCreditCodeExceptionInput = {
  /** 18 位统一社会信用代码（校验位不符合 GB 32100 的） */
  code: Scalars['String']['input'];
  /** 准予使用的理由 */
  reason: Scalars['String']['input'];
};

/** 添加经办人（仅法定代表人） */
export type AddEnterpriseOperatorInput = {
  /** 企业的全局 ID */
  enterpriseId: Scalars['ID']['input'];
  /** 经办人的手机号（须已在聊易登录并完成实名认证） */
  phone: Scalars['String']['input'];
};

/** API 密钥查询条件 */
export type ApiKeyFilter = {
  /** 包括已吊销的密钥 */
  includeRevoked?: Scalars['Boolean']['input'];
  /** 只看该类别 */
  kind?: InputMaybe<ApiKeyKind>;
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

/** 工作日历中一天的类型 */
export type CalendarDayKind =
  /** 节假日：法定节假日（含假期中的周末）或本地放假日，不计入工作日 */
  | 'HOLIDAY'
  /** 调休上班日：因调休上班的周六或周日，计入工作日 */
  | 'MAKEUP_WORKDAY'
  /** 周末休息日：周六、周日，不计入工作日 */
  | 'WEEKEND'
  /** 工作日：周一至周五且不放假，计入工作日 */
  | 'WORKDAY';

/** 一天的类型从何而来 */
export type CalendarDaySource =
  /** 管理员为本区划设置的调整 */
  | 'ADMIN'
  /** 全国节假日安排（国务院办公厅通知，来自 chinesecalendar 数据包） */
  | 'CHINESECALENDAR'
  /** 无单独记录，按星期推定：周一至周五上班，周六、周日休息 */
  | 'IMPLIED';

/** 工作日历操作的错误代码 */
export type CalendarErrorCode =
  /** 输入不合法（日期类型与星期不符、缺少名称等） */
  | 'INVALID'
  /** 无权操作（不是管理员，或区划不在管辖范围内） */
  | 'NOT_ALLOWED'
  /** 区划不存在，或要清除的设置不存在 */
  | 'NOT_FOUND';

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
  id: Scalars['ID']['input'];
  /** 原因（必填，将公示在办事指南中） */
  reason: Scalars['String']['input'];
};

/** 清除某区划某一天的单独设置，恢复为上级区划或全国的安排 */
export type ClearCalendarDayInput = {
  /** 日期 */
  date: Scalars['Date']['input'];
  /** 区划代码 */
  regionCode: Scalars['String']['input'];
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
  name: Scalars['String']['input'];
  /** 银行、公用事业单位必填：机构代码 */
  partnerCode?: InputMaybe<Scalars['String']['input']>;
  /** 县级系统必填：其区划代码（须在管理员的区划之内） */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** 登记帮办代办委托（委托人为一位群众或一家企业，二选一；代办员以 ID 或用户名指定） */
export type CreateMandateInput = {
  /** 代办员账号的全局 ID */
  agentId?: InputMaybe<Scalars['ID']['input']>;
  /** 代办员的用户名 */
  agentUsername?: InputMaybe<Scalars['String']['input']>;
  /** 委托全部事项 */
  allItems?: Scalars['Boolean']['input'];
  /** 委托的事项基本编码（12 位，最多 50 个）；委托全部事项时不填 */
  basicCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 备注，如委托书编号 */
  note?: Scalars['String']['input'];
  /** 委托人（已实名的群众）的全局 ID */
  principalCitizenId?: InputMaybe<Scalars['ID']['input']>;
  /** 委托企业的全局 ID */
  principalEnterpriseId?: InputMaybe<Scalars['ID']['input']>;
  /** 有效期起（含） */
  validFrom: Scalars['Date']['input'];
  /** 有效期止（含），不早于起始日期 */
  validTo: Scalars['Date']['input'];
};

/** 新建事项（保存为草稿，版本 1） */
export type CreateServiceItemInput = {
  /** 基本编码，12 位数字 */
  basicCode: Scalars['String']['input'];
  /** 变更类型（新增、拆分、合并） */
  changeKind?: ChangeKind;
  /** 变更说明 */
  changeNote?: Scalars['String']['input'];
  /** 事项内容；name、itemType、两个时限必填 */
  content: ItemContentInput;
  /** 实施部门代码 */
  departmentCode: Scalars['String']['input'];
};

/** 新建工作人员账号 */
export type CreateStaffUserInput = {
  /** 所属部门代码（须属于该区划） */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** 姓名 */
  displayName: Scalars['String']['input'];
  /** 所属大厅代码（须属于该区划） */
  hallCode?: InputMaybe<Scalars['String']['input']>;
  /** 初始密码（至少 8 个字符） */
  password: Scalars['String']['input'];
  /** 所属区划代码：须在管理员本人的区划之内 */
  regionCode: Scalars['String']['input'];
  /** 角色（至少一个） */
  roles: Array<Role>;
  /** 用户名：2 到 64 个字母、数字或 _ . @ - */
  username: Scalars['String']['input'];
};

/** 停用工作人员账号 */
export type DisableStaffUserInput = {
  /** 账号的全局 ID */
  id: Scalars['ID']['input'];
  /** 停用原因（记入账号） */
  reason: Scalars['String']['input'];
};

/** 启用工作人员账号（同时解除密码错误锁定） */
export type EnableStaffUserInput = {
  /** 账号的全局 ID */
  id: Scalars['ID']['input'];
};

/** 群众在企业中的身份 */
export type EnterpriseRole =
  /** 法定代表人：登记企业，管理经办人 */
  | 'LEGAL_REP'
  /** 经办人：由法定代表人授权代企业办事 */
  | 'OPERATOR';

/** 常见问题 */
export type FaqInput = {
  /** 解答 */
  answer: Scalars['String']['input'];
  /** 问题 */
  question: Scalars['String']['input'];
};

/** 收费项目 */
export type FeeInput = {
  /** 收费依据 */
  basis?: Scalars['String']['input'];
  /** 收费项目名称 */
  name: Scalars['String']['input'];
  /** 收费标准 */
  standard?: Scalars['String']['input'];
};

/** 办事指南 */
export type GuideInput = {
  /** 办理地点；为空取大厅地址 */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 咨询电话；为空取大厅电话 */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** 常见问题 */
  faq?: Array<FaqInput>;
  /** 办理时间；为空取大厅办公时间 */
  hours?: InputMaybe<Scalars['String']['input']>;
  /** 办理流程（按顺序） */
  process?: Array<Scalars['String']['input']>;
};

/** 事项内容；修改草稿时只传要改的字段，situations 传入则整体替换 */
export type ItemContentInput = {
  /** 受理条件 */
  acceptanceConditions?: InputMaybe<Scalars['String']['input']>;
  /** 承诺时限 */
  committedLimit?: InputMaybe<TimeLimitInput>;
  /** 行使层级 */
  exerciseLevels?: InputMaybe<Array<Level>>;
  /** 收费项目；空列表表示不收费 */
  fees?: InputMaybe<Array<FeeInput>>;
  /** 办事指南 */
  guide?: InputMaybe<GuideInput>;
  /** 高频事项 */
  highFrequency?: InputMaybe<Scalars['Boolean']['input']>;
  /** 即办件 */
  instant?: InputMaybe<Scalars['Boolean']['input']>;
  /** 事项类型 */
  itemType?: InputMaybe<ItemType>;
  /** 搜索关键词 */
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 设定依据 */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** 最多到现场次数 */
  maxVisits?: InputMaybe<Scalars['Int']['input']>;
  /** 事项名称 */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 可全程网办 */
  online?: InputMaybe<Scalars['Boolean']['input']>;
  /** 服务对象 */
  serviceObjects?: InputMaybe<Array<ServiceObject>>;
  /** 办理情形（最多 50 个），整体替换 */
  situations?: InputMaybe<Array<SituationInput>>;
  /** 法定时限 */
  statutoryLimit?: InputMaybe<TimeLimitInput>;
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
  password: Scalars['String']['input'];
  /** 用户名 */
  username: Scalars['String']['input'];
};

/** 退出登录（吊销当前请求所用的令牌） */
export type LogoutInput = {
  /** 同时吊销本账号的全部令牌 */
  allSessions?: Scalars['Boolean']['input'];
};

/** 委托查询条件；各条件之间为“且” */
export type MandateFilter = {
  /** 只看该日有效（未撤销且在有效期内）的委托 */
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  /** 代办员账号的全局 ID */
  agentId?: InputMaybe<Scalars['ID']['input']>;
  /** 委托人（群众或企业）的全局 ID */
  principal?: InputMaybe<Scalars['ID']['input']>;
};

/** 把站内消息标为已读：给出 ids，或 all 为 true */
export type MarkNotificationsReadInput = {
  /** 把全部未读消息标为已读 */
  all?: Scalars['Boolean']['input'];
  /** 要标为已读的消息（最多 100 条） */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
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
  copies?: Scalars['Int']['input'];
  /** 可替代的电子证照类型 */
  elicence?: InputMaybe<Scalars['String']['input']>;
  /** 原件或复印件 */
  form?: MaterialForm;
  /** 载体 */
  media?: MaterialMedia;
  /** 材料名称 */
  name: Scalars['String']['input'];
  /** 必要性 */
  necessity?: Necessity;
  /** 审查要点 */
  reviewPoints?: Scalars['String']['input'];
  /** 示范文本说明 */
  sampleText?: Scalars['String']['input'];
  /** 可通过共享数据获取（免提交） */
  sharedData?: Scalars['Boolean']['input'];
  /** 材料来源 */
  source?: Scalars['String']['input'];
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

/** 通知渠道 */
export type NotificationChannel =
  /** 站内消息 */
  | 'INBOX'
  /** 推送（Webhook） */
  | 'PUSH'
  /** 短信 */
  | 'SMS';

/** 通知操作的错误代码 */
export type NotificationErrorCode =
  /** 输入不合法 */
  | 'INVALID'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 通知不存在 */
  | 'NOT_FOUND';

/** 发件箱查询条件 */
export type NotificationOutboxFilter = {
  /** 只看该状态 */
  status?: InputMaybe<NotificationStatus>;
};

/** 通知发送状态 */
export type NotificationStatus =
  /** 多次失败已放弃，可由管理员重试 */
  | 'DEAD'
  /** 已送达 */
  | 'DELIVERED'
  /** 暂时失败，将自动重试 */
  | 'FAILED'
  /** 排队待发 */
  | 'QUEUED'
  /** 正在发送 */
  | 'SENDING';

/** 一段暂停计时的时间（两端日期都不计入期限） */
export type PausedIntervalInput = {
  /** 暂停的最后一天（恢复计时的前一天） */
  end: Scalars['Date']['input'];
  /** 原因，如“补正”“中止”；默认“暂停计时（补正、中止）” */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** 暂停的第一天 */
  start: Scalars['Date']['input'];
};

/** 访问日志的查询条件；各条件之间为“且” */
export type PersonalDataAccessFilter = {
  /** 查看时间不早于（含） */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** 被查看主体的全局 ID（Citizen、Enterprise 或 StaffUser） */
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  /** 被查看的主体类别 */
  subjectKind?: InputMaybe<PersonalDataSubjectKind>;
  /** 查看时间早于（不含） */
  until?: InputMaybe<Scalars['DateTime']['input']>;
  /** 查看人（工作人员）的全局 ID */
  viewerStaffId?: InputMaybe<Scalars['ID']['input']>;
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

/** 委托人的类别 */
export type PrincipalKind =
  /** 群众（自然人） */
  | 'CITIZEN'
  /** 企业 */
  | 'ENTERPRISE';

/** 发布事项的草稿版本 */
export type PublishServiceItemInput = {
  /** 事项的全局 ID */
  id: Scalars['ID']['input'];
};

/** 用刷新令牌换取新的一对令牌 */
export type RefreshTokensInput = {
  /** 上次获得的刷新令牌 */
  refreshToken: Scalars['String']['input'];
};

/** 登记企业（仅法定代表人本人，须已实名认证） */
export type RegisterEnterpriseInput = {
  /** 18 位统一社会信用代码 */
  creditCode: Scalars['String']['input'];
  /** 法定代表人居民身份证号码 */
  legalRepIdNumber: Scalars['String']['input'];
  /** 法定代表人姓名 */
  legalRepName: Scalars['String']['input'];
  /** 企业名称 */
  name: Scalars['String']['input'];
};

/** 把一个统一社会信用代码移出例外名单（仅管理员） */
export type RemoveCreditCodeExceptionInput = {
  /** 统一社会信用代码 */
  code: Scalars['String']['input'];
};

/** 移除经办人（仅法定代表人） */
export type RemoveEnterpriseOperatorInput = {
  /** 经办人（群众）的全局 ID */
  citizenId: Scalars['ID']['input'];
  /** 企业的全局 ID */
  enterpriseId: Scalars['ID']['input'];
};

/** 获取登录短信验证码 */
export type RequestSmsCodeInput = {
  /** 11 位手机号码 */
  phone: Scalars['String']['input'];
};

/** 重设工作人员密码 */
export type ResetStaffPasswordInput = {
  /** 账号的全局 ID */
  id: Scalars['ID']['input'];
  /** 新密码（至少 8 个字符） */
  newPassword: Scalars['String']['input'];
};

/** 重试一条发送失败的通知 */
export type RetryNotificationInput = {
  /** 发件记录的全局 ID */
  id: Scalars['ID']['input'];
};

/** 申请查看完整的个人信息：须说明原因，每次查看都记入访问日志 */
export type RevealPersonalDataInput = {
  /** 要查看的信息项（群众：姓名、手机号码、身份证号码；企业：法定代表人姓名、身份证号码；工作人员：姓名） */
  fields: Array<PersonalDataField>;
  /** 查看原因（至少 4 个字），如“核对申请人身份” */
  reason: Scalars['String']['input'];
  /** 被查看主体的全局 ID：群众（Citizen）、企业（Enterprise）或工作人员（StaffUser） */
  subjectId: Scalars['ID']['input'];
};

/** 吊销 API 密钥 */
export type RevokeApiKeyInput = {
  /** 密钥的全局 ID */
  id: Scalars['ID']['input'];
};

/** 撤销委托（自即刻起失效，已办理的记录保留） */
export type RevokeMandateInput = {
  /** 委托的全局 ID */
  id: Scalars['ID']['input'];
  /** 撤销原因 */
  reason: Scalars['String']['input'];
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
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** 实施部门的全局 ID */
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  /** true 只看高频事项，false 只看非高频 */
  highFrequency?: InputMaybe<Scalars['Boolean']['input']>;
  /** 只看即办件（秒批秒办） */
  instantOnly?: Scalars['Boolean']['input'];
  /** 事项类型 */
  itemType?: InputMaybe<ItemType>;
  /** 实施层级 */
  level?: InputMaybe<Level>;
  /** 只看可全程网办的 */
  onlineOnly?: Scalars['Boolean']['input'];
  /** 区划代码：该区划及其下级实施的事项 */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 服务对象 */
  serviceObject?: InputMaybe<ServiceObject>;
  /** 事项状态，默认只看在用；草稿仅本区划事项管理员可查 */
  statuses?: InputMaybe<Array<ItemStatus>>;
  /** 搜索词：名称或关键词的任意片段（“执照”）、全拼（“yingyezhizhao”）或首字母（“yyzz”）；按相关度排序 */
  text?: InputMaybe<Scalars['String']['input']>;
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

/** 设置某区划某一天的类型（该区划及其下级区划适用，下级区划自己的设置优先） */
export type SetCalendarDayInput = {
  /** 日期（2000 至 2099 年） */
  date: Scalars['Date']['input'];
  /** 类型：周一至周五可设为节假日或工作日，周六、周日可设为调休上班日、周末休息日或节假日 */
  kind: CalendarDayKind;
  /** 名称（最多 32 字）；节假日必填，如“冠县梨花节” */
  name?: Scalars['String']['input'];
  /** 区划代码，须在管理员本人的区划之内，如 371525（冠县） */
  regionCode: Scalars['String']['input'];
};

/** 性别（由居民身份证号码第 17 位得出） */
export type Sex =
  /** 女 */
  | 'FEMALE'
  /** 男 */
  | 'MALE';

/** 用手机号和短信验证码登录（首次登录即注册） */
export type SignInWithSmsCodeInput = {
  /** 6 位短信验证码 */
  code: Scalars['String']['input'];
  /** 11 位手机号码 */
  phone: Scalars['String']['input'];
};

/** 办理情形 */
export type SituationInput = {
  /** 受理条件 */
  conditions?: Scalars['String']['input'];
  /** 申请材料（最多 80 项） */
  materials?: Array<MaterialInput>;
  /** 情形名称 */
  name: Scalars['String']['input'];
};

/** 期限计算中某天不计入的原因类别 */
export type SkippedDayKind =
  /** 法定节假日或本地放假日 */
  | 'HOLIDAY'
  /** 暂停计时（补正、中止等不计入期限的时间） */
  | 'PAUSED'
  /** 周末 */
  | 'WEEKEND';

/** 工作人员账号查询条件；各条件之间为“且” */
export type StaffUserFilter = {
  /** 包括已停用的账号 */
  includeInactive?: Scalars['Boolean']['input'];
  /** 只看该区划及其下级的账号 */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 只看具有该角色的账号 */
  role?: InputMaybe<Role>;
  /** 用户名或姓名的片段 */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** 时限 */
export type TimeLimitInput = {
  /** 单位，默认工作日 */
  unit?: TimeUnit;
  /** 天数，必须大于 0 */
  value: Scalars['Int']['input'];
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
  changeKind?: InputMaybe<ChangeKind>;
  /** 变更说明 */
  changeNote?: InputMaybe<Scalars['String']['input']>;
  /** 要修改的内容 */
  content: ItemContentInput;
  /** 事项的全局 ID */
  id: Scalars['ID']['input'];
};

/** 修改工作人员账号：未给出的字段保持不变；部门、大厅传 null 表示清除 */
export type UpdateStaffUserInput = {
  /** 所属部门代码；null 清除 */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** 姓名 */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** 所属大厅代码；null 清除 */
  hallCode?: InputMaybe<Scalars['String']['input']>;
  /** 账号的全局 ID */
  id: Scalars['ID']['input'];
  /** 新的所属区划（调整权限范围） */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 新的角色（整体替换） */
  roles?: InputMaybe<Array<Role>>;
};

/** 实名认证：姓名与居民身份证号码 */
export type VerifyRealNameInput = {
  /** 18 位居民身份证号码（末位 x 大小写均可） */
  idNumber: Scalars['String']['input'];
  /** 姓名（2 至 30 个汉字，少数民族姓名可含“·”） */
  name: Scalars['String']['input'];
};

/** 版本状态 */
export type VersionStatus =
  /** 草稿：可修改 */
  | 'DRAFT'
  /** 已发布：当前生效版本 */
  | 'PUBLISHED'
  /** 已替代：被更新的版本取代，仍供已受理的办件查阅 */
  | 'SUPERSEDED';

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

/** 群众在企业中的身份 */
export type EnterpriseRole =
  /** 法定代表人：登记企业，管理经办人 */
  | 'LEGAL_REP'
  /** 经办人：由法定代表人授权代企业办事 */
  | 'OPERATOR';

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

/** 材料形式 */
export type MaterialForm =
  /** 复印件 */
  | 'COPY'
  /** 原件 */
  | 'ORIGINAL'
  /** 原件和复印件 */
  | 'ORIGINAL_AND_COPY';

/** 材料必要性 */
export type Necessity =
  /** 容缺后补：次要材料，可先受理、承诺后补 */
  | 'DEFERRABLE'
  /** 非必要：视情况提供 */
  | 'OPTIONAL'
  /** 必要：缺少则不能受理 */
  | 'REQUIRED';

/** 登记企业（仅法定代表人本人，须已实名认证） */
export type RegisterEnterpriseInput = {
  /** 18 位统一社会信用代码 */
  creditCode: string;
  /** 法定代表人居民身份证号码 */
  legalRepIdNumber: string;
  /** 法定代表人姓名 */
  legalRepName: string;
  /** 企业名称 */
  name: string;
};

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

/** 性别（由居民身份证号码第 17 位得出） */
export type Sex =
  /** 女 */
  | 'FEMALE'
  /** 男 */
  | 'MALE';

/** 时限单位 */
export type TimeUnit =
  /** 自然日 */
  | 'NATURAL_DAY'
  /** 工作日（按工作日历，跳过节假日、计入调休上班日） */
  | 'WORKING_DAY';

export type AddEnterpriseOperatorMutationVariables = Exact<{
  enterpriseId: string;
  phone: string;
}>;


export type AddEnterpriseOperatorMutation = { addEnterpriseOperator: { enterprise: { id: string, name: string, myRole: EnterpriseRole, operators: Array<{ addedAt: string, citizen: { id: string, phone: string, name: string | null, masked: boolean } }> | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type HallsOfRegionQueryVariables = Exact<{
  regionCode: string;
}>;


export type HallsOfRegionQuery = { halls: Array<{ id: string, code: string, name: string, address: string, hours: string, phone: string, windows: Array<{ number: string, name: string, kind: string }> }> };

export type ListDepartmentsQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  includeSubregions?: boolean;
  text?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListDepartmentsQuery = { departments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, shortName: string, kind: string, regionCode: string } }> } };

export type ListRegionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
  level?: Level | null | undefined;
}>;


export type ListRegionsQuery = { regions: Array<{ id: string, code: string, name: string, level: Level, parentCode: string | null }> };

export type LogoutMutationVariables = Exact<{
  allSessions: boolean;
}>;


export type LogoutMutation = { logout: { revoked: number, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type MyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProfileQuery = { myProfile: { id: string, phone: string, name: string | null, idNumber: string | null, birthDate: string | null, sex: Sex | null, verified: boolean, verifiedAt: string | null, masked: boolean, enterprises: Array<{ id: string, creditCode: string, name: string, myRole: EnterpriseRole, registeredAt: string, region: { code: string, name: string } | null }> | null } | null };

export type RefreshTokensMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshTokensMutation = { refreshTokens: { tokens: { token: string, expiresAt: string, refreshToken: string, refreshExpiresAt: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RegisterEnterpriseMutationVariables = Exact<{
  input: RegisterEnterpriseInput;
}>;


export type RegisterEnterpriseMutation = { registerEnterprise: { enterprise: { id: string, creditCode: string, name: string, myRole: EnterpriseRole, registeredAt: string, legalRepName: string, legalRepIdNumber: string, regionCode: string | null, region: { code: string, name: string } | null, operators: Array<{ addedAt: string, citizen: { id: string, phone: string, name: string | null, masked: boolean } }> | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RemoveEnterpriseOperatorMutationVariables = Exact<{
  enterpriseId: string;
  citizenId: string;
}>;


export type RemoveEnterpriseOperatorMutation = { removeEnterpriseOperator: { enterprise: { id: string, name: string, myRole: EnterpriseRole, operators: Array<{ addedAt: string, citizen: { id: string, phone: string, name: string | null, masked: boolean } }> | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RequestSmsCodeMutationVariables = Exact<{
  phone: string;
}>;


export type RequestSmsCodeMutation = { requestSmsCode: { sent: boolean, expiresInSeconds: number | null, resendAfterSeconds: number | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type SearchServiceItemsQueryVariables = Exact<{
  filter?: ServiceItemFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchServiceItemsQuery = { serviceItems: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, implementationCode: string, itemType: ItemType, level: Level, regionCode: string, online: boolean, instant: boolean, highFrequency: boolean, maxVisits: number, serviceObjects: Array<ServiceObject>, committedLimit: { value: number, unit: TimeUnit, text: string }, department: { id: string, name: string, shortName: string } } }> } };

export type ServiceItemGuideQueryVariables = Exact<{
  id: string;
}>;


export type ServiceItemGuideQuery = { serviceItem: { id: string, name: string, basicCode: string, implementationCode: string, itemType: ItemType, status: ItemStatus, level: Level, versionNumber: number, online: boolean, instant: boolean, maxVisits: number, serviceObjects: Array<ServiceObject>, legalBasis: string, acceptanceConditions: string, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, necessity: Necessity, sampleText: string, elicence: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> }, department: { id: string, name: string, shortName: string }, region: { code: string, name: string } } | null };

export type ServiceItemGuideByCodeQueryVariables = Exact<{
  code: string;
}>;


export type ServiceItemGuideByCodeQuery = { serviceItemByCode: { id: string, name: string, basicCode: string, implementationCode: string, itemType: ItemType, status: ItemStatus, level: Level, versionNumber: number, online: boolean, instant: boolean, maxVisits: number, serviceObjects: Array<ServiceObject>, legalBasis: string, acceptanceConditions: string, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, necessity: Necessity, sampleText: string, elicence: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> }, department: { id: string, name: string, shortName: string }, region: { code: string, name: string } } | null };

export type SignInWithSmsCodeMutationVariables = Exact<{
  phone: string;
  code: string;
}>;


export type SignInWithSmsCodeMutation = { signInWithSmsCode: { firstSignIn: boolean, tokens: { token: string, expiresAt: string, refreshToken: string, refreshExpiresAt: string } | null, citizen: { id: string, phone: string, name: string | null, verified: boolean, masked: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type VerifyRealNameMutationVariables = Exact<{
  name: string;
  idNumber: string;
}>;


export type VerifyRealNameMutation = { verifyRealName: { citizen: { id: string, phone: string, name: string | null, idNumber: string | null, birthDate: string | null, sex: Sex | null, verified: boolean, verifiedAt: string | null, masked: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };
