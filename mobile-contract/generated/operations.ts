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
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** Represents a file upload. */
  Upload: { input: unknown; output: unknown; }
};

/** 受理主题办件：待受理的各事项一并受理 */
export type AcceptBundleInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 逐项审查结果 */
  checks?: Array<BundleMaterialCheckInput>;
  /** 备注 */
  note?: Scalars['String']['input'];
};

/** 容缺受理主题办件：一份承诺、一张通知书 */
export type AcceptBundleWithMissingInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 已交材料的审查结果 */
  checks?: Array<BundleMaterialCheckInput>;
  /** 申请人承诺（已签署容缺受理承诺书） */
  commitment: Scalars['String']['input'];
  /** 容缺的材料 */
  missing: Array<BundleMissingMaterialInput>;
  /** 补齐期限；为空取 5 个工作日与各事项承诺期限中较早者 */
  supplyBy?: InputMaybe<Scalars['Date']['input']>;
};

/** 受理 */
export type AcceptCaseInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 逐项审查结果 */
  checks?: Array<MaterialCheckInput>;
  /** 备注 */
  note?: Scalars['String']['input'];
};

/** 容缺受理 */
export type AcceptCaseWithMissingInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 已交材料的审查结果 */
  checks?: Array<MaterialCheckInput>;
  /** 申请人承诺（已签署容缺受理承诺书） */
  commitment: Scalars['String']['input'];
  /** 容缺的材料 */
  missing: Array<MissingMaterialInput>;
  /** 补齐期限；为空取 5 个工作日与承诺期限中较早者 */
  supplyBy?: InputMaybe<Scalars['Date']['input']>;
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

/** 合作单位答复转送给它的办件（与签名接口 POST /exchange/<代码> 的消息相同） */
export type AnswerRoutedCaseInput = {
  /** 答复类型 */
  answer: RoutedCaseAnswer;
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 答复内容：number；decision、reason、result_number、result */
  data?: Scalars['JSON']['input'];
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
  /** 大厅窗口评价器：只能对本窗口刚办理的办件评价（rateAtWindow） */
  | 'HALL_DEVICE'
  /** 12345 政务服务便民热线：导入热线工单为投诉 */
  | 'HOTLINE'
  /** 省级一体化平台 */
  | 'PROVINCE'
  /** 水电气暖等公用事业单位：只读分派给本单位的子办件 */
  | 'UTILITY';

/** 申请人类型 */
export type ApplicantKind =
  /** 自然人 */
  | 'CITIZEN'
  /** 法人或其他组织 */
  | 'ENTERPRISE';

/** 申请内容 */
export type ApplicationInput = {
  /** 以企业身份申请：企业的全局 ID（须为其法定代表人或经办人） */
  enterpriseId?: InputMaybe<Scalars['ID']['input']>;
  /** 申请表数据：键为表单项 key */
  formData?: Scalars['JSON']['input'];
  /** 事项的全局 ID（ServiceItem） */
  itemId: Scalars['ID']['input'];
  /** 上传的材料（最多 60 项） */
  materials?: Array<MaterialFileInput>;
  /** 代办：委托人（群众）的全局 ID */
  principalCitizenId?: InputMaybe<Scalars['ID']['input']>;
  /** 代办：委托企业的全局 ID */
  principalEnterpriseId?: InputMaybe<Scalars['ID']['input']>;
  /** 办理情形编号（Situation.key）；事项只有一个情形时可省略 */
  situationKey?: InputMaybe<Scalars['Int']['input']>;
};

/** 申请主题服务（一件事）：一次申请、一张表、一套材料 */
export type ApplyForThemeInput = {
  /** 情形引导的回答：问题标识 → 选项值 */
  answers?: Scalars['JSON']['input'];
  /** 以企业身份申请：企业的全局 ID */
  enterpriseId?: InputMaybe<Scalars['ID']['input']>;
  /** 一表申请的表单数据：键为合并表单项的标识（平台已知的项自动填写） */
  formData?: Scalars['JSON']['input'];
  /** 幂等键：客户端为每次提交生成（8 到 64 个字符），重复提交返回同一主题办件 */
  idempotencyKey: Scalars['String']['input'];
  /** 一套材料（最多 60 项） */
  materials?: Array<BundleMaterialFileInput>;
  /** 申请人选择的合作单位（开户银行、刻章企业）：可选的只有一家时自动选定 */
  partners?: Array<BundlePartnerChoiceInput>;
  /** 代办：委托人（群众）的全局 ID */
  principalCitizenId?: InputMaybe<Scalars['ID']['input']>;
  /** 代办：委托企业的全局 ID */
  principalEnterpriseId?: InputMaybe<Scalars['ID']['input']>;
  /** 工程建设项目（工程建设项目审批主题必填：项目代码、投资类型、建设地点） */
  project?: InputMaybe<ConstructionProjectInput>;
  /** 主题编码 */
  themeCode?: InputMaybe<Scalars['String']['input']>;
  /** 主题的全局 ID（与 themeCode 二选一） */
  themeId?: InputMaybe<Scalars['ID']['input']>;
};

/** 预约操作的错误代码 */
export type AppointmentErrorCode =
  /** 该时段预约已满 */
  | 'FULL'
  /** 输入不合法（非工作日、已过去的时段、超过 30 天、当天已预约该事项等） */
  | 'INVALID'
  /** 无权操作（只有个人用户本人可以预约、取消） */
  | 'NOT_ALLOWED'
  /** 大厅、事项或预约不存在 */
  | 'NOT_FOUND'
  /** 尚未完成实名认证 */
  | 'NOT_VERIFIED';

/** 预约时段的类别 */
export type AppointmentSlotKind =
  /** 延时服务（大厅公布，工作日正常时段以外） */
  | 'EXTENDED_HOURS'
  /** 正常办公时段（工作日 9:00–12:00、13:30–17:00） */
  | 'REGULAR'
  /** 周末、节假日服务（大厅公布） */
  | 'WEEKEND';

/** 预约的状态 */
export type AppointmentStatus =
  /** 已到场办理 */
  | 'ATTENDED'
  /** 已预约 */
  | 'BOOKED'
  /** 已取消 */
  | 'CANCELLED'
  /** 未到场（爽约） */
  | 'MISSED';

/** 审查通过当前环节（最后一个环节即准予） */
export type ApproveCaseInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 审查意见 */
  opinion: Scalars['String']['input'];
};

/** 为帮办代办申请指派帮办代办员 */
export type AssignAssistanceAgentInput = {
  /** 帮办代办员的用户名 */
  agentUsername: Scalars['String']['input'];
  /** 申请的全局 ID */
  requestId: Scalars['ID']['input'];
};

/** 转办投诉给部门承办人 */
export type AssignComplaintInput = {
  /** 投诉的全局 ID */
  complaintId: Scalars['ID']['input'];
  /** 承办人（部门审批人员）的用户名 */
  handlerUsername: Scalars['String']['input'];
  /** 转办意见 */
  note?: Scalars['String']['input'];
};

/** 帮办代办员与申请人的一次联系的方式 */
export type AssistanceContactKind =
  /** 大厅陪同办理 */
  | 'HALL'
  /** 电话联系 */
  | 'PHONE'
  /** 视频连线 */
  | 'VIDEO'
  /** 上门走访 */
  | 'VISIT';

/** 帮办代办的类别 */
export type AssistanceKind =
  /** 预约办理 */
  | 'APPOINTMENT'
  /** 上门服务 */
  | 'DOOR_TO_DOOR'
  /** 延时服务 */
  | 'EXTENDED_HOURS'
  /** 远程视频帮办 */
  | 'REMOTE'
  /** 企业开办全程帮办 */
  | 'STARTUP'
  /** 周末服务 */
  | 'WEEKEND';

/** 一个维度的评分 */
export type AssistanceScoreInput = {
  /** 维度代码（见 ratingDimensionSets） */
  key: Scalars['String']['input'];
  /** 1 到 5 */
  score: Scalars['Int']['input'];
};

/** 帮办代办申请的状态 */
export type AssistanceStatus =
  /** 已指派帮办代办员，帮办中 */
  | 'ASSIGNED'
  /** 申请人已取消 */
  | 'CANCELLED'
  /** 申请人已确认办结 */
  | 'CONFIRMED'
  /** 已申请，待指派 */
  | 'REQUESTED';

/** 主题的服务对象 */
export type Audience =
  /** 企业（法人） */
  | 'ENTERPRISE'
  /** 个人（自然人） */
  | 'PERSON';

/** 预约一个时段 */
export type BookAppointmentInput = {
  /** 日期：今天起 30 天内的工作日 */
  date: Scalars['Date']['input'];
  /** 大厅代码，如 371500-ZWFWZX */
  hallCode: Scalars['String']['input'];
  /** 事项的全局 ID（ServiceItem） */
  itemId: Scalars['ID']['input'];
  /** 备注（最多 200 字） */
  note?: Scalars['String']['input'];
  /** 时段开始时间，如 09:00（上午 9:00–12:00、下午 13:30–17:00，每 30 分钟一段） */
  start: Scalars['String']['input'];
};

/** 预约转移登记的现场核验（网上审核通过后） */
export type BookBundleVerificationInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 日期（工作日，30 天内） */
  day: Scalars['Date']['input'];
  /** 备注（最多 200 字） */
  note?: Scalars['String']['input'];
  /** 时段开始，如 09:00（上午 9:00–12:00、下午 13:30–17:00，每 30 分钟） */
  start: Scalars['String']['input'];
};

/** 总时限的单位 */
export type BudgetUnit =
  /** 工作日 */
  | 'WORKING_DAY'
  /** 工作小时 */
  | 'WORKING_HOUR';

/** 主题办件用时相对时限的情况 */
export type BundleBudgetState =
  /** 办理中，用时已过半（预警） */
  | 'HALF_USED'
  /** 已在时限内办结 */
  | 'MET'
  /** 已办结，超出时限 */
  | 'MISSED'
  /** 办理中，用时未过半 */
  | 'ON_TRACK'
  /** 已超出时限 */
  | 'USED_UP';

/** 补正要求的一项 */
export type BundleCorrectionItemInput = {
  /** 只涉及这个事项的子办件；为空表示涉及的全部事项 */
  caseId?: InputMaybe<Scalars['ID']['input']>;
  /** 涉及的材料标识；为空表示与材料无关（如申请表） */
  key?: InputMaybe<Scalars['String']['input']>;
  /** 补正内容 */
  note: Scalars['String']['input'];
};

/** 主题办件操作的错误代码 */
export type BundleErrorCode =
  /** 刚被他人处理，请刷新后重试 */
  | 'CONFLICT'
  /** 补正已一次性告知过 */
  | 'CORRECTION_ALREADY_SENT'
  /** 期限晚于承诺办结期限 */
  | 'DEADLINE_TOO_LATE'
  /** 申请人在失信名单中 */
  | 'DISHONEST'
  /** 各事项的表单项无法合并 */
  | 'FORM_CONFLICT'
  /** 幂等键已用于内容不同的另一份申请 */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** 输入不合法 */
  | 'INVALID'
  /** 情形引导的回答不完整或不合法 */
  | 'INVALID_ANSWERS'
  /** 申请表填写有误 */
  | 'INVALID_FORM'
  /** 居民身份证号码不合法 */
  | 'INVALID_ID_NUMBER'
  /** 手机号码不合法 */
  | 'INVALID_PHONE'
  /** 主题办件或其事项当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 主题或其中的事项当前不可申请 */
  | 'ITEM_UNAVAILABLE'
  /** 缺少材料 */
  | 'MISSING_MATERIAL'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 该材料不能容缺 */
  | 'NOT_DEFERRABLE'
  /** 不存在或无权查看 */
  | 'NOT_FOUND'
  /** 申请人尚未实名认证 */
  | 'NOT_VERIFIED'
  /** 没有覆盖全部事项的有效委托 */
  | 'NO_MANDATE'
  /** 填写的姓名与该身份证号登记的姓名不一致 */
  | 'PERSON_MISMATCH'
  /** 主题中的事项在目录中已找不到 */
  | 'UNKNOWN_ITEM'
  /** 主题中的办理情形在事项中已找不到 */
  | 'UNKNOWN_SITUATION';

/** 主题办件中一个事项的进展 */
export type BundleItemState =
  /** 已准予（已办结，或结果待统一出件） */
  | 'COMPLETED'
  /** 未办成（不予许可、不予受理或已撤回） */
  | 'FAILED'
  /** 暂缓：所依赖的事项未办成 */
  | 'HELD'
  /** 办理中 */
  | 'OPEN'
  /** 待办：等待前一阶段（或所依赖的事项）办结 */
  | 'WAITING';

/** 窗口对一套材料中一份的审查结果（对用到它的每个事项都有效） */
export type BundleMaterialCheckInput = {
  /** 材料标识 */
  key: Scalars['String']['input'];
  /** 审查意见 */
  note?: Scalars['String']['input'];
  /** 符合审查要点 */
  ok?: Scalars['Boolean']['input'];
};

