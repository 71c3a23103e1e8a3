// Cases in the admin UI: queue filters kept in the URL, the deadline tag, labels of the case enums,
// which material a case material is in its pinned version, and the idempotency key of a walk-in.
import type {
  CaseMaterialState,
  CaseQueueFilter,
  CaseQueueKind,
  CaseStatus,
  DeadlineWarning,
  NotificationChannel,
  NotificationStatus,
  ResultMethod,
} from '../gql/graphql';
import { type FilterSpec, parseFilters, type RouteQuery, toQuery } from './filters';

export const CASE_STATUSES: Record<CaseStatus, string> = {
  DRAFT: '草稿', SUBMITTED: '已申报', CORRECTION_REQUESTED: '待补正', REJECTION_PROPOSED: '拟不予受理',
  REJECTED: '不予受理', ACCEPTED: '已受理', UNDER_REVIEW: '审查中', SUSPENDED: '已中止', APPROVED: '准予许可',
  DENIED: '不予许可', RESULT_ISSUED: '已出件', COMPLETED: '已办结', WITHDRAWN: '已撤回', RETURNED: '退回补正',
};
export const MATERIAL_STATES: Record<CaseMaterialState, string> = {
  PENDING: '待核验', PROVIDED: '已提交', REUSED: '已复用', EXEMPT: '免提交', MISSING: '缺（待补）',
};
export const RESULT_METHODS: Record<ResultMethod, string> = { PICKUP: '窗口领取', POSTAL: '邮寄送达', ELECTRONIC: '电子证照' };
export const NOTIFICATION_STATUSES: Record<NotificationStatus, string> = {
  QUEUED: '排队中', SENDING: '发送中', DELIVERED: '已送达', FAILED: '失败待重试', DEAD: '死信',
};
export const NOTIFICATION_CHANNELS: Record<NotificationChannel, string> = { INBOX: '站内信', SMS: '短信', PUSH: '推送' };

/** The statuses each queue may narrow to (the server's QUEUE_STATUSES). */
export const QUEUE_STATUSES: Record<Exclude<CaseQueueKind, 'ALL'>, CaseStatus[]> = {
  WINDOW: ['SUBMITTED', 'CORRECTION_REQUESTED', 'REJECTION_PROPOSED'],
  REVIEW: ['ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED', 'RETURNED'],
  RESULT: ['APPROVED', 'RESULT_ISSUED'],
};

// --- the deadline tag ---------------------------------------------------------------------------

export interface DeadlineTag {
  type: 'danger' | 'warning' | 'success' | 'info';
  text: string;
}

/** The tag next to a deadline: red when overdue, yellow when near, green when on time, grey when
 * the clock is not running (no deadline yet, or the case is finished). */
export function deadlineTag(warning: DeadlineWarning, deadline: string | null | undefined): DeadlineTag {
  if (!deadline) return { type: 'info', text: '未计时' };
  if (warning === 'RED') return { type: 'danger', text: `已超期（${deadline}）` };
  if (warning === 'YELLOW') return { type: 'warning', text: `即将到期（${deadline}）` };
  return { type: 'success', text: `${deadline} 前办结` };
}

// --- queue filters in the URL --------------------------------------------------------------------

export type QueueFilters = { number?: string; item?: string; status?: string; mine?: string };

export function queueSpec(queue: Exclude<CaseQueueKind, 'ALL'>): FilterSpec<QueueFilters> {
  return {
    defaults: { number: undefined, item: undefined, status: undefined, mine: undefined },
    allowed: { status: QUEUE_STATUSES[queue], mine: ['claimed', 'unclaimed'] },
  };
}

export function parseQueue(query: RouteQuery, queue: Exclude<CaseQueueKind, 'ALL'>): QueueFilters {
  return parseFilters(query, queueSpec(queue));
}

export function queueQuery(filters: QueueFilters, queue: Exclude<CaseQueueKind, 'ALL'>): Record<string, string> {
  return toQuery(filters, queueSpec(queue));
}

/** The graph's CaseQueueFilter for the filters in the URL; `fixed` statuses (a page showing one
 * status only, e.g. the supervisor's proposed rejections) win over the URL. */
export function toQueueFilter(filters: QueueFilters, fixed?: CaseStatus[]): CaseQueueFilter {
  const out: CaseQueueFilter = {};
  if (fixed?.length) out.statuses = fixed;
  else if (filters.status) out.statuses = [filters.status as CaseStatus];
  if (filters.number) out.number = filters.number;
  if (filters.item) out.itemName = filters.item;
  if (filters.mine === 'claimed') out.claimedByMe = true;
  if (filters.mine === 'unclaimed') out.unclaimed = true;
  return out;
}

// --- materials and their review points ----------------------------------------------------------

export interface VersionMaterial {
  key: number;
  name: string;
  reviewPoints: string;
  necessity: string;
}

/** The pinned version's material for each case material (by key), to show its review points. */
export function materialsByKey<M extends VersionMaterial>(
  version: { situations: readonly { materials: readonly M[] }[] } | null | undefined,
): Map<number, M> {
  const out = new Map<number, M>();
  for (const s of version?.situations ?? []) for (const m of s.materials) out.set(m.key, m);
  return out;
}

/** Materials that may be accepted missing (容缺): deferrable and not yet provided. */
export function deferrable<T extends { necessity: string; state: CaseMaterialState }>(materials: readonly T[]): T[] {
  return materials.filter((m) => m.necessity.toLowerCase() === 'deferrable' && (m.state === 'PENDING' || m.state === 'MISSING'));
}

/** Materials the window still waits for (容缺 or 补正). */
export function outstanding<T extends { state: CaseMaterialState }>(materials: readonly T[]): T[] {
  return materials.filter((m) => m.state === 'MISSING');
}

export function necessityLabel(necessity: string): string {
  const n = necessity.toUpperCase();
  return n === 'REQUIRED' ? '必要' : n === 'OPTIONAL' ? '非必要' : n === 'DEFERRABLE' ? '容缺' : necessity;
}

// --- misc ----------------------------------------------------------------------------------------

/** A fresh idempotency key for one walk-in submission (8..64 characters). */
export function idempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return `walkin-${crypto.randomUUID()}`;
  return `walkin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
