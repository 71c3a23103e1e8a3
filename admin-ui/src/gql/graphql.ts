/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 受理主题办件：待受理的各事项一并受理 */
export type AcceptBundleInput = {
  /** 主题办件的全局 ID */
  bundleId: string;
  /** 逐项审查结果 */
  checks?: Array<BundleMaterialCheckInput>;
  /** 备注 */
  note?: string;
};

/** 容缺受理主题办件：一份承诺、一张通知书 */
export type AcceptBundleWithMissingInput = {
  /** 主题办件的全局 ID */
  bundleId: string;
  /** 已交材料的审查结果 */
  checks?: Array<BundleMaterialCheckInput>;
  /** 申请人承诺（已签署容缺受理承诺书） */
  commitment: string;
  /** 容缺的材料 */
  missing: Array<BundleMissingMaterialInput>;
  /** 补齐期限；为空取 5 个工作日与各事项承诺期限中较早者 */
  supplyBy?: string | null | undefined;
};

/** 受理 */
export type AcceptCaseInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 逐项审查结果 */
  checks?: Array<MaterialCheckInput>;
  /** 备注 */
  note?: string;
};

/** 容缺受理 */
export type AcceptCaseWithMissingInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 已交材料的审查结果 */
  checks?: Array<MaterialCheckInput>;
  /** 申请人承诺（已签署容缺受理承诺书） */
  commitment: string;
  /** 容缺的材料 */
  missing: Array<MissingMaterialInput>;
  /** 补齐期限；为空取 5 个工作日与承诺期限中较早者 */
  supplyBy?: string | null | undefined;
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

/** 审查通过当前环节（最后一个环节即准予） */
export type ApproveCaseInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 审查意见 */
  opinion: string;
};

/** 为帮办代办申请指派帮办代办员 */
export type AssignAssistanceAgentInput = {
  /** 帮办代办员的用户名 */
  agentUsername: string;
  /** 申请的全局 ID */
  requestId: string;
};

/** 转办投诉给部门承办人 */
export type AssignComplaintInput = {
  /** 投诉的全局 ID */
  complaintId: string;
  /** 承办人（部门审批人员）的用户名 */
  handlerUsername: string;
  /** 转办意见 */
  note?: string;
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

/** 补正要求的一项 */
export type BundleCorrectionItemInput = {
  /** 只涉及这个事项的子办件；为空表示涉及的全部事项 */
  caseId?: string | null | undefined;
  /** 涉及的材料标识；为空表示与材料无关（如申请表） */
  key?: string | null | undefined;
  /** 补正内容 */
  note: string;
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
  key: string;
  /** 审查意见 */
  note?: string;
  /** 符合审查要点 */
  ok?: boolean;
};

/** 容缺的一份材料 */
export type BundleMissingMaterialInput = {
  /** 补交方式，如“网上上传”“到窗口补交” */
  how?: string;
  /** 材料标识（须为“容缺后补”材料） */
  key: string;
};

/** 窗口收取的一套材料中的一份 */
export type BundlePaperMaterialInput = {
  /** 材料标识 */
  key: string;
  /** 申请人已当场提交 */
  provided?: boolean;
  /** 扫描件（可选） */
  uploadId?: string | null | undefined;
};

/** 申请人为一个事项选择的合作单位（开户银行、刻章企业等） */
export type BundlePartnerChoiceInput = {
  /** 事项在主题中的标识（见 ThemeBundle 中 partnerKind 不为空的事项） */
  itemKey: string;
  /** 所选合作单位的代码（见该事项的 partnerChoices） */
  partnerCode: string;
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
  bundleId: string;
  /** 理由或意见 */
  reason?: string;
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

/** 对办件的动作（无需理由） */
export type CaseIdInput = {
  /** 办件的全局 ID */
  caseId: string;
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
  claimedByMe?: boolean;
  /** 办理部门 */
  departmentCode?: string | null | undefined;
  /** 受理大厅 */
  hallCode?: string | null | undefined;
  /** 只看秒批通过的办件（供抽查） */
  instantOnly?: boolean;
  /** 事项名称包含 */
  itemName?: string | null | undefined;
  /** 办件号 */
  number?: string | null | undefined;
  /** 区划（市或县） */
  regionCode?: string | null | undefined;
  /** 只看这些状态（默认按队列） */
  statuses?: Array<CaseStatus> | null | undefined;
  /** 只看无人领取的 */
  unclaimed?: boolean;
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
  caseId: string;
  /** 理由或意见 */
  reason?: string;
};

/** 办件统计的范围：日期区间（含首尾，北京时间）与可选的区划、部门 */
export type CaseStatisticsFilter = {
  /** 开始日期（含） */
  dateFrom: string;
  /** 结束日期（含），区间最多 366 天 */
  dateTo: string;
  /** 只统计该部门的办件，如 371500-XZSPJ */
  departmentCode?: string | null | undefined;
  /** 只统计该区划及其下级的办件，如 371525；超出调用者权限范围的部分不会计入 */
  regionCode?: string | null | undefined;
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
  id: string;
  /** 原因（必填，将公示在办事指南中） */
  reason: string;
};

/** 改变主题状态（暂停、恢复、取消） */
export type ChangeThemeStatusInput = {
  /** 主题的全局 ID */
  id: string;
  /** 原因（必填，将公示在一次告知中） */
  reason: string;
};

/** 窗口为到场的预约人签到（预约当天） */
export type CheckInAppointmentInput = {
  /** 预约的全局 ID */
  appointmentId: string;
};

/** 处理（关闭）一条对账差异 */
export type CloseExchangeDifferenceInput = {
  /** 差异的全局 ID */
  differenceId: string;
  /** 处理说明（2 到 500 个字），如“已与对方核实，对方已重新答复” */
  note: string;
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
  complaintId: string;
  /** 延期理由、办理情况、答复内容或办结意见 */
  note?: string;
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
  bundleId: string;
  /** 备注 */
  note?: string;
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
  code: string;
  /** 投资类型 */
  investmentType: InvestmentType;
  /** 建设地点（不超过 200 个字） */
  site: string;
};

/** 补正要求的一项 */
export type CorrectionItemInput = {
  /** 涉及的材料编号；为空表示与材料无关（如申请表） */
  materialKey?: number | null | undefined;
  /** 补正内容 */
  note: string;
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
  name: string;
  /** 银行、公用事业单位必填：机构代码 */
  partnerCode?: string | null | undefined;
  /** 县级系统必填：其区划代码（须在管理员的区划之内） */
  regionCode?: string | null | undefined;
  /** 大厅评价器必填：所在窗口编号 */
  windowId?: number | null | undefined;
};

/** 登记合作单位 */
export type CreatePartnerInput = {
  /** 代码：2 到 32 位小写字母、数字或连字符 */
  code: string;
  /** 设置（名称、类型、区划、接收地址必填） */
  fields: PartnerFieldsInput;
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

/** 新建主题（保存为草稿，版本 1；保存时即检查每一种回答组合） */
export type CreateThemeDraftInput = {
  /** 变更说明 */
  changeNote?: string;
  /** 主题编码：小写字母开头，只含小写字母、数字和连字符，如 open-restaurant */
  code: string;
  /** 主题内容；name、audience、lifeStage、leadDepartment、budget、guide、stages 必填 */
  content: ThemeContentInput;
  /** 所属区划代码，默认操作人所在区划 */
  regionCode?: string | null | undefined;
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
  term: string;
};

/** 停用工作人员账号 */
export type DisableStaffUserInput = {
  /** 账号的全局 ID */
  id: string;
  /** 停用原因（记入账号） */
  reason: string;
};

/** 放弃事项的草稿版本 */
export type DiscardServiceItemDraftInput = {
  /** 事项的全局 ID */
  id: string;
};

/** 启用工作人员账号（同时解除密码错误锁定） */
export type EnableStaffUserInput = {
  /** 账号的全局 ID */
  id: string;
};

/** 对账差异查询条件 */
export type ExchangeDifferenceFilter = {
  /** true 只看未处理的，false 只看已处理的 */
  open?: boolean | null | undefined;
  /** 合作单位代码 */
  partnerCode?: string | null | undefined;
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
  caseNumber?: string | null | undefined;
  /** 方向 */
  direction?: ExchangeDirection | null | undefined;
  /** 合作单位代码 */
  partnerCode?: string | null | undefined;
  /** 只看这些状态（如 DEAD、REFUSED） */
  statuses?: Array<ExchangeStatus> | null | undefined;
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
  caseId: string;
  /** 延长的工作日数（1 到 30，只能延长一次） */
  days: number;
  /** 延期理由 */
  reason: string;
};

/** 延长整改期限（一次） */
export type ExtendRectificationInput = {
  /** 延长的工作日数（1 到 10） */
  days: number;
  /** 整改单的全局 ID */
  id: string;
  /** 延期理由 */
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

/** 申请表单项 */
export type FormFieldInput = {
  /** 填写说明（不超过 200 个字符） */
  help?: string;
  /** 标识：小写字母开头，只含字母、数字和下划线，不超过 32 个字符，事项内唯一 */
  key: string;
  /** 名称（不超过 32 个字符） */
  label: string;
  /** 最大值（仅数字项） */
  max?: number | null | undefined;
  /** 最大字符数（仅文本项） */
  maxLength?: number | null | undefined;
  /** 最小值（仅数字项） */
  min?: number | null | undefined;
  /** 可选项（仅单选项，至少一项） */
  options?: Array<string>;
  /** 必填 */
  required?: boolean;
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
  address?: string;
  /** 企业类型：个人独资企业、个体工商户、合伙企业、有限责任公司、股份有限公司、农民专业合作社 */
  kind?: string;
  /** 企业名称（与名称自主申报结果一致，2 至 64 个字） */
  name?: string;
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
  code: string;
  /** 须全部满足的条件（至少一项） */
  conditions: Array<InstantCondition>;
  /** 规则版本（不小于 1；规则内容变化时加 1） */
  version?: number;
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
  bundleId: string;
  /** 出件方式：窗口一次领取、一次邮寄，或电子证照（各事项均有电子证照时） */
  method: ResultMethod;
  /** 邮寄运单号（邮寄时必填） */
  trackingNumber?: string | null | undefined;
};

/** 出件 */
export type IssueCaseResultInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 出件方式 */
  method: ResultMethod;
  /** 邮寄运单号（邮寄时必填） */
  trackingNumber?: string | null | undefined;
};

/** 事项内容；修改草稿时只传要改的字段，situations 传入则整体替换 */
export type ItemContentInput = {
  /** 受理条件 */
  acceptanceConditions?: string | null | undefined;
  /** 俗称、别名（群众的叫法，如“准生证”），聊易找按其排在关键词之前 */
  aliases?: Array<string> | null | undefined;
  /** 承诺时限 */
  committedLimit?: TimeLimitInput | null | undefined;
  /** 行使层级 */
  exerciseLevels?: Array<Level> | null | undefined;
  /** 收费项目；空列表表示不收费 */
  fees?: Array<FeeInput> | null | undefined;
  /** 申请表单项（最多 50 个），整体替换 */
  formFields?: Array<FormFieldInput> | null | undefined;
  /** 办事指南 */
  guide?: GuideInput | null | undefined;
  /** 高频事项 */
  highFrequency?: boolean | null | undefined;
  /** 即办件 */
  instant?: boolean | null | undefined;
  /** 秒批规则（仅即办件；即办件发布前必填）；传 null 表示取消秒批规则 */
  instantRule?: InstantRuleInput | null | undefined;
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
  /** 批准后核发的电子证照类型；传 null 或空字符串表示不出证照 */
  resultLicence?: string | null | undefined;
  /** 后台审查环节（最多 6 个，按顺序），整体替换；空列表表示只有“审查决定” */
  reviewSteps?: Array<string> | null | undefined;
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
  password: string;
  /** 用户名 */
  username: string;
};

/** 退出登录（吊销当前请求所用的令牌） */
export type LogoutInput = {
  /** 同时吊销本账号的全部令牌 */
  allSessions?: boolean;
};

/** 窗口对一份材料的审查结果 */
export type MaterialCheckInput = {
  /** 材料编号 */
  materialKey: number;
  /** 审查意见 */
  note?: string;
  /** 符合审查要点 */
  ok?: boolean;
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
  /** 标准材料编码（材料互认，如 SFZ、YYZZ；申请书为 SQB）；为空表示非标准材料 */
  standardCode?: string | null | undefined;
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
  how?: string;
  /** 材料编号（须为“容缺后补”材料） */
  materialKey: number;
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
  status?: NotificationStatus | null | undefined;
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
  materialKey: number;
  /** 申请人已当场提交 */
  provided?: boolean;
  /** 扫描件（可选） */
  uploadId?: string | null | undefined;
};

/** 合作单位的设置（修改时只传要改的项） */
export type PartnerFieldsInput = {
  /** 接收地址（http(s)://…） */
  baseUrl?: string | null | undefined;
  /** 是否启用 */
  isActive?: boolean | null | undefined;
  /** 类型 */
  kind?: PartnerKind | null | undefined;
  /** 最多尝试次数（1–20） */
  maxAttempts?: number | null | undefined;
  /** 名称 */
  name?: string | null | undefined;
  /** 所属区划代码 */
  regionCode?: string | null | undefined;
  /** 转送给它的事项基本编码（12 位） */
  routes?: Array<string> | null | undefined;
  /** 超时（0.5–60 秒） */
  timeoutSeconds?: number | null | undefined;
};

/** 对一个合作单位的操作 */
export type PartnerIdInput = {
  /** 合作单位的全局 ID */
  partnerId: string;
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

/** 发布事项的草稿版本 */
export type PublishServiceItemInput = {
  /** 事项的全局 ID */
  id: string;
};

/** 发布服务菜单的新版本（整体替换，按顺序） */
export type PublishServiceMenuInput = {
  /** 变更说明 */
  changeNote?: string;
  /** 菜单项（按顺序，最多 60 项） */
  entries: Array<ServiceMenuEntryInput>;
};

/** 发布主题的草稿版本 */
export type PublishThemeInput = {
  /** 主题的全局 ID */
  id: string;
};

/** 情形引导问题的类型 */
export type QuestionKind =
  /** 单选 */
  | 'CHOICE'
  /** 是/否（选项值 yes、no） */
  | 'YES_NO';

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

/** 窗口代为收件：主题服务（一件事） */
export type ReceiveWalkInBundleInput = {
  /** 情形引导的回答 */
  answers?: unknown;
  /** 申请人 */
  applicant: WalkInApplicantInput;
  /** 一表申请的表单数据 */
  formData?: unknown;
  /** 幂等键（8 到 64 个字符） */
  idempotencyKey: string;
  /** 当场收取的材料 */
  materials?: Array<BundlePaperMaterialInput>;
  /** 申请人选择的合作单位（开户银行、刻章企业）：可选的只有一家时自动选定 */
  partners?: Array<BundlePartnerChoiceInput>;
  /** 工程建设项目（工程建设项目审批主题必填） */
  project?: ConstructionProjectInput | null | undefined;
  /** 主题编码 */
  themeCode?: string | null | undefined;
  /** 主题的全局 ID（与 themeCode 二选一） */
  themeId?: string | null | undefined;
};

/** 窗口代为收件 */
export type ReceiveWalkInInput = {
  /** 申请人 */
  applicant: WalkInApplicantInput;
  /** 申请表数据 */
  formData?: unknown;
  /** 幂等键（8 到 64 个字符） */
  idempotencyKey: string;
  /** 事项的全局 ID */
  itemId: string;
  /** 当场收取的材料 */
  materials?: Array<PaperMaterialInput>;
  /** 办理情形编号 */
  situationKey?: number | null | undefined;
};

/** 记录一次联系或走访 */
export type RecordAssistanceContactInput = {
  /** 方式 */
  kind: AssistanceContactKind;
  /** 记录 */
  note: string;
  /** 申请的全局 ID */
  requestId: string;
};

/** 税务部门登记契税缴纳 */
export type RecordDeedTaxPaymentInput = {
  /** 缴纳税款（元，最多两位小数），如 "30000.00" */
  amountYuan: string;
  /** 契税子办件的全局 ID */
  caseId: string;
  /** 完税凭证号（6–32 位数字、字母或连字符） */
  receiptNumber: string;
};

/** 回访实名差评人 */
export type RecordRatingRevisitInput = {
  /** 整改单的全局 ID */
  id: string;
  /** phone 电话、sms 短信、visit 上门 */
  method?: string;
  /** 回访记录 */
  note?: string;
  /** 对整改结果的满意度 1 到 5 */
  satisfaction: number;
};

/** 对整改单的操作（附说明） */
export type RectificationInput = {
  /** 整改单的全局 ID */
  id: string;
  /** 整改措施、理由或意见 */
  text?: string;
};

/** 审核无法整改或复核申诉 */
export type RectificationReviewInput = {
  /** 无法整改：true 认可；申诉：true 申诉成立 */
  approve: boolean;
  /** 整改单的全局 ID */
  id: string;
  /** 审核意见 */
  note: string;
};

/** 用刷新令牌换取新的一对令牌 */
export type RefreshTokensInput = {
  /** 上次获得的刷新令牌 */
  refreshToken: string;
};

/** 一次性告知补正：一件事一张告知单 */
export type RequestBundleCorrectionInput = {
  /** 主题办件的全局 ID */
  bundleId: string;
  /** 需要补正的全部内容（只能告知一次） */
  items: Array<BundleCorrectionItemInput>;
  /** 总体说明 */
  note?: string;
};

/** 一次性告知补正 */
export type RequestCaseCorrectionInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 需要补正的全部内容（只能告知一次） */
  items: Array<CorrectionItemInput>;
  /** 总体说明 */
  note?: string;
};

/** 重设工作人员密码 */
export type ResetStaffPasswordInput = {
  /** 账号的全局 ID */
  id: string;
  /** 新密码（至少 8 个字符） */
  newPassword: string;
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
  id: string;
};

/** 重试一条发送失败的通知 */
export type RetryNotificationInput = {
  /** 发件记录的全局 ID */
  id: string;
};

/** 申请查看完整的个人信息：须说明原因，每次查看都记入访问日志 */
export type RevealPersonalDataInput = {
  /** 要查看的信息项（群众：姓名、手机号码、身份证号码；企业：法定代表人姓名、身份证号码；工作人员：姓名；办件、主题办件：申请表中的个人信息） */
  fields: Array<PersonalDataField>;
  /** 查看原因（至少 4 个字），如“核对申请人身份” */
  reason: string;
  /** 被查看主体的全局 ID：群众（Citizen）、企业（Enterprise）、工作人员（StaffUser）、办件（Case）或主题办件（Bundle） */
  subjectId: string;
};

/** 回访：投诉人对答复是否满意（大厅负责人记录，或登录的投诉人本人填写） */
export type RevisitComplaintInput = {
  /** 投诉的全局 ID */
  complaintId: string;
  /** 回访记录或投诉人的意见 */
  note?: string;
  /** 是否满意；不满意时第一次重办，重办后仍不满意下督办单 */
  satisfied: boolean;
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
  caseId: string;
  /** 须重新提交的材料（目录材料的全局 ID） */
  materialIds?: Array<string>;
  /** 退回补正的理由和要求（申请人据此补正） */
  reason: string;
};

/** 登记窗口正在办理的办件（评价器据此评价） */
export type ServeCaseAtWindowInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 窗口编号 */
  windowId: number;
};

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

/** 服务菜单的一项 */
export type ServiceMenuEntryInput = {
  /** 分类（不超过 16 个字符） */
  category: string;
  /** 说明 */
  description?: string;
  /** 指向的事项（基本编码） */
  items?: Array<string>;
  /** 菜单项标识 */
  key: string;
  /** 指向的主题（编码） */
  themes?: Array<string>;
  /** 名称（不超过 32 个字符） */
  title: string;
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

/** 新增或修改全市同义词表中的一条 */
export type SetSearchSynonymInput = {
  /** 说明 */
  note?: string;
  /** 群众的说法 */
  term: string;
  /** 目录中的说法（最多 12 个，每个不超过 32 字） */
  words: Array<string>;
};

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
  base?: SharedDataBase | null | undefined;
  /** 办件号或主题办件号 */
  caseNumber?: string | null | undefined;
  /** 只看有记录（true）或无记录（false）的调用 */
  found?: boolean | null | undefined;
};

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

/** 补交的一份材料 */
export type SuppliedMaterialInput = {
  /** 材料编号 */
  materialKey: number;
  /** 上传的文件；窗口收取纸质材料时为空 */
  uploadId?: string | null | undefined;
};

/** 补交材料（补正或容缺）：一次补交，各事项共用 */
export type SupplyBundleMaterialsInput = {
  /** 主题办件的全局 ID */
  bundleId: string;
  /** 补交的材料 */
  materials: Array<BundleSuppliedMaterialInput>;
};

/** 补交材料（补正或容缺） */
export type SupplyCaseMaterialsInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 补交的材料 */
  materials: Array<SuppliedMaterialInput>;
};

/** 情形引导的一个回答 */
export type ThemeAnswerInput = {
  /** 问题标识 */
  question: string;
  /** 选项值（是/否问题为 yes 或 no） */
  value: string;
};

/** 适用条件：{question, in}，或 all / any 组合（只填一种） */
export type ThemeConditionInput = {
  /** 全部成立 */
  all?: Array<ThemeConditionInput> | null | undefined;
  /** 任一成立 */
  any?: Array<ThemeConditionInput> | null | undefined;
  /** 满足条件的回答（选项值） */
  in?: Array<string> | null | undefined;
  /** 问题标识（叶子条件） */
  question?: string | null | undefined;
};

/** 主题内容；修改草稿时只传要改的字段，stages、questions 传入则整体替换 */
export type ThemeContentInput = {
  /** 服务对象 */
  audience?: Audience | null | undefined;
  /** 总时限 */
  budget?: TimeBudgetInput | null | undefined;
  /** 配合部门代码 */
  cooperatingDepartments?: Array<string> | null | undefined;
  /** 新设市场主体（仅企业主题） */
  foundsEntity?: boolean | null | undefined;
  /** 一次告知 */
  guide?: ThemeGuideInput | null | undefined;
  /** 搜索关键词 */
  keywords?: Array<string> | null | undefined;
  /** 牵头部门代码 */
  leadDepartment?: string | null | undefined;
  /** 生命周期阶段（须属于该服务对象） */
  lifeStage?: LifeStage | null | undefined;
  /** 最多到现场次数 */
  maxVisits?: number | null | undefined;
  /** 主题名称 */
  name?: string | null | undefined;
  /** 情形引导问题，整体替换 */
  questions?: Array<ThemeQuestionInput> | null | undefined;
  /** 阶段及事项，整体替换 */
  stages?: Array<ThemeStageInput> | null | undefined;
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
  answer: string;
  /** 问题 */
  question: string;
};

/** 一次告知 */
export type ThemeGuideInput = {
  /** 政策依据 */
  basis?: string;
  /** 办理条件 */
  conditions?: string;
  /** 常见问题 */
  faq?: Array<ThemeFaqInput>;
  /** 注意事项 */
  notes?: Array<string>;
  /** 办理流程（按顺序，至少一步） */
  process?: Array<string>;
  /** 概述（必填） */
  summary: string;
};

/** 问题的选项 */
export type ThemeOptionInput = {
  /** 选项名称 */
  label: string;
  /** 选项值：小写字母开头，只含小写字母、数字、下划线和连字符 */
  value: string;
};

/** 情形引导问题 */
export type ThemeQuestionInput = {
  /** 说明 */
  help?: string;
  /** 问题标识 */
  key: string;
  /** 类型；是/否问题不必给选项 */
  kind?: QuestionKind;
  /** 选项（单选问题 2 到 8 个） */
  options?: Array<ThemeOptionInput>;
  /** 问题 */
  text: string;
};

/** 事项的一个适用办理情形 */
export type ThemeSituationRuleInput = {
  /** 办理情形名称（与事项的情形同名） */
  name: string;
  /** 适用条件；为空表示总是适用 */
  when?: ThemeConditionInput | null | undefined;
};

/** 主题的一个阶段 */
export type ThemeStageInput = {
  /** 事项（并联办理） */
  items: Array<ThemeStageItemInput>;
  /** 阶段标识 */
  key: string;
  /** 阶段牵头部门代码 */
  leadDepartment?: string | null | undefined;
  /** 阶段名称 */
  name: string;
};

/** 阶段中的一个事项：以基本编码和实施部门（或实施区划）指明 */
export type ThemeStageItemInput = {
  /** 基本编码（12 位） */
  basicCode: string;
  /** 实施部门代码 */
  department?: string | null | undefined;
  /** 须先办结的事项（排在前面的事项标识） */
  dependsOn?: Array<string>;
  /** 事项在主题中的标识 */
  key: string;
  /** 说明 */
  note?: string;
  /** 由申请人选择的合作单位类别（bank 银行、seal_carver 公章刻制企业等）；为空表示不选择 */
  partnerKind?: string | null | undefined;
  /** 实施区划代码（该区划只有一个部门实施时可代替部门） */
  region?: string | null | undefined;
  /** 适用的办理情形；事项只有一个情形时可不填 */
  situations?: Array<ThemeSituationRuleInput>;
  /** 适用条件；为空表示总是适用 */
  when?: ThemeConditionInput | null | undefined;
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
  value: number;
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
  partnerId: string;
};

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

/** 修改工作人员账号：未给出的字段保持不变；部门、大厅传 null 表示清除 */
export type UpdateStaffUserInput = {
  /** 所属部门代码；null 清除 */
  departmentCode?: string | null | undefined;
  /** 姓名 */
  displayName?: string | null | undefined;
  /** 所属大厅代码；null 清除 */
  hallCode?: string | null | undefined;
  /** 账号的全局 ID */
  id: string;
  /** 新的所属区划（调整权限范围） */
  regionCode?: string | null | undefined;
  /** 新的角色（整体替换） */
  roles?: Array<Role> | null | undefined;
};

/** 修改主题草稿；已发布的主题会先生成新的草稿版本 */
export type UpdateThemeDraftInput = {
  /** 变更说明 */
  changeNote?: string | null | undefined;
  /** 要修改的内容 */
  content: ThemeContentInput;
  /** 主题的全局 ID */
  id: string;
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
  file: unknown;
};

/** 督办：催促办理部门办理一件在办的办件 */
export type UrgeCaseInput = {
  /** 办件的全局 ID */
  caseId: string;
  /** 督办意见（2 到 1000 个字），写入办件时间线并通知审批人员 */
  message: string;
};

/** 现场核验通过（预约当日，买卖双方到场） */
export type VerifyBundleOnSiteInput = {
  /** 转移登记子办件的全局 ID */
  caseId: string;
  /** 核验说明 */
  note?: string;
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
  enterpriseCreditCode?: string | null | undefined;
  /** 设立登记（事项 foundsEntity）且不填信用代码时必填：拟设立企业的名称、类型和住所；其他事项忽略 */
  futureEnterprise?: FutureEnterpriseInput | null | undefined;
  /** 居民身份证号码 */
  idNumber: string;
  /** 姓名（新登记时必填） */
  name?: string;
  /** 手机号码（新登记时必填） */
  phone?: string;
};

export type StaffUsersQueryVariables = Exact<{
  filter?: StaffUserFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type StaffUsersQuery = { staffUsers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, username: string, displayName: string, roles: Array<Role>, regionCode: string | null, departmentCode: string | null, hallCode: string | null, isActive: boolean, lockedUntil: string | null, disabledAt: string | null, disabledReason: string, region: { name: string } | null, department: { name: string } | null, hall: { name: string } | null } }> } };