/** 一套材料中的一份：按主题材料清单的标识提交一次，各事项共用 */
export type BundleMaterialFileInput = {
  /** 材料标识（标准材料编码如 SFZ，或 M<编号>），见主题的材料清单 */
  key: Scalars['String']['input'];
  /** uploadMaterial 返回的文件 ID */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

/** 容缺的一份材料 */
export type BundleMissingMaterialInput = {
  /** 补交方式，如“网上上传”“到窗口补交” */
  how?: Scalars['String']['input'];
  /** 材料标识（须为“容缺后补”材料） */
  key: Scalars['String']['input'];
};

/** 窗口收取的一套材料中的一份 */
export type BundlePaperMaterialInput = {
  /** 材料标识 */
  key: Scalars['String']['input'];
  /** 申请人已当场提交 */
  provided?: Scalars['Boolean']['input'];
  /** 扫描件（可选） */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

/** 申请人为一个事项选择的合作单位（开户银行、刻章企业等） */
export type BundlePartnerChoiceInput = {
  /** 事项在主题中的标识（见 ThemeBundle 中 partnerKind 不为空的事项） */
  itemKey: Scalars['String']['input'];
  /** 所选合作单位的代码（见该事项的 partnerChoices） */
  partnerCode: Scalars['String']['input'];
};

/** 主题办件队列 */
export type BundleQueueKind =
  /** 全部可见的主题办件，新的在前 */
  | 'ALL'
  /** 待统一出件：各事项都已有结果，准予的结果待一次领取或一次寄递，先到先办 */
  | 'RESULT'
  /** 部门办理中：有事项在本人职责范围内审查 */
  | 'REVIEW'
  /** 窗口待受理：有事项待受理、待补正或拟不予受理，先到先办 */
  | 'WINDOW';

/** 对主题办件的一个决定或动作，附理由 */
export type BundleReasonInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 理由或意见 */
  reason?: Scalars['String']['input'];
};

/** 主题办件的状态（由各事项的办件状态推导，不单独存储） */
export type BundleStatus =
  /** 已申报，待窗口受理 */
  | 'AT_WINDOW'
  /** 已全部办结 */
  | 'DONE'
  /** 未获办理 */
  | 'FAILED'
  /** 办理中 */
  | 'IN_PROGRESS'
  /** 部分事项未获准予 */
  | 'PARTLY_DENIED'
  /** 办理结果已统一出件，待领取或寄递中 */
  | 'RESULTS_ISSUED'
  /** 各事项均已准予，办理结果待统一领取或寄递 */
  | 'RESULTS_READY'
  /** 待申请人补正或补齐材料 */
  | 'WAITING_APPLICANT'
  /** 已撤回 */
  | 'WITHDRAWN';

/** 补交的一份材料 */
export type BundleSuppliedMaterialInput = {
  /** 材料标识 */
  key: Scalars['String']['input'];
  /** 上传的文件；窗口收取纸质材料时为空 */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

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
  | 'IMPLIED'
  /** 该年节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的法定假日（暂定） */
  | 'STATUTORY';

/** 工作日历操作的错误代码 */
export type CalendarErrorCode =
  /** 输入不合法（日期类型与星期不符、缺少名称等） */
  | 'INVALID'
  /** 无权操作（不是管理员，或区划不在管辖范围内） */
  | 'NOT_ALLOWED'
  /** 区划不存在，或要清除的设置不存在 */
  | 'NOT_FOUND';

/** 取消一次预约 */
export type CancelAppointmentInput = {
  /** 预约的全局 ID */
  appointmentId: Scalars['ID']['input'];
  /** 取消原因（最多 200 字） */
  reason?: Scalars['String']['input'];
};

/** 办件时间线上的动作 */
export type CaseAction =
  /** 受理 */
  | 'ACCEPTED'
  /** 容缺受理 */
  | 'ACCEPTED_MISSING'
  /** 准予许可 */
  | 'APPROVED'
  /** 领取审查 */
  | 'CLAIMED'
  /** 办结 */
  | 'COMPLETED'
  /** 补正材料 */
  | 'CORRECTED'
  /** 补正部分材料 */
  | 'CORRECTED_PART'
  /** 一次性告知补正 */
  | 'CORRECTION_REQUESTED'
  /** 按公布的节假日安排重新计算期限 */
  | 'DEADLINE_RECOMPUTED'
  /** 登记契税缴纳（完税） */
  | 'DEED_TAX_PAID'
  /** 不予许可 */
  | 'DENIED'
  /** 保存草稿 */
  | 'DRAFT_SAVED'
  /** 签发电子证照 */
  | 'ELICENCE_ISSUED'
  /** 延长办理时限 */
  | 'EXTENDED'
  /** 转送办理单位（经签名交换） */
  | 'FORWARDED'
  /** 秒批通过 */
  | 'INSTANT_APPROVED'
  /** 不符合秒批条件，转人工审查 */
  | 'INSTANT_DECLINED'
  /** 现场核验通过 */
  | 'ONSITE_VERIFIED'
  /** 主题办件进入本阶段，直接分送部门办理 */
  | 'OPENED'
  /** 出卖人确认转移 */
  | 'PARTY_CONFIRMED'
  /** 评价 */
  | 'RATED'
  /** 窗口代为收件 */
  | 'RECEIVED'
  /** 确认不予受理 */
  | 'REJECTION_CONFIRMED'
  /** 否决拟不予受理意见 */
  | 'REJECTION_OVERTURNED'
  /** 拟不予受理 */
  | 'REJECTION_PROPOSED'
  /** 退回待审队列 */
  | 'RELEASED'
  /** 办理单位已接收 */
  | 'REMOTE_ACCEPTED'
  /** 补正后重新提交 */
  | 'RESUBMITTED'
  /** 出件 */
  | 'RESULT_ISSUED'
  /** 恢复办理 */
  | 'RESUMED'
  /** 审查中退回申请人补正 */
  | 'SENT_BACK'
  /** 审查环节通过 */
  | 'STEP_PASSED'
  /** 提交申请 */
  | 'SUBMITTED'
  /** 补齐容缺材料 */
  | 'SUPPLIED'
  /** 逾期未补齐材料 */
  | 'SUPPLY_EXPIRED'
  /** 提醒补齐材料 */
  | 'SUPPLY_REMINDED'
  /** 中止办理 */
  | 'SUSPENDED'
  /** 督办 */
  | 'URGED'
  /** 预约现场核验 */
  | 'VISIT_BOOKED'
  /** 红灯预警 */
  | 'WARNED_RED'
  /** 黄灯预警 */
  | 'WARNED_YELLOW'
  /** 撤回申请 */
  | 'WITHDRAWN';

/** 办件操作的错误代码 */
export type CaseErrorCode =
  /** 已延期过一次 */
  | 'ALREADY_EXTENDED'
  /** 办件刚被他人处理，请刷新后重试 */
  | 'CONFLICT'
  /** 补正已一次性告知过 */
  | 'CORRECTION_ALREADY_SENT'
  /** 期限晚于承诺办结期限 */
  | 'DEADLINE_TOO_LATE'
  /** 申请人在失信名单中 */
  | 'DISHONEST'
  /** 幂等键已用于内容不同的另一份申请 */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** 输入不合法 */
  | 'INVALID'
  /** 申请表填写有误 */
  | 'INVALID_FORM'
  /** 居民身份证号码不合法 */
  | 'INVALID_ID_NUMBER'
  /** 手机号码不合法 */
  | 'INVALID_PHONE'
  /** 办件当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 事项当前不可申请 */
  | 'ITEM_UNAVAILABLE'
  /** 缺少材料 */
  | 'MISSING_MATERIAL'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 该材料不能容缺 */
  | 'NOT_DEFERRABLE'
  /** 不存在或无权查看 */
  | 'NOT_FOUND'
  /** 申请人尚未实名认证 */
  | 'NOT_VERIFIED'
  /** 没有有效委托 */
  | 'NO_MANDATE'
  /** 填写的姓名与该身份证号登记的姓名不一致 */
  | 'PERSON_MISMATCH';

/** 对办件的动作（无需理由） */
export type CaseIdInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
};

/** 材料的提交情况 */
export type CaseMaterialState =
  /** 共享数据，免提交 */
  | 'EXEMPT'
  /** 容缺：受理后补交 */
  | 'MISSING'
  /** 未提交 */
  | 'PENDING'
  /** 已提交（上传或窗口收取） */
  | 'PROVIDED'
  /** 复用：电子证照或窗口已核验材料，无需再交 */
  | 'REUSED';

/** 办件队列的筛选条件 */
export type CaseQueueFilter = {
  /** 只看我领取的 */
  claimedByMe?: Scalars['Boolean']['input'];
  /** 办理部门 */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** 受理大厅 */
  hallCode?: InputMaybe<Scalars['String']['input']>;
  /** 只看秒批通过的办件（供抽查） */
  instantOnly?: Scalars['Boolean']['input'];
  /** 事项名称包含 */
  itemName?: InputMaybe<Scalars['String']['input']>;
  /** 办件号 */
  number?: InputMaybe<Scalars['String']['input']>;
  /** 区划（市或县） */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 只看这些状态（默认按队列） */
  statuses?: InputMaybe<Array<CaseStatus>>;
  /** 只看无人领取的 */
  unclaimed?: Scalars['Boolean']['input'];
};

/** 办件队列 */
export type CaseQueueKind =
  /** 全部可见办件，新的在前 */
  | 'ALL'
  /** 待出件、待领取，按办结期限排序 */
  | 'RESULT'
  /** 部门待审（含审查中、已中止），按办结期限排序 */
  | 'REVIEW'
  /** 窗口待受理（含待补正、拟不予受理），先到先办 */
  | 'WINDOW';

/** 对办件的一个决定或动作，附理由 */
export type CaseReasonInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 理由或意见 */
  reason?: Scalars['String']['input'];
};

/** 办件统计的范围：日期区间（含首尾，北京时间）与可选的区划、部门 */
export type CaseStatisticsFilter = {
  /** 开始日期（含） */
  dateFrom: Scalars['Date']['input'];
  /** 结束日期（含），区间最多 366 天 */
  dateTo: Scalars['Date']['input'];
  /** 只统计该部门的办件，如 371500-XZSPJ */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** 只统计该区划及其下级的办件，如 371525；超出调用者权限范围的部分不会计入 */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** 办件统计的分组方式 */
export type CaseStatisticsGroup =
  /** 按县（市、区）分组，市直部门的办件归为“市本级” */
  | 'COUNTY'
  /** 按日分组（区间内每天一行，含无办件的日期） */
  | 'DAY'
  /** 按办理部门分组 */
  | 'DEPARTMENT';

/** 办件状态 */
export type CaseStatus =
  /** 已受理（含容缺受理），在部门待审队列中 */
  | 'ACCEPTED'
  /** 准予许可，待出件 */
  | 'APPROVED'
  /** 已办结 */
  | 'COMPLETED'
  /** 待补正（已一次性告知） */
  | 'CORRECTION_REQUESTED'
  /** 不予许可 */
  | 'DENIED'
  /** 草稿 */
  | 'DRAFT'
  /** 不予受理 */
  | 'REJECTED'
  /** 窗口拟不予受理，待大厅负责人确认 */
  | 'REJECTION_PROPOSED'
  /** 已出件：待窗口领取或邮寄中 */
  | 'RESULT_ISSUED'
  /** 审查中退回申请人补正（申请人补正的时间不计入办理时限），补正后重新提交给原审批人员 */
  | 'RETURNED'
  /** 已申报，待窗口受理 */
  | 'SUBMITTED'
  /** 已中止（不计入办理时限） */
  | 'SUSPENDED'
  /** 审查中（已有审批人员领取） */
  | 'UNDER_REVIEW'
  /** 已撤回 */
  | 'WITHDRAWN';

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
  /** 申请表单数据不合法（逐项说明） */
  | 'INVALID_FORM'
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

/** 改变主题状态（暂停、恢复、取消） */
export type ChangeThemeStatusInput = {
  /** 主题的全局 ID */
  id: Scalars['ID']['input'];
  /** 原因（必填，将公示在一次告知中） */
  reason: Scalars['String']['input'];
};

/** 窗口为到场的预约人签到（预约当天） */
export type CheckInAppointmentInput = {
  /** 预约的全局 ID */
  appointmentId: Scalars['ID']['input'];
};

/** 清除某区划某一天的单独设置，恢复为上级区划或全国的安排 */
export type ClearCalendarDayInput = {
  /** 日期 */
  date: Scalars['Date']['input'];
  /** 区划代码 */
  regionCode: Scalars['String']['input'];
};

/** 申请人确认办结或取消申请 */
export type CloseAssistanceInput = {
  /** 评价或取消原因 */
  note?: Scalars['String']['input'];
  /** 申请的全局 ID */
  requestId: Scalars['ID']['input'];
};

/** 处理（关闭）一条对账差异 */
export type CloseExchangeDifferenceInput = {
  /** 差异的全局 ID */
  differenceId: Scalars['ID']['input'];
  /** 处理说明（2 到 500 个字），如“已与对方核实，对方已重新答复” */
  note: Scalars['String']['input'];
};

/** 投诉的预警牌 */
export type ComplaintCard =
  /** 红牌：已过期限仍未答复 */
  | 'RED'
  /** 黄牌：明天（下一工作日）到期仍未答复 */
  | 'YELLOW';

/** 投诉类别 */
export type ComplaintCategory =
  /** 服务态度 */
  | 'ATTITUDE'
  /** 工作纪律（吃拿卡要、推诿扯皮） */
  | 'CONDUCT'
  /** 办事效率 */
  | 'EFFICIENCY'
  /** 大厅环境与设施 */
  | 'ENVIRONMENT'
  /** 网上办事 */
  | 'ONLINE'
  /** 其他 */
  | 'OTHER'
  /** 办事规定与材料 */
  | 'RULES';

/** 投诉、帮办操作的错误代码 */
export type ComplaintErrorCode =
  /** 输入不合法 */
  | 'INVALID'
  /** 联系电话不是有效的手机号码 */
  | 'INVALID_PHONE'
  /** 当前状态不能这样操作 */
  | 'INVALID_STATE'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 投诉、对象、承办人或申请不存在 */
  | 'NOT_FOUND'
  /** 委托人尚未实名认证（指派帮办员时登记委托） */
  | 'NOT_VERIFIED'
  /** 匿名投诉过于频繁 */
  | 'RATE_LIMITED'
  /** 查询码错误次数过多，该编号的免登录查询暂停 */
  | 'TRACKING_LOCKED';

/** 投诉的一步操作：延期、办理、答复、办结（附意见） */
export type ComplaintNoteInput = {
  /** 投诉的全局 ID */
  complaintId: Scalars['ID']['input'];
  /** 延期理由、办理情况、答复内容或办结意见 */
  note?: Scalars['String']['input'];
};

/** 投诉的状态 */
export type ComplaintStatus =
  /** 已受理，待转办 */
  | 'ACCEPTED'
  /** 已答复，待回访 */
  | 'ANSWERED'
  /** 已转办，承办人办理中（含重办、督办） */
  | 'ASSIGNED'
  /** 已办结 */
  | 'CLOSED'
  /** 已办理，待答复 */
  | 'HANDLED'
  /** 已回访，待办结 */
  | 'REVISITED';

/** 投诉对象的类别 */
export type ComplaintTargetKind =
  /** 办件（办件号） */
  | 'CASE'
  /** 部门（代码） */
  | 'DEPARTMENT'
  /** 大厅（代码，如 371500-ZWFWZX） */
  | 'HALL'
  /** 工作人员（工号，即用户名） */
  | 'STAFF'
  /** 窗口（大厅代码/窗口号，如 371500-ZWFWZX/A01） */
  | 'WINDOW';

/** 主题办件办结：统一出件的结果已领取或已妥投 */
export type CompleteBundleInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 备注 */
  note?: Scalars['String']['input'];
};

/** 出卖人确认本次房屋转移 */
export type ConfirmBundlePartyInput = {
  /** 主题办件的全局 ID（mySales 中列出） */
  bundleId: Scalars['ID']['input'];
};

/** 事项的要素：三级十同的十个要素，以及版本对比另外比较的内容 */
export type ConsistencyElement =
  /** 受理条件 */
  | 'ACCEPTANCE_CONDITIONS'
  /** 俗称、别名（仅版本对比） */
  | 'ALIASES'
  /** 事项编码 */
  | 'CODE'
  /** 行使层级 */
  | 'EXERCISE_LEVEL'
  /** 收费项目 */
  | 'FEES'
  /** 收费依据（仅版本对比） */
  | 'FEE_BASIS'
  /** 申请表单（仅版本对比） */
  | 'FORM_FIELDS'
  /** 办理地点（仅版本对比） */
  | 'GUIDE_ADDRESS'
  /** 咨询电话（仅版本对比） */
  | 'GUIDE_CONTACT'
  /** 常见问题（仅版本对比） */
  | 'GUIDE_FAQ'
  /** 办理时间（仅版本对比） */
  | 'GUIDE_HOURS'
  /** 办理流程（仅版本对比） */
  | 'GUIDE_PROCESS'
  /** 高频事项（仅版本对比） */
  | 'HIGH_FREQUENCY'
  /** 即办件（仅版本对比） */
  | 'INSTANT'
  /** 秒批规则（仅版本对比） */
  | 'INSTANT_RULE'
  /** 事项类型 */
  | 'ITEM_TYPE'
  /** 搜索关键词（仅版本对比） */
  | 'KEYWORDS'
  /** 设定依据 */
  | 'LEGAL_BASIS'
  /** 申请材料 */
  | 'MATERIALS'
  /** 各情形材料的要求：形式、份数、载体、来源、电子证照、示范文本、审查要点（仅版本对比） */
  | 'MATERIAL_DETAILS'
  /** 最多跑动次数（仅版本对比） */
  | 'MAX_VISITS'
  /** 事项名称 */
  | 'NAME'
  /** 全程网办（仅版本对比） */
  | 'ONLINE'
  /** 签发电子证照（仅版本对比） */
  | 'RESULT_LICENCE'
  /** 审查环节（仅版本对比） */
  | 'REVIEW_STEPS'
  /** 服务对象 */
  | 'SERVICE_OBJECT'
  /** 办理情形及其适用条件（仅版本对比） */
  | 'SITUATIONS'
  /** 办理时限 */
  | 'TIME_LIMIT';

/** 工程建设项目（工程建设项目审批主题必填，其他主题不填）；项目单位即申请企业 */
export type ConstructionProjectInput = {
  /** 项目代码（投资项目在线审批监管平台赋码），如 2025-371500-47-01-000123 */
  code: Scalars['String']['input'];
  /** 投资类型 */
  investmentType: InvestmentType;
  /** 建设地点（不超过 200 个字） */
  site: Scalars['String']['input'];
};

/** 补正要求的一项 */
export type CorrectionItemInput = {
  /** 涉及的材料编号；为空表示与材料无关（如申请表） */
  materialKey?: InputMaybe<Scalars['Int']['input']>;
  /** 补正内容 */
  note: Scalars['String']['input'];
};

/** 事项受理后的去向（从登录窗口人员所在大厅看） */
export type CounterDestination =
  /** 县级部门决定：受理后进入该县的审批队列（代为收件） */
  | 'COUNTY'
  /** 其他区划的事项：不由本大厅受理 */
  | 'ELSEWHERE'
  /** 本级办理 */
  | 'LOCAL'
  /** 经签名交换转送省级平台或合作单位决定 */
  | 'PARTNER';

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
  /** 大厅评价器必填：所在窗口编号 */
  windowId?: InputMaybe<Scalars['Int']['input']>;
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

/** 登记合作单位 */
export type CreatePartnerInput = {
  /** 代码：2 到 32 位小写字母、数字或连字符 */
  code: Scalars['String']['input'];
  /** 设置（名称、类型、区划、接收地址必填） */
  fields: PartnerFieldsInput;
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

/** 新建主题（保存为草稿，版本 1；保存时即检查每一种回答组合） */
export type CreateThemeDraftInput = {
  /** 变更说明 */
  changeNote?: Scalars['String']['input'];
  /** 主题编码：小写字母开头，只含小写字母、数字和连字符，如 open-restaurant */
  code: Scalars['String']['input'];
  /** 主题内容；name、audience、lifeStage、leadDepartment、budget、guide、stages 必填 */
  content: ThemeContentInput;
  /** 所属区划代码，默认操作人所在区划 */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** 时限预警 */
export type DeadlineWarning =
  /** 正常 */
  | 'NONE'
  /** 红灯：已超过承诺时限 */
  | 'RED'
  /** 黄灯：临近承诺时限 */
  | 'YELLOW';

/** 决定书的种类 */
export type DecisionKind =
  /** 不予许可决定书（审查后不予许可，含容缺材料逾期未补齐） */
  | 'DENIAL'
  /** 不予受理决定书（窗口受理时不予受理，经大厅负责人确认） */
  | 'REJECTION';

/** 删除全市同义词表中的一条 */
export type DeleteSearchSynonymInput = {
  /** 群众的说法 */
  term: Scalars['String']['input'];
};

/** 停用工作人员账号 */
export type DisableStaffUserInput = {
  /** 账号的全局 ID */
  id: Scalars['ID']['input'];
  /** 停用原因（记入账号） */
  reason: Scalars['String']['input'];
};

/** 放弃事项的草稿版本 */
export type DiscardServiceItemDraftInput = {
  /** 事项的全局 ID */
  id: Scalars['ID']['input'];
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

/** 对账差异查询条件 */
export type ExchangeDifferenceFilter = {
  /** true 只看未处理的，false 只看已处理的 */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  /** 合作单位代码 */
  partnerCode?: InputMaybe<Scalars['String']['input']>;
};

/** 对账差异的类型 */
export type ExchangeDifferenceKind =
  /** 状态不一致：对方的状态与本平台不同（多为答复在途中丢失） */
  | 'STATUS'
  /** 未送达：该件的消息投递失败（死信），对方从未收到 */
  | 'UNDELIVERED'
  /** 对方无此件：对方已确认收到消息，查询时却答复无此件 */
  | 'UNKNOWN_TO_PEER';

/** 交换消息的方向 */
export type ExchangeDirection =
  /** 收到：合作单位发来 */
  | 'IN'
  /** 发出：本平台发给合作单位 */
  | 'OUT';

/** 交换操作的错误代码 */
export type ExchangeErrorCode =
  /** 办件刚被他人处理 */
  | 'CONFLICT'
  /** 输入不合法 */
  | 'INVALID'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 容缺材料尚未补齐 */
  | 'MISSING_MATERIAL'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 不存在或不在本区划 */
  | 'NOT_FOUND';

/** 交换日志查询条件 */
export type ExchangeLogFilter = {
  /** 办件号 */
  caseNumber?: InputMaybe<Scalars['String']['input']>;
  /** 方向 */
  direction?: InputMaybe<ExchangeDirection>;
  /** 合作单位代码 */
  partnerCode?: InputMaybe<Scalars['String']['input']>;
  /** 只看这些状态（如 DEAD、REFUSED） */
  statuses?: InputMaybe<Array<ExchangeStatus>>;
};

/** 交换消息的状态 */
export type ExchangeStatus =
  /** 已验证并应用到办件 */
  | 'APPLIED'
  /** 投递失败（死信），管理员可重发 */
  | 'DEAD'
  /** 已送达（对方已应答 2xx） */
  | 'DELIVERED'
  /** 已验证，但办件无需变化（如迟到的消息） */
  | 'IGNORED'
  /** 待投递（含失败后等待重试） */
  | 'PENDING'
  /** 已拒绝（签名、时间戳、合作单位或重放校验未通过），未应用 */
  | 'REFUSED'
  /** 正在投递 */
  | 'SENDING';

/** 延长办理时限 */
export type ExtendCaseInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 延长的工作日数（1 到 30，只能延长一次） */
  days: Scalars['Int']['input'];
  /** 延期理由 */
  reason: Scalars['String']['input'];
};

/** 延长整改期限（一次） */
export type ExtendRectificationInput = {
  /** 延长的工作日数（1 到 10） */
  days: Scalars['Int']['input'];
  /** 整改单的全局 ID */
  id: Scalars['ID']['input'];
  /** 延期理由 */
  reason: Scalars['String']['input'];
};

/** 大厅公布的加开时段类别 */
export type ExtraSlotKind =
  /** 延时服务：工作日正常时段以外 */
  | 'EXTENDED_HOURS'
  /** 周末、节假日服务：非工作日 */
  | 'WEEKEND';

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

/** 一表申请中由平台预填的表单项的来源 */
export type FieldSource =
  /** 申请人实名信息（身份证号码） */
  | 'APPLICANT_ID_NUMBER'
  /** 申请人实名信息（姓名） */
  | 'APPLICANT_NAME'
  /** 申请人账号绑定的手机号码 */
  | 'APPLICANT_PHONE'
  /** 企业登记信息（住所） */
  | 'ENTERPRISE_ADDRESS'
  /** 企业登记信息（统一社会信用代码） */
  | 'ENTERPRISE_CREDIT_CODE'
  /** 企业登记信息（法定代表人） */
  | 'ENTERPRISE_LEGAL_REPRESENTATIVE'
  /** 企业登记信息（名称） */
  | 'ENTERPRISE_NAME'
  /** 营业执照核准后自动填写（新设企业的统一社会信用代码） */
  | 'FOUNDED_CREDIT_CODE'
  /** 营业执照核准后自动填写（成立日期） */
  | 'FOUNDED_DATE'
  /** 营业执照核准后自动填写（新设企业的名称） */
  | 'FOUNDED_NAME';

/** 追加评价 */
export type FollowUpRatingInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 追加评价内容 */
  comment: Scalars['String']['input'];
  /** 追加评价的等级 1 到 5 */
  level: Scalars['Int']['input'];
};

/** 申请表单项 */
export type FormFieldInput = {
  /** 填写说明（不超过 200 个字符） */
  help?: Scalars['String']['input'];
  /** 标识：小写字母开头，只含字母、数字和下划线，不超过 32 个字符，事项内唯一 */
  key: Scalars['String']['input'];
  /** 名称（不超过 32 个字符） */
  label: Scalars['String']['input'];
  /** 最大值（仅数字项） */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** 最大字符数（仅文本项） */
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  /** 最小值（仅数字项） */
  min?: InputMaybe<Scalars['Float']['input']>;
  /** 可选项（仅单选项，至少一项） */
  options?: Array<Scalars['String']['input']>;
  /** 必填 */
  required?: Scalars['Boolean']['input'];
  /** 类型，默认单行文本 */
  type?: FormFieldType;
};

/** 申请表单项的类型 */
export type FormFieldType =
  /** 地址（个人信息：除申请人本人外脱敏显示） */
  | 'ADDRESS'
  /** 是/否 */
  | 'BOOLEAN'
  /** 统一社会信用代码（校验末位校验码） */
  | 'CREDIT_CODE'
  /** 日期（YYYY-MM-DD） */
  | 'DATE'
  /** 居民身份证号码（校验末位校验码，x 转为大写） */
  | 'ID_NUMBER'
  /** 数字 */
  | 'NUMBER'
  /** 一个人的姓名（个人信息：除申请人本人外脱敏显示） */
  | 'PERSON_NAME'
  /** 11 位手机号码 */
  | 'PHONE'
  /** 单选（从选项中选择一项） */
  | 'SELECT'
  /** 单行文本 */
  | 'TEXT'
  /** 多行文本 */
  | 'TEXTAREA';

/** 设立登记拟设立的企业（尚未登记，不能按信用代码查找）；经营者（投资人）即申请人本人 */
export type FutureEnterpriseInput = {
  /** 住所（经营场所），5 至 200 个字 */
  address?: Scalars['String']['input'];
  /** 企业类型：个人独资企业、个体工商户、合伙企业、有限责任公司、股份有限公司、农民专业合作社 */
  kind?: Scalars['String']['input'];
  /** 企业名称（与名称自主申报结果一致，2 至 64 个字） */
  name?: Scalars['String']['input'];
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

/** 导入一件 12345 热线工单为投诉（热线系统的 API 密钥） */
export type ImportHotlineComplaintInput = {
  /** 投诉类别 */
  category: ComplaintCategory;
  /** 来电人姓名 */
  contactName?: Scalars['String']['input'];
  /** 来电号码 */
  contactPhone?: Scalars['String']['input'];
  /** 投诉内容 */
  content: Scalars['String']['input'];
  /** 热线工单号（同一工单重复导入时返回原投诉） */
  hotlineRef: Scalars['String']['input'];
  /** 投诉对象 */
  targetCode: Scalars['String']['input'];
  /** 投诉对象类别 */
  targetKind: ComplaintTargetKind;
};

/** 秒批规则的条件：全部满足时提交即批准 */
export type InstantCondition =
  /** 申请人已实名认证 */
  | 'IDENTITY_VERIFIED'
  /** 必要材料全部由电子证照或共享数据提供 */
  | 'MATERIALS_BY_EVIDENCE'
  /** 申请人不在失信名单 */
  | 'NOT_DISHONEST';

/** 秒批规则 */
export type InstantRuleInput = {
  /** 规则编码，如 instant-200170001000 */
  code: Scalars['String']['input'];
  /** 须全部满足的条件（至少一项） */
  conditions: Array<InstantCondition>;
  /** 规则版本（不小于 1；规则内容变化时加 1） */
  version?: Scalars['Int']['input'];
};

/** 投资类型 */
export type InvestmentType =
  /** 政府投资（主流程 70 个工作日内，可配置） */
  | 'GOVERNMENT'
  /** 社会投资（主流程 45 个工作日内，可配置） */
  | 'SOCIAL';

/** 主题办件统一出件：各事项办完后，办理结果一次领取或一次寄递 */
export type IssueBundleResultsInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 出件方式：窗口一次领取、一次邮寄，或电子证照（各事项均有电子证照时） */
  method: ResultMethod;
  /** 邮寄运单号（邮寄时必填） */
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
};

/** 出件 */
export type IssueCaseResultInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 出件方式 */
  method: ResultMethod;
  /** 邮寄运单号（邮寄时必填） */
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
};

/** 事项内容；修改草稿时只传要改的字段，situations 传入则整体替换 */
export type ItemContentInput = {
  /** 受理条件 */
  acceptanceConditions?: InputMaybe<Scalars['String']['input']>;
  /** 俗称、别名（群众的叫法，如“准生证”），聊易找按其排在关键词之前 */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 承诺时限 */
  committedLimit?: InputMaybe<TimeLimitInput>;
  /** 行使层级 */
  exerciseLevels?: InputMaybe<Array<Level>>;
  /** 收费项目；空列表表示不收费 */
  fees?: InputMaybe<Array<FeeInput>>;
  /** 申请表单项（最多 50 个），整体替换 */
  formFields?: InputMaybe<Array<FormFieldInput>>;
  /** 办事指南 */
  guide?: InputMaybe<GuideInput>;
  /** 高频事项 */
  highFrequency?: InputMaybe<Scalars['Boolean']['input']>;
  /** 即办件 */
  instant?: InputMaybe<Scalars['Boolean']['input']>;
  /** 秒批规则（仅即办件；即办件发布前必填）；传 null 表示取消秒批规则 */
  instantRule?: InputMaybe<InstantRuleInput>;
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
  /** 批准后核发的电子证照类型；传 null 或空字符串表示不出证照 */
  resultLicence?: InputMaybe<Scalars['String']['input']>;
  /** 后台审查环节（最多 6 个，按顺序），整体替换；空列表表示只有“审查决定” */
  reviewSteps?: InputMaybe<Array<Scalars['String']['input']>>;
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

/** 生命周期阶段（高效办成一件事）：企业六个、个人十个 */
export type LifeStage =
  /** 个人：身后 */
  | 'AFTER_DEATH'
  /** 个人：救助 */
  | 'ASSISTANCE'
  /** 个人：出生 */
  | 'BIRTH'
  /** 企业：工程建设 */
  | 'CONSTRUCTION'
  /** 个人：教育 */
  | 'EDUCATION'
  /** 个人：养老 */
  | 'ELDERLY'
  /** 个人：就业 */
  | 'EMPLOYMENT'
  /** 企业：准入准营 */
  | 'ENTRY'
  /** 企业：注销退出 */
  | 'EXIT'
  /** 企业：招聘用工 */
  | 'HIRING'
  /** 个人：置业 */
  | 'HOUSING'
  /** 个人：生活 */
  | 'LIVING'
  /** 个人：就医 */
  | 'MEDICAL'
  /** 企业：经营发展 */
  | 'OPERATION'
  /** 企业：纳税缴费 */
  | 'TAX'
  /** 个人：出行 */
  | 'TRAVEL';

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

/** 窗口对一份材料的审查结果 */
export type MaterialCheckInput = {
  /** 材料编号 */
  materialKey: Scalars['Int']['input'];
  /** 审查意见 */
  note?: Scalars['String']['input'];
  /** 符合审查要点 */
  ok?: Scalars['Boolean']['input'];
};

/** 一份材料：上传的文件（不传则由复用、共享数据或窗口收取满足） */
export type MaterialFileInput = {
  /** 材料编号（Material.key） */
  materialKey: Scalars['Int']['input'];
  /** uploadMaterial 返回的文件 ID */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
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
  /** 标准材料编码（材料互认，如 SFZ、YYZZ；申请书为 SQB）；为空表示非标准材料 */
  standardCode?: InputMaybe<Scalars['String']['input']>;
};

/** 材料载体 */
export type MaterialMedia =
  /** 电子 */
  | 'ELECTRONIC'
  /** 纸质 */
  | 'PAPER'
  /** 纸质或电子均可 */
  | 'PAPER_OR_ELECTRONIC';

/** 容缺的一份材料 */
export type MissingMaterialInput = {
  /** 补交方式，如“网上上传”“到窗口补交” */
  how?: Scalars['String']['input'];
  /** 材料编号（须为“容缺后补”材料） */
  materialKey: Scalars['Int']['input'];
};

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

/** 窗口收取的一份材料 */
export type PaperMaterialInput = {
  /** 材料编号 */
  materialKey: Scalars['Int']['input'];
  /** 申请人已当场提交 */
  provided?: Scalars['Boolean']['input'];
  /** 扫描件（可选） */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

/** 合作单位的设置（修改时只传要改的项） */
export type PartnerFieldsInput = {
  /** 接收地址（http(s)://…） */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** 是否启用 */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** 类型 */
  kind?: InputMaybe<PartnerKind>;
  /** 最多尝试次数（1–20） */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  /** 名称 */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 所属区划代码 */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 转送给它的事项基本编码（12 位） */
  routes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 超时（0.5–60 秒） */
  timeoutSeconds?: InputMaybe<Scalars['Float']['input']>;
};

/** 对一个合作单位的操作 */
export type PartnerIdInput = {
  /** 合作单位的全局 ID */
  partnerId: Scalars['ID']['input'];
};

/** 合作单位类型 */
export type PartnerKind =
  /** 银行（政银合作：开户等） */
  | 'BANK'
  /** 县（市、区）政务服务系统 */
  | 'COUNTY'
  /** 其他合作单位 */
  | 'OTHER'
  /** 省级政务服务平台（省级委托收件，由其决定） */
  | 'PROVINCE'
  /** 公章刻制企业 */
  | 'SEAL_CARVER'
  /** 水电气网公共服务企业 */
  | 'UTILITY';

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
  /** 申请表中的个人信息（办件、主题办件）：姓名、手机号码、身份证号码、地址等表单项，逐项返回 */
  | 'FORM_DATA'
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
  /** 主题办件（一表申请中的个人信息） */
  | 'BUNDLE'
  /** 办件（申请表中的个人信息） */
  | 'CASE'
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

/** 工程建设项目一个阶段的进展 */
export type ProjectStageStatus =
  /** 已办结 */
  | 'DONE'
  /** 暂缓：所依赖的事项退回补正或未办成 */
  | 'HELD'
  /** 办理中 */
  | 'RUNNING'
  /** 待开始：等待前一阶段办结 */
  | 'WAITING'
  /** 待申请人补正、重新提交或重新申请 */
  | 'WITH_APPLICANT';

/** 申请人要做的事 */
export type ProjectTodoKind =
  /** 按一次性告知补正材料（supplyBundleMaterials） */
  | 'CORRECT'
  /** 重新申请未办成的事项（reapplyBundleItem） */
  | 'REAPPLY'
  /** 按退回意见补正后重新提交（resubmitCase） */
  | 'RESUBMIT';

/** 大厅公布延时或周末服务时段：从开始到结束每 30 分钟一段 */
export type PublishExtraSlotsInput = {
  /** 每段可预约人数（1 到 50） */
  capacity: Scalars['Int']['input'];
  /** 日期 */
  date: Scalars['Date']['input'];
  /** 结束时间，如 19:00 */
  end: Scalars['String']['input'];
  /** 大厅代码 */
  hallCode: Scalars['String']['input'];
  /** 类别 */
  kind: ExtraSlotKind;
  /** 开始时间，如 17:00 */
  start: Scalars['String']['input'];
};

/** 发布事项的草稿版本 */
export type PublishServiceItemInput = {
  /** 事项的全局 ID */
  id: Scalars['ID']['input'];
};

/** 发布服务菜单的新版本（整体替换，按顺序） */
export type PublishServiceMenuInput = {
  /** 变更说明 */
  changeNote?: Scalars['String']['input'];
  /** 菜单项（按顺序，最多 60 项） */
  entries: Array<ServiceMenuEntryInput>;
};

/** 发布主题的草稿版本 */
export type PublishThemeInput = {
  /** 主题的全局 ID */
  id: Scalars['ID']['input'];
};

/** 情形引导问题的类型 */
export type QuestionKind =
  /** 单选 */
  | 'CHOICE'
  /** 是/否（选项值 yes、no） */
  | 'YES_NO';

/** 评价确认办结的帮办代办（好差评，与办件相同的等级和维度） */
export type RateAssistanceInput = {
  /** 渠道：app 或 web */
  channel?: Scalars['String']['input'];
  /** 评价内容（不满意时必填） */
  comment?: Scalars['String']['input'];
  /** 等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意 */
  level: Scalars['Int']['input'];
  /** 申请的全局 ID */
  requestId: Scalars['ID']['input'];
  /** 各维度评分（见 ratingDimensionSets：上门、大厅等为窗口服务维度，远程视频为网上办事维度） */
  scores?: InputMaybe<Array<AssistanceScoreInput>>;
};

/** 窗口评价器评价本窗口刚办理的办件 */
export type RateAtWindowInput = {
  /** 评价内容（不满意时必填） */
  comment?: Scalars['String']['input'];
  /** 等级 1 到 5 */
  level: Scalars['Int']['input'];
  /** 各维度评分（窗口服务维度） */
  scores?: InputMaybe<Array<RatingScoreInput>>;
};

/** 通过短信链接评价主题办件（一件事，不登录） */
export type RateBundleByLinkInput = {
  /** 评价内容（不满意时必填） */
  comment?: Scalars['String']['input'];
  /** 等级 1 到 5 */
  level: Scalars['Int']['input'];
  /** 链接中的令牌（一次有效，到期失效） */
  token: Scalars['String']['input'];
};

/** 评价主题办件（一件事整体评价一次，各部门的事项都计入） */
export type RateBundleInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 渠道：app、web、sms、window、qr */
  channel?: Scalars['String']['input'];
  /** 评价内容（不满意时必填） */
  comment?: Scalars['String']['input'];
  /** 等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意 */
  level: Scalars['Int']['input'];
};

/** 通过短信链接或二维码评价（不登录） */
export type RateCaseByLinkInput = {
  /** 评价内容（不满意时必填） */
  comment?: Scalars['String']['input'];
  /** 等级 1 到 5 */
  level: Scalars['Int']['input'];
  /** 各维度评分 */
  scores?: InputMaybe<Array<RatingScoreInput>>;
  /** 链接中的令牌（一次有效，到期失效） */
  token: Scalars['String']['input'];
};

/** 评价办件（办结后，每件一次） */
export type RateCaseInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 渠道：app 或 web（短信链接、二维码用 rateCaseByLink，窗口评价器用 rateAtWindow） */
  channel?: Scalars['String']['input'];
  /** 评价内容（不满意时必填） */
  comment?: Scalars['String']['input'];
  /** 等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意 */
  level: Scalars['Int']['input'];
  /** 各维度评分（见 ratingDimensionSets；整体满意度即等级） */
  scores?: InputMaybe<Array<RatingScoreInput>>;
};