export type CreateStaffUserMutationVariables = Exact<{
  input: CreateStaffUserInput;
}>;


export type CreateStaffUserMutation = { createStaffUser: { staffUser: { id: string, username: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type UpdateStaffUserMutationVariables = Exact<{
  input: UpdateStaffUserInput;
}>;


export type UpdateStaffUserMutation = { updateStaffUser: { staffUser: { id: string, displayName: string, roles: Array<Role>, regionCode: string | null, departmentCode: string | null, hallCode: string | null, region: { name: string } | null, department: { name: string } | null, hall: { name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type EnableStaffUserMutationVariables = Exact<{
  input: EnableStaffUserInput;
}>;


export type EnableStaffUserMutation = { enableStaffUser: { staffUser: { id: string, isActive: boolean, lockedUntil: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type ResetStaffPasswordMutationVariables = Exact<{
  input: ResetStaffPasswordInput;
}>;


export type ResetStaffPasswordMutation = { resetStaffPassword: { revokedTokens: number, staffUser: { id: string, lockedUntil: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type DisableStaffUserMutationVariables = Exact<{
  input: DisableStaffUserInput;
}>;


export type DisableStaffUserMutation = { disableStaffUser: { revokedTokens: number, staffUser: { id: string, isActive: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type ApiKeysQueryVariables = Exact<{
  filter?: ApiKeyFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ApiKeysQuery = { apiKeys: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: ApiKeyKind, prefix: string, regionCode: string | null, partnerCode: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } }> } };

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
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type AccessLogQuery = { personalDataAccessLog: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, viewerLabel: string, viewerRegionCode: string | null, subjectKind: PersonalDataSubjectKind, subjectId: string, subjectLabel: string, fields: Array<PersonalDataField>, formKeys: Array<string>, reason: string, requestId: string } }> } };

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


export type MeQuery = { me: { id: string, username: string, displayName: string, roles: Array<Role>, regionCode: string | null, hallCode: string | null, region: { name: string } | null, department: { name: string } | null } | null };

export type BundleRowFragment = { id: string, number: string, themeName: string, status: BundleStatus, statusLabel: string, stageLabel: string, applicantName: string, contactPhone: string, channel: string, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, budget: { text: string }, hall: { name: string } | null, leadDepartment: { name: string } | null };

export type BundleSubCaseFragment = { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> };

export type BundleFullFragment = { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> };

export type BundleQueueQueryVariables = Exact<{
  queue: BundleQueueKind;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BundleQueueQuery = { bundleQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, themeName: string, status: BundleStatus, statusLabel: string, stageLabel: string, applicantName: string, contactPhone: string, channel: string, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, budget: { text: string }, hall: { name: string } | null, leadDepartment: { name: string } | null } }> } };

export type BundleDetailQueryVariables = Exact<{
  id: string;
}>;


export type BundleDetailQuery = { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null };

export type BundleSetQueryVariables = Exact<{
  themeId: string;
  answers: Array<ThemeAnswerInput> | ThemeAnswerInput;
}>;


export type BundleSetQuery = { themeBundle: { form: Array<{ key: string, label: string, type: FormFieldType, source: FieldSource | null, sourceLabel: string | null }>, materials: Array<{ key: string, name: string, necessity: Necessity, generated: boolean, sharedData: boolean, producedBy: string | null, elicence: string | null, uses: Array<{ itemKey: string, material: { key: number, reviewPoints: string, form: MaterialForm, copies: number } }> }> } | null };

export type BundleNoticesQueryVariables = Exact<{
  id: string;
}>;


export type BundleNoticesQuery = { bundle: { id: string, number: string, themeName: string, applicantKind: string, applicantName: string, subCases: Array<{ applicantCitizenId: string | null }>, hall: { name: string, address: string, phone: string } | null, leadDepartment: { name: string } | null, deferralNotice: { caseNumber: string, itemName: string, applicantName: string, acceptedAt: string, supplyBy: string, deadline: string | null, commitment: string, clerk: string, materials: Array<{ name: string, requirement: string }> } | null, correctionNotice: { caseNumber: string, itemName: string, applicantName: string, issuedAt: string, supplyBy: string, note: string, clerk: string, items: Array<{ name: string, requirement: string }> } | null } | null };

export type WalkInThemesQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type WalkInThemesQuery = { themes: { totalCount: number, edges: Array<{ node: { id: string, code: string, name: string, audience: Audience, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, budget: { text: string }, investmentBudgets: Array<{ investmentType: InvestmentType, totalDays: number, mainDays: number }>, leadDepartment: { name: string } | null, guide: { summary: string }, questions: Array<{ key: string, text: string, kind: QuestionKind, help: string, options: Array<{ value: string, label: string }> }> } }> } };

export type WalkInThemeBundleQueryVariables = Exact<{
  themeId: string;
  answers: Array<ThemeAnswerInput> | ThemeAnswerInput;
}>;


export type WalkInThemeBundleQuery = { themeBundle: { stages: Array<{ number: number, name: string, items: Array<{ key: string, name: string, departmentCode: string, dependsOn: Array<string>, note: string, partnerKind: string | null, partnerChoices: Array<{ code: string, name: string }>, department: { name: string } | null }> }>, form: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string, source: FieldSource | null, sourceLabel: string | null, itemKeys: Array<string> }>, materials: Array<{ key: string, name: string, standardCode: string | null, generated: boolean, necessity: Necessity, elicence: string | null, sharedData: boolean, producedBy: string | null, itemKeys: Array<string>, toProvide: boolean, uses: Array<{ itemKey: string, material: { key: number, form: MaterialForm, copies: number, reviewPoints: string } }> }>, counts: { items: number, stages: number, fields: number, fieldsPrefilled: number, fieldsAsked: number, fieldsSeparately: number, materials: number, materialsSeparately: number, visits: number, visitsSeparately: number }, problems: Array<{ message: string }> } | null };

export type ReceiveWalkInBundleMutationVariables = Exact<{
  input: ReceiveWalkInBundleInput;
}>;


export type ReceiveWalkInBundleMutation = { receiveWalkInBundle: { bundle: { id: string, number: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type UploadScanMutationVariables = Exact<{
  input: UploadMaterialInput;
}>;


export type UploadScanMutation = { uploadMaterial: { upload: { id: string, filename: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: UploadErrorCode }> } };

export type AcceptBundleMutationVariables = Exact<{
  input: AcceptBundleInput;
}>;


export type AcceptBundleMutation = { acceptBundle: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type AcceptBundleWithMissingMutationVariables = Exact<{
  input: AcceptBundleWithMissingInput;
}>;


export type AcceptBundleWithMissingMutation = { acceptBundleWithMissing: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type RequestBundleCorrectionMutationVariables = Exact<{
  input: RequestBundleCorrectionInput;
}>;


export type RequestBundleCorrectionMutation = { requestBundleCorrection: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type ProposeBundleRejectionMutationVariables = Exact<{
  input: BundleReasonInput;
}>;


export type ProposeBundleRejectionMutation = { proposeBundleRejection: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type ConfirmBundleRejectionMutationVariables = Exact<{
  input: BundleReasonInput;
}>;


export type ConfirmBundleRejectionMutation = { confirmBundleRejection: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type OverturnBundleRejectionMutationVariables = Exact<{
  input: BundleReasonInput;
}>;


export type OverturnBundleRejectionMutation = { overturnBundleRejection: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type SupplyBundleMaterialsMutationVariables = Exact<{
  input: SupplyBundleMaterialsInput;
}>;


export type SupplyBundleMaterialsMutation = { supplyBundleMaterials: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type IssueBundleResultsMutationVariables = Exact<{
  input: IssueBundleResultsInput;
}>;


export type IssueBundleResultsMutation = { issueBundleResults: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type CompleteBundleMutationVariables = Exact<{
  input: CompleteBundleInput;
}>;


export type CompleteBundleMutation = { completeBundle: { bundle: { id: string, number: string, themeCode: string, themeName: string, themeVersionNumber: number, channel: string, applicantKind: string, status: BundleStatus, statusLabel: string, stageLabel: string, stages: number, openStage: number, submittedAt: string | null, acceptedAt: string | null, deadline: string | null, withdrawnAt: string | null, withdrawReason: string, answers: unknown, formData: unknown, applicantName: string, contactPhone: string, queryCode: string | null, finishedAt: string | null, workingDaysUsed: number | null, resultMethod: ResultMethod | null, trackingNumber: string | null, resultsIssuedAt: string | null, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, project: { code: string, investmentTypeLabel: string, time: { mainUsedDays: number, mainDays: number } } | null, budget: { value: number, unit: BudgetUnit, text: string }, workingHours: { budgetHours: number, usedHours: number, leftHours: number, dayHours: number, deadlineAt: string, state: BundleBudgetState } | null, hall: { name: string } | null, leadDepartment: { name: string } | null, themeVersion: { id: string } | null, deferralNotice: { caseNumber: string, supplyBy: string } | null, correctionNotice: { caseNumber: string, supplyBy: string } | null, denial: { summary: string, standing: Array<string>, options: Array<string>, failed: Array<{ itemKey: string, itemName: string, caseNumber: string | null, status: CaseStatus, statusLabel: string, reason: string, at: string | null }>, held: Array<{ itemName: string, becauseOf: Array<string> }> } | null, stageList: Array<{ number: number, name: string, opened: boolean, done: boolean, openedAt: string | null, finishedAt: string | null, items: Array<{ key: string, stage: number, name: string, departmentCode: string, state: BundleItemState, stateLabel: string, heldBy: Array<string>, partnerName: string | null, partnerDelivery: string | null, attempts: number, caseNumber: string | null, caseStatus: CaseStatus | null, caseStatusLabel: string | null, deadline: string | null, decisionReason: string, partnerResult: { number: string, entries: Array<{ label: string, value: string }> } | null, department: { name: string } | null, case: { id: string, status: CaseStatus, applicantCitizenId: string | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, note: string, supplyNote: string }> } | null }> }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: BundleErrorCode }> } };

export type CaseRowFragment = { id: string, number: string | null, status: CaseStatus, statusLabel: string, itemName: string, applicantName: string, contactPhone: string, warning: DeadlineWarning, deadline: string | null, supplyBy: string | null, submittedAt: string | null, acceptedAt: string | null, claimedByMe: boolean, reviewStepName: string, department: { name: string } | null, hall: { name: string } | null };

export type CaseFullFragment = { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null };

export type CaseQueueQueryVariables = Exact<{
  queue: CaseQueueKind;
  filter?: CaseQueueFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseQueueQuery = { caseQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string | null, status: CaseStatus, statusLabel: string, itemName: string, applicantName: string, contactPhone: string, warning: DeadlineWarning, deadline: string | null, supplyBy: string | null, submittedAt: string | null, acceptedAt: string | null, claimedByMe: boolean, reviewStepName: string, department: { name: string } | null, hall: { name: string } | null } }> } };

export type OverdueCasesQueryVariables = Exact<{
  level: DeadlineWarning;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OverdueCasesQuery = { overdueCases: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ node: { deadlineExplanation: string | null, id: string, number: string | null, status: CaseStatus, statusLabel: string, itemName: string, applicantName: string, contactPhone: string, warning: DeadlineWarning, deadline: string | null, supplyBy: string | null, submittedAt: string | null, acceptedAt: string | null, claimedByMe: boolean, reviewStepName: string, department: { name: string } | null, hall: { name: string } | null } }> } };

export type CaseDetailQueryVariables = Exact<{
  id: string;
}>;


export type CaseDetailQuery = { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null };

export type CaseNoticesQueryVariables = Exact<{
  id: string;
}>;


export type CaseNoticesQuery = { case: { id: string, number: string | null, itemName: string, applicantKind: ApplicantKind, applicantName: string, applicantCitizenId: string | null, department: { name: string } | null, hall: { name: string, address: string, phone: string, hours: string } | null, deferralNotice: { caseNumber: string, itemName: string, applicantName: string, acceptedAt: string, supplyBy: string, deadline: string | null, commitment: string, clerk: string, materials: Array<{ name: string, requirement: string }> } | null, correctionNotice: { caseNumber: string, itemName: string, applicantName: string, issuedAt: string, supplyBy: string, note: string, clerk: string, items: Array<{ name: string, requirement: string }> } | null } | null };

export type CaseDecisionQueryVariables = Exact<{
  id: string;
}>;


export type CaseDecisionQuery = { case: { id: string, number: string | null, applicantKind: ApplicantKind, applicantName: string, applicantCitizenId: string | null, hall: { name: string, address: string, phone: string } | null, decisionNotice: { kind: DecisionKind, title: string, number: string, caseNumber: string, itemName: string, applicantName: string, appliedAt: string | null, decidedAt: string, decidedBy: string, departmentName: string, hallName: string | null, reason: string, legalBasis: string, reconsiderationBody: string, remedy: string } | null } | null };

export type WalkInItemsQueryVariables = Exact<{
  filter?: ServiceItemFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type WalkInItemsQuery = { serviceItems: { totalCount: number, edges: Array<{ node: { id: string, name: string, implementationCode: string, serviceObjects: Array<ServiceObject>, level: Level, foundsEntity: boolean, department: { name: string }, region: { name: string }, atCounter: { handledHere: boolean, destination: CounterDestination, decidedBy: string, warning: string | null } | null, committedLimit: { text: string }, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, conditions: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } }> } };

export type ReceiveWalkInMutationVariables = Exact<{
  input: ReceiveWalkInInput;
}>;


export type ReceiveWalkInMutation = { receiveWalkIn: { case: { id: string, number: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type AcceptCaseMutationVariables = Exact<{
  input: AcceptCaseInput;
}>;


export type AcceptCaseMutation = { acceptCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type AcceptCaseWithMissingMutationVariables = Exact<{
  input: AcceptCaseWithMissingInput;
}>;


export type AcceptCaseWithMissingMutation = { acceptCaseWithMissing: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RequestCaseCorrectionMutationVariables = Exact<{
  input: RequestCaseCorrectionInput;
}>;


export type RequestCaseCorrectionMutation = { requestCaseCorrection: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ProposeCaseRejectionMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type ProposeCaseRejectionMutation = { proposeCaseRejection: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ConfirmCaseRejectionMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type ConfirmCaseRejectionMutation = { confirmCaseRejection: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type OverturnCaseRejectionMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type OverturnCaseRejectionMutation = { overturnCaseRejection: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type SupplyCaseMaterialsMutationVariables = Exact<{
  input: SupplyCaseMaterialsInput;
}>;


export type SupplyCaseMaterialsMutation = { supplyCaseMaterials: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ClaimCaseMutationVariables = Exact<{
  input: CaseIdInput;
}>;


export type ClaimCaseMutation = { claimCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ReleaseCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type ReleaseCaseMutation = { releaseCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ApproveCaseMutationVariables = Exact<{
  input: ApproveCaseInput;
}>;


export type ApproveCaseMutation = { approveCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type DenyCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type DenyCaseMutation = { denyCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type SuspendCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type SuspendCaseMutation = { suspendCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ResumeCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type ResumeCaseMutation = { resumeCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type UrgeCaseMutationVariables = Exact<{
  input: UrgeCaseInput;
}>;


export type UrgeCaseMutation = { urgeCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ExtendCaseMutationVariables = Exact<{
  input: ExtendCaseInput;
}>;


export type ExtendCaseMutation = { extendCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type IssueCaseResultMutationVariables = Exact<{
  input: IssueCaseResultInput;
}>;


export type IssueCaseResultMutation = { issueCaseResult: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type CompleteCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type CompleteCaseMutation = { completeCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RevealApplicantMutationVariables = Exact<{
  input: RevealPersonalDataInput;
}>;


export type RevealApplicantMutation = { revealPersonalData: { values: Array<{ field: PersonalDataField, label: string, value: string | null }>, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type RevealFormMutationVariables = Exact<{
  input: RevealPersonalDataInput;
}>;


export type RevealFormMutation = { revealPersonalData: { values: Array<{ field: PersonalDataField, label: string, value: string | null, key: string | null }>, errors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode }> } };

export type SendBackCaseMutationVariables = Exact<{
  input: SendBackCaseInput;
}>;


export type SendBackCaseMutation = { sendBackCase: { case: { id: string, number: string | null, status: CaseStatus, statusLabel: string, channel: string, itemName: string, basicCode: string, departmentCode: string, regionCode: string, hallCode: string | null, applicantKind: ApplicantKind, formData: unknown, submittedAt: string | null, acceptedAt: string | null, decidedAt: string | null, completedAt: string | null, deadline: string | null, statutoryDeadline: string | null, extensionDays: number, supplyBy: string | null, correctionNote: string, reviewStep: number, reviewStepName: string, decisionReason: string, instantRule: string | null, resultMethod: ResultMethod | null, trackingNumber: string | null, workingDaysUsed: number | null, applicantName: string, contactPhone: string, queryCode: string | null, applicantCitizenId: string | null, warning: DeadlineWarning, deadlineExplanation: string | null, claimedByMe: boolean, futureEnterprise: { name: string, kind: string, address: string } | null, materials: Array<{ materialKey: number, name: string, necessity: Necessity, state: CaseMaterialState, trust: TrustLevel | null, uploadId: string | null, elicenceNumber: string | null, note: string, supplyNote: string, checkedAt: string | null }>, prefilled: Array<{ key: string, base: SharedDataBase, field: string, sourceLabel: string }>, timeline: Array<{ at: string, action: string, actionLabel: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, reason: string, actorKind: string, actorName: string, onBehalf: boolean }>, elicences: Array<{ number: string, kind: string }>, deferralNotice: { caseNumber: string } | null, correctionNotice: { caseNumber: string } | null, decisionNotice: { kind: DecisionKind, title: string } | null, department: { name: string } | null, hall: { name: string } | null, version: { id: string, number: number, reviewSteps: Array<string>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, situations: Array<{ key: number, name: string, materials: Array<{ key: number, name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, reviewPoints: string, elicence: string | null, sharedData: boolean }> }> } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type CounterPersonQueryVariables = Exact<{
  idNumber: string;
}>;


export type CounterPersonQuery = { counterPerson: { found: boolean, maskedName: string | null, maskedPhone: string | null, verified: boolean } };

export type CaseHallWindowsQueryVariables = Exact<{
  id: string;
}>;


export type CaseHallWindowsQuery = { case: { id: string, hall: { code: string, name: string, windows: Array<{ id: number, number: string, name: string, kind: string }> } | null } | null };

export type ServeCaseAtWindowMutationVariables = Exact<{
  input: ServeCaseAtWindowInput;
}>;


export type ServeCaseAtWindowMutation = { serveCaseAtWindow: { served: boolean, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type TimeLimitPartsFragment = { value: number, unit: TimeUnit, text: string };

type ItemContentParts_ItemVersion_Fragment = { name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, aliases: Array<string>, resultLicence: string | null, reviewSteps: Array<string>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, instantRule: { code: string, version: number, conditions: Array<InstantCondition> } | null, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string, standardCode: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } };

type ItemContentParts_ServiceItem_Fragment = { name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, aliases: Array<string>, resultLicence: string | null, reviewSteps: Array<string>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, instantRule: { code: string, version: number, conditions: Array<InstantCondition> } | null, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string, standardCode: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } };

export type ItemContentPartsFragment =
  | ItemContentParts_ItemVersion_Fragment
  | ItemContentParts_ServiceItem_Fragment
;

export type CatalogItemsQueryVariables = Exact<{
  filter?: ServiceItemFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type CatalogItemsQuery = { serviceItems: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, implementationCode: string, basicCode: string, itemType: ItemType, level: Level, status: ItemStatus, versionNumber: number, committedLimit: { text: string }, department: { code: string, name: string }, region: { name: string } } }> } };

export type CatalogItemQueryVariables = Exact<{
  id: string;
}>;


export type CatalogItemQuery = { serviceItem: { id: string, implementationCode: string, status: ItemStatus, statusReason: string, level: Level, departmentCode: string, regionCode: string, versionNumber: number, name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, aliases: Array<string>, resultLicence: string | null, reviewSteps: Array<string>, department: { code: string, name: string }, region: { name: string }, draftVersion: { id: string, number: number, status: VersionStatus, changeKind: ChangeKind, changeNote: string, createdAt: string, name: string, basicCode: string, itemType: ItemType, legalBasis: string, exerciseLevels: Array<Level>, acceptanceConditions: string, serviceObjects: Array<ServiceObject>, maxVisits: number, online: boolean, instant: boolean, highFrequency: boolean, keywords: Array<string>, aliases: Array<string>, resultLicence: string | null, reviewSteps: Array<string>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, instantRule: { code: string, version: number, conditions: Array<InstantCondition> } | null, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string, standardCode: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } } | null, versions: Array<{ id: string, number: number, status: VersionStatus, changeKind: ChangeKind, changeNote: string, createdAt: string, publishedAt: string | null }>, statutoryLimit: { value: number, unit: TimeUnit, text: string }, committedLimit: { value: number, unit: TimeUnit, text: string }, fees: Array<{ name: string, standard: string, basis: string }>, formFields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, options: Array<string>, maxLength: number | null, min: number | null, max: number | null, help: string }>, instantRule: { code: string, version: number, conditions: Array<InstantCondition> } | null, situations: Array<{ position: number, name: string, conditions: string, materials: Array<{ name: string, form: MaterialForm, copies: number, media: MaterialMedia, necessity: Necessity, sampleText: string, reviewPoints: string, elicence: string | null, sharedData: boolean, source: string, standardCode: string | null }> }>, guide: { process: Array<string>, address: string, hours: string, contact: string, faq: Array<{ question: string, answer: string }> } } | null };

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

export type DiscardServiceItemDraftMutationVariables = Exact<{
  input: DiscardServiceItemDraftInput;
}>;


export type DiscardServiceItemDraftMutation = { discardServiceItemDraft: { item: { id: string, status: ItemStatus, versionNumber: number, draftVersion: { id: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

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

export type ComplaintRowFragment = { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> };

export type ComplaintQueueQueryVariables = Exact<{
  status?: ComplaintStatus | null | undefined;
  mine?: boolean;
}>;


export type ComplaintQueueQuery = { complaintQueue: Array<{ id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> }> };

export type AssignComplaintMutationVariables = Exact<{
  input: AssignComplaintInput;
}>;


export type AssignComplaintMutation = { assignComplaint: { complaint: { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type ExtendComplaintMutationVariables = Exact<{
  input: ComplaintNoteInput;
}>;


export type ExtendComplaintMutation = { extendComplaint: { complaint: { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type HandleComplaintMutationVariables = Exact<{
  input: ComplaintNoteInput;
}>;


export type HandleComplaintMutation = { handleComplaint: { complaint: { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type AnswerComplaintMutationVariables = Exact<{
  input: ComplaintNoteInput;
}>;


export type AnswerComplaintMutation = { answerComplaint: { complaint: { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type RevisitComplaintMutationVariables = Exact<{
  input: RevisitComplaintInput;
}>;


export type RevisitComplaintMutation = { revisitComplaint: { complaint: { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type CloseComplaintMutationVariables = Exact<{
  input: ComplaintNoteInput;
}>;


export type CloseComplaintMutation = { closeComplaint: { complaint: { id: string, number: string, channel: string, targetKind: ComplaintTargetKind, targetLabel: string, category: ComplaintCategory, content: string, attachmentCount: number, status: ComplaintStatus, statusLabel: string, deadline: string, extended: boolean, redoCount: number, supervised: boolean, answer: string, answeredAt: string | null, satisfied: boolean | null, contactName: string | null, contactPhone: string | null, handlerAssigned: boolean, card: ComplaintCard | null, createdAt: string, closedAt: string | null, steps: Array<{ action: string, actionLabel: string, toStatus: ComplaintStatus, note: string, at: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type AssistanceRowFragment = { id: string, number: string, kind: AssistanceKind, hallCode: string, description: string, preferredDay: string | null, address: string, forEnterprise: boolean, requesterName: string | null, status: AssistanceStatus, agentName: string | null, createdAt: string, closedAt: string | null, contacts: Array<{ kind: AssistanceContactKind, note: string, at: string }>, rating: { level: number, levelLabel: string, comment: string } | null };

export type StaffAssistanceRequestsQueryVariables = Exact<{
  status?: AssistanceStatus | null | undefined;
}>;


export type StaffAssistanceRequestsQuery = { assistanceRequests: Array<{ id: string, number: string, kind: AssistanceKind, hallCode: string, description: string, preferredDay: string | null, address: string, forEnterprise: boolean, requesterName: string | null, status: AssistanceStatus, agentName: string | null, createdAt: string, closedAt: string | null, contacts: Array<{ kind: AssistanceContactKind, note: string, at: string }>, rating: { level: number, levelLabel: string, comment: string } | null }> };

export type AssignAssistanceAgentMutationVariables = Exact<{
  input: AssignAssistanceAgentInput;
}>;


export type AssignAssistanceAgentMutation = { assignAssistanceAgent: { request: { id: string, number: string, kind: AssistanceKind, hallCode: string, description: string, preferredDay: string | null, address: string, forEnterprise: boolean, requesterName: string | null, status: AssistanceStatus, agentName: string | null, createdAt: string, closedAt: string | null, contacts: Array<{ kind: AssistanceContactKind, note: string, at: string }>, rating: { level: number, levelLabel: string, comment: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type RecordAssistanceContactMutationVariables = Exact<{
  input: RecordAssistanceContactInput;
}>;


export type RecordAssistanceContactMutation = { recordAssistanceContact: { request: { id: string, number: string, kind: AssistanceKind, hallCode: string, description: string, preferredDay: string | null, address: string, forEnterprise: boolean, requesterName: string | null, status: AssistanceStatus, agentName: string | null, createdAt: string, closedAt: string | null, contacts: Array<{ kind: AssistanceContactKind, note: string, at: string }>, rating: { level: number, levelLabel: string, comment: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ComplaintErrorCode }> } };

export type HallDayQueryVariables = Exact<{
  hallCode: string;
  day: string;
}>;


export type HallDayQuery = { hallAppointments: Array<{ citizenName: string | null, appointment: { id: string, itemName: string, date: string, start: string, end: string, status: AppointmentStatus, attendedAt: string | null, note: string } }> };

export type CheckInAppointmentMutationVariables = Exact<{
  input: CheckInAppointmentInput;
}>;


export type CheckInAppointmentMutation = { checkInAppointment: { appointment: { citizenName: string | null, appointment: { id: string, status: AppointmentStatus, attendedAt: string | null } } | null, errors: Array<{ field: Array<string> | null, message: string, code: AppointmentErrorCode }> } };

export type ProjectStageFragment = { number: number, key: string, name: string, main: boolean, budgetDays: number, usedDays: number, leftDays: number, overBudget: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, status: ProjectStageStatus, statusLabel: string, heldBy: Array<string>, startedOn: string | null, endedOn: string | null, plannedStart: string, plannedEnd: string };

export type ProjectTimeFullFragment = { totalDays: number, mainDays: number, usedDays: number, mainUsedDays: number, leftDays: number, mainLeftDays: number, withinTotal: boolean, withinMain: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, finished: boolean, stages: Array<{ number: number, key: string, name: string, main: boolean, budgetDays: number, usedDays: number, leftDays: number, overBudget: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, status: ProjectStageStatus, statusLabel: string, heldBy: Array<string>, startedOn: string | null, endedOn: string | null, plannedStart: string, plannedEnd: string }>, todo: Array<{ stage: number, itemName: string, caseId: string, kind: ProjectTodoKind, reason: string, action: string }> };

export type ConstructionProjectsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConstructionProjectsQuery = { constructionProjects: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: BundleStatus, statusLabel: string, stageLabel: string, acceptedAt: string | null, project: { code: string, investmentTypeLabel: string, unitName: string, site: string, time: { totalDays: number, mainDays: number, usedDays: number, mainUsedDays: number, withinTotal: boolean, withinMain: boolean, applicantDays: number, intermediaryDays: number } } | null } }> } };

export type ConstructionProjectQueryVariables = Exact<{
  id: string;
}>;


export type ConstructionProjectQuery = { bundle: { id: string, number: string, themeName: string, status: BundleStatus, statusLabel: string, stageLabel: string, acceptedAt: string | null, leadDepartment: { name: string } | null, project: { code: string, investmentType: InvestmentType, investmentTypeLabel: string, unitName: string, unitCreditCode: string, site: string, time: { totalDays: number, mainDays: number, usedDays: number, mainUsedDays: number, leftDays: number, mainLeftDays: number, withinTotal: boolean, withinMain: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, finished: boolean, stages: Array<{ number: number, key: string, name: string, main: boolean, budgetDays: number, usedDays: number, leftDays: number, overBudget: boolean, applicantDays: number, intermediaryDays: number, suspendedDays: number, status: ProjectStageStatus, statusLabel: string, heldBy: Array<string>, startedOn: string | null, endedOn: string | null, plannedStart: string, plannedEnd: string }>, todo: Array<{ stage: number, itemName: string, caseId: string, kind: ProjectTodoKind, reason: string, action: string }> } } | null } | null };

export type ExchangePartnerPartsFragment = { id: string, code: string, name: string, kind: PartnerKind, regionCode: string, baseUrl: string, timeoutSeconds: number, maxAttempts: number, routes: Array<string>, isActive: boolean, updatedAt: string, keys: Array<{ id: string, fingerprint: string, createdAt: string, signs: boolean }> };

export type ExchangePartnersQueryVariables = Exact<{ [key: string]: never; }>;


export type ExchangePartnersQuery = { partners: Array<{ id: string, code: string, name: string, kind: PartnerKind, regionCode: string, baseUrl: string, timeoutSeconds: number, maxAttempts: number, routes: Array<string>, isActive: boolean, updatedAt: string, keys: Array<{ id: string, fingerprint: string, createdAt: string, signs: boolean }> }> };

export type ExchangeRouteItemSearchQueryVariables = Exact<{
  text: string;
}>;


export type ExchangeRouteItemSearchQuery = { serviceItems: { edges: Array<{ node: { id: string, name: string, basicCode: string, department: { name: string } } }> } };

export type ExchangeRouteNameQueryVariables = Exact<{
  code: string;
}>;


export type ExchangeRouteNameQuery = { serviceItemByCode: { basicCode: string, name: string } | null };

export type CreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type CreatePartnerMutation = { createPartner: { secret: string | null, partner: { id: string, code: string, name: string, kind: PartnerKind, regionCode: string, baseUrl: string, timeoutSeconds: number, maxAttempts: number, routes: Array<string>, isActive: boolean, updatedAt: string, keys: Array<{ id: string, fingerprint: string, createdAt: string, signs: boolean }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type UpdatePartnerMutationVariables = Exact<{
  input: UpdatePartnerInput;
}>;


export type UpdatePartnerMutation = { updatePartner: { partner: { id: string, code: string, name: string, kind: PartnerKind, regionCode: string, baseUrl: string, timeoutSeconds: number, maxAttempts: number, routes: Array<string>, isActive: boolean, updatedAt: string, keys: Array<{ id: string, fingerprint: string, createdAt: string, signs: boolean }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type RotatePartnerKeyMutationVariables = Exact<{
  input: PartnerIdInput;
}>;


export type RotatePartnerKeyMutation = { rotatePartnerKey: { secret: string | null, partner: { id: string, code: string, name: string, kind: PartnerKind, regionCode: string, baseUrl: string, timeoutSeconds: number, maxAttempts: number, routes: Array<string>, isActive: boolean, updatedAt: string, keys: Array<{ id: string, fingerprint: string, createdAt: string, signs: boolean }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type RetirePartnerKeyMutationVariables = Exact<{
  input: PartnerIdInput;
}>;


export type RetirePartnerKeyMutation = { retirePartnerKey: { partner: { id: string, code: string, name: string, kind: PartnerKind, regionCode: string, baseUrl: string, timeoutSeconds: number, maxAttempts: number, routes: Array<string>, isActive: boolean, updatedAt: string, keys: Array<{ id: string, fingerprint: string, createdAt: string, signs: boolean }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type ExchangeLogPartnersQueryVariables = Exact<{ [key: string]: never; }>;


export type ExchangeLogPartnersQuery = { partners: Array<{ id: string, code: string, name: string }> };

export type ExchangeMessagePartsFragment = { id: string, messageId: string, direction: ExchangeDirection, partnerCode: string, event: string, caseNumber: string, status: ExchangeStatus, verification: string, attempts: number, nextAttemptAt: string | null, lastError: string, answerStatus: number | null, answer: unknown, body: unknown, digest: string, deliveredAt: string | null, createdAt: string };

export type ExchangeLogQueryVariables = Exact<{
  filter?: ExchangeLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ExchangeLogQuery = { exchangeMessages: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, messageId: string, direction: ExchangeDirection, partnerCode: string, event: string, caseNumber: string, status: ExchangeStatus, verification: string, attempts: number, nextAttemptAt: string | null, lastError: string, answerStatus: number | null, answer: unknown, body: unknown, digest: string, deliveredAt: string | null, createdAt: string } }> } };

export type RetryExchangeMessageMutationVariables = Exact<{
  input: RetryExchangeMessageInput;
}>;


export type RetryExchangeMessageMutation = { retryExchangeMessage: { message: { id: string, messageId: string, direction: ExchangeDirection, partnerCode: string, event: string, caseNumber: string, status: ExchangeStatus, verification: string, attempts: number, nextAttemptAt: string | null, lastError: string, answerStatus: number | null, answer: unknown, body: unknown, digest: string, deliveredAt: string | null, createdAt: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type ExchangeMessageStateQueryVariables = Exact<{
  id: string;
}>;


export type ExchangeMessageStateQuery = { node:
    | { id: string, messageId: string, direction: ExchangeDirection, partnerCode: string, event: string, caseNumber: string, status: ExchangeStatus, verification: string, attempts: number, nextAttemptAt: string | null, lastError: string, answerStatus: number | null, answer: unknown, body: unknown, digest: string, deliveredAt: string | null, createdAt: string }
    | Record<PropertyKey, never>
   | null };

export type ExchangePartnerRegionsQueryVariables = Exact<{
  parentCode: string;
}>;


export type ExchangePartnerRegionsQuery = { regions: Array<{ code: string, name: string }> };

export type ReconciliationRunPartsFragment = { id: string, partnerCode: string, trigger: string, startedAt: string, finishedAt: string | null, checked: number, differences: number, error: string };

export type ReconciliationOverviewQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ReconciliationOverviewQuery = { partners: Array<{ id: string, code: string, name: string, isActive: boolean, keys: Array<{ id: string }> }>, reconciliationRuns: Array<{ id: string, partnerCode: string, trigger: string, startedAt: string, finishedAt: string | null, checked: number, differences: number, error: string }> };

export type ExchangeDifferencePartsFragment = { id: string, partnerCode: string, caseId: string, caseNumber: string, kind: ExchangeDifferenceKind, ours: string, theirs: string, detail: string, firstSeenAt: string, lastSeenAt: string, closedAt: string | null, closedBy: string | null, note: string, isOpen: boolean };

export type ExchangeDifferencesQueryVariables = Exact<{
  filter?: ExchangeDifferenceFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ExchangeDifferencesQuery = { exchangeDifferences: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, partnerCode: string, caseId: string, caseNumber: string, kind: ExchangeDifferenceKind, ours: string, theirs: string, detail: string, firstSeenAt: string, lastSeenAt: string, closedAt: string | null, closedBy: string | null, note: string, isOpen: boolean } }> } };

export type ReconcilePartnerMutationVariables = Exact<{
  input: PartnerIdInput;
}>;


export type ReconcilePartnerMutation = { reconcilePartner: { run: { id: string, partnerCode: string, trigger: string, startedAt: string, finishedAt: string | null, checked: number, differences: number, error: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type CloseExchangeDifferenceMutationVariables = Exact<{
  input: CloseExchangeDifferenceInput;
}>;


export type CloseExchangeDifferenceMutation = { closeExchangeDifference: { difference: { id: string, partnerCode: string, caseId: string, caseNumber: string, kind: ExchangeDifferenceKind, ours: string, theirs: string, detail: string, firstSeenAt: string, lastSeenAt: string, closedAt: string | null, closedBy: string | null, note: string, isOpen: boolean } | null, errors: Array<{ field: Array<string> | null, message: string, code: ExchangeErrorCode }> } };

export type NotificationOutboxQueryVariables = Exact<{
  filter?: NotificationOutboxFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type NotificationOutboxQuery = { notificationOutbox: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, event: string, eventLabel: string, template: string, templateVersion: number, channel: NotificationChannel, recipient: string, status: NotificationStatus, attempts: number, lastError: string, nextAttemptAt: string, deliveredAt: string | null, createdAt: string } }> } };

export type RetryNotificationMutationVariables = Exact<{
  input: RetryNotificationInput;
}>;


export type RetryNotificationMutation = { retryNotification: { notification: { id: string, status: NotificationStatus, attempts: number, lastError: string, nextAttemptAt: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: NotificationErrorCode }> } };

export type RectificationCardFragment = { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null };

export type RectificationsQueryVariables = Exact<{
  status?: string | null | undefined;
  card?: string | null | undefined;
  first: number;
  offset: number;
}>;


export type RectificationsQuery = { rectifications: { total: number, items: Array<{ id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null }> } };

export type CaseRatingsQueryVariables = Exact<{
  badOnly: boolean;
  first: number;
  offset: number;
}>;


export type CaseRatingsQuery = { caseRatings: { total: number, items: Array<{ caseNumber: string, itemName: string, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, dimensionSet: string, isDefault: boolean, excluded: boolean, followUpLevel: number | null, followUpComment: string, scores: Array<{ key: string, label: string, score: number }> } }> } };

export type RatingMeasuresQueryVariables = Exact<{ [key: string]: never; }>;


export type RatingMeasuresQuery = { ratingMeasures: { completed: number, ratedByPeople: number, defaults: number, bad: number, excluded: number, coverage: number | null, badShare: number | null, rectifications: number, onTimeRate: number | null, realNameBad: number, revisited: number, revisitRate: number | null } };

export type StartRectificationMutationVariables = Exact<{
  input: RectificationInput;
}>;


export type StartRectificationMutation = { startRectification: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type FinishRectificationMutationVariables = Exact<{
  input: RectificationInput;
}>;


export type FinishRectificationMutation = { finishRectification: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ReportUnableToRectifyMutationVariables = Exact<{
  input: RectificationInput;
}>;


export type ReportUnableToRectifyMutation = { reportUnableToRectify: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type AppealRatingMutationVariables = Exact<{
  input: RectificationInput;
}>;


export type AppealRatingMutation = { appealRating: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ReviewUnableToRectifyMutationVariables = Exact<{
  input: RectificationReviewInput;
}>;


export type ReviewUnableToRectifyMutation = { reviewUnableToRectify: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ReviewRatingAppealMutationVariables = Exact<{
  input: RectificationReviewInput;
}>;


export type ReviewRatingAppealMutation = { reviewRatingAppeal: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type ExtendRectificationMutationVariables = Exact<{
  input: ExtendRectificationInput;
}>;


export type ExtendRectificationMutation = { extendRectification: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RecordRatingRevisitMutationVariables = Exact<{
  input: RecordRatingRevisitInput;
}>;


export type RecordRatingRevisitMutation = { recordRatingRevisit: { rectification: { id: string, caseNumber: string, itemName: string, departmentCode: string, hallCode: string | null, status: string, statusLabel: string, dueDate: string, extended: boolean, card: string | null, measures: string, reason: string, review: string | null, reviewNote: string, createdAt: string, finishedAt: string | null, realName: boolean, needsRevisit: boolean, rating: { level: number, levelLabel: string, channel: string, comment: string, ratedAt: string, excluded: boolean, scores: Array<{ key: string, label: string, score: number }> }, revisit: { satisfaction: number, method: string, note: string, at: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: CaseErrorCode }> } };

export type RatingQrCodeQueryVariables = Exact<{
  caseId: string;
}>;


export type RatingQrCodeQuery = { ratingQrCode: { dataUri: string } | null };

export type RealEstateFullFragment = { propertyAddress: string, deedTaxPaid: boolean, registered: boolean, onlineReviewPassed: boolean, nextStep: string, seller: { role: string, name: string, idNumber: string, confirmed: boolean, confirmedAt: string | null } | null, visit: { status: string, statusLabel: string, day: string | null, start: string | null, end: string | null, hallName: string | null, verifiedAt: string | null } | null, bundle: { id: string, number: string, themeCode: string, themeName: string, status: BundleStatus, statusLabel: string, applicantName: string, contactPhone: string, acceptedAt: string | null, deadline: string | null, workingDaysUsed: number | null, budget: { text: string } }, utilities: Array<{ key: string, name: string, state: string, stateLabel: string, caseNumber: string | null, caseStatusLabel: string | null, partnerCode: string | null, partnerName: string | null, partnerDelivery: string | null, decidedAt: string | null }>, transferCase: { id: string, number: string | null, status: CaseStatus, reviewStep: number } | null, deedTaxCase: { id: string, number: string | null, status: CaseStatus } | null };

export type RealEstateTransferQueryVariables = Exact<{
  bundleId: string;
}>;


export type RealEstateTransferQuery = { realEstateTransfer: { propertyAddress: string, deedTaxPaid: boolean, registered: boolean, onlineReviewPassed: boolean, nextStep: string, seller: { role: string, name: string, idNumber: string, confirmed: boolean, confirmedAt: string | null } | null, visit: { status: string, statusLabel: string, day: string | null, start: string | null, end: string | null, hallName: string | null, verifiedAt: string | null } | null, bundle: { id: string, number: string, themeCode: string, themeName: string, status: BundleStatus, statusLabel: string, applicantName: string, contactPhone: string, acceptedAt: string | null, deadline: string | null, workingDaysUsed: number | null, budget: { text: string } }, utilities: Array<{ key: string, name: string, state: string, stateLabel: string, caseNumber: string | null, caseStatusLabel: string | null, partnerCode: string | null, partnerName: string | null, partnerDelivery: string | null, decidedAt: string | null }>, transferCase: { id: string, number: string | null, status: CaseStatus, reviewStep: number } | null, deedTaxCase: { id: string, number: string | null, status: CaseStatus } | null } | null };

export type RealEstateQueueQueryVariables = Exact<{
  queue: BundleQueueKind;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RealEstateQueueQuery = { bundleQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, themeCode: string, themeName: string, applicantName: string, statusLabel: string, stageLabel: string, submittedAt: string | null, deadline: string | null } }> } };

export type RecordDeedTaxPaymentMutationVariables = Exact<{
  input: RecordDeedTaxPaymentInput;
}>;


export type RecordDeedTaxPaymentMutation = { recordDeedTaxPayment: { case: { id: string, status: CaseStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: RealEstateErrorCode }> } };

export type VerifyBundleOnSiteMutationVariables = Exact<{
  input: VerifyBundleOnSiteInput;
}>;


export type VerifyBundleOnSiteMutation = { verifyBundleOnSite: { transfer: { propertyAddress: string, deedTaxPaid: boolean, registered: boolean, onlineReviewPassed: boolean, nextStep: string, seller: { role: string, name: string, idNumber: string, confirmed: boolean, confirmedAt: string | null } | null, visit: { status: string, statusLabel: string, day: string | null, start: string | null, end: string | null, hallName: string | null, verifiedAt: string | null } | null, bundle: { id: string, number: string, themeCode: string, themeName: string, status: BundleStatus, statusLabel: string, applicantName: string, contactPhone: string, acceptedAt: string | null, deadline: string | null, workingDaysUsed: number | null, budget: { text: string } }, utilities: Array<{ key: string, name: string, state: string, stateLabel: string, caseNumber: string | null, caseStatusLabel: string | null, partnerCode: string | null, partnerName: string | null, partnerDelivery: string | null, decidedAt: string | null }>, transferCase: { id: string, number: string | null, status: CaseStatus, reviewStep: number } | null, deedTaxCase: { id: string, number: string | null, status: CaseStatus } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: RealEstateErrorCode }> } };

export type SearchSynonymsQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchSynonymsQuery = { searchSynonyms: Array<{ term: string, words: Array<string>, note: string }> };

export type SetSearchSynonymMutationVariables = Exact<{
  input: SetSearchSynonymInput;
}>;


export type SetSearchSynonymMutation = { setSearchSynonym: { synonym: { term: string, words: Array<string>, note: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

export type DeleteSearchSynonymMutationVariables = Exact<{
  input: DeleteSearchSynonymInput;
}>;


export type DeleteSearchSynonymMutation = { deleteSearchSynonym: { term: string | null, errors: Array<{ field: Array<string> | null, message: string, code: CatalogErrorCode }> } };

export type SearchPreviewQueryVariables = Exact<{
  text: string;
}>;


export type SearchPreviewQuery = { findServices: { totalCount: number, words: Array<string>, didYouMean: string | null, hits: Array<{ kind: SearchHitKind, code: string, name: string, matchedBy: SearchMatch }> } };

export type SharedDataPullsQueryVariables = Exact<{
  filter?: SharedDataPullFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type SharedDataPullsQuery = { sharedDataPulls: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, base: SharedDataBase, baseLabel: string, mode: string, partnerCode: string | null, subjectKind: string, subject: string, purpose: string, caseNumber: string | null, bundleNumber: string | null, regionCode: string, callerKind: string, caller: string, found: boolean, error: string, at: string, fieldsAsked: Array<string>, fieldsReturned: Array<string>, filledKeys: Array<string> } }> } };

export type CaseStatisticsQueryVariables = Exact<{
  filter: CaseStatisticsFilter;
  groupBy: CaseStatisticsGroup;
}>;


export type CaseStatisticsQuery = { caseStatistics: { rows: Array<{ key: string, name: string, submitted: number, accepted: number, completed: number, completedOnTime: number, onTimeRate: number | null, avgWorkingDays: number | null, avgCommittedDays: number | null, overdueOpen: number, nearDue: number }>, totals: { submitted: number, accepted: number, completed: number, completedOnTime: number, onTimeRate: number | null, avgWorkingDays: number | null, avgCommittedDays: number | null, overdueOpen: number, nearDue: number } } };

export type DashboardCountiesQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type DashboardCountiesQuery = { regions: Array<{ code: string, name: string }> };

export type ThemeCondLeafFragment = { question: string | null, in: Array<string> | null };

export type ThemeCond3Fragment = { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null };

export type ThemeCond2Fragment = { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null };

export type ThemeCondFragment = { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null };

type ThemeContentParts_Theme_Fragment = { name: string, audience: Audience, lifeStage: LifeStage, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, leadDepartmentCode: string, cooperatingDepartmentCodes: Array<string>, leadDepartment: { code: string, name: string } | null, cooperatingDepartments: Array<{ code: string, name: string }>, budget: { value: number, unit: BudgetUnit, text: string }, guide: { summary: string, conditions: string, process: Array<string>, notes: Array<string>, basis: string, faq: Array<{ question: string, answer: string }> }, questions: Array<{ key: string, text: string, kind: QuestionKind, help: string, options: Array<{ value: string, label: string }> }>, stages: Array<{ key: string, name: string, leadDepartmentCode: string | null, leadDepartment: { code: string, name: string } | null, items: Array<{ key: string, basicCode: string, departmentCode: string, dependsOn: Array<string>, note: string, department: { name: string } | null, serviceItem: { id: string, name: string, situations: Array<{ name: string }> } | null, situations: Array<{ name: string, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }>, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }> }> };

type ThemeContentParts_ThemeVersion_Fragment = { name: string, audience: Audience, lifeStage: LifeStage, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, leadDepartmentCode: string, cooperatingDepartmentCodes: Array<string>, leadDepartment: { code: string, name: string } | null, cooperatingDepartments: Array<{ code: string, name: string }>, budget: { value: number, unit: BudgetUnit, text: string }, guide: { summary: string, conditions: string, process: Array<string>, notes: Array<string>, basis: string, faq: Array<{ question: string, answer: string }> }, questions: Array<{ key: string, text: string, kind: QuestionKind, help: string, options: Array<{ value: string, label: string }> }>, stages: Array<{ key: string, name: string, leadDepartmentCode: string | null, leadDepartment: { code: string, name: string } | null, items: Array<{ key: string, basicCode: string, departmentCode: string, dependsOn: Array<string>, note: string, department: { name: string } | null, serviceItem: { id: string, name: string, situations: Array<{ name: string }> } | null, situations: Array<{ name: string, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }>, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }> }> };

export type ThemeContentPartsFragment =
  | ThemeContentParts_Theme_Fragment
  | ThemeContentParts_ThemeVersion_Fragment
;

export type ThemeListQueryVariables = Exact<{
  search?: string | null | undefined;
  audience?: Audience | null | undefined;
  lifeStage?: LifeStage | null | undefined;
  statuses?: Array<ThemeStatus> | ThemeStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ThemeListQuery = { themes: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, audience: Audience, lifeStage: LifeStage, status: ThemeStatus, versionNumber: number, maxVisits: number, budget: { text: string }, leadDepartment: { name: string } | null, stages: Array<{ key: string, items: Array<{ key: string }> }>, questions: Array<{ key: string }> } }> } };

export type ThemeDetailQueryVariables = Exact<{
  code: string;
}>;


export type ThemeDetailQuery = { theme: { id: string, code: string, status: ThemeStatus, statusReason: string, regionCode: string, versionNumber: number, name: string, audience: Audience, lifeStage: LifeStage, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, leadDepartmentCode: string, cooperatingDepartmentCodes: Array<string>, draftVersion: { id: string, number: number, status: ThemeVersionStatus, changeNote: string, name: string, audience: Audience, lifeStage: LifeStage, foundsEntity: boolean, maxVisits: number, keywords: Array<string>, leadDepartmentCode: string, cooperatingDepartmentCodes: Array<string>, leadDepartment: { code: string, name: string } | null, cooperatingDepartments: Array<{ code: string, name: string }>, budget: { value: number, unit: BudgetUnit, text: string }, guide: { summary: string, conditions: string, process: Array<string>, notes: Array<string>, basis: string, faq: Array<{ question: string, answer: string }> }, questions: Array<{ key: string, text: string, kind: QuestionKind, help: string, options: Array<{ value: string, label: string }> }>, stages: Array<{ key: string, name: string, leadDepartmentCode: string | null, leadDepartment: { code: string, name: string } | null, items: Array<{ key: string, basicCode: string, departmentCode: string, dependsOn: Array<string>, note: string, department: { name: string } | null, serviceItem: { id: string, name: string, situations: Array<{ name: string }> } | null, situations: Array<{ name: string, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }>, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }> }> } | null, versions: Array<{ id: string, number: number, status: ThemeVersionStatus, changeNote: string, createdAt: string, publishedAt: string | null }>, leadDepartment: { code: string, name: string } | null, cooperatingDepartments: Array<{ code: string, name: string }>, budget: { value: number, unit: BudgetUnit, text: string }, guide: { summary: string, conditions: string, process: Array<string>, notes: Array<string>, basis: string, faq: Array<{ question: string, answer: string }> }, questions: Array<{ key: string, text: string, kind: QuestionKind, help: string, options: Array<{ value: string, label: string }> }>, stages: Array<{ key: string, name: string, leadDepartmentCode: string | null, leadDepartment: { code: string, name: string } | null, items: Array<{ key: string, basicCode: string, departmentCode: string, dependsOn: Array<string>, note: string, department: { name: string } | null, serviceItem: { id: string, name: string, situations: Array<{ name: string }> } | null, situations: Array<{ name: string, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }>, when: { question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null, all: Array<{ question: string | null, in: Array<string> | null }> | null, any: Array<{ question: string | null, in: Array<string> | null }> | null }> | null }> | null } | null }> }> } | null };

export type ThemeAnswerPathsQueryVariables = Exact<{
  id: string;
}>;


export type ThemeAnswerPathsQuery = { node:
    | { id: string, number: number, status: ThemeVersionStatus, answerPaths: Array<{ description: string, answers: Array<{ question: string, value: string }>, bundle: { stages: Array<{ number: number, key: string, name: string, items: Array<{ key: string, name: string, departmentCode: string, dependsOn: Array<string>, note: string, department: { name: string } | null, situations: Array<{ name: string }> }> }>, form: Array<{ key: string, label: string, type: FormFieldType, required: boolean, sourceLabel: string | null, itemKeys: Array<string> }>, materials: Array<{ key: string, name: string, standardCode: string | null, generated: boolean, necessity: Necessity, sharedData: boolean, producedBy: string | null, toProvide: boolean, itemKeys: Array<string> }>, counts: { items: number, stages: number, fields: number, fieldsPrefilled: number, fieldsAsked: number, fieldsSeparately: number, materials: number, materialsGenerated: number, materialsSeparately: number, visits: number, visitsSeparately: number }, problems: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } }> }
    | Record<PropertyKey, never>
   | null };

export type ThemeItemSearchQueryVariables = Exact<{
  text: string;
}>;


export type ThemeItemSearchQuery = { serviceItems: { edges: Array<{ node: { id: string, name: string, basicCode: string, departmentCode: string, serviceObjects: Array<ServiceObject>, department: { name: string }, situations: Array<{ name: string }> } }> } };

export type ThemeDepartmentSearchQueryVariables = Exact<{
  text?: string | null | undefined;
}>;


export type ThemeDepartmentSearchQuery = { departments: { edges: Array<{ node: { code: string, name: string } }> } };

export type CreateThemeDraftMutationVariables = Exact<{
  input: CreateThemeDraftInput;
}>;


export type CreateThemeDraftMutation = { createThemeDraft: { theme: { id: string, code: string, status: ThemeStatus } | null, version: { id: string, number: number } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export type UpdateThemeDraftMutationVariables = Exact<{
  input: UpdateThemeDraftInput;
}>;


export type UpdateThemeDraftMutation = { updateThemeDraft: { version: { id: string, number: number } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export type PublishThemeMutationVariables = Exact<{
  input: PublishThemeInput;
}>;


export type PublishThemeMutation = { publishTheme: { theme: { id: string, status: ThemeStatus, versionNumber: number } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export type SuspendThemeMutationVariables = Exact<{
  input: ChangeThemeStatusInput;
}>;


export type SuspendThemeMutation = { suspendTheme: { theme: { id: string, status: ThemeStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export type ResumeThemeMutationVariables = Exact<{
  input: ChangeThemeStatusInput;
}>;


export type ResumeThemeMutation = { resumeTheme: { theme: { id: string, status: ThemeStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export type CancelThemeMutationVariables = Exact<{
  input: ChangeThemeStatusInput;
}>;


export type CancelThemeMutation = { cancelTheme: { theme: { id: string, status: ThemeStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export type ServiceMenuEditorQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceMenuEditorQuery = { serviceMenu: { number: number, publishedAt: string, changeNote: string, entries: Array<{ key: string, title: string, category: string, description: string, position: number, itemCodes: Array<string>, themeCodes: Array<string>, items: Array<{ basicCode: string, name: string }>, themes: Array<{ code: string, name: string }> }> } | null };

export type ServiceMenuVersionsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ServiceMenuVersionsQuery = { serviceMenuHistory: Array<{ number: number, publishedAt: string, changeNote: string, entries: Array<{ key: string, title: string }> }> };

export type MenuThemeSearchQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type MenuThemeSearchQuery = { themes: { edges: Array<{ node: { code: string, name: string } }> } };

export type PublishServiceMenuMutationVariables = Exact<{
  input: PublishServiceMenuInput;
}>;


export type PublishServiceMenuMutation = { publishServiceMenu: { menu: { number: number, entries: Array<{ key: string }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ThemeErrorCode }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const BundleRowFragmentDoc = new TypedDocumentString(`
    fragment BundleRow on Bundle {
  id
  number
  themeName
  status
  statusLabel
  stageLabel
  applicantName
  contactPhone
  channel
  submittedAt
  acceptedAt
  deadline
  budget {
    text
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
}
    `, {"fragmentName":"BundleRow"}) as unknown as TypedDocumentString<BundleRowFragment, unknown>;
export const BundleSubCaseFragmentDoc = new TypedDocumentString(`
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
    `, {"fragmentName":"BundleSubCase"}) as unknown as TypedDocumentString<BundleSubCaseFragment, unknown>;
export const BundleFullFragmentDoc = new TypedDocumentString(`
    fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}`, {"fragmentName":"BundleFull"}) as unknown as TypedDocumentString<BundleFullFragment, unknown>;
export const CaseRowFragmentDoc = new TypedDocumentString(`
    fragment CaseRow on Case {
  id
  number
  status
  statusLabel
  itemName
  applicantName
  contactPhone
  warning
  deadline
  supplyBy
  submittedAt
  acceptedAt
  claimedByMe
  reviewStepName
  department {
    name
  }
  hall {
    name
  }
}
    `, {"fragmentName":"CaseRow"}) as unknown as TypedDocumentString<CaseRowFragment, unknown>;
export const CaseFullFragmentDoc = new TypedDocumentString(`
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}
    `, {"fragmentName":"CaseFull"}) as unknown as TypedDocumentString<CaseFullFragment, unknown>;
export const TimeLimitPartsFragmentDoc = new TypedDocumentString(`
    fragment TimeLimitParts on TimeLimit {
  value
  unit
  text
}
    `, {"fragmentName":"TimeLimitParts"}) as unknown as TypedDocumentString<TimeLimitPartsFragment, unknown>;
export const ItemContentPartsFragmentDoc = new TypedDocumentString(`
    fragment ItemContentParts on ItemContent {
  name
  basicCode
  itemType
  legalBasis
  exerciseLevels
  acceptanceConditions
  serviceObjects
  statutoryLimit {
    ...TimeLimitParts
  }
  committedLimit {
    ...TimeLimitParts
  }
  fees {
    name
    standard
    basis
  }
  maxVisits
  online
  instant
  highFrequency
  keywords
  aliases
  resultLicence
  reviewSteps
  formFields {
    key
    label
    type
    required
    options
    maxLength
    min
    max
    help
  }
  instantRule {
    code
    version
    conditions
  }
  situations {
    position
    name
    conditions
    materials {
      name
      form
      copies
      media
      necessity
      sampleText
      reviewPoints
      elicence
      sharedData
      source
      standardCode
    }
  }
  guide {
    process
    address
    hours
    contact
    faq {
      question
      answer
    }
  }
}
    fragment TimeLimitParts on TimeLimit {
  value
  unit
  text
}`, {"fragmentName":"ItemContentParts"}) as unknown as TypedDocumentString<ItemContentPartsFragment, unknown>;
export const ComplaintRowFragmentDoc = new TypedDocumentString(`
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}
    `, {"fragmentName":"ComplaintRow"}) as unknown as TypedDocumentString<ComplaintRowFragment, unknown>;
export const AssistanceRowFragmentDoc = new TypedDocumentString(`
    fragment AssistanceRow on AssistanceRequest {
  id
  number
  kind
  hallCode
  description
  preferredDay
  address
  forEnterprise
  requesterName
  status
  agentName
  createdAt
  closedAt
  contacts {
    kind
    note
    at
  }
  rating {
    level
    levelLabel
    comment
  }
}
    `, {"fragmentName":"AssistanceRow"}) as unknown as TypedDocumentString<AssistanceRowFragment, unknown>;
export const ProjectStageFragmentDoc = new TypedDocumentString(`
    fragment ProjectStage on ProjectStageTime {
  number
  key
  name
  main
  budgetDays
  usedDays
  leftDays
  overBudget
  applicantDays
  intermediaryDays
  suspendedDays
  status
  statusLabel
  heldBy
  startedOn
  endedOn
  plannedStart
  plannedEnd
}
    `, {"fragmentName":"ProjectStage"}) as unknown as TypedDocumentString<ProjectStageFragment, unknown>;
export const ProjectTimeFullFragmentDoc = new TypedDocumentString(`
    fragment ProjectTimeFull on ProjectTime {
  totalDays
  mainDays
  usedDays
  mainUsedDays
  leftDays
  mainLeftDays
  withinTotal
  withinMain
  applicantDays
  intermediaryDays
  suspendedDays
  finished
  stages {
    ...ProjectStage
  }
  todo {
    stage
    itemName
    caseId
    kind
    reason
    action
  }
}
    fragment ProjectStage on ProjectStageTime {
  number
  key
  name
  main
  budgetDays
  usedDays
  leftDays
  overBudget
  applicantDays
  intermediaryDays
  suspendedDays
  status
  statusLabel
  heldBy
  startedOn
  endedOn
  plannedStart
  plannedEnd
}`, {"fragmentName":"ProjectTimeFull"}) as unknown as TypedDocumentString<ProjectTimeFullFragment, unknown>;
export const ExchangePartnerPartsFragmentDoc = new TypedDocumentString(`
    fragment ExchangePartnerParts on ExchangePartner {
  id
  code
  name
  kind
  regionCode
  baseUrl
  timeoutSeconds
  maxAttempts
  routes
  isActive
  updatedAt
  keys {
    id
    fingerprint
    createdAt
    signs
  }
}
    `, {"fragmentName":"ExchangePartnerParts"}) as unknown as TypedDocumentString<ExchangePartnerPartsFragment, unknown>;
export const ExchangeMessagePartsFragmentDoc = new TypedDocumentString(`
    fragment ExchangeMessageParts on ExchangeMessage {
  id
  messageId
  direction
  partnerCode
  event
  caseNumber
  status
  verification
  attempts
  nextAttemptAt
  lastError
  answerStatus
  answer
  body
  digest
  deliveredAt
  createdAt
}
    `, {"fragmentName":"ExchangeMessageParts"}) as unknown as TypedDocumentString<ExchangeMessagePartsFragment, unknown>;
export const ReconciliationRunPartsFragmentDoc = new TypedDocumentString(`
    fragment ReconciliationRunParts on ReconciliationRun {
  id
  partnerCode
  trigger
  startedAt
  finishedAt
  checked
  differences
  error
}
    `, {"fragmentName":"ReconciliationRunParts"}) as unknown as TypedDocumentString<ReconciliationRunPartsFragment, unknown>;
export const ExchangeDifferencePartsFragmentDoc = new TypedDocumentString(`
    fragment ExchangeDifferenceParts on ExchangeDifference {
  id
  partnerCode
  caseId
  caseNumber
  kind
  ours
  theirs
  detail
  firstSeenAt
  lastSeenAt
  closedAt
  closedBy
  note
  isOpen
}
    `, {"fragmentName":"ExchangeDifferenceParts"}) as unknown as TypedDocumentString<ExchangeDifferencePartsFragment, unknown>;
export const RectificationCardFragmentDoc = new TypedDocumentString(`
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}
    `, {"fragmentName":"RectificationCard"}) as unknown as TypedDocumentString<RectificationCardFragment, unknown>;
export const RealEstateFullFragmentDoc = new TypedDocumentString(`
    fragment RealEstateFull on RealEstateTransfer {
  propertyAddress
  deedTaxPaid
  registered
  onlineReviewPassed
  nextStep
  seller {
    role
    name
    idNumber
    confirmed
    confirmedAt
  }
  visit {
    status
    statusLabel
    day
    start
    end
    hallName
    verifiedAt
  }
  bundle {
    id
    number
    themeCode
    themeName
    status
    statusLabel
    applicantName
    contactPhone
    acceptedAt
    deadline
    workingDaysUsed
    budget {
      text
    }
  }
  utilities {
    key
    name
    state
    stateLabel
    caseNumber
    caseStatusLabel
    partnerCode
    partnerName
    partnerDelivery
    decidedAt
  }
  transferCase {
    id
    number
    status
    reviewStep
  }
  deedTaxCase {
    id
    number
    status
  }
}
    `, {"fragmentName":"RealEstateFull"}) as unknown as TypedDocumentString<RealEstateFullFragment, unknown>;
export const ThemeCondLeafFragmentDoc = new TypedDocumentString(`
    fragment ThemeCondLeaf on ThemeCondition {
  question
  in
}
    `, {"fragmentName":"ThemeCondLeaf"}) as unknown as TypedDocumentString<ThemeCondLeafFragment, unknown>;
export const ThemeCond3FragmentDoc = new TypedDocumentString(`
    fragment ThemeCond3 on ThemeCondition {
  question
  in
  all {
    ...ThemeCondLeaf
  }
  any {
    ...ThemeCondLeaf
  }
}
    fragment ThemeCondLeaf on ThemeCondition {
  question
  in
}`, {"fragmentName":"ThemeCond3"}) as unknown as TypedDocumentString<ThemeCond3Fragment, unknown>;
export const ThemeCond2FragmentDoc = new TypedDocumentString(`
    fragment ThemeCond2 on ThemeCondition {
  question
  in
  all {
    ...ThemeCond3
  }
  any {
    ...ThemeCond3
  }
}
    fragment ThemeCondLeaf on ThemeCondition {
  question
  in
}
fragment ThemeCond3 on ThemeCondition {
  question
  in
  all {
    ...ThemeCondLeaf
  }
  any {
    ...ThemeCondLeaf
  }
}`, {"fragmentName":"ThemeCond2"}) as unknown as TypedDocumentString<ThemeCond2Fragment, unknown>;
export const ThemeCondFragmentDoc = new TypedDocumentString(`
    fragment ThemeCond on ThemeCondition {
  question
  in
  all {
    ...ThemeCond2
  }
  any {
    ...ThemeCond2
  }
}
    fragment ThemeCondLeaf on ThemeCondition {
  question
  in
}
fragment ThemeCond3 on ThemeCondition {
  question
  in
  all {
    ...ThemeCondLeaf
  }
  any {
    ...ThemeCondLeaf
  }
}
fragment ThemeCond2 on ThemeCondition {
  question
  in
  all {
    ...ThemeCond3
  }
  any {
    ...ThemeCond3
  }
}`, {"fragmentName":"ThemeCond"}) as unknown as TypedDocumentString<ThemeCondFragment, unknown>;
export const ThemeContentPartsFragmentDoc = new TypedDocumentString(`
    fragment ThemeContentParts on ThemeContent {
  name
  audience
  lifeStage
  foundsEntity
  maxVisits
  keywords
  leadDepartmentCode
  leadDepartment {
    code
    name
  }
  cooperatingDepartmentCodes
  cooperatingDepartments {
    code
    name
  }
  budget {
    value
    unit
    text
  }
  guide {
    summary
    conditions
    process
    notes
    faq {
      question
      answer
    }
    basis
  }
  questions {
    key
    text
    kind
    help
    options {
      value
      label
    }
  }
  stages {
    key
    name
    leadDepartmentCode
    leadDepartment {
      code
      name
    }
    items {
      key
      basicCode
      departmentCode
      dependsOn
      note
      department {
        name
      }
      serviceItem {
        id
        name
        situations {
          name
        }
      }
      situations {
        name
        when {
          ...ThemeCond
        }
      }
      when {
        ...ThemeCond
      }
    }
  }
}
    fragment ThemeCondLeaf on ThemeCondition {
  question
  in
}
fragment ThemeCond3 on ThemeCondition {
  question
  in
  all {
    ...ThemeCondLeaf
  }
  any {
    ...ThemeCondLeaf
  }
}
fragment ThemeCond2 on ThemeCondition {
  question
  in
  all {
    ...ThemeCond3
  }
  any {
    ...ThemeCond3
  }
}
fragment ThemeCond on ThemeCondition {
  question
  in
  all {
    ...ThemeCond2
  }
  any {
    ...ThemeCond2
  }
}`, {"fragmentName":"ThemeContentParts"}) as unknown as TypedDocumentString<ThemeContentPartsFragment, unknown>;
export const StaffUsersDocument = new TypedDocumentString(`
    query StaffUsers($filter: StaffUserFilter, $first: Int, $after: String, $last: Int, $before: String) {
  staffUsers(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        username
        displayName
        roles
        regionCode
        departmentCode
        hallCode
        isActive
        lockedUntil
        disabledAt
        disabledReason
        region {
          name
        }
        department {
          name
        }
        hall {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffUsersQuery, StaffUsersQueryVariables>;
export const CreateStaffUserDocument = new TypedDocumentString(`
    mutation CreateStaffUser($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) {
    staffUser {
      id
      username
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateStaffUserMutation, CreateStaffUserMutationVariables>;
export const UpdateStaffUserDocument = new TypedDocumentString(`
    mutation UpdateStaffUser($input: UpdateStaffUserInput!) {
  updateStaffUser(input: $input) {
    staffUser {
      id
      displayName
      roles
      regionCode
      departmentCode
      hallCode
      region {
        name
      }
      department {
        name
      }
      hall {
        name
      }
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateStaffUserMutation, UpdateStaffUserMutationVariables>;
export const EnableStaffUserDocument = new TypedDocumentString(`
    mutation EnableStaffUser($input: EnableStaffUserInput!) {
  enableStaffUser(input: $input) {
    staffUser {
      id
      isActive
      lockedUntil
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<EnableStaffUserMutation, EnableStaffUserMutationVariables>;
export const ResetStaffPasswordDocument = new TypedDocumentString(`
    mutation ResetStaffPassword($input: ResetStaffPasswordInput!) {
  resetStaffPassword(input: $input) {
    staffUser {
      id
      lockedUntil
    }
    revokedTokens
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ResetStaffPasswordMutation, ResetStaffPasswordMutationVariables>;
export const DisableStaffUserDocument = new TypedDocumentString(`
    mutation DisableStaffUser($input: DisableStaffUserInput!) {
  disableStaffUser(input: $input) {
    staffUser {
      id
      isActive
    }
    revokedTokens
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DisableStaffUserMutation, DisableStaffUserMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys($filter: ApiKeyFilter, $first: Int, $after: String, $last: Int, $before: String) {
  apiKeys(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        name
        kind
        prefix
        regionCode
        partnerCode
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      id
      name
      prefix
    }
    key
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    apiKey {
      id
      revokedAt
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AccessLogDocument = new TypedDocumentString(`
    query AccessLog($filter: PersonalDataAccessFilter, $first: Int, $after: String, $last: Int, $before: String) {
  personalDataAccessLog(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        at
        viewerLabel
        viewerRegionCode
        subjectKind
        subjectId
        subjectLabel
        fields
        formKeys
        reason
        requestId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AccessLogQuery, AccessLogQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    tokens {
      token
      expiresAt
      refreshToken
      refreshExpiresAt
    }
    user {
      id
      username
      displayName
      roles
      regionCode
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshTokensDocument = new TypedDocumentString(`
    mutation RefreshTokens($input: RefreshTokensInput!) {
  refreshTokens(input: $input) {
    tokens {
      token
      expiresAt
      refreshToken
      refreshExpiresAt
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RefreshTokensMutation, RefreshTokensMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($input: LogoutInput!) {
  logout(input: $input) {
    revoked
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    displayName
    roles
    regionCode
    hallCode
    region {
      name
    }
    department {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const BundleQueueDocument = new TypedDocumentString(`
    query BundleQueue($queue: BundleQueueKind!, $first: Int, $after: String) {
  bundleQueue(queue: $queue, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    edges {
      node {
        ...BundleRow
      }
    }
  }
}
    fragment BundleRow on Bundle {
  id
  number
  themeName
  status
  statusLabel
  stageLabel
  applicantName
  contactPhone
  channel
  submittedAt
  acceptedAt
  deadline
  budget {
    text
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
}`) as unknown as TypedDocumentString<BundleQueueQuery, BundleQueueQueryVariables>;
export const BundleDetailDocument = new TypedDocumentString(`
    query BundleDetail($id: ID!) {
  bundle(id: $id) {
    ...BundleFull
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<BundleDetailQuery, BundleDetailQueryVariables>;
export const BundleSetDocument = new TypedDocumentString(`
    query BundleSet($themeId: ID!, $answers: [ThemeAnswerInput!]!) {
  themeBundle(themeId: $themeId, answers: $answers) {
    form {
      key
      label
      type
      source
      sourceLabel
    }
    materials {
      key
      name
      necessity
      generated
      sharedData
      producedBy
      elicence
      uses {
        itemKey
        material {
          key
          reviewPoints
          form
          copies
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BundleSetQuery, BundleSetQueryVariables>;
export const BundleNoticesDocument = new TypedDocumentString(`
    query BundleNotices($id: ID!) {
  bundle(id: $id) {
    id
    number
    themeName
    applicantKind
    applicantName
    subCases {
      applicantCitizenId
    }
    hall {
      name
      address
      phone
    }
    leadDepartment {
      name
    }
    deferralNotice {
      caseNumber
      itemName
      applicantName
      acceptedAt
      supplyBy
      deadline
      commitment
      clerk
      materials {
        name
        requirement
      }
    }
    correctionNotice {
      caseNumber
      itemName
      applicantName
      issuedAt
      supplyBy
      note
      clerk
      items {
        name
        requirement
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BundleNoticesQuery, BundleNoticesQueryVariables>;
export const WalkInThemesDocument = new TypedDocumentString(`
    query WalkInThemes($search: String, $first: Int) {
  themes(search: $search, first: $first) {
    totalCount
    edges {
      node {
        id
        code
        name
        audience
        foundsEntity
        maxVisits
        keywords
        budget {
          text
        }
        investmentBudgets {
          investmentType
          totalDays
          mainDays
        }
        leadDepartment {
          name
        }
        guide {
          summary
        }
        questions {
          key
          text
          kind
          help
          options {
            value
            label
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WalkInThemesQuery, WalkInThemesQueryVariables>;
export const WalkInThemeBundleDocument = new TypedDocumentString(`
    query WalkInThemeBundle($themeId: ID!, $answers: [ThemeAnswerInput!]!) {
  themeBundle(themeId: $themeId, answers: $answers) {
    stages {
      number
      name
      items {
        key
        name
        departmentCode
        dependsOn
        note
        partnerKind
        partnerChoices {
          code
          name
        }
        department {
          name
        }
      }
    }
    form {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
      source
      sourceLabel
      itemKeys
    }
    materials {
      key
      name
      standardCode
      generated
      necessity
      elicence
      sharedData
      producedBy
      itemKeys
      toProvide
      uses {
        itemKey
        material {
          key
          form
          copies
          reviewPoints
        }
      }
    }
    counts {
      items
      stages
      fields
      fieldsPrefilled
      fieldsAsked
      fieldsSeparately
      materials
      materialsSeparately
      visits
      visitsSeparately
    }
    problems {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WalkInThemeBundleQuery, WalkInThemeBundleQueryVariables>;
export const ReceiveWalkInBundleDocument = new TypedDocumentString(`
    mutation ReceiveWalkInBundle($input: ReceiveWalkInBundleInput!) {
  receiveWalkInBundle(input: $input) {
    bundle {
      id
      number
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ReceiveWalkInBundleMutation, ReceiveWalkInBundleMutationVariables>;
export const UploadScanDocument = new TypedDocumentString(`
    mutation UploadScan($input: UploadMaterialInput!) {
  uploadMaterial(input: $input) {
    upload {
      id
      filename
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UploadScanMutation, UploadScanMutationVariables>;
export const AcceptBundleDocument = new TypedDocumentString(`
    mutation AcceptBundle($input: AcceptBundleInput!) {
  acceptBundle(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<AcceptBundleMutation, AcceptBundleMutationVariables>;
export const AcceptBundleWithMissingDocument = new TypedDocumentString(`
    mutation AcceptBundleWithMissing($input: AcceptBundleWithMissingInput!) {
  acceptBundleWithMissing(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<AcceptBundleWithMissingMutation, AcceptBundleWithMissingMutationVariables>;
export const RequestBundleCorrectionDocument = new TypedDocumentString(`
    mutation RequestBundleCorrection($input: RequestBundleCorrectionInput!) {
  requestBundleCorrection(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<RequestBundleCorrectionMutation, RequestBundleCorrectionMutationVariables>;
export const ProposeBundleRejectionDocument = new TypedDocumentString(`
    mutation ProposeBundleRejection($input: BundleReasonInput!) {
  proposeBundleRejection(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<ProposeBundleRejectionMutation, ProposeBundleRejectionMutationVariables>;
export const ConfirmBundleRejectionDocument = new TypedDocumentString(`
    mutation ConfirmBundleRejection($input: BundleReasonInput!) {
  confirmBundleRejection(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<ConfirmBundleRejectionMutation, ConfirmBundleRejectionMutationVariables>;
export const OverturnBundleRejectionDocument = new TypedDocumentString(`
    mutation OverturnBundleRejection($input: BundleReasonInput!) {
  overturnBundleRejection(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<OverturnBundleRejectionMutation, OverturnBundleRejectionMutationVariables>;
export const SupplyBundleMaterialsDocument = new TypedDocumentString(`
    mutation SupplyBundleMaterials($input: SupplyBundleMaterialsInput!) {
  supplyBundleMaterials(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<SupplyBundleMaterialsMutation, SupplyBundleMaterialsMutationVariables>;
export const IssueBundleResultsDocument = new TypedDocumentString(`
    mutation IssueBundleResults($input: IssueBundleResultsInput!) {
  issueBundleResults(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<IssueBundleResultsMutation, IssueBundleResultsMutationVariables>;
export const CompleteBundleDocument = new TypedDocumentString(`
    mutation CompleteBundle($input: CompleteBundleInput!) {
  completeBundle(input: $input) {
    bundle {
      ...BundleFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment BundleSubCase on Case {
  id
  status
  applicantCitizenId
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    note
    supplyNote
  }
}
fragment BundleFull on Bundle {
  id
  number
  themeCode
  themeName
  themeVersionNumber
  channel
  applicantKind
  status
  statusLabel
  stageLabel
  stages
  openStage
  submittedAt
  acceptedAt
  deadline
  withdrawnAt
  withdrawReason
  answers
  formData
  applicantName
  contactPhone
  queryCode
  prefilled {
    key
    base
    field
    sourceLabel
  }
  finishedAt
  workingDaysUsed
  resultMethod
  trackingNumber
  resultsIssuedAt
  project {
    code
    investmentTypeLabel
    time {
      mainUsedDays
      mainDays
    }
  }
  budget {
    value
    unit
    text
  }
  workingHours {
    budgetHours
    usedHours
    leftHours
    dayHours
    deadlineAt
    state
  }
  hall {
    name
  }
  leadDepartment {
    name
  }
  themeVersion {
    id
  }
  deferralNotice {
    caseNumber
    supplyBy
  }
  correctionNotice {
    caseNumber
    supplyBy
  }
  denial {
    summary
    standing
    options
    failed {
      itemKey
      itemName
      caseNumber
      status
      statusLabel
      reason
      at
    }
    held {
      itemName
      becauseOf
    }
  }
  stageList {
    number
    name
    opened
    done
    openedAt
    finishedAt
    items {
      key
      stage
      name
      departmentCode
      state
      stateLabel
      heldBy
      partnerName
      partnerDelivery
      attempts
      caseNumber
      caseStatus
      caseStatusLabel
      deadline
      decisionReason
      partnerResult {
        number
        entries {
          label
          value
        }
      }
      department {
        name
      }
      case {
        ...BundleSubCase
      }
    }
  }
}`) as unknown as TypedDocumentString<CompleteBundleMutation, CompleteBundleMutationVariables>;
export const CaseQueueDocument = new TypedDocumentString(`
    query CaseQueue($queue: CaseQueueKind!, $filter: CaseQueueFilter, $first: Int, $after: String) {
  caseQueue(queue: $queue, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    edges {
      node {
        ...CaseRow
      }
    }
  }
}
    fragment CaseRow on Case {
  id
  number
  status
  statusLabel
  itemName
  applicantName
  contactPhone
  warning
  deadline
  supplyBy
  submittedAt
  acceptedAt
  claimedByMe
  reviewStepName
  department {
    name
  }
  hall {
    name
  }
}`) as unknown as TypedDocumentString<CaseQueueQuery, CaseQueueQueryVariables>;
export const OverdueCasesDocument = new TypedDocumentString(`
    query OverdueCases($level: DeadlineWarning!, $first: Int, $after: String) {
  overdueCases(level: $level, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    edges {
      node {
        ...CaseRow
        deadlineExplanation
      }
    }
  }
}
    fragment CaseRow on Case {
  id
  number
  status
  statusLabel
  itemName
  applicantName
  contactPhone
  warning
  deadline
  supplyBy
  submittedAt
  acceptedAt
  claimedByMe
  reviewStepName
  department {
    name
  }
  hall {
    name
  }
}`) as unknown as TypedDocumentString<OverdueCasesQuery, OverdueCasesQueryVariables>;
export const CaseDetailDocument = new TypedDocumentString(`
    query CaseDetail($id: ID!) {
  case(id: $id) {
    ...CaseFull
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<CaseDetailQuery, CaseDetailQueryVariables>;
export const CaseNoticesDocument = new TypedDocumentString(`
    query CaseNotices($id: ID!) {
  case(id: $id) {
    id
    number
    itemName
    applicantKind
    applicantName
    applicantCitizenId
    department {
      name
    }
    hall {
      name
      address
      phone
      hours
    }
    deferralNotice {
      caseNumber
      itemName
      applicantName
      acceptedAt
      supplyBy
      deadline
      commitment
      clerk
      materials {
        name
        requirement
      }
    }
    correctionNotice {
      caseNumber
      itemName
      applicantName
      issuedAt
      supplyBy
      note
      clerk
      items {
        name
        requirement
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseNoticesQuery, CaseNoticesQueryVariables>;
export const CaseDecisionDocument = new TypedDocumentString(`
    query CaseDecision($id: ID!) {
  case(id: $id) {
    id
    number
    applicantKind
    applicantName
    applicantCitizenId
    hall {
      name
      address
      phone
    }
    decisionNotice {
      kind
      title
      number
      caseNumber
      itemName
      applicantName
      appliedAt
      decidedAt
      decidedBy
      departmentName
      hallName
      reason
      legalBasis
      reconsiderationBody
      remedy
    }
  }
}
    `) as unknown as TypedDocumentString<CaseDecisionQuery, CaseDecisionQueryVariables>;
export const WalkInItemsDocument = new TypedDocumentString(`
    query WalkInItems($filter: ServiceItemFilter, $first: Int) {
  serviceItems(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        name
        implementationCode
        serviceObjects
        level
        foundsEntity
        department {
          name
        }
        region {
          name
        }
        atCounter {
          handledHere
          destination
          decidedBy
          warning
        }
        committedLimit {
          text
        }
        formFields {
          key
          label
          type
          required
          options
          maxLength
          min
          max
          help
        }
        situations {
          key
          name
          conditions
          materials {
            key
            name
            form
            copies
            media
            necessity
            reviewPoints
            elicence
            sharedData
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WalkInItemsQuery, WalkInItemsQueryVariables>;
export const ReceiveWalkInDocument = new TypedDocumentString(`
    mutation ReceiveWalkIn($input: ReceiveWalkInInput!) {
  receiveWalkIn(input: $input) {
    case {
      id
      number
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ReceiveWalkInMutation, ReceiveWalkInMutationVariables>;
export const AcceptCaseDocument = new TypedDocumentString(`
    mutation AcceptCase($input: AcceptCaseInput!) {
  acceptCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<AcceptCaseMutation, AcceptCaseMutationVariables>;
export const AcceptCaseWithMissingDocument = new TypedDocumentString(`
    mutation AcceptCaseWithMissing($input: AcceptCaseWithMissingInput!) {
  acceptCaseWithMissing(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<AcceptCaseWithMissingMutation, AcceptCaseWithMissingMutationVariables>;
export const RequestCaseCorrectionDocument = new TypedDocumentString(`
    mutation RequestCaseCorrection($input: RequestCaseCorrectionInput!) {
  requestCaseCorrection(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<RequestCaseCorrectionMutation, RequestCaseCorrectionMutationVariables>;
export const ProposeCaseRejectionDocument = new TypedDocumentString(`
    mutation ProposeCaseRejection($input: CaseReasonInput!) {
  proposeCaseRejection(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ProposeCaseRejectionMutation, ProposeCaseRejectionMutationVariables>;
export const ConfirmCaseRejectionDocument = new TypedDocumentString(`
    mutation ConfirmCaseRejection($input: CaseReasonInput!) {
  confirmCaseRejection(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ConfirmCaseRejectionMutation, ConfirmCaseRejectionMutationVariables>;
export const OverturnCaseRejectionDocument = new TypedDocumentString(`
    mutation OverturnCaseRejection($input: CaseReasonInput!) {
  overturnCaseRejection(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<OverturnCaseRejectionMutation, OverturnCaseRejectionMutationVariables>;
export const SupplyCaseMaterialsDocument = new TypedDocumentString(`
    mutation SupplyCaseMaterials($input: SupplyCaseMaterialsInput!) {
  supplyCaseMaterials(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<SupplyCaseMaterialsMutation, SupplyCaseMaterialsMutationVariables>;
export const ClaimCaseDocument = new TypedDocumentString(`
    mutation ClaimCase($input: CaseIdInput!) {
  claimCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ClaimCaseMutation, ClaimCaseMutationVariables>;
export const ReleaseCaseDocument = new TypedDocumentString(`
    mutation ReleaseCase($input: CaseReasonInput!) {
  releaseCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ReleaseCaseMutation, ReleaseCaseMutationVariables>;
export const ApproveCaseDocument = new TypedDocumentString(`
    mutation ApproveCase($input: ApproveCaseInput!) {
  approveCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ApproveCaseMutation, ApproveCaseMutationVariables>;
export const DenyCaseDocument = new TypedDocumentString(`
    mutation DenyCase($input: CaseReasonInput!) {
  denyCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<DenyCaseMutation, DenyCaseMutationVariables>;
export const SuspendCaseDocument = new TypedDocumentString(`
    mutation SuspendCase($input: CaseReasonInput!) {
  suspendCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<SuspendCaseMutation, SuspendCaseMutationVariables>;
export const ResumeCaseDocument = new TypedDocumentString(`
    mutation ResumeCase($input: CaseReasonInput!) {
  resumeCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ResumeCaseMutation, ResumeCaseMutationVariables>;
export const UrgeCaseDocument = new TypedDocumentString(`
    mutation UrgeCase($input: UrgeCaseInput!) {
  urgeCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<UrgeCaseMutation, UrgeCaseMutationVariables>;
export const ExtendCaseDocument = new TypedDocumentString(`
    mutation ExtendCase($input: ExtendCaseInput!) {
  extendCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<ExtendCaseMutation, ExtendCaseMutationVariables>;
export const IssueCaseResultDocument = new TypedDocumentString(`
    mutation IssueCaseResult($input: IssueCaseResultInput!) {
  issueCaseResult(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<IssueCaseResultMutation, IssueCaseResultMutationVariables>;
export const CompleteCaseDocument = new TypedDocumentString(`
    mutation CompleteCase($input: CaseReasonInput!) {
  completeCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<CompleteCaseMutation, CompleteCaseMutationVariables>;
export const RevealApplicantDocument = new TypedDocumentString(`
    mutation RevealApplicant($input: RevealPersonalDataInput!) {
  revealPersonalData(input: $input) {
    values {
      field
      label
      value
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RevealApplicantMutation, RevealApplicantMutationVariables>;
export const RevealFormDocument = new TypedDocumentString(`
    mutation RevealForm($input: RevealPersonalDataInput!) {
  revealPersonalData(input: $input) {
    values {
      field
      label
      value
      key
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RevealFormMutation, RevealFormMutationVariables>;
export const SendBackCaseDocument = new TypedDocumentString(`
    mutation SendBackCase($input: SendBackCaseInput!) {
  sendBackCase(input: $input) {
    case {
      ...CaseFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment CaseFull on Case {
  id
  number
  status
  statusLabel
  channel
  itemName
  basicCode
  departmentCode
  regionCode
  hallCode
  applicantKind
  formData
  submittedAt
  acceptedAt
  decidedAt
  completedAt
  deadline
  statutoryDeadline
  extensionDays
  supplyBy
  correctionNote
  reviewStep
  reviewStepName
  decisionReason
  instantRule
  resultMethod
  trackingNumber
  workingDaysUsed
  applicantName
  contactPhone
  queryCode
  applicantCitizenId
  warning
  deadlineExplanation
  claimedByMe
  futureEnterprise {
    name
    kind
    address
  }
  materials {
    materialKey
    name
    necessity
    state
    trust
    uploadId
    elicenceNumber
    note
    supplyNote
    checkedAt
  }
  prefilled {
    key
    base
    field
    sourceLabel
  }
  timeline {
    at
    action
    actionLabel
    fromStatus
    toStatus
    reason
    actorKind
    actorName
    onBehalf
  }
  elicences {
    number
    kind
  }
  deferralNotice {
    caseNumber
  }
  correctionNotice {
    caseNumber
  }
  decisionNotice {
    kind
    title
  }
  department {
    name
  }
  hall {
    name
  }
  version {
    id
    number
    reviewSteps
    formFields {
      key
      label
      type
      required
      options
      maxLength
      min
      max
      help
    }
    situations {
      key
      name
      materials {
        key
        name
        form
        copies
        media
        necessity
        reviewPoints
        elicence
        sharedData
      }
    }
  }
}`) as unknown as TypedDocumentString<SendBackCaseMutation, SendBackCaseMutationVariables>;
export const CounterPersonDocument = new TypedDocumentString(`
    query CounterPerson($idNumber: String!) {
  counterPerson(idNumber: $idNumber) {
    found
    maskedName
    maskedPhone
    verified
  }
}
    `) as unknown as TypedDocumentString<CounterPersonQuery, CounterPersonQueryVariables>;
export const CaseHallWindowsDocument = new TypedDocumentString(`
    query CaseHallWindows($id: ID!) {
  case(id: $id) {
    id
    hall {
      code
      name
      windows {
        id
        number
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseHallWindowsQuery, CaseHallWindowsQueryVariables>;
export const ServeCaseAtWindowDocument = new TypedDocumentString(`
    mutation ServeCaseAtWindow($input: ServeCaseAtWindowInput!) {
  serveCaseAtWindow(input: $input) {
    served
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ServeCaseAtWindowMutation, ServeCaseAtWindowMutationVariables>;
export const CatalogItemsDocument = new TypedDocumentString(`
    query CatalogItems($filter: ServiceItemFilter, $first: Int, $after: String, $last: Int, $before: String) {
  serviceItems(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        name
        implementationCode
        basicCode
        itemType
        level
        status
        versionNumber
        committedLimit {
          text
        }
        department {
          code
          name
        }
        region {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogItemsQuery, CatalogItemsQueryVariables>;
export const CatalogItemDocument = new TypedDocumentString(`
    query CatalogItem($id: ID!) {
  serviceItem(id: $id) {
    id
    implementationCode
    status
    statusReason
    level
    departmentCode
    regionCode
    versionNumber
    department {
      code
      name
    }
    region {
      name
    }
    ...ItemContentParts
    draftVersion {
      id
      number
      status
      changeKind
      changeNote
      createdAt
      ...ItemContentParts
    }
    versions {
      id
      number
      status
      changeKind
      changeNote
      createdAt
      publishedAt
    }
  }
}
    fragment TimeLimitParts on TimeLimit {
  value
  unit
  text
}
fragment ItemContentParts on ItemContent {
  name
  basicCode
  itemType
  legalBasis
  exerciseLevels
  acceptanceConditions
  serviceObjects
  statutoryLimit {
    ...TimeLimitParts
  }
  committedLimit {
    ...TimeLimitParts
  }
  fees {
    name
    standard
    basis
  }
  maxVisits
  online
  instant
  highFrequency
  keywords
  aliases
  resultLicence
  reviewSteps
  formFields {
    key
    label
    type
    required
    options
    maxLength
    min
    max
    help
  }
  instantRule {
    code
    version
    conditions
  }
  situations {
    position
    name
    conditions
    materials {
      name
      form
      copies
      media
      necessity
      sampleText
      reviewPoints
      elicence
      sharedData
      source
      standardCode
    }
  }
  guide {
    process
    address
    hours
    contact
    faq {
      question
      answer
    }
  }
}`) as unknown as TypedDocumentString<CatalogItemQuery, CatalogItemQueryVariables>;
export const ItemVersionDiffDocument = new TypedDocumentString(`
    query ItemVersionDiff($from: ID!, $to: ID!) {
  itemVersionDiff(from: $from, to: $to) {
    element
    expected
    actual
    description
  }
}
    `) as unknown as TypedDocumentString<ItemVersionDiffQuery, ItemVersionDiffQueryVariables>;
export const CatalogConsistencyDocument = new TypedDocumentString(`
    query CatalogConsistency($basicCode: String!) {
  catalogConsistency(basicCode: $basicCode) {
    basicCode
    consistent
    differenceCount
    rows {
      isReference
      item {
        id
        name
        implementationCode
        level
        department {
          name
        }
        region {
          name
        }
      }
      values {
        element
        label
        value
      }
      differences {
        element
        expected
        actual
        description
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogConsistencyQuery, CatalogConsistencyQueryVariables>;
export const UpdateServiceItemDraftDocument = new TypedDocumentString(`
    mutation UpdateServiceItemDraft($input: UpdateServiceItemDraftInput!) {
  updateServiceItemDraft(input: $input) {
    version {
      id
      number
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateServiceItemDraftMutation, UpdateServiceItemDraftMutationVariables>;
export const DiscardServiceItemDraftDocument = new TypedDocumentString(`
    mutation DiscardServiceItemDraft($input: DiscardServiceItemDraftInput!) {
  discardServiceItemDraft(input: $input) {
    item {
      id
      status
      versionNumber
      draftVersion {
        id
      }
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DiscardServiceItemDraftMutation, DiscardServiceItemDraftMutationVariables>;
export const PublishServiceItemDocument = new TypedDocumentString(`
    mutation PublishServiceItem($input: PublishServiceItemInput!) {
  publishServiceItem(input: $input) {
    item {
      id
      status
      versionNumber
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PublishServiceItemMutation, PublishServiceItemMutationVariables>;
export const SuspendServiceItemDocument = new TypedDocumentString(`
    mutation SuspendServiceItem($input: ChangeServiceItemStatusInput!) {
  suspendServiceItem(input: $input) {
    item {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SuspendServiceItemMutation, SuspendServiceItemMutationVariables>;
export const ResumeServiceItemDocument = new TypedDocumentString(`
    mutation ResumeServiceItem($input: ChangeServiceItemStatusInput!) {
  resumeServiceItem(input: $input) {
    item {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ResumeServiceItemMutation, ResumeServiceItemMutationVariables>;
export const CancelServiceItemDocument = new TypedDocumentString(`
    mutation CancelServiceItem($input: ChangeServiceItemStatusInput!) {
  cancelServiceItem(input: $input) {
    item {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CancelServiceItemMutation, CancelServiceItemMutationVariables>;
export const ComplaintQueueDocument = new TypedDocumentString(`
    query ComplaintQueue($status: ComplaintStatus, $mine: Boolean! = false) {
  complaintQueue(status: $status, mine: $mine) {
    ...ComplaintRow
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<ComplaintQueueQuery, ComplaintQueueQueryVariables>;
export const AssignComplaintDocument = new TypedDocumentString(`
    mutation AssignComplaint($input: AssignComplaintInput!) {
  assignComplaint(input: $input) {
    complaint {
      ...ComplaintRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<AssignComplaintMutation, AssignComplaintMutationVariables>;
export const ExtendComplaintDocument = new TypedDocumentString(`
    mutation ExtendComplaint($input: ComplaintNoteInput!) {
  extendComplaint(input: $input) {
    complaint {
      ...ComplaintRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<ExtendComplaintMutation, ExtendComplaintMutationVariables>;
export const HandleComplaintDocument = new TypedDocumentString(`
    mutation HandleComplaint($input: ComplaintNoteInput!) {
  handleComplaint(input: $input) {
    complaint {
      ...ComplaintRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<HandleComplaintMutation, HandleComplaintMutationVariables>;
export const AnswerComplaintDocument = new TypedDocumentString(`
    mutation AnswerComplaint($input: ComplaintNoteInput!) {
  answerComplaint(input: $input) {
    complaint {
      ...ComplaintRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<AnswerComplaintMutation, AnswerComplaintMutationVariables>;
export const RevisitComplaintDocument = new TypedDocumentString(`
    mutation RevisitComplaint($input: RevisitComplaintInput!) {
  revisitComplaint(input: $input) {
    complaint {
      ...ComplaintRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<RevisitComplaintMutation, RevisitComplaintMutationVariables>;
export const CloseComplaintDocument = new TypedDocumentString(`
    mutation CloseComplaint($input: ComplaintNoteInput!) {
  closeComplaint(input: $input) {
    complaint {
      ...ComplaintRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ComplaintRow on Complaint {
  id
  number
  channel
  targetKind
  targetLabel
  category
  content
  attachmentCount
  status
  statusLabel
  deadline
  extended
  redoCount
  supervised
  answer
  answeredAt
  satisfied
  contactName
  contactPhone
  handlerAssigned
  card
  createdAt
  closedAt
  steps {
    action
    actionLabel
    toStatus
    note
    at
  }
}`) as unknown as TypedDocumentString<CloseComplaintMutation, CloseComplaintMutationVariables>;
export const StaffAssistanceRequestsDocument = new TypedDocumentString(`
    query StaffAssistanceRequests($status: AssistanceStatus) {
  assistanceRequests(status: $status) {
    ...AssistanceRow
  }
}
    fragment AssistanceRow on AssistanceRequest {
  id
  number
  kind
  hallCode
  description
  preferredDay
  address
  forEnterprise
  requesterName
  status
  agentName
  createdAt
  closedAt
  contacts {
    kind
    note
    at
  }
  rating {
    level
    levelLabel
    comment
  }
}`) as unknown as TypedDocumentString<StaffAssistanceRequestsQuery, StaffAssistanceRequestsQueryVariables>;
export const AssignAssistanceAgentDocument = new TypedDocumentString(`
    mutation AssignAssistanceAgent($input: AssignAssistanceAgentInput!) {
  assignAssistanceAgent(input: $input) {
    request {
      ...AssistanceRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment AssistanceRow on AssistanceRequest {
  id
  number
  kind
  hallCode
  description
  preferredDay
  address
  forEnterprise
  requesterName
  status
  agentName
  createdAt
  closedAt
  contacts {
    kind
    note
    at
  }
  rating {
    level
    levelLabel
    comment
  }
}`) as unknown as TypedDocumentString<AssignAssistanceAgentMutation, AssignAssistanceAgentMutationVariables>;
export const RecordAssistanceContactDocument = new TypedDocumentString(`
    mutation RecordAssistanceContact($input: RecordAssistanceContactInput!) {
  recordAssistanceContact(input: $input) {
    request {
      ...AssistanceRow
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment AssistanceRow on AssistanceRequest {
  id
  number
  kind
  hallCode
  description
  preferredDay
  address
  forEnterprise
  requesterName
  status
  agentName
  createdAt
  closedAt
  contacts {
    kind
    note
    at
  }
  rating {
    level
    levelLabel
    comment
  }
}`) as unknown as TypedDocumentString<RecordAssistanceContactMutation, RecordAssistanceContactMutationVariables>;
export const HallDayDocument = new TypedDocumentString(`
    query HallDay($hallCode: String!, $day: Date!) {
  hallAppointments(hallCode: $hallCode, day: $day) {
    citizenName
    appointment {
      id
      itemName
      date
      start
      end
      status
      attendedAt
      note
    }
  }
}
    `) as unknown as TypedDocumentString<HallDayQuery, HallDayQueryVariables>;
export const CheckInAppointmentDocument = new TypedDocumentString(`
    mutation CheckInAppointment($input: CheckInAppointmentInput!) {
  checkInAppointment(input: $input) {
    appointment {
      citizenName
      appointment {
        id
        status
        attendedAt
      }
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CheckInAppointmentMutation, CheckInAppointmentMutationVariables>;
export const ConstructionProjectsDocument = new TypedDocumentString(`
    query ConstructionProjects($first: Int, $after: String) {
  constructionProjects(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    edges {
      node {
        id
        number
        status
        statusLabel
        stageLabel
        acceptedAt
        project {
          code
          investmentTypeLabel
          unitName
          site
          time {
            totalDays
            mainDays
            usedDays
            mainUsedDays
            withinTotal
            withinMain
            applicantDays
            intermediaryDays
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConstructionProjectsQuery, ConstructionProjectsQueryVariables>;
export const ConstructionProjectDocument = new TypedDocumentString(`
    query ConstructionProject($id: ID!) {
  bundle(id: $id) {
    id
    number
    themeName
    status
    statusLabel
    stageLabel
    acceptedAt
    leadDepartment {
      name
    }
    project {
      code
      investmentType
      investmentTypeLabel
      unitName
      unitCreditCode
      site
      time {
        ...ProjectTimeFull
      }
    }
  }
}
    fragment ProjectStage on ProjectStageTime {
  number
  key
  name
  main
  budgetDays
  usedDays
  leftDays
  overBudget
  applicantDays
  intermediaryDays
  suspendedDays
  status
  statusLabel
  heldBy
  startedOn
  endedOn
  plannedStart
  plannedEnd
}
fragment ProjectTimeFull on ProjectTime {
  totalDays
  mainDays
  usedDays
  mainUsedDays
  leftDays
  mainLeftDays
  withinTotal
  withinMain
  applicantDays
  intermediaryDays
  suspendedDays
  finished
  stages {
    ...ProjectStage
  }
  todo {
    stage
    itemName
    caseId
    kind
    reason
    action
  }
}`) as unknown as TypedDocumentString<ConstructionProjectQuery, ConstructionProjectQueryVariables>;
export const ExchangePartnersDocument = new TypedDocumentString(`
    query ExchangePartners {
  partners {
    ...ExchangePartnerParts
  }
}
    fragment ExchangePartnerParts on ExchangePartner {
  id
  code
  name
  kind
  regionCode
  baseUrl
  timeoutSeconds
  maxAttempts
  routes
  isActive
  updatedAt
  keys {
    id
    fingerprint
    createdAt
    signs
  }
}`) as unknown as TypedDocumentString<ExchangePartnersQuery, ExchangePartnersQueryVariables>;
export const ExchangeRouteItemSearchDocument = new TypedDocumentString(`
    query ExchangeRouteItemSearch($text: String!) {
  serviceItems(filter: {text: $text, statuses: [ACTIVE]}, first: 12) {
    edges {
      node {
        id
        name
        basicCode
        department {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExchangeRouteItemSearchQuery, ExchangeRouteItemSearchQueryVariables>;
export const ExchangeRouteNameDocument = new TypedDocumentString(`
    query ExchangeRouteName($code: String!) {
  serviceItemByCode(code: $code) {
    basicCode
    name
  }
}
    `) as unknown as TypedDocumentString<ExchangeRouteNameQuery, ExchangeRouteNameQueryVariables>;
export const CreatePartnerDocument = new TypedDocumentString(`
    mutation CreatePartner($input: CreatePartnerInput!) {
  createPartner(input: $input) {
    secret
    partner {
      ...ExchangePartnerParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ExchangePartnerParts on ExchangePartner {
  id
  code
  name
  kind
  regionCode
  baseUrl
  timeoutSeconds
  maxAttempts
  routes
  isActive
  updatedAt
  keys {
    id
    fingerprint
    createdAt
    signs
  }
}`) as unknown as TypedDocumentString<CreatePartnerMutation, CreatePartnerMutationVariables>;
export const UpdatePartnerDocument = new TypedDocumentString(`
    mutation UpdatePartner($input: UpdatePartnerInput!) {
  updatePartner(input: $input) {
    partner {
      ...ExchangePartnerParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ExchangePartnerParts on ExchangePartner {
  id
  code
  name
  kind
  regionCode
  baseUrl
  timeoutSeconds
  maxAttempts
  routes
  isActive
  updatedAt
  keys {
    id
    fingerprint
    createdAt
    signs
  }
}`) as unknown as TypedDocumentString<UpdatePartnerMutation, UpdatePartnerMutationVariables>;
export const RotatePartnerKeyDocument = new TypedDocumentString(`
    mutation RotatePartnerKey($input: PartnerIdInput!) {
  rotatePartnerKey(input: $input) {
    secret
    partner {
      ...ExchangePartnerParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ExchangePartnerParts on ExchangePartner {
  id
  code
  name
  kind
  regionCode
  baseUrl
  timeoutSeconds
  maxAttempts
  routes
  isActive
  updatedAt
  keys {
    id
    fingerprint
    createdAt
    signs
  }
}`) as unknown as TypedDocumentString<RotatePartnerKeyMutation, RotatePartnerKeyMutationVariables>;
export const RetirePartnerKeyDocument = new TypedDocumentString(`
    mutation RetirePartnerKey($input: PartnerIdInput!) {
  retirePartnerKey(input: $input) {
    partner {
      ...ExchangePartnerParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ExchangePartnerParts on ExchangePartner {
  id
  code
  name
  kind
  regionCode
  baseUrl
  timeoutSeconds
  maxAttempts
  routes
  isActive
  updatedAt
  keys {
    id
    fingerprint
    createdAt
    signs
  }
}`) as unknown as TypedDocumentString<RetirePartnerKeyMutation, RetirePartnerKeyMutationVariables>;
export const ExchangeLogPartnersDocument = new TypedDocumentString(`
    query ExchangeLogPartners {
  partners {
    id
    code
    name
  }
}
    `) as unknown as TypedDocumentString<ExchangeLogPartnersQuery, ExchangeLogPartnersQueryVariables>;
export const ExchangeLogDocument = new TypedDocumentString(`
    query ExchangeLog($filter: ExchangeLogFilter, $first: Int, $after: String, $last: Int, $before: String) {
  exchangeMessages(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        ...ExchangeMessageParts
      }
    }
  }
}
    fragment ExchangeMessageParts on ExchangeMessage {
  id
  messageId
  direction
  partnerCode
  event
  caseNumber
  status
  verification
  attempts
  nextAttemptAt
  lastError
  answerStatus
  answer
  body
  digest
  deliveredAt
  createdAt
}`) as unknown as TypedDocumentString<ExchangeLogQuery, ExchangeLogQueryVariables>;
export const RetryExchangeMessageDocument = new TypedDocumentString(`
    mutation RetryExchangeMessage($input: RetryExchangeMessageInput!) {
  retryExchangeMessage(input: $input) {
    message {
      ...ExchangeMessageParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ExchangeMessageParts on ExchangeMessage {
  id
  messageId
  direction
  partnerCode
  event
  caseNumber
  status
  verification
  attempts
  nextAttemptAt
  lastError
  answerStatus
  answer
  body
  digest
  deliveredAt
  createdAt
}`) as unknown as TypedDocumentString<RetryExchangeMessageMutation, RetryExchangeMessageMutationVariables>;
export const ExchangeMessageStateDocument = new TypedDocumentString(`
    query ExchangeMessageState($id: ID!) {
  node(id: $id) {
    ... on ExchangeMessage {
      ...ExchangeMessageParts
    }
  }
}
    fragment ExchangeMessageParts on ExchangeMessage {
  id
  messageId
  direction
  partnerCode
  event
  caseNumber
  status
  verification
  attempts
  nextAttemptAt
  lastError
  answerStatus
  answer
  body
  digest
  deliveredAt
  createdAt
}`) as unknown as TypedDocumentString<ExchangeMessageStateQuery, ExchangeMessageStateQueryVariables>;
export const ExchangePartnerRegionsDocument = new TypedDocumentString(`
    query ExchangePartnerRegions($parentCode: String!) {
  regions(parentCode: $parentCode, level: COUNTY) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<ExchangePartnerRegionsQuery, ExchangePartnerRegionsQueryVariables>;
export const ReconciliationOverviewDocument = new TypedDocumentString(`
    query ReconciliationOverview($first: Int) {
  partners {
    id
    code
    name
    isActive
    keys {
      id
    }
  }
  reconciliationRuns(first: $first) {
    ...ReconciliationRunParts
  }
}
    fragment ReconciliationRunParts on ReconciliationRun {
  id
  partnerCode
  trigger
  startedAt
  finishedAt
  checked
  differences
  error
}`) as unknown as TypedDocumentString<ReconciliationOverviewQuery, ReconciliationOverviewQueryVariables>;
export const ExchangeDifferencesDocument = new TypedDocumentString(`
    query ExchangeDifferences($filter: ExchangeDifferenceFilter, $first: Int, $after: String, $last: Int, $before: String) {
  exchangeDifferences(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        ...ExchangeDifferenceParts
      }
    }
  }
}
    fragment ExchangeDifferenceParts on ExchangeDifference {
  id
  partnerCode
  caseId
  caseNumber
  kind
  ours
  theirs
  detail
  firstSeenAt
  lastSeenAt
  closedAt
  closedBy
  note
  isOpen
}`) as unknown as TypedDocumentString<ExchangeDifferencesQuery, ExchangeDifferencesQueryVariables>;
export const ReconcilePartnerDocument = new TypedDocumentString(`
    mutation ReconcilePartner($input: PartnerIdInput!) {
  reconcilePartner(input: $input) {
    run {
      ...ReconciliationRunParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ReconciliationRunParts on ReconciliationRun {
  id
  partnerCode
  trigger
  startedAt
  finishedAt
  checked
  differences
  error
}`) as unknown as TypedDocumentString<ReconcilePartnerMutation, ReconcilePartnerMutationVariables>;
export const CloseExchangeDifferenceDocument = new TypedDocumentString(`
    mutation CloseExchangeDifference($input: CloseExchangeDifferenceInput!) {
  closeExchangeDifference(input: $input) {
    difference {
      ...ExchangeDifferenceParts
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment ExchangeDifferenceParts on ExchangeDifference {
  id
  partnerCode
  caseId
  caseNumber
  kind
  ours
  theirs
  detail
  firstSeenAt
  lastSeenAt
  closedAt
  closedBy
  note
  isOpen
}`) as unknown as TypedDocumentString<CloseExchangeDifferenceMutation, CloseExchangeDifferenceMutationVariables>;
export const NotificationOutboxDocument = new TypedDocumentString(`
    query NotificationOutbox($filter: NotificationOutboxFilter, $first: Int, $after: String, $last: Int, $before: String) {
  notificationOutbox(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        event
        eventLabel
        template
        templateVersion
        channel
        recipient
        status
        attempts
        lastError
        nextAttemptAt
        deliveredAt
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationOutboxQuery, NotificationOutboxQueryVariables>;
export const RetryNotificationDocument = new TypedDocumentString(`
    mutation RetryNotification($input: RetryNotificationInput!) {
  retryNotification(input: $input) {
    notification {
      id
      status
      attempts
      lastError
      nextAttemptAt
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RetryNotificationMutation, RetryNotificationMutationVariables>;
export const RectificationsDocument = new TypedDocumentString(`
    query Rectifications($status: String, $card: String, $first: Int!, $offset: Int!) {
  rectifications(status: $status, card: $card, first: $first, offset: $offset) {
    total
    items {
      ...RectificationCard
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<RectificationsQuery, RectificationsQueryVariables>;
export const CaseRatingsDocument = new TypedDocumentString(`
    query CaseRatings($badOnly: Boolean!, $first: Int!, $offset: Int!) {
  caseRatings(badOnly: $badOnly, first: $first, offset: $offset) {
    total
    items {
      caseNumber
      itemName
      rating {
        level
        levelLabel
        channel
        comment
        ratedAt
        dimensionSet
        isDefault
        excluded
        followUpLevel
        followUpComment
        scores {
          key
          label
          score
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseRatingsQuery, CaseRatingsQueryVariables>;
export const RatingMeasuresDocument = new TypedDocumentString(`
    query RatingMeasures {
  ratingMeasures {
    completed
    ratedByPeople
    defaults
    bad
    excluded
    coverage
    badShare
    rectifications
    onTimeRate
    realNameBad
    revisited
    revisitRate
  }
}
    `) as unknown as TypedDocumentString<RatingMeasuresQuery, RatingMeasuresQueryVariables>;
export const StartRectificationDocument = new TypedDocumentString(`
    mutation StartRectification($input: RectificationInput!) {
  startRectification(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<StartRectificationMutation, StartRectificationMutationVariables>;
export const FinishRectificationDocument = new TypedDocumentString(`
    mutation FinishRectification($input: RectificationInput!) {
  finishRectification(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<FinishRectificationMutation, FinishRectificationMutationVariables>;
export const ReportUnableToRectifyDocument = new TypedDocumentString(`
    mutation ReportUnableToRectify($input: RectificationInput!) {
  reportUnableToRectify(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<ReportUnableToRectifyMutation, ReportUnableToRectifyMutationVariables>;
export const AppealRatingDocument = new TypedDocumentString(`
    mutation AppealRating($input: RectificationInput!) {
  appealRating(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<AppealRatingMutation, AppealRatingMutationVariables>;
export const ReviewUnableToRectifyDocument = new TypedDocumentString(`
    mutation ReviewUnableToRectify($input: RectificationReviewInput!) {
  reviewUnableToRectify(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<ReviewUnableToRectifyMutation, ReviewUnableToRectifyMutationVariables>;
export const ReviewRatingAppealDocument = new TypedDocumentString(`
    mutation ReviewRatingAppeal($input: RectificationReviewInput!) {
  reviewRatingAppeal(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<ReviewRatingAppealMutation, ReviewRatingAppealMutationVariables>;
export const ExtendRectificationDocument = new TypedDocumentString(`
    mutation ExtendRectification($input: ExtendRectificationInput!) {
  extendRectification(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<ExtendRectificationMutation, ExtendRectificationMutationVariables>;
export const RecordRatingRevisitDocument = new TypedDocumentString(`
    mutation RecordRatingRevisit($input: RecordRatingRevisitInput!) {
  recordRatingRevisit(input: $input) {
    rectification {
      ...RectificationCard
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RectificationCard on Rectification {
  id
  caseNumber
  itemName
  departmentCode
  hallCode
  status
  statusLabel
  dueDate
  extended
  card
  measures
  reason
  review
  reviewNote
  createdAt
  finishedAt
  realName
  needsRevisit
  rating {
    level
    levelLabel
    channel
    comment
    ratedAt
    excluded
    scores {
      key
      label
      score
    }
  }
  revisit {
    satisfaction
    method
    note
    at
  }
}`) as unknown as TypedDocumentString<RecordRatingRevisitMutation, RecordRatingRevisitMutationVariables>;
export const RatingQrCodeDocument = new TypedDocumentString(`
    query RatingQrCode($caseId: ID!) {
  ratingQrCode(caseId: $caseId) {
    dataUri
  }
}
    `) as unknown as TypedDocumentString<RatingQrCodeQuery, RatingQrCodeQueryVariables>;
export const RealEstateTransferDocument = new TypedDocumentString(`
    query RealEstateTransfer($bundleId: ID!) {
  realEstateTransfer(bundleId: $bundleId) {
    ...RealEstateFull
  }
}
    fragment RealEstateFull on RealEstateTransfer {
  propertyAddress
  deedTaxPaid
  registered
  onlineReviewPassed
  nextStep
  seller {
    role
    name
    idNumber
    confirmed
    confirmedAt
  }
  visit {
    status
    statusLabel
    day
    start
    end
    hallName
    verifiedAt
  }
  bundle {
    id
    number
    themeCode
    themeName
    status
    statusLabel
    applicantName
    contactPhone
    acceptedAt
    deadline
    workingDaysUsed
    budget {
      text
    }
  }
  utilities {
    key
    name
    state
    stateLabel
    caseNumber
    caseStatusLabel
    partnerCode
    partnerName
    partnerDelivery
    decidedAt
  }
  transferCase {
    id
    number
    status
    reviewStep
  }
  deedTaxCase {
    id
    number
    status
  }
}`) as unknown as TypedDocumentString<RealEstateTransferQuery, RealEstateTransferQueryVariables>;
export const RealEstateQueueDocument = new TypedDocumentString(`
    query RealEstateQueue($queue: BundleQueueKind!, $first: Int, $after: String) {
  bundleQueue(queue: $queue, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    edges {
      node {
        id
        number
        themeCode
        themeName
        applicantName
        statusLabel
        stageLabel
        submittedAt
        deadline
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RealEstateQueueQuery, RealEstateQueueQueryVariables>;
export const RecordDeedTaxPaymentDocument = new TypedDocumentString(`
    mutation RecordDeedTaxPayment($input: RecordDeedTaxPaymentInput!) {
  recordDeedTaxPayment(input: $input) {
    case {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RecordDeedTaxPaymentMutation, RecordDeedTaxPaymentMutationVariables>;
export const VerifyBundleOnSiteDocument = new TypedDocumentString(`
    mutation VerifyBundleOnSite($input: VerifyBundleOnSiteInput!) {
  verifyBundleOnSite(input: $input) {
    transfer {
      ...RealEstateFull
    }
    errors {
      field
      message
      code
    }
  }
}
    fragment RealEstateFull on RealEstateTransfer {
  propertyAddress
  deedTaxPaid
  registered
  onlineReviewPassed
  nextStep
  seller {
    role
    name
    idNumber
    confirmed
    confirmedAt
  }
  visit {
    status
    statusLabel
    day
    start
    end
    hallName
    verifiedAt
  }
  bundle {
    id
    number
    themeCode
    themeName
    status
    statusLabel
    applicantName
    contactPhone
    acceptedAt
    deadline
    workingDaysUsed
    budget {
      text
    }
  }
  utilities {
    key
    name
    state
    stateLabel
    caseNumber
    caseStatusLabel
    partnerCode
    partnerName
    partnerDelivery
    decidedAt
  }
  transferCase {
    id
    number
    status
    reviewStep
  }
  deedTaxCase {
    id
    number
    status
  }
}`) as unknown as TypedDocumentString<VerifyBundleOnSiteMutation, VerifyBundleOnSiteMutationVariables>;
export const SearchSynonymsDocument = new TypedDocumentString(`
    query SearchSynonyms {
  searchSynonyms {
    term
    words
    note
  }
}
    `) as unknown as TypedDocumentString<SearchSynonymsQuery, SearchSynonymsQueryVariables>;
export const SetSearchSynonymDocument = new TypedDocumentString(`
    mutation SetSearchSynonym($input: SetSearchSynonymInput!) {
  setSearchSynonym(input: $input) {
    synonym {
      term
      words
      note
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SetSearchSynonymMutation, SetSearchSynonymMutationVariables>;
export const DeleteSearchSynonymDocument = new TypedDocumentString(`
    mutation DeleteSearchSynonym($input: DeleteSearchSynonymInput!) {
  deleteSearchSynonym(input: $input) {
    term
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteSearchSynonymMutation, DeleteSearchSynonymMutationVariables>;
export const SearchPreviewDocument = new TypedDocumentString(`
    query SearchPreview($text: String!) {
  findServices(text: $text, first: 5) {
    totalCount
    words
    didYouMean
    hits {
      kind
      code
      name
      matchedBy
    }
  }
}
    `) as unknown as TypedDocumentString<SearchPreviewQuery, SearchPreviewQueryVariables>;
export const SharedDataPullsDocument = new TypedDocumentString(`
    query SharedDataPulls($filter: SharedDataPullFilter, $first: Int, $after: String, $last: Int, $before: String) {
  sharedDataPulls(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        base
        baseLabel
        mode
        partnerCode
        subjectKind
        subject
        purpose
        caseNumber
        bundleNumber
        regionCode
        callerKind
        caller
        found
        error
        at
        fieldsAsked
        fieldsReturned
        filledKeys
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SharedDataPullsQuery, SharedDataPullsQueryVariables>;
export const CaseStatisticsDocument = new TypedDocumentString(`
    query CaseStatistics($filter: CaseStatisticsFilter!, $groupBy: CaseStatisticsGroup!) {
  caseStatistics(filter: $filter, groupBy: $groupBy) {
    rows {
      key
      name
      submitted
      accepted
      completed
      completedOnTime
      onTimeRate
      avgWorkingDays
      avgCommittedDays
      overdueOpen
      nearDue
    }
    totals {
      submitted
      accepted
      completed
      completedOnTime
      onTimeRate
      avgWorkingDays
      avgCommittedDays
      overdueOpen
      nearDue
    }
  }
}
    `) as unknown as TypedDocumentString<CaseStatisticsQuery, CaseStatisticsQueryVariables>;
export const DashboardCountiesDocument = new TypedDocumentString(`
    query DashboardCounties($parentCode: String) {
  regions(parentCode: $parentCode, level: COUNTY) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<DashboardCountiesQuery, DashboardCountiesQueryVariables>;
export const ThemeListDocument = new TypedDocumentString(`
    query ThemeList($search: String, $audience: Audience, $lifeStage: LifeStage, $statuses: [ThemeStatus!], $first: Int, $after: String, $last: Int, $before: String) {
  themes(
    search: $search
    audience: $audience
    lifeStage: $lifeStage
    statuses: $statuses
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        code
        name
        audience
        lifeStage
        status
        versionNumber
        maxVisits
        budget {
          text
        }
        leadDepartment {
          name
        }
        stages {
          key
          items {
            key
          }
        }
        questions {
          key
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ThemeListQuery, ThemeListQueryVariables>;
export const ThemeDetailDocument = new TypedDocumentString(`
    query ThemeDetail($code: String!) {
  theme(code: $code) {
    id
    code
    status
    statusReason
    regionCode
    versionNumber
    ...ThemeContentParts
    draftVersion {
      id
      number
      status
      changeNote
      ...ThemeContentParts
    }
    versions {
      id
      number
      status
      changeNote
      createdAt
      publishedAt
    }
  }
}
    fragment ThemeCondLeaf on ThemeCondition {
  question
  in
}
fragment ThemeCond3 on ThemeCondition {
  question
  in
  all {
    ...ThemeCondLeaf
  }
  any {
    ...ThemeCondLeaf
  }
}
fragment ThemeCond2 on ThemeCondition {
  question
  in
  all {
    ...ThemeCond3
  }
  any {
    ...ThemeCond3
  }
}
fragment ThemeCond on ThemeCondition {
  question
  in
  all {
    ...ThemeCond2
  }
  any {
    ...ThemeCond2
  }
}
fragment ThemeContentParts on ThemeContent {
  name
  audience
  lifeStage
  foundsEntity
  maxVisits
  keywords
  leadDepartmentCode
  leadDepartment {
    code
    name
  }
  cooperatingDepartmentCodes
  cooperatingDepartments {
    code
    name
  }
  budget {
    value
    unit
    text
  }
  guide {
    summary
    conditions
    process
    notes
    faq {
      question
      answer
    }
    basis
  }
  questions {
    key
    text
    kind
    help
    options {
      value
      label
    }
  }
  stages {
    key
    name
    leadDepartmentCode
    leadDepartment {
      code
      name
    }
    items {
      key
      basicCode
      departmentCode
      dependsOn
      note
      department {
        name
      }
      serviceItem {
        id
        name
        situations {
          name
        }
      }
      situations {
        name
        when {
          ...ThemeCond
        }
      }
      when {
        ...ThemeCond
      }
    }
  }
}`) as unknown as TypedDocumentString<ThemeDetailQuery, ThemeDetailQueryVariables>;
export const ThemeAnswerPathsDocument = new TypedDocumentString(`
    query ThemeAnswerPaths($id: ID!) {
  node(id: $id) {
    ... on ThemeVersion {
      id
      number
      status
      answerPaths {
        description
        answers {
          question
          value
        }
        bundle {
          stages {
            number
            key
            name
            items {
              key
              name
              departmentCode
              department {
                name
              }
              dependsOn
              note
              situations {
                name
              }
            }
          }
          form {
            key
            label
            type
            required
            sourceLabel
            itemKeys
          }
          materials {
            key
            name
            standardCode
            generated
            necessity
            sharedData
            producedBy
            toProvide
            itemKeys
          }
          counts {
            items
            stages
            fields
            fieldsPrefilled
            fieldsAsked
            fieldsSeparately
            materials
            materialsGenerated
            materialsSeparately
            visits
            visitsSeparately
          }
          problems {
            field
            message
            code
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ThemeAnswerPathsQuery, ThemeAnswerPathsQueryVariables>;
export const ThemeItemSearchDocument = new TypedDocumentString(`
    query ThemeItemSearch($text: String!) {
  serviceItems(filter: {text: $text, statuses: [ACTIVE]}, first: 12) {
    edges {
      node {
        id
        name
        basicCode
        departmentCode
        department {
          name
        }
        serviceObjects
        situations {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ThemeItemSearchQuery, ThemeItemSearchQueryVariables>;
export const ThemeDepartmentSearchDocument = new TypedDocumentString(`
    query ThemeDepartmentSearch($text: String) {
  departments(text: $text, first: 20) {
    edges {
      node {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ThemeDepartmentSearchQuery, ThemeDepartmentSearchQueryVariables>;
export const CreateThemeDraftDocument = new TypedDocumentString(`
    mutation CreateThemeDraft($input: CreateThemeDraftInput!) {
  createThemeDraft(input: $input) {
    theme {
      id
      code
      status
    }
    version {
      id
      number
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateThemeDraftMutation, CreateThemeDraftMutationVariables>;
export const UpdateThemeDraftDocument = new TypedDocumentString(`
    mutation UpdateThemeDraft($input: UpdateThemeDraftInput!) {
  updateThemeDraft(input: $input) {
    version {
      id
      number
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateThemeDraftMutation, UpdateThemeDraftMutationVariables>;
export const PublishThemeDocument = new TypedDocumentString(`
    mutation PublishTheme($input: PublishThemeInput!) {
  publishTheme(input: $input) {
    theme {
      id
      status
      versionNumber
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PublishThemeMutation, PublishThemeMutationVariables>;
export const SuspendThemeDocument = new TypedDocumentString(`
    mutation SuspendTheme($input: ChangeThemeStatusInput!) {
  suspendTheme(input: $input) {
    theme {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SuspendThemeMutation, SuspendThemeMutationVariables>;
export const ResumeThemeDocument = new TypedDocumentString(`
    mutation ResumeTheme($input: ChangeThemeStatusInput!) {
  resumeTheme(input: $input) {
    theme {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ResumeThemeMutation, ResumeThemeMutationVariables>;
export const CancelThemeDocument = new TypedDocumentString(`
    mutation CancelTheme($input: ChangeThemeStatusInput!) {
  cancelTheme(input: $input) {
    theme {
      id
      status
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CancelThemeMutation, CancelThemeMutationVariables>;
export const ServiceMenuEditorDocument = new TypedDocumentString(`
    query ServiceMenuEditor {
  serviceMenu {
    number
    publishedAt
    changeNote
    entries {
      key
      title
      category
      description
      position
      itemCodes
      themeCodes
      items {
        basicCode
        name
      }
      themes {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceMenuEditorQuery, ServiceMenuEditorQueryVariables>;
export const ServiceMenuVersionsDocument = new TypedDocumentString(`
    query ServiceMenuVersions($first: Int) {
  serviceMenuHistory(first: $first) {
    number
    publishedAt
    changeNote
    entries {
      key
      title
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceMenuVersionsQuery, ServiceMenuVersionsQueryVariables>;
export const MenuThemeSearchDocument = new TypedDocumentString(`
    query MenuThemeSearch($search: String) {
  themes(search: $search, first: 12) {
    edges {
      node {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MenuThemeSearchQuery, MenuThemeSearchQueryVariables>;
export const PublishServiceMenuDocument = new TypedDocumentString(`
    mutation PublishServiceMenu($input: PublishServiceMenuInput!) {
  publishServiceMenu(input: $input) {
    menu {
      number
      entries {
        key
      }
    }
    errors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PublishServiceMenuMutation, PublishServiceMenuMutationVariables>;