/** 一个维度的评分 */
export type RatingScoreInput = {
  /** 维度代码（见 ratingDimensionSets） */
  key: Scalars['String']['input'];
  /** 1 到 5 */
  score: Scalars['Int']['input'];
};

/** 二手房转移登记操作的错误代码 */
export type RealEstateErrorCode =
  /** 刚被他人处理，请刷新后重试 */
  | 'CONFLICT'
  /** 该时段预约已满 */
  | 'FULL'
  /** 输入不合法 */
  | 'INVALID'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 不存在或无权查看 */
  | 'NOT_FOUND'
  /** 尚未完成实名认证 */
  | 'NOT_VERIFIED';

/** 在主题办件中重新申请一个未办成的事项 */
export type ReapplyBundleItemInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 未办成的子办件（该事项当前的子办件） */
  caseId: Scalars['ID']['input'];
  /** 要修改的该事项表单项（其余沿用一表申请） */
  formData?: Scalars['JSON']['input'];
  /** 重新提交的材料 */
  materials?: Array<BundleMaterialFileInput>;
};

/** 窗口代为收件：主题服务（一件事） */
export type ReceiveWalkInBundleInput = {
  /** 情形引导的回答 */
  answers?: Scalars['JSON']['input'];
  /** 申请人 */
  applicant: WalkInApplicantInput;
  /** 一表申请的表单数据 */
  formData?: Scalars['JSON']['input'];
  /** 幂等键（8 到 64 个字符） */
  idempotencyKey: Scalars['String']['input'];
  /** 当场收取的材料 */
  materials?: Array<BundlePaperMaterialInput>;
  /** 申请人选择的合作单位（开户银行、刻章企业）：可选的只有一家时自动选定 */
  partners?: Array<BundlePartnerChoiceInput>;
  /** 工程建设项目（工程建设项目审批主题必填） */
  project?: InputMaybe<ConstructionProjectInput>;
  /** 主题编码 */
  themeCode?: InputMaybe<Scalars['String']['input']>;
  /** 主题的全局 ID（与 themeCode 二选一） */
  themeId?: InputMaybe<Scalars['ID']['input']>;
};

/** 窗口代为收件 */
export type ReceiveWalkInInput = {
  /** 申请人 */
  applicant: WalkInApplicantInput;
  /** 申请表数据 */
  formData?: Scalars['JSON']['input'];
  /** 幂等键（8 到 64 个字符） */
  idempotencyKey: Scalars['String']['input'];
  /** 事项的全局 ID */
  itemId: Scalars['ID']['input'];
  /** 当场收取的材料 */
  materials?: Array<PaperMaterialInput>;
  /** 办理情形编号 */
  situationKey?: InputMaybe<Scalars['Int']['input']>;
};

/** 记录一次联系或走访 */
export type RecordAssistanceContactInput = {
  /** 方式 */
  kind: AssistanceContactKind;
  /** 记录 */
  note: Scalars['String']['input'];
  /** 申请的全局 ID */
  requestId: Scalars['ID']['input'];
};

/** 税务部门登记契税缴纳 */
export type RecordDeedTaxPaymentInput = {
  /** 缴纳税款（元，最多两位小数），如 "30000.00" */
  amountYuan: Scalars['String']['input'];
  /** 契税子办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 完税凭证号（6–32 位数字、字母或连字符） */
  receiptNumber: Scalars['String']['input'];
};

/** 回访实名差评人 */
export type RecordRatingRevisitInput = {
  /** 整改单的全局 ID */
  id: Scalars['ID']['input'];
  /** phone 电话、sms 短信、visit 上门 */
  method?: Scalars['String']['input'];
  /** 回访记录 */
  note?: Scalars['String']['input'];
  /** 对整改结果的满意度 1 到 5 */
  satisfaction: Scalars['Int']['input'];
};

/** 对整改单的操作（附说明） */
export type RectificationInput = {
  /** 整改单的全局 ID */
  id: Scalars['ID']['input'];
  /** 整改措施、理由或意见 */
  text?: Scalars['String']['input'];
};

/** 审核无法整改或复核申诉 */
export type RectificationReviewInput = {
  /** 无法整改：true 认可；申诉：true 申诉成立 */
  approve: Scalars['Boolean']['input'];
  /** 整改单的全局 ID */
  id: Scalars['ID']['input'];
  /** 审核意见 */
  note: Scalars['String']['input'];
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

/** 申请帮办代办（实名认证的个人用户；为企业申请时须是其法定代表人或经办人） */
export type RequestAssistanceInput = {
  /** 上门服务的地址 */
  address?: Scalars['String']['input'];
  /** 需要帮助的事项（2 到 1000 字） */
  description: Scalars['String']['input'];
  /** 为企业申请时，企业的全局 ID */
  enterpriseId?: InputMaybe<Scalars['ID']['input']>;
  /** 大厅代码 */
  hallCode: Scalars['String']['input'];
  /** 类别 */
  kind: AssistanceKind;
  /** 希望办理的日期 */
  preferredDay?: InputMaybe<Scalars['Date']['input']>;
};

/** 一次性告知补正：一件事一张告知单 */
export type RequestBundleCorrectionInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 需要补正的全部内容（只能告知一次） */
  items: Array<BundleCorrectionItemInput>;
  /** 总体说明 */
  note?: Scalars['String']['input'];
};

/** 一次性告知补正 */
export type RequestCaseCorrectionInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 需要补正的全部内容（只能告知一次） */
  items: Array<CorrectionItemInput>;
  /** 总体说明 */
  note?: Scalars['String']['input'];
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

/** 投诉人凭投诉编号和查询码对答复表态（免登录） */
export type RespondToComplaintInput = {
  /** 意见 */
  note?: Scalars['String']['input'];
  /** 投诉编号 */
  number: Scalars['String']['input'];
  /** 查询码 */
  queryCode: Scalars['String']['input'];
  /** 是否满意 */
  satisfied: Scalars['Boolean']['input'];
};

/** 补正后重新提交退回的办件 */
export type ResubmitCaseInput = {
  /** 退回补正的办件 */
  caseId: Scalars['ID']['input'];
  /** 重新提交的材料 */
  materials?: Array<ResubmittedMaterialInput>;
  /** 补正说明 */
  note?: Scalars['String']['input'];
};

/** 补正后重新提交的一份材料 */
export type ResubmittedMaterialInput = {
  /** 材料的全局 ID（退回时要求重新提交的） */
  materialId: Scalars['ID']['input'];
  /** uploadMaterial 返回的文件 ID */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

/** 出件方式 */
export type ResultMethod =
  /** 电子证照（无纸质结果） */
  | 'ELECTRONIC'
  /** 窗口领取 */
  | 'PICKUP'
  /** 邮寄送达 */
  | 'POSTAL';

/** 重发一条死信 */
export type RetryExchangeMessageInput = {
  /** 日志记录的全局 ID */
  id: Scalars['ID']['input'];
};

/** 重试一条发送失败的通知 */
export type RetryNotificationInput = {
  /** 发件记录的全局 ID */
  id: Scalars['ID']['input'];
};

/** 申请查看完整的个人信息：须说明原因，每次查看都记入访问日志 */
export type RevealPersonalDataInput = {
  /** 要查看的信息项（群众：姓名、手机号码、身份证号码；企业：法定代表人姓名、身份证号码；工作人员：姓名；办件、主题办件：申请表中的个人信息） */
  fields: Array<PersonalDataField>;
  /** 查看原因（至少 4 个字），如“核对申请人身份” */
  reason: Scalars['String']['input'];
  /** 被查看主体的全局 ID：群众（Citizen）、企业（Enterprise）、工作人员（StaffUser）、办件（Case）或主题办件（Bundle） */
  subjectId: Scalars['ID']['input'];
};

/** 回访：投诉人对答复是否满意（大厅负责人记录，或登录的投诉人本人填写） */
export type RevisitComplaintInput = {
  /** 投诉的全局 ID */
  complaintId: Scalars['ID']['input'];
  /** 回访记录或投诉人的意见 */
  note?: Scalars['String']['input'];
  /** 是否满意；不满意时第一次重办，重办后仍不满意下督办单 */
  satisfied: Scalars['Boolean']['input'];
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

/** 合作单位对转送办件的答复 */
export type RoutedCaseAnswer =
  /** 已接收（可附本单位编号） */
  | 'ACCEPTED'
  /** 已办结：准予（approved）或不予办理（denied） */
  | 'DECIDED';

/** 保存申请草稿 */
export type SaveApplicationDraftInput = {
  /** 申请内容 */
  application: ApplicationInput;
  /** 要更新的草稿（办件全局 ID）；为空则新建 */
  draftId?: InputMaybe<Scalars['ID']['input']>;
};

/** 搜索结果的类别 */
export type SearchHitKind =
  /** 事项（同一基本编码的多个实施合为一条，给出最合适的实施） */
  | 'ITEM'
  /** 主题（一件事） */
  | 'THEME';

/** 搜索词命中的位置 */
export type SearchMatch =
  /** 俗称、别名 */
  | 'ALIAS'
  /** 同音字（拼音相同） */
  | 'HOMOPHONE'
  /** 名称拼音首字母 */
  | 'INITIALS'
  /** 关键词 */
  | 'KEYWORD'
  /** 名称 */
  | 'NAME'
  /** 名称全拼 */
  | 'PINYIN'
  /** 办事指南正文 */
  | 'TEXT';

/** 审查中退回申请人补正 */
export type SendBackCaseInput = {
  /** 审查中的办件（本人已领取） */
  caseId: Scalars['ID']['input'];
  /** 须重新提交的材料（目录材料的全局 ID） */
  materialIds?: Array<Scalars['ID']['input']>;
  /** 退回补正的理由和要求（申请人据此补正） */
  reason: Scalars['String']['input'];
};

/** 登记窗口正在办理的办件（评价器据此评价） */
export type ServeCaseAtWindowInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 窗口编号 */
  windowId: Scalars['Int']['input'];
};

/** 事项查询条件；各条件之间为“且” */
export type ServiceItemFilter = {
  /** 实施部门代码，如 371500-XZSPJ */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** 实施部门的全局 ID */
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  /** 搜索时把登录工作人员所在大厅受理的事项排在前面（其余按相关度在后）；没有所属大厅时不影响排序 */
  hallFirst?: Scalars['Boolean']['input'];
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

/** 服务菜单的一项 */
export type ServiceMenuEntryInput = {
  /** 分类（不超过 16 个字符） */
  category: Scalars['String']['input'];
  /** 说明 */
  description?: Scalars['String']['input'];
  /** 指向的事项（基本编码） */
  items?: Array<Scalars['String']['input']>;
  /** 菜单项标识 */
  key: Scalars['String']['input'];
  /** 指向的主题（编码） */
  themes?: Array<Scalars['String']['input']>;
  /** 名称（不超过 32 个字符） */
  title: Scalars['String']['input'];
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

/** 新增或修改全市同义词表中的一条 */
export type SetSearchSynonymInput = {
  /** 说明 */
  note?: Scalars['String']['input'];
  /** 群众的说法 */
  term: Scalars['String']['input'];
  /** 目录中的说法（最多 12 个，每个不超过 32 字） */
  words: Array<Scalars['String']['input']>;
};

/** 性别（由居民身份证号码第 17 位得出） */
export type Sex =
  /** 女 */
  | 'FEMALE'
  /** 男 */
  | 'MALE';

/** 基础库（一处填报、全网通用） */
export type SharedDataBase =
  /** 公共信用信息库 */
  | 'CREDIT'
  /** 电子证照库 */
  | 'ELICENCE'
  /** 法人单位基础信息库（市场主体登记） */
  | 'LEGAL_PERSON'
  /** 人口基础信息库（公安户籍） */
  | 'POPULATION';

/** 基础库调用日志查询条件 */
export type SharedDataPullFilter = {
  /** 基础库 */
  base?: InputMaybe<SharedDataBase>;
  /** 办件号或主题办件号 */
  caseNumber?: InputMaybe<Scalars['String']['input']>;
  /** 只看有记录（true）或无记录（false）的调用 */
  found?: InputMaybe<Scalars['Boolean']['input']>;
};

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

/** 提交申请：给出申请内容，或给出草稿 */
export type SubmitApplicationInput = {
  /** 申请内容（与 draftId 二选一；都给时以此为准） */
  application?: InputMaybe<ApplicationInput>;
  /** 要提交的草稿 */
  draftId?: InputMaybe<Scalars['ID']['input']>;
  /** 幂等键：客户端为每次提交生成（8 到 64 个字符），重复提交返回同一办件 */
  idempotencyKey: Scalars['String']['input'];
};

/** 提交一件投诉：登录或匿名（匿名时凭投诉编号和查询码查询） */
export type SubmitComplaintInput = {
  /** 附件（uploadMaterial 上传的文件，UploadedFile 的全局 ID，登录后才能附带，最多 9 个） */
  attachmentIds?: Array<Scalars['ID']['input']>;
  /** 投诉类别 */
  category: ComplaintCategory;
  /** 联系人姓名（可不填） */
  contactName?: Scalars['String']['input'];
  /** 联系电话（可不填；填写后答复时短信告知） */
  contactPhone?: Scalars['String']['input'];
  /** 投诉内容（2 到 2000 字） */
  content: Scalars['String']['input'];
  /** 投诉对象：大厅代码、大厅代码/窗口号、部门代码、工号或办件号 */
  targetCode: Scalars['String']['input'];
  /** 投诉对象类别 */
  targetKind: ComplaintTargetKind;
};

/** 联想词的来源 */
export type SuggestionKind =
  /** 事项俗称 */
  | 'ALIAS'
  /** 事项名称 */
  | 'ITEM'
  /** 关键词 */
  | 'KEYWORD'
  /** 主题名称 */
  | 'THEME';

/** 补交的一份材料 */
export type SuppliedMaterialInput = {
  /** 材料编号 */
  materialKey: Scalars['Int']['input'];
  /** 上传的文件；窗口收取纸质材料时为空 */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

/** 补交材料（补正或容缺）：一次补交，各事项共用 */
export type SupplyBundleMaterialsInput = {
  /** 主题办件的全局 ID */
  bundleId: Scalars['ID']['input'];
  /** 补交的材料 */
  materials: Array<BundleSuppliedMaterialInput>;
};

/** 补交材料（补正或容缺） */
export type SupplyCaseMaterialsInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 补交的材料 */
  materials: Array<SuppliedMaterialInput>;
};

/** 情形引导的一个回答 */
export type ThemeAnswerInput = {
  /** 问题标识 */
  question: Scalars['String']['input'];
  /** 选项值（是/否问题为 yes 或 no） */
  value: Scalars['String']['input'];
};

/** 适用条件：{question, in}，或 all / any 组合（只填一种） */
export type ThemeConditionInput = {
  /** 全部成立 */
  all?: InputMaybe<Array<ThemeConditionInput>>;
  /** 任一成立 */
  any?: InputMaybe<Array<ThemeConditionInput>>;
  /** 满足条件的回答（选项值） */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 问题标识（叶子条件） */
  question?: InputMaybe<Scalars['String']['input']>;
};

/** 主题内容；修改草稿时只传要改的字段，stages、questions 传入则整体替换 */
export type ThemeContentInput = {
  /** 服务对象 */
  audience?: InputMaybe<Audience>;
  /** 总时限 */
  budget?: InputMaybe<TimeBudgetInput>;
  /** 配合部门代码 */
  cooperatingDepartments?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 新设市场主体（仅企业主题） */
  foundsEntity?: InputMaybe<Scalars['Boolean']['input']>;
  /** 一次告知 */
  guide?: InputMaybe<ThemeGuideInput>;
  /** 搜索关键词 */
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 牵头部门代码 */
  leadDepartment?: InputMaybe<Scalars['String']['input']>;
  /** 生命周期阶段（须属于该服务对象） */
  lifeStage?: InputMaybe<LifeStage>;
  /** 最多到现场次数 */
  maxVisits?: InputMaybe<Scalars['Int']['input']>;
  /** 主题名称 */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 情形引导问题，整体替换 */
  questions?: InputMaybe<Array<ThemeQuestionInput>>;
  /** 阶段及事项，整体替换 */
  stages?: InputMaybe<Array<ThemeStageInput>>;
};

/** 主题与服务菜单操作的错误代码 */
export type ThemeErrorCode =
  /** 事项的服务对象与主题的服务对象不符 */
  | 'AUDIENCE_MISMATCH'
  /** 并发修改冲突，请刷新后重试 */
  | 'CONFLICT'
  /** 编码重复 */
  | 'DUPLICATE_CODE'
  /** 某种回答组合下没有适用的事项 */
  | 'EMPTY_BUNDLE'
  /** 同一表单项在各事项中的类型或校验无法合并 */
  | 'FORM_CONFLICT'
  /** 输入不合法 */
  | 'INVALID'
  /** 情形引导的回答不完整或不合法 */
  | 'INVALID_ANSWERS'
  /** 编码格式错误 */
  | 'INVALID_CODE'
  /** 适用条件不合法（引用的问题或选项不存在等） */
  | 'INVALID_CONDITION'
  /** 依赖的事项不存在或不在前面 */
  | 'INVALID_DEPENDENCY'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 事项未发布、暂停或取消 */
  | 'ITEM_UNAVAILABLE'
  /** 无权操作（角色或区划不符） */
  | 'NOT_ALLOWED'
  /** 对象不存在 */
  | 'NOT_FOUND'
  /** 部门不存在 */
  | 'UNKNOWN_DEPARTMENT'
  /** 事项不存在或无法确定唯一的实施 */
  | 'UNKNOWN_ITEM'
  /** 办理情形不存在或未指明 */
  | 'UNKNOWN_SITUATION'
  /** 主题不存在或未在用 */
  | 'UNKNOWN_THEME';

/** 常见问题 */
export type ThemeFaqInput = {
  /** 解答 */
  answer: Scalars['String']['input'];
  /** 问题 */
  question: Scalars['String']['input'];
};

/** 一次告知 */
export type ThemeGuideInput = {
  /** 政策依据 */
  basis?: Scalars['String']['input'];
  /** 办理条件 */
  conditions?: Scalars['String']['input'];
  /** 常见问题 */
  faq?: Array<ThemeFaqInput>;
  /** 注意事项 */
  notes?: Array<Scalars['String']['input']>;
  /** 办理流程（按顺序，至少一步） */
  process?: Array<Scalars['String']['input']>;
  /** 概述（必填） */
  summary: Scalars['String']['input'];
};

/** 问题的选项 */
export type ThemeOptionInput = {
  /** 选项名称 */
  label: Scalars['String']['input'];
  /** 选项值：小写字母开头，只含小写字母、数字、下划线和连字符 */
  value: Scalars['String']['input'];
};

/** 情形引导问题 */
export type ThemeQuestionInput = {
  /** 说明 */
  help?: Scalars['String']['input'];
  /** 问题标识 */
  key: Scalars['String']['input'];
  /** 类型；是/否问题不必给选项 */
  kind?: QuestionKind;
  /** 选项（单选问题 2 到 8 个） */
  options?: Array<ThemeOptionInput>;
  /** 问题 */
  text: Scalars['String']['input'];
};

/** 事项的一个适用办理情形 */
export type ThemeSituationRuleInput = {
  /** 办理情形名称（与事项的情形同名） */
  name: Scalars['String']['input'];
  /** 适用条件；为空表示总是适用 */
  when?: InputMaybe<ThemeConditionInput>;
};

/** 主题的一个阶段 */
export type ThemeStageInput = {
  /** 事项（并联办理） */
  items: Array<ThemeStageItemInput>;
  /** 阶段标识 */
  key: Scalars['String']['input'];
  /** 阶段牵头部门代码 */
  leadDepartment?: InputMaybe<Scalars['String']['input']>;
  /** 阶段名称 */
  name: Scalars['String']['input'];
};

/** 阶段中的一个事项：以基本编码和实施部门（或实施区划）指明 */
export type ThemeStageItemInput = {
  /** 基本编码（12 位） */
  basicCode: Scalars['String']['input'];
  /** 实施部门代码 */
  department?: InputMaybe<Scalars['String']['input']>;
  /** 须先办结的事项（排在前面的事项标识） */
  dependsOn?: Array<Scalars['String']['input']>;
  /** 事项在主题中的标识 */
  key: Scalars['String']['input'];
  /** 说明 */
  note?: Scalars['String']['input'];
  /** 由申请人选择的合作单位类别（bank 银行、seal_carver 公章刻制企业等）；为空表示不选择 */
  partnerKind?: InputMaybe<Scalars['String']['input']>;
  /** 实施区划代码（该区划只有一个部门实施时可代替部门） */
  region?: InputMaybe<Scalars['String']['input']>;
  /** 适用的办理情形；事项只有一个情形时可不填 */
  situations?: Array<ThemeSituationRuleInput>;
  /** 适用条件；为空表示总是适用 */
  when?: InputMaybe<ThemeConditionInput>;
};

/** 主题状态 */
export type ThemeStatus =
  /** 在用：可申请 */
  | 'ACTIVE'
  /** 取消：已退出，历史版本仍可查 */
  | 'CANCELLED'
  /** 草稿：从未发布，仅事项管理员可见 */
  | 'DRAFT'
  /** 暂停：指南可查，暂不受理新申请 */
  | 'SUSPENDED';

/** 主题版本状态 */
export type ThemeVersionStatus =
  /** 草稿：可修改 */
  | 'DRAFT'
  /** 已发布：当前生效版本 */
  | 'PUBLISHED'
  /** 已替代：仍供按该版本申请的一件事查阅 */
  | 'SUPERSEDED';

/** 总时限 */
export type TimeBudgetInput = {
  /** 单位，默认工作日 */
  unit?: BudgetUnit;
  /** 数值 */
  value: Scalars['Int']['input'];
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

/** 材料可信度（证据等级） */
export type TrustLevel =
  /** A：部门签发的电子证照 */
  | 'A'
  /** B：窗口核验过的材料 */
  | 'B'
  /** C：申请人上传 */
  | 'C'
  /** D：申请人自我声明 */
  | 'D';

/** 修改合作单位 */
export type UpdatePartnerInput = {
  /** 要改的设置 */
  fields: PartnerFieldsInput;
  /** 合作单位的全局 ID */
  partnerId: Scalars['ID']['input'];
};

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

/** 修改主题草稿；已发布的主题会先生成新的草稿版本 */
export type UpdateThemeDraftInput = {
  /** 变更说明 */
  changeNote?: InputMaybe<Scalars['String']['input']>;
  /** 要修改的内容 */
  content: ThemeContentInput;
  /** 主题的全局 ID */
  id: Scalars['ID']['input'];
};

/** 上传材料的错误代码 */
export type UploadErrorCode =
  /** 文件已损坏或内容与其格式不符（以真正的解析器整体读取） */
  | 'CORRUPT_FILE'
  /** 文件为空 */
  | 'EMPTY_FILE'
  /** 输入不合法（例如 file 不是以 multipart 请求上传的文件） */
  | 'INVALID'
  /** 无权上传 */
  | 'NOT_ALLOWED'
  /** 文件超过大小限制 */
  | 'TOO_LARGE'
  /** 文件类型不支持，或与声明的类型不符 */
  | 'UNSUPPORTED_TYPE';

/** 上传一份材料文件 */
export type UploadMaterialInput = {
  /** 文件：以 GraphQL multipart 请求（multipart/form-data）上传；PDF、JPEG、PNG 或 OFD */
  file: Scalars['Upload']['input'];
};

/** 督办：催促办理部门办理一件在办的办件 */
export type UrgeCaseInput = {
  /** 办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 督办意见（2 到 1000 个字），写入办件时间线并通知审批人员 */
  message: Scalars['String']['input'];
};

/** 现场核验通过（预约当日，买卖双方到场） */
export type VerifyBundleOnSiteInput = {
  /** 转移登记子办件的全局 ID */
  caseId: Scalars['ID']['input'];
  /** 核验说明 */
  note?: Scalars['String']['input'];
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

/** 窗口前来办事的人：按身份证号查找，未登记的当场登记（已查验身份证原件） */
export type WalkInApplicantInput = {
  /** 代表企业办理时：企业统一社会信用代码 */
  enterpriseCreditCode?: InputMaybe<Scalars['String']['input']>;
  /** 设立登记（事项 foundsEntity）且不填信用代码时必填：拟设立企业的名称、类型和住所；其他事项忽略 */
  futureEnterprise?: InputMaybe<FutureEnterpriseInput>;
  /** 居民身份证号码 */
  idNumber: Scalars['String']['input'];
  /** 姓名（新登记时必填） */
  name?: Scalars['String']['input'];
  /** 手机号码（新登记时必填） */
  phone?: Scalars['String']['input'];
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

/** 申请人类型 */
export type ApplicantKind =
  /** 自然人 */
  | 'CITIZEN'
  /** 法人或其他组织 */
  | 'ENTERPRISE';

/** 申请内容 */
export type ApplicationInput = {
  /** 以企业身份申请：企业的全局 ID（须为其法定代表人或经办人） */
  enterpriseId?: string | null | undefined;
  /** 申请表数据：键为表单项 key */
  formData?: unknown;
  /** 事项的全局 ID（ServiceItem） */
  itemId: string;
  /** 上传的材料（最多 60 项） */
  materials?: Array<MaterialFileInput>;
  /** 代办：委托人（群众）的全局 ID */
  principalCitizenId?: string | null | undefined;
  /** 代办：委托企业的全局 ID */
  principalEnterpriseId?: string | null | undefined;
  /** 办理情形编号（Situation.key）；事项只有一个情形时可省略 */
  situationKey?: number | null | undefined;
};

/** 预约操作的错误代码 */
export type AppointmentErrorCode =
  /** 该时段预约已满 */
  | 'FULL'
  /** 输入不合法（非工作日、已过去的时段、超过 30 天、当天已预约该事项等） */
  | 'INVALID'
  /** 无权操作（只有个人用户本人可以预约、取消） */
  | 'NOT_ALLOWED'
  /** 大厅、事项或预约不存在 */
  | 'NOT_FOUND'
  /** 尚未完成实名认证 */
  | 'NOT_VERIFIED';

/** 预约的状态 */
export type AppointmentStatus =
  /** 已到场办理 */
  | 'ATTENDED'
  /** 已预约 */
  | 'BOOKED'
  /** 已取消 */
  | 'CANCELLED'
  /** 未到场（爽约） */
  | 'MISSED';

/** 帮办代办员与申请人的一次联系的方式 */
export type AssistanceContactKind =
  /** 大厅陪同办理 */
  | 'HALL'
  /** 电话联系 */
  | 'PHONE'
  /** 视频连线 */
  | 'VIDEO'
  /** 上门走访 */
  | 'VISIT';

/** 帮办代办的类别 */
export type AssistanceKind =
  /** 预约办理 */
  | 'APPOINTMENT'
  /** 上门服务 */
  | 'DOOR_TO_DOOR'
  /** 延时服务 */
  | 'EXTENDED_HOURS'
  /** 远程视频帮办 */
  | 'REMOTE'
  /** 企业开办全程帮办 */
  | 'STARTUP'
  /** 周末服务 */
  | 'WEEKEND';

/** 一个维度的评分 */
export type AssistanceScoreInput = {
  /** 维度代码（见 ratingDimensionSets） */
  key: string;
  /** 1 到 5 */
  score: number;
};

/** 帮办代办申请的状态 */
export type AssistanceStatus =
  /** 已指派帮办代办员，帮办中 */
  | 'ASSIGNED'
  /** 申请人已取消 */
  | 'CANCELLED'
  /** 申请人已确认办结 */
  | 'CONFIRMED'
  /** 已申请，待指派 */
  | 'REQUESTED';

/** 主题的服务对象 */
export type Audience =
  /** 企业（法人） */
  | 'ENTERPRISE'
  /** 个人（自然人） */
  | 'PERSON';

/** 总时限的单位 */
export type BudgetUnit =
  /** 工作日 */
  | 'WORKING_DAY'
  /** 工作小时 */
  | 'WORKING_HOUR';

/** 主题办件用时相对时限的情况 */
export type BundleBudgetState =
  /** 办理中，用时已过半（预警） */
  | 'HALF_USED'
  /** 已在时限内办结 */
  | 'MET'
  /** 已办结，超出时限 */
  | 'MISSED'
  /** 办理中，用时未过半 */
  | 'ON_TRACK'
  /** 已超出时限 */
  | 'USED_UP';

/** 主题办件操作的错误代码 */
export type BundleErrorCode =
  /** 刚被他人处理，请刷新后重试 */
  | 'CONFLICT'
  /** 补正已一次性告知过 */
  | 'CORRECTION_ALREADY_SENT'
  /** 期限晚于承诺办结期限 */
  | 'DEADLINE_TOO_LATE'
  /** 申请人在失信名单中 */
  | 'DISHONEST'
  /** 各事项的表单项无法合并 */
  | 'FORM_CONFLICT'
  /** 幂等键已用于内容不同的另一份申请 */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** 输入不合法 */
  | 'INVALID'
  /** 情形引导的回答不完整或不合法 */
  | 'INVALID_ANSWERS'
  /** 申请表填写有误 */
  | 'INVALID_FORM'
  /** 居民身份证号码不合法 */
  | 'INVALID_ID_NUMBER'
  /** 手机号码不合法 */
  | 'INVALID_PHONE'
  /** 主题办件或其事项当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 主题或其中的事项当前不可申请 */
  | 'ITEM_UNAVAILABLE'
  /** 缺少材料 */
  | 'MISSING_MATERIAL'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 该材料不能容缺 */
  | 'NOT_DEFERRABLE'
  /** 不存在或无权查看 */
  | 'NOT_FOUND'
  /** 申请人尚未实名认证 */
  | 'NOT_VERIFIED'
  /** 没有覆盖全部事项的有效委托 */
  | 'NO_MANDATE'
  /** 填写的姓名与该身份证号登记的姓名不一致 */
  | 'PERSON_MISMATCH'
  /** 主题中的事项在目录中已找不到 */
  | 'UNKNOWN_ITEM'
  /** 主题中的办理情形在事项中已找不到 */
  | 'UNKNOWN_SITUATION';

/** 主题办件中一个事项的进展 */
export type BundleItemState =
  /** 已准予（已办结，或结果待统一出件） */
  | 'COMPLETED'
  /** 未办成（不予许可、不予受理或已撤回） */
  | 'FAILED'
  /** 暂缓：所依赖的事项未办成 */
  | 'HELD'
  /** 办理中 */
  | 'OPEN'
  /** 待办：等待前一阶段（或所依赖的事项）办结 */
  | 'WAITING';

/** 一套材料中的一份：按主题材料清单的标识提交一次，各事项共用 */
export type BundleMaterialFileInput = {
  /** 材料标识（标准材料编码如 SFZ，或 M<编号>），见主题的材料清单 */
  key: string;
  /** uploadMaterial 返回的文件 ID */
  uploadId?: string | null | undefined;
};

/** 主题办件的状态（由各事项的办件状态推导，不单独存储） */
export type BundleStatus =
  /** 已申报，待窗口受理 */
  | 'AT_WINDOW'
  /** 已全部办结 */
  | 'DONE'
  /** 未获办理 */
  | 'FAILED'
  /** 办理中 */
  | 'IN_PROGRESS'
  /** 部分事项未获准予 */
  | 'PARTLY_DENIED'
  /** 办理结果已统一出件，待领取或寄递中 */
  | 'RESULTS_ISSUED'
  /** 各事项均已准予，办理结果待统一领取或寄递 */
  | 'RESULTS_READY'
  /** 待申请人补正或补齐材料 */
  | 'WAITING_APPLICANT'
  /** 已撤回 */
  | 'WITHDRAWN';

/** 补交的一份材料 */
export type BundleSuppliedMaterialInput = {
  /** 材料标识 */
  key: string;
  /** 上传的文件；窗口收取纸质材料时为空 */
  uploadId?: string | null | undefined;
};

/** 办件操作的错误代码 */
export type CaseErrorCode =
  /** 已延期过一次 */
  | 'ALREADY_EXTENDED'
  /** 办件刚被他人处理，请刷新后重试 */
  | 'CONFLICT'
  /** 补正已一次性告知过 */
  | 'CORRECTION_ALREADY_SENT'
  /** 期限晚于承诺办结期限 */
  | 'DEADLINE_TOO_LATE'
  /** 申请人在失信名单中 */
  | 'DISHONEST'
  /** 幂等键已用于内容不同的另一份申请 */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** 输入不合法 */
  | 'INVALID'
  /** 申请表填写有误 */
  | 'INVALID_FORM'
  /** 居民身份证号码不合法 */
  | 'INVALID_ID_NUMBER'
  /** 手机号码不合法 */
  | 'INVALID_PHONE'
  /** 办件当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 事项当前不可申请 */
  | 'ITEM_UNAVAILABLE'
  /** 缺少材料 */
  | 'MISSING_MATERIAL'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 该材料不能容缺 */
  | 'NOT_DEFERRABLE'
  /** 不存在或无权查看 */
  | 'NOT_FOUND'
  /** 申请人尚未实名认证 */
  | 'NOT_VERIFIED'
  /** 没有有效委托 */
  | 'NO_MANDATE'
  /** 填写的姓名与该身份证号登记的姓名不一致 */
  | 'PERSON_MISMATCH';

/** 材料的提交情况 */
export type CaseMaterialState =
  /** 共享数据，免提交 */
  | 'EXEMPT'
  /** 容缺：受理后补交 */
  | 'MISSING'
  /** 未提交 */
  | 'PENDING'
  /** 已提交（上传或窗口收取） */
  | 'PROVIDED'
  /** 复用：电子证照或窗口已核验材料，无需再交 */
  | 'REUSED';

/** 办件状态 */
export type CaseStatus =
  /** 已受理（含容缺受理），在部门待审队列中 */
  | 'ACCEPTED'
  /** 准予许可，待出件 */
  | 'APPROVED'
  /** 已办结 */
  | 'COMPLETED'
  /** 待补正（已一次性告知） */
  | 'CORRECTION_REQUESTED'
  /** 不予许可 */
  | 'DENIED'
  /** 草稿 */
  | 'DRAFT'
  /** 不予受理 */
  | 'REJECTED'
  /** 窗口拟不予受理，待大厅负责人确认 */
  | 'REJECTION_PROPOSED'
  /** 已出件：待窗口领取或邮寄中 */
  | 'RESULT_ISSUED'
  /** 审查中退回申请人补正（申请人补正的时间不计入办理时限），补正后重新提交给原审批人员 */
  | 'RETURNED'
  /** 已申报，待窗口受理 */
  | 'SUBMITTED'
  /** 已中止（不计入办理时限） */
  | 'SUSPENDED'
  /** 审查中（已有审批人员领取） */
  | 'UNDER_REVIEW'
  /** 已撤回 */
  | 'WITHDRAWN';

/** 投诉类别 */
export type ComplaintCategory =
  /** 服务态度 */
  | 'ATTITUDE'
  /** 工作纪律（吃拿卡要、推诿扯皮） */
  | 'CONDUCT'
  /** 办事效率 */
  | 'EFFICIENCY'
  /** 大厅环境与设施 */
  | 'ENVIRONMENT'
  /** 网上办事 */
  | 'ONLINE'
  /** 其他 */
  | 'OTHER'
  /** 办事规定与材料 */
  | 'RULES';

/** 投诉、帮办操作的错误代码 */
export type ComplaintErrorCode =
  /** 输入不合法 */
  | 'INVALID'
  /** 联系电话不是有效的手机号码 */
  | 'INVALID_PHONE'
  /** 当前状态不能这样操作 */
  | 'INVALID_STATE'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 投诉、对象、承办人或申请不存在 */
  | 'NOT_FOUND'
  /** 委托人尚未实名认证（指派帮办员时登记委托） */
  | 'NOT_VERIFIED'
  /** 匿名投诉过于频繁 */
  | 'RATE_LIMITED'
  /** 查询码错误次数过多，该编号的免登录查询暂停 */
  | 'TRACKING_LOCKED';

/** 投诉的状态 */
export type ComplaintStatus =
  /** 已受理，待转办 */
  | 'ACCEPTED'
  /** 已答复，待回访 */
  | 'ANSWERED'
  /** 已转办，承办人办理中（含重办、督办） */
  | 'ASSIGNED'
  /** 已办结 */
  | 'CLOSED'
  /** 已办理，待答复 */
  | 'HANDLED'
  /** 已回访，待办结 */
  | 'REVISITED';

/** 投诉对象的类别 */
export type ComplaintTargetKind =
  /** 办件（办件号） */
  | 'CASE'
  /** 部门（代码） */
  | 'DEPARTMENT'
  /** 大厅（代码，如 371500-ZWFWZX） */
  | 'HALL'
  /** 工作人员（工号，即用户名） */
  | 'STAFF'
  /** 窗口（大厅代码/窗口号，如 371500-ZWFWZX/A01） */
  | 'WINDOW';

/** 工程建设项目（工程建设项目审批主题必填，其他主题不填）；项目单位即申请企业 */
export type ConstructionProjectInput = {
  /** 项目代码（投资项目在线审批监管平台赋码），如 2025-371500-47-01-000123 */
  code: string;
  /** 投资类型 */
  investmentType: InvestmentType;
  /** 建设地点（不超过 200 个字） */
  site: string;
};

/** 时限预警 */
export type DeadlineWarning =
  /** 正常 */
  | 'NONE'
  /** 红灯：已超过承诺时限 */
  | 'RED'
  /** 黄灯：临近承诺时限 */
  | 'YELLOW';

/** 决定书的种类 */
export type DecisionKind =
  /** 不予许可决定书（审查后不予许可，含容缺材料逾期未补齐） */
  | 'DENIAL'
  /** 不予受理决定书（窗口受理时不予受理，经大厅负责人确认） */
  | 'REJECTION';

/** 群众在企业中的身份 */
export type EnterpriseRole =
  /** 法定代表人：登记企业，管理经办人 */
  | 'LEGAL_REP'
  /** 经办人：由法定代表人授权代企业办事 */
  | 'OPERATOR';

/** 一表申请中由平台预填的表单项的来源 */
export type FieldSource =
  /** 申请人实名信息（身份证号码） */
  | 'APPLICANT_ID_NUMBER'
  /** 申请人实名信息（姓名） */
  | 'APPLICANT_NAME'
  /** 申请人账号绑定的手机号码 */
  | 'APPLICANT_PHONE'
  /** 企业登记信息（住所） */
  | 'ENTERPRISE_ADDRESS'
  /** 企业登记信息（统一社会信用代码） */
  | 'ENTERPRISE_CREDIT_CODE'
  /** 企业登记信息（法定代表人） */
  | 'ENTERPRISE_LEGAL_REPRESENTATIVE'
  /** 企业登记信息（名称） */
  | 'ENTERPRISE_NAME'
  /** 营业执照核准后自动填写（新设企业的统一社会信用代码） */
  | 'FOUNDED_CREDIT_CODE'
  /** 营业执照核准后自动填写（成立日期） */
  | 'FOUNDED_DATE'
  /** 营业执照核准后自动填写（新设企业的名称） */
  | 'FOUNDED_NAME';

/** 申请表单项的类型 */
export type FormFieldType =
  /** 地址（个人信息：除申请人本人外脱敏显示） */
  | 'ADDRESS'
  /** 是/否 */
  | 'BOOLEAN'
  /** 统一社会信用代码（校验末位校验码） */
  | 'CREDIT_CODE'
  /** 日期（YYYY-MM-DD） */
  | 'DATE'
  /** 居民身份证号码（校验末位校验码，x 转为大写） */
  | 'ID_NUMBER'
  /** 数字 */
  | 'NUMBER'
  /** 一个人的姓名（个人信息：除申请人本人外脱敏显示） */
  | 'PERSON_NAME'
  /** 11 位手机号码 */
  | 'PHONE'
  /** 单选（从选项中选择一项） */
  | 'SELECT'
  /** 单行文本 */
  | 'TEXT'
  /** 多行文本 */
  | 'TEXTAREA';

/** 投资类型 */
export type InvestmentType =
  /** 政府投资（主流程 70 个工作日内，可配置） */
  | 'GOVERNMENT'
  /** 社会投资（主流程 45 个工作日内，可配置） */
  | 'SOCIAL';

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

/** 生命周期阶段（高效办成一件事）：企业六个、个人十个 */
export type LifeStage =
  /** 个人：身后 */
  | 'AFTER_DEATH'
  /** 个人：救助 */
  | 'ASSISTANCE'
  /** 个人：出生 */
  | 'BIRTH'
  /** 企业：工程建设 */
  | 'CONSTRUCTION'
  /** 个人：教育 */
  | 'EDUCATION'
  /** 个人：养老 */
  | 'ELDERLY'
  /** 个人：就业 */
  | 'EMPLOYMENT'
  /** 企业：准入准营 */
  | 'ENTRY'
  /** 企业：注销退出 */
  | 'EXIT'
  /** 企业：招聘用工 */
  | 'HIRING'
  /** 个人：置业 */
  | 'HOUSING'
  /** 个人：生活 */
  | 'LIVING'
  /** 个人：就医 */
  | 'MEDICAL'
  /** 企业：经营发展 */
  | 'OPERATION'
  /** 企业：纳税缴费 */
  | 'TAX'
  /** 个人：出行 */
  | 'TRAVEL';

/** 一份材料：上传的文件（不传则由复用、共享数据或窗口收取满足） */
export type MaterialFileInput = {
  /** 材料编号（Material.key） */
  materialKey: number;
  /** uploadMaterial 返回的文件 ID */
  uploadId?: string | null | undefined;
};

/** 材料形式 */
export type MaterialForm =
  /** 复印件 */
  | 'COPY'
  /** 原件 */
  | 'ORIGINAL'
  /** 原件和复印件 */
  | 'ORIGINAL_AND_COPY';

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

/** 工程建设项目一个阶段的进展 */
export type ProjectStageStatus =
  /** 已办结 */
  | 'DONE'
  /** 暂缓：所依赖的事项退回补正或未办成 */
  | 'HELD'
  /** 办理中 */
  | 'RUNNING'
  /** 待开始：等待前一阶段办结 */
  | 'WAITING'
  /** 待申请人补正、重新提交或重新申请 */
  | 'WITH_APPLICANT';

/** 申请人要做的事 */
export type ProjectTodoKind =
  /** 按一次性告知补正材料（supplyBundleMaterials） */
  | 'CORRECT'
  /** 重新申请未办成的事项（reapplyBundleItem） */
  | 'REAPPLY'
  /** 按退回意见补正后重新提交（resubmitCase） */
  | 'RESUBMIT';

/** 情形引导问题的类型 */
export type QuestionKind =
  /** 单选 */
  | 'CHOICE'
  /** 是/否（选项值 yes、no） */
  | 'YES_NO';

/** 一个维度的评分 */
export type RatingScoreInput = {
  /** 维度代码（见 ratingDimensionSets） */
  key: string;
  /** 1 到 5 */
  score: number;
};

/** 二手房转移登记操作的错误代码 */
export type RealEstateErrorCode =
  /** 刚被他人处理，请刷新后重试 */
  | 'CONFLICT'
  /** 该时段预约已满 */
  | 'FULL'
  /** 输入不合法 */
  | 'INVALID'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 无权操作 */
  | 'NOT_ALLOWED'
  /** 不存在或无权查看 */
  | 'NOT_FOUND'
  /** 尚未完成实名认证 */
  | 'NOT_VERIFIED';

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

/** 补正后重新提交的一份材料 */
export type ResubmittedMaterialInput = {
  /** 材料的全局 ID（退回时要求重新提交的） */
  materialId: string;
  /** uploadMaterial 返回的文件 ID */
  uploadId?: string | null | undefined;
};

/** 出件方式 */
export type ResultMethod =
  /** 电子证照（无纸质结果） */
  | 'ELECTRONIC'
  /** 窗口领取 */
  | 'PICKUP'
  /** 邮寄送达 */
  | 'POSTAL';

/** 搜索结果的类别 */
export type SearchHitKind =
  /** 事项（同一基本编码的多个实施合为一条，给出最合适的实施） */
  | 'ITEM'
  /** 主题（一件事） */
  | 'THEME';

/** 搜索词命中的位置 */
export type SearchMatch =
  /** 俗称、别名 */
  | 'ALIAS'
  /** 同音字（拼音相同） */
  | 'HOMOPHONE'
  /** 名称拼音首字母 */
  | 'INITIALS'
  /** 关键词 */
  | 'KEYWORD'
  /** 名称 */
  | 'NAME'
  /** 名称全拼 */
  | 'PINYIN'
  /** 办事指南正文 */
  | 'TEXT';

/** 事项查询条件；各条件之间为“且” */
export type ServiceItemFilter = {
  /** 实施部门代码，如 371500-XZSPJ */
  departmentCode?: string | null | undefined;
  /** 实施部门的全局 ID */
  departmentId?: string | null | undefined;
  /** 搜索时把登录工作人员所在大厅受理的事项排在前面（其余按相关度在后）；没有所属大厅时不影响排序 */
  hallFirst?: boolean;
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

/** 基础库（一处填报、全网通用） */
export type SharedDataBase =
  /** 公共信用信息库 */
  | 'CREDIT'
  /** 电子证照库 */
  | 'ELICENCE'
  /** 法人单位基础信息库（市场主体登记） */
  | 'LEGAL_PERSON'
  /** 人口基础信息库（公安户籍） */
  | 'POPULATION';

/** 联想词的来源 */
export type SuggestionKind =
  /** 事项俗称 */
  | 'ALIAS'
  /** 事项名称 */
  | 'ITEM'
  /** 关键词 */
  | 'KEYWORD'
  /** 主题名称 */
  | 'THEME';

/** 补交的一份材料 */
export type SuppliedMaterialInput = {
  /** 材料编号 */
  materialKey: number;
  /** 上传的文件；窗口收取纸质材料时为空 */
  uploadId?: string | null | undefined;
};

/** 情形引导的一个回答 */
export type ThemeAnswerInput = {
  /** 问题标识 */
  question: string;
  /** 选项值（是/否问题为 yes 或 no） */
  value: string;
};

/** 主题与服务菜单操作的错误代码 */
export type ThemeErrorCode =
  /** 事项的服务对象与主题的服务对象不符 */
  | 'AUDIENCE_MISMATCH'
  /** 并发修改冲突，请刷新后重试 */
  | 'CONFLICT'
  /** 编码重复 */
  | 'DUPLICATE_CODE'
  /** 某种回答组合下没有适用的事项 */
  | 'EMPTY_BUNDLE'
  /** 同一表单项在各事项中的类型或校验无法合并 */
  | 'FORM_CONFLICT'
  /** 输入不合法 */
  | 'INVALID'
  /** 情形引导的回答不完整或不合法 */
  | 'INVALID_ANSWERS'
  /** 编码格式错误 */
  | 'INVALID_CODE'
  /** 适用条件不合法（引用的问题或选项不存在等） */
  | 'INVALID_CONDITION'
  /** 依赖的事项不存在或不在前面 */
  | 'INVALID_DEPENDENCY'
  /** 当前状态不允许该操作 */
  | 'INVALID_STATE'
  /** 事项未发布、暂停或取消 */
  | 'ITEM_UNAVAILABLE'
  /** 无权操作（角色或区划不符） */
  | 'NOT_ALLOWED'
  /** 对象不存在 */
  | 'NOT_FOUND'
  /** 部门不存在 */
  | 'UNKNOWN_DEPARTMENT'
  /** 事项不存在或无法确定唯一的实施 */
  | 'UNKNOWN_ITEM'
  /** 办理情形不存在或未指明 */
  | 'UNKNOWN_SITUATION'
  /** 主题不存在或未在用 */
  | 'UNKNOWN_THEME';

/** 主题状态 */
export type ThemeStatus =
  /** 在用：可申请 */
  | 'ACTIVE'
  /** 取消：已退出，历史版本仍可查 */
  | 'CANCELLED'
  /** 草稿：从未发布，仅事项管理员可见 */
  | 'DRAFT'
  /** 暂停：指南可查，暂不受理新申请 */
  | 'SUSPENDED';

/** 时限单位 */
export type TimeUnit =
  /** 自然日 */
  | 'NATURAL_DAY'
  /** 工作日（按工作日历，跳过节假日、计入调休上班日） */
  | 'WORKING_DAY';

/** 材料可信度（证据等级） */
export type TrustLevel =
  /** A：部门签发的电子证照 */
  | 'A'
  /** B：窗口核验过的材料 */
  | 'B'
  /** C：申请人上传 */
  | 'C'
  /** D：申请人自我声明 */
  | 'D';

/** 上传材料的错误代码 */
export type UploadErrorCode =
  /** 文件已损坏或内容与其格式不符（以真正的解析器整体读取） */
  | 'CORRUPT_FILE'
  /** 文件为空 */
  | 'EMPTY_FILE'
  /** 输入不合法（例如 file 不是以 multipart 请求上传的文件） */
  | 'INVALID'
  /** 无权上传 */
  | 'NOT_ALLOWED'
  /** 文件超过大小限制 */
  | 'TOO_LARGE'
  /** 文件类型不支持，或与声明的类型不符 */
  | 'UNSUPPORTED_TYPE';

/** 上传一份材料文件 */
export type UploadMaterialInput = {
  /** 文件：以 GraphQL multipart 请求（multipart/form-data）上传；PDF、JPEG、PNG 或 OFD */
  file: unknown;
};

export type AddEnterpriseOperatorMutationVariables = Exact<{
  enterpriseId: string;
  phone: string;
}>;


export type AddEnterpriseOperatorMutation = { addEnterpriseOperator: { enterprise: { id: string, name: string, myRole: EnterpriseRole, operators: Array<{ addedAt: string, citizen: { id: string, phone: string, name: string | null, masked: boolean } }> | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type ApplyForConstructionProjectMutationVariables = Exact<{
  idempotencyKey: string;
  answers: unknown;
  formData: unknown;
  materials: Array<BundleMaterialFileInput> | BundleMaterialFileInput;
  enterpriseId: string;
  project: ConstructionProjectInput;
}>;


export type ApplyForConstructionProjectMutation = { applyForTheme: { created: boolean, bundle: { id: string, number: string, queryCode: string | null, status: BundleStatus, statusLabel: string, stageLabel: string, project: { code: string, investmentType: InvestmentType, investmentTypeLabel: string, unitName: string, site: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type ApplyForThemeMutationVariables = Exact<{
  idempotencyKey: string;
  themeId?: string | null | undefined;
  themeCode?: string | null | undefined;
  answers: unknown;
  formData: unknown;
  materials: Array<BundleMaterialFileInput> | BundleMaterialFileInput;
  enterpriseId?: string | null | undefined;
}>;


export type ApplyForThemeMutation = { applyForTheme: { created: boolean, bundle: { id: string, number: string, queryCode: string | null, themeCode: string, themeName: string, themeVersionNumber: number, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, budget: { value: number, unit: BudgetUnit, text: string }, stageList: Array<{ number: number, name: string, opened: boolean, items: Array<{ key: string, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, caseNumber: string | null, caseStatus: CaseStatus | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type AppointmentSlotsQueryVariables = Exact<{
  hallCode: string;
  itemId: string;
  from: string;
  to: string;
}>;


export type AppointmentSlotsQuery = { appointmentSlots: Array<{ date: string, start: string, end: string, capacity: number, available: number }> };

export type BookAppointmentMutationVariables = Exact<{
  hallCode: string;
  itemId: string;
  date: string;
  start: string;
  note?: string;
}>;


export type BookAppointmentMutation = { bookAppointment: { appointment: { id: string, hallCode: string, hallName: string, itemName: string, date: string, start: string, end: string, status: AppointmentStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: AppointmentErrorCode }> } };

export type BookBundleVerificationMutationVariables = Exact<{
  bundleId: string;
  day: string;
  start: string;
  note?: string | null | undefined;
}>;


export type BookBundleVerificationMutation = { bookBundleVerification: { transfer: { nextStep: string, onlineReviewPassed: boolean, visit: { status: string, statusLabel: string, day: string | null, start: string | null, end: string | null, hallName: string | null, appointmentId: string | null } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: RealEstateErrorCode }> } };

export type BundleDetailQueryVariables = Exact<{
  id: string;
}>;


export type BundleDetailQuery = { bundle: { id: string, number: string, queryCode: string | null, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, applicantName: string, contactPhone: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, finishedAt: string | null, workingDaysUsed: number | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, canRate: boolean, themeVersion: { id: string, number: number } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, leadDepartment: { id: string, name: string, shortName: string } | null, hall: { id: string, name: string, address: string, hours: string, phone: string } | null, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string } | null, materials: Array<{ key: string, name: string, necessity: Necessity, state: CaseMaterialState, supplyNote: string, uploadId: string | null, itemKeys: Array<string> }>, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerCode: string | null, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, at: string, entries: Array<{ label: string, value: string }> } | null, department: { id: string, name: string, shortName: string } | null, case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, supplyBy: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, supplyNote: string }> } | null }> }>, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, deferralNotice: { caseNumber: string, itemName: string, applicantName: string, acceptedAt: string, supplyBy: string, deadline: string | null, commitment: string, clerk: string, materials: Array<{ name: string, requirement: string }> } | null, correctionNotice: { caseNumber: string, itemName: string, applicantName: string, issuedAt: string, supplyBy: string, note: string, clerk: string, items: Array<{ name: string, requirement: string }> } | null } | null };

export type CancelAppointmentMutationVariables = Exact<{
  appointmentId: string;
  reason?: string;
}>;


export type CancelAppointmentMutation = { cancelAppointment: { appointment: { id: string, status: AppointmentStatus, cancelReason: string, cancelledAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AppointmentErrorCode }> } };

export type CancelAssistanceRequestMutationVariables = Exact<{
  requestId: string;
  reason?: string;
}>;


export type CancelAssistanceRequestMutation = { cancelAssistanceRequest: { request: { id: string, status: AssistanceStatus, closedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type CaseDecisionNoticeQueryVariables = Exact<{
  id: string;
}>;


export type CaseDecisionNoticeQuery = { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, decisionNotice: { kind: DecisionKind, title: string, number: string, caseNumber: string, itemName: string, applicantName: string, appliedAt: string | null, decidedAt: string, decidedBy: string, departmentName: string, hallName: string | null, reason: string, legalBasis: string, reconsiderationBody: string, remedy: string } | null } | null };

export type CaseDetailQueryVariables = Exact<{
  id: string;
}>;


export type CaseDetailQuery = { case: { id: string, number: string | null, queryCode: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, applicantKind: ApplicantKind, applicantName: string, contactPhone: string, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, deadlineExplanation: string | null, extensionDays: number, warning: DeadlineWarning, supplyBy: string | null, reviewStepName: string, decisionReason: string, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, deferralNotice: { caseNumber: string, itemName: string, applicantName: string, acceptedAt: string, supplyBy: string, deadline: string | null, commitment: string, clerk: string, materials: Array<{ name: string, requirement: string }> } | null, correctionNotice: { caseNumber: string, itemName: string, applicantName: string, issuedAt: string, supplyBy: string, note: string, clerk: string, items: Array<{ name: string, requirement: string }> } | null, elicences: Array<{ id: string, number: string, kind: string, holderName: string, issuedAt: string, validTo: string | null }>, item: { id: string, name: string, implementationCode: string } | null, department: { id: string, name: string, shortName: string } | null, hall: { id: string, name: string, address: string, hours: string, phone: string } | null } | null };

export type ConfirmAssistanceMutationVariables = Exact<{
  requestId: string;
  comment?: string;
}>;


export type ConfirmAssistanceMutation = { confirmAssistance: { request: { id: string, status: AssistanceStatus, closedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type ConfirmBundlePartyMutationVariables = Exact<{
  bundleId: string;
}>;


export type ConfirmBundlePartyMutation = { confirmBundleParty: { sale: { bundleId: string, bundleNumber: string, propertyAddress: string, buyerName: string, confirmed: boolean, confirmedAt: string | null, transferStatusLabel: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: RealEstateErrorCode }> } };

export type ConstructionProjectQueryVariables = Exact<{
  id: string;
}>;


export type ConstructionProjectQuery = { bundle: { id: string, number: string, status: BundleStatus, statusLabel: string, stageLabel: string, project: { code: string, investmentType: InvestmentType, investmentTypeLabel: string, unitName: string, site: string, time: { totalDays: number, mainDays: number, usedDays: number, mainUsedDays: number, leftDays: number, mainLeftDays: number, withinTotal: boolean, withinMain: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, finished: boolean, stages: Array<{ number: number, name: string, main: boolean, budgetDays: number, usedDays: number, leftDays: number, overBudget: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, status: ProjectStageStatus, statusLabel: string, heldBy: Array<string>, startedOn: string | null, endedOn: string | null, plannedStart: string, plannedEnd: string }>, todo: Array<{ stage: number, itemName: string, caseId: string, kind: ProjectTodoKind, reason: string, action: string }> } } | null } | null };

export type FindServicesQueryVariables = Exact<{
  text: string;
  regionCode?: string | null | undefined;
  audience?: Audience | null | undefined;
  enterpriseId?: string | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type FindServicesQuery = { findServices: { totalCount: number, words: Array<string>, didYouMean: string | null, hits: Array<{ kind: SearchHitKind, code: string, name: string, matchedBy: SearchMatch, implementationCount: number, item: { id: string, name: string, implementationCode: string, regionCode: string, online: boolean, instant: boolean, highFrequency: boolean, maxVisits: number, committedLimit: { value: number, unit: TimeUnit, text: string }, department: { id: string, name: string, shortName: string } } | null, theme: { id: string, code: string, name: string, audience: Audience, maxVisits: number, budget: { value: number, unit: BudgetUnit, text: string }, guide: { summary: string } } | null }> } };

export type FollowUpRatingMutationVariables = Exact<{
  caseId: string;
  level: number;
  comment: string;
}>;


export type FollowUpRatingMutation = { followUpRating: { rating: { level: number, levelLabel: string, followUpLevel: number | null, followUpComment: string, followUpAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

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

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
  all?: boolean;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { marked: number, unreadCount: number, errors: Array<{ field: Array<string> | null, message: string, code: NotificationErrorCode }> } };

export type MyAppointmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAppointmentsQuery = { myAppointments: Array<{ id: string, hallCode: string, hallName: string, itemId: string, itemName: string, date: string, start: string, end: string, status: AppointmentStatus, note: string, cancelReason: string, createdAt: string, cancelledAt: string | null }> };

export type MyAssistanceRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAssistanceRequestsQuery = { myAssistanceRequests: Array<{ id: string, number: string, kind: AssistanceKind, status: AssistanceStatus, hallCode: string, description: string, agentName: string | null, createdAt: string, closedAt: string | null, contacts: Array<{ kind: AssistanceContactKind, note: string, at: string }>, rating: { level: number, levelLabel: string, channel: string, ratedAt: string } | null }> };

export type MyBundlesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyBundlesQuery = { myBundles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, themeCode: string, themeName: string, applicantKind: string, applicantName: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null } }> } };

export type MyCasesQueryVariables = Exact<{
  statuses?: Array<CaseStatus> | CaseStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyCasesQuery = { myCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string | null, status: CaseStatus, statusLabel: string, itemName: string, applicantName: string, submittedAt: string | null, deadline: string | null, supplyBy: string | null, warning: DeadlineWarning, completedAt: string | null } }> } };

export type MyComplaintsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyComplaintsQuery = { myComplaints: Array<{ id: string, number: string, status: ComplaintStatus, statusLabel: string, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> }> };

export type MyElicencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyElicencesQuery = { myElicences: Array<{ id: string, number: string, kind: string, holderName: string, departmentCode: string, issuedAt: string, validTo: string | null }> };

export type MyNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyNotificationsQuery = { myNotifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, event: string, title: string, body: string, readAt: string | null, createdAt: string, caseId: string | null } }> } };

export type MyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProfileQuery = { myProfile: { id: string, phone: string, name: string | null, idNumber: string | null, birthDate: string | null, sex: Sex | null, verified: boolean, verifiedAt: string | null, masked: boolean, enterprises: Array<{ id: string, creditCode: string, name: string, myRole: EnterpriseRole, registeredAt: string, region: { code: string, name: string } | null }> | null } | null };

export type MySalesQueryVariables = Exact<{ [key: string]: never; }>;


export type MySalesQuery = { mySales: Array<{ bundleId: string, bundleNumber: string, themeName: string, propertyAddress: string, buyerName: string, confirmed: boolean, confirmedAt: string | null, transferStatusLabel: string }> };

export type MySharedDataPullsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MySharedDataPullsQuery = { mySharedDataPulls: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, base: SharedDataBase, baseLabel: string, subject: string, purpose: string, caseNumber: string | null, bundleNumber: string | null, caller: string, fields: Array<string>, found: boolean, at: string } }> } };

export type NotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationReceivedSubscription = { notificationReceived: { id: string, event: string, title: string, body: string, readAt: string | null, createdAt: string, caseId: string | null } };

export type RateAssistanceMutationVariables = Exact<{
  requestId: string;
  level: number;
  comment?: string;
  scores?: Array<AssistanceScoreInput> | AssistanceScoreInput | null | undefined;
}>;


export type RateAssistanceMutation = { rateAssistance: { request: { id: string, status: AssistanceStatus, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, dimensionSet: string, scores: Array<{ key: string, label: string, score: number }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type RateBundleMutationVariables = Exact<{
  bundleId: string;
  level: number;
  comment?: string;
  channel?: string;
}>;


export type RateBundleMutation = { rateBundle: { bundle: { id: string, number: string, status: BundleStatus, statusLabel: string, canRate: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type RateBundleByLinkMutationVariables = Exact<{
  token: string;
  level: number;
  comment?: string;
}>;


export type RateBundleByLinkMutation = { rateBundleByLink: { rated: boolean, bundleNumber: string | null, level: number | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RateCaseMutationVariables = Exact<{
  caseId: string;
  level: number;
  comment?: string;
  scores?: Array<RatingScoreInput> | RatingScoreInput | null | undefined;
  channel?: string;
}>;


export type RateCaseMutation = { rateCase: { case: { id: string, status: CaseStatus, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, dimensionSet: string, dimensionVersion: number, scores: Array<{ key: string, label: string, score: number }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RateCaseByLinkMutationVariables = Exact<{
  token: string;
  level: number;
  comment?: string;
  scores?: Array<RatingScoreInput> | RatingScoreInput | null | undefined;
}>;


export type RateCaseByLinkMutation = { rateCaseByLink: { case: { id: string, status: CaseStatus, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, dimensionSet: string, scores: Array<{ key: string, label: string, score: number }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RatingDimensionSetsQueryVariables = Exact<{ [key: string]: never; }>;


export type RatingDimensionSetsQuery = { ratingDimensionSets: Array<{ name: string, version: number, current: boolean, dimensions: Array<{ key: string, label: string }> }> };

export type RatingLinkQueryVariables = Exact<{
  token: string;
}>;


export type RatingLinkQuery = { ratingLink: { link: { subject: string, itemName: string, caseNumber: string, rated: boolean, expiresAt: string, dimensionSet: { name: string, version: number, dimensions: Array<{ key: string, label: string }> } } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RealEstateTransferQueryVariables = Exact<{
  bundleId: string;
}>;


export type RealEstateTransferQuery = { realEstateTransfer: { propertyAddress: string, deedTaxPaid: boolean, onlineReviewPassed: boolean, registered: boolean, nextStep: string, seller: { name: string, idNumber: string, confirmed: boolean, confirmedAt: string | null } | null, visit: { status: string, statusLabel: string, day: string | null, start: string | null, end: string | null, hallName: string | null, verifiedAt: string | null } | null, bundle: { id: string, number: string, status: BundleStatus, statusLabel: string, deadline: string | null, workingDaysUsed: number | null }, utilities: Array<{ key: string, name: string, state: string, stateLabel: string, caseNumber: string | null, caseStatusLabel: string | null, partnerName: string | null, partnerDelivery: string | null, decidedAt: string | null }> } | null };

export type ReapplyBundleItemMutationVariables = Exact<{
  bundleId: string;
  caseId: string;
  formData?: unknown;
  materials?: Array<BundleMaterialFileInput> | BundleMaterialFileInput;
}>;


export type ReapplyBundleItemMutation = { reapplyBundleItem: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, itemName: string, submittedAt: string | null } | null, bundle: { id: string, status: BundleStatus, statusLabel: string, stageList: Array<{ number: number, items: Array<{ key: string, name: string, state: BundleItemState, stateLabel: string, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null }> }>, denial: { summary: string, options: Array<string> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

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

export type RequestAssistanceMutationVariables = Exact<{
  kind: AssistanceKind;
  hallCode: string;
  description: string;
  enterpriseId?: string | null | undefined;
  preferredDay?: string | null | undefined;
  address?: string;
}>;


export type RequestAssistanceMutation = { requestAssistance: { request: { id: string, number: string, kind: AssistanceKind, status: AssistanceStatus, hallCode: string, description: string, preferredDay: string | null, address: string, createdAt: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type RequestSmsCodeMutationVariables = Exact<{
  phone: string;
}>;


export type RequestSmsCodeMutation = { requestSmsCode: { sent: boolean, expiresInSeconds: number | null, resendAfterSeconds: number | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RespondToComplaintMutationVariables = Exact<{
  number: string;
  queryCode: string;
  satisfied: boolean;
  note?: string;
}>;


export type RespondToComplaintMutation = { respondToComplaint: { complaint: { number: string, status: ComplaintStatus, statusLabel: string, redoCount: number, supervised: boolean, satisfied: boolean | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type ResubmitCaseMutationVariables = Exact<{
  caseId: string;
  note?: string;
  materials?: Array<ResubmittedMaterialInput> | ResubmittedMaterialInput;
}>;


export type ResubmitCaseMutation = { resubmitCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, deadline: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type SaveApplicationDraftMutationVariables = Exact<{
  draftId?: string | null | undefined;
  application: ApplicationInput;
}>;


export type SaveApplicationDraftMutation = { saveApplicationDraft: { case: { id: string, status: CaseStatus, statusLabel: string, itemName: string, applicantKind: ApplicantKind, applicantName: string, formData: unknown, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type SearchServiceItemsQueryVariables = Exact<{
  filter?: ServiceItemFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchServiceItemsQuery = { serviceItems: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, implementationCode: string, itemType: ItemType, level: Level, regionCode: string, online: boolean, instant: boolean, highFrequency: boolean, maxVisits: number, serviceObjects: Array<ServiceObject>, committedLimit: { value: number, unit: TimeUnit, text: string }, department: { id: string, name: string, shortName: string } } }> } };

export type SearchSuggestionsQueryVariables = Exact<{
  prefix: string;
  first?: number | null | undefined;
}>;


export type SearchSuggestionsQuery = { searchSuggestions: Array<{ text: string, kind: SuggestionKind, code: string }> };

export type SearchThemesQueryVariables = Exact<{
  search?: string | null | undefined;
  audience?: Audience | null | undefined;
  lifeStage?: LifeStage | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchThemesQuery = { themes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, audience: Audience, lifeStage: LifeStage, status: ThemeStatus, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, budget: { value: number, unit: BudgetUnit, text: string }, guide: { summary: string }, leadDepartment: { id: string, name: string, shortName: string } | null } }> } };

export type ServiceItemApplicationFormQueryVariables = Exact<{
  id: string;
}>;


export type ServiceItemApplicationFormQuery = { serviceItem: { id: string, name: string, implementationCode: string, status: ItemStatus, online: boolean, instant: boolean, serviceObjects: Array<ServiceObject>, committedLimit: { value: number, unit: TimeUnit, text: string }, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, position: number, name: string, conditions: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, elicence: string | null, sharedData: boolean }> }> } | null };

export type ServiceItemGuideQueryVariables = Exact<{
  id: string;
}>;


export type ServiceItemGuideQuery = { serviceItem: { id: string, name: string, basicCode: string, implementationCode: string, itemType: ItemType, status: ItemStatus, level: Level, versionNumber: number, online: boolean, instant: boolean, maxVisits: number, serviceObjects: Array<ServiceObject>, legalBasis: string, acceptanceConditions: string, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, necessity: Necessity, sampleText: string, elicence: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> }, department: { id: string, name: string, shortName: string }, region: { code: string, name: string } } | null };

export type ServiceItemGuideByCodeQueryVariables = Exact<{
  code: string;
}>;


export type ServiceItemGuideByCodeQuery = { serviceItemByCode: { id: string, name: string, basicCode: string, implementationCode: string, itemType: ItemType, status: ItemStatus, level: Level, versionNumber: number, online: boolean, instant: boolean, maxVisits: number, serviceObjects: Array<ServiceObject>, legalBasis: string, acceptanceConditions: string, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, necessity: Necessity, sampleText: string, elicence: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> }, department: { id: string, name: string, shortName: string }, region: { code: string, name: string } } | null };

export type ServiceMenuQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceMenuQuery = { serviceMenu: { number: number, publishedAt: string, entries: Array<{ key: string, title: string, category: string, description: string, position: number, itemCodes: Array<string>, themeCodes: Array<string>, items: Array<{ id: string, name: string, implementationCode: string, online: boolean, maxVisits: number }>, themes: Array<{ id: string, code: string, name: string, audience: Audience, lifeStage: LifeStage, status: ThemeStatus, maxVisits: number, budget: { value: number, unit: BudgetUnit, text: string } }> }> } | null };

export type SignInWithSmsCodeMutationVariables = Exact<{
  phone: string;
  code: string;
}>;


export type SignInWithSmsCodeMutation = { signInWithSmsCode: { firstSignIn: boolean, tokens: { token: string, expiresAt: string, refreshToken: string, refreshExpiresAt: string } | null, citizen: { id: string, phone: string, name: string | null, verified: boolean, masked: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type SubmitApplicationMutationVariables = Exact<{
  idempotencyKey: string;
  draftId?: string | null | undefined;
  application?: ApplicationInput | null | undefined;
}>;


export type SubmitApplicationMutation = { submitApplication: { created: boolean, instant: { approved: boolean, rule: string, reasons: Array<string> } | null, case: { id: string, number: string | null, queryCode: string | null, status: CaseStatus, statusLabel: string, itemName: string, submittedAt: string | null, deadline: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type SubmitComplaintMutationVariables = Exact<{
  targetKind: ComplaintTargetKind;
  targetCode: string;
  category: ComplaintCategory;
  content: string;
  contactName?: string;
  contactPhone?: string;
  attachmentIds?: Array<string> | string;
}>;


export type SubmitComplaintMutation = { submitComplaint: { queryCode: string | null, complaint: { id: string, number: string, status: ComplaintStatus, statusLabel: string, targetLabel: string, deadline: string, createdAt: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type SupplyBundleMaterialsMutationVariables = Exact<{
  bundleId: string;
  materials: Array<BundleSuppliedMaterialInput> | BundleSuppliedMaterialInput;
}>;


export type SupplyBundleMaterialsMutation = { supplyBundleMaterials: { bundle: { id: string, number: string, status: BundleStatus, statusLabel: string, stageList: Array<{ number: number, items: Array<{ key: string, name: string, state: BundleItemState, stateLabel: string, caseStatus: CaseStatus | null, caseStatusLabel: string | null, case: { id: string, supplyBy: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type SupplyCaseMaterialsMutationVariables = Exact<{
  caseId: string;
  materials: Array<SuppliedMaterialInput> | SuppliedMaterialInput;
}>;


export type SupplyCaseMaterialsMutation = { supplyCaseMaterials: { case: { id: string, status: CaseStatus, statusLabel: string, supplyBy: string | null, deadline: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, supplyNote: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ThemeBundleQueryVariables = Exact<{
  themeId: string;
  answers: Array<ThemeAnswerInput> | ThemeAnswerInput;
}>;


export type ThemeBundleQuery = { themeBundle: { theme: { id: string, code: string, name: string } | null, version: { id: string, number: number }, answers: Array<{ question: string, value: string }>, stages: Array<{ number: number, key: string, name: string, items: Array<{ key: string, name: string, departmentCode: string, dependsOn: Array<string>, note: string, partnerKind: string | null, partnerChoices: Array<{ code: string, name: string }>, department: { id: string, name: string, shortName: string } | null, serviceItem: { id: string, name: string, implementationCode: string, committedLimit: { value: number, unit: TimeUnit, text: string } }, situations: Array<{ key: number, name: string, conditions: string }> }> }>, form: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string, source: FieldSource | null, sourceLabel: string | null, itemKeys: Array<string> }>, materials: Array<{ key: string, name: string, standardCode: string | null, generated: boolean, necessity: Necessity, elicence: string | null, sharedData: boolean, producedBy: string | null, toProvide: boolean, itemKeys: Array<string>, uses: Array<{ itemKey: string, producedBy: string | null, material: { key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, sampleText: string } }> }>, counts: { items: number, stages: number, fields: number, fieldsPrefilled: number, fieldsAsked: number, fieldsSeparately: number, materials: number, materialsGenerated: number, materialsSeparately: number, visits: number, visitsSeparately: number }, problems: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } | null };

export type ThemeGuideQueryVariables = Exact<{
  code: string;
}>;


export type ThemeGuideQuery = { theme: { id: string, code: string, name: string, status: ThemeStatus, statusReason: string, versionNumber: number, audience: Audience, lifeStage: LifeStage, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, budget: { value: number, unit: BudgetUnit, text: string }, leadDepartment: { id: string, name: string, shortName: string } | null, cooperatingDepartments: Array<{ id: string, name: string, shortName: string }>, guide: { summary: string, conditions: string, process: Array<string>, notes: Array<string>, basis: string, faq: Array<{ question: string, answer: string }> }, questions: Array<{ key: string, text: string, kind: QuestionKind, help: string, options: Array<{ value: string, label: string }> }>, stages: Array<{ key: string, name: string, leadDepartment: { id: string, name: string, shortName: string } | null, items: Array<{ key: string, basicCode: string, note: string, dependsOn: Array<string>, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null } | null, situations: Array<{ name: string, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null } | null }>, department: { id: string, name: string, shortName: string } | null, serviceItem: { id: string, name: string, implementationCode: string, online: boolean, maxVisits: number, committedLimit: { value: number, unit: TimeUnit, text: string } } | null }> }> } | null };

export type TrackBundleQueryVariables = Exact<{
  number: string;
  queryCode: string;
}>;


export type TrackBundleQuery = { trackBundle: { number: string, themeName: string, applicantName: string, status: BundleStatus, statusLabel: string, stage: number, stages: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, denialSummary: string | null, stageList: Array<{ number: number, name: string, items: Array<{ name: string, departmentName: string, stateLabel: string, statusLabel: string | null, deadline: string | null }> }> } | null };

export type TrackCaseQueryVariables = Exact<{
  number: string;
  queryCode: string;
}>;


export type TrackCaseQuery = { trackCase: { number: string, itemName: string, departmentName: string, applicantName: string, status: CaseStatus, statusLabel: string, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, completedAt: string | null, steps: Array<{ at: string, label: string, statusLabel: string }> } | null };

export type TrackComplaintQueryVariables = Exact<{
  number: string;
  queryCode: string;
}>;


export type TrackComplaintQuery = { trackComplaint: { number: string, status: ComplaintStatus, statusLabel: string, targetLabel: string, deadline: string, answer: string, answeredAt: string | null, redoCount: number, supervised: boolean, satisfied: boolean | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type UploadMaterialMutationVariables = Exact<{
  input: UploadMaterialInput;
}>;


export type UploadMaterialMutation = { uploadMaterial: { upload: { id: string, filename: string, contentType: string, size: number, sha256: string, createdAt: string, downloadUrl: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: UploadErrorCode }> } };

export type VerifyRealNameMutationVariables = Exact<{
  name: string;
  idNumber: string;
}>;


export type VerifyRealNameMutation = { verifyRealName: { citizen: { id: string, phone: string, name: string | null, idNumber: string | null, birthDate: string | null, sex: Sex | null, verified: boolean, verifiedAt: string | null, masked: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type WithdrawBundleMutationVariables = Exact<{
  bundleId: string;
  reason?: string;
}>;


export type WithdrawBundleMutation = { withdrawBundle: { bundle: { id: string, number: string, status: BundleStatus, statusLabel: string, withdrawnAt: string | null, withdrawReason: string, stageList: Array<{ number: number, items: Array<{ key: string, name: string, state: BundleItemState, stateLabel: string, caseStatus: CaseStatus | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type WithdrawCaseMutationVariables = Exact<{
  caseId: string;
  reason?: string;
}>;


export type WithdrawCaseMutation = { withdrawCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, completedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };
