// The signed exchange in the admin UI (合作单位 · 交换日志 · 对账): labels of its enums and codes, the
// partner form and the input it sends, which messages may be sent again and when re-reading one
// may stop, the log's and the differences' filters in the URL, and the reconciliation overview
// (each partner's latest run). Pages: src/pages/exchange/*; Vitest: tests/exchange.test.ts.
import type {
  CaseStatus,
  ExchangeDifferenceFilter,
  ExchangeDifferenceKind,
  ExchangeDirection,
  ExchangeLogFilter,
  ExchangeStatus,
  PartnerFieldsInput,
  PartnerKind,
} from '../gql/graphql';
import { CASE_STATUSES } from './cases';
import { type FilterSpec, parseFilters, type RouteQuery, toQuery } from './filters';

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

// --- labels ----------------------------------------------------------------------------------------

export const PARTNER_KINDS: Record<PartnerKind, string> = {
  PROVINCE: '省级政务服务平台', COUNTY: '县（市、区）政务服务系统', BANK: '银行', UTILITY: '水电气网公共服务企业',
  SEAL_CARVER: '公章刻制企业', OTHER: '其他合作单位',
};
export const EXCHANGE_DIRECTIONS: Record<ExchangeDirection, string> = { OUT: '发出', IN: '收到' };
export const EXCHANGE_STATUSES: Record<ExchangeStatus, string> = {
  PENDING: '待投递', SENDING: '投递中', DELIVERED: '已送达', DEAD: '死信', APPLIED: '已应用', IGNORED: '已忽略',
  REFUSED: '已拒绝',
};
export const EXCHANGE_STATUS_TAGS: Record<ExchangeStatus, TagType> = {
  PENDING: 'info', SENDING: 'primary', DELIVERED: 'success', DEAD: 'danger', APPLIED: 'success', IGNORED: 'info',
  REFUSED: 'danger',
};
/** The message types the platform sends and takes (anything else is shown as it came). */
export const EXCHANGE_EVENTS: Record<string, string> = {
  'case.routed': '转送办件', 'case.accepted': '对方已接收', 'case.decided': '对方已办结', 'case.status_query': '对账查询',
};
/** What the check of a message that came in found (outbound messages are signed here: none). */
export const VERIFICATIONS: Record<string, string> = {
  ok: '验证通过', bad_signature: '签名不符', stale: '时间戳超出 ±5 分钟', missing_headers: '缺少签名信息',
  unknown_partner: '未登记或已停用的合作单位', too_large: '消息过大', api_key: '合作单位 API 密钥（经图接口答复）',
};
export const DIFFERENCE_KINDS: Record<ExchangeDifferenceKind, string> = {
  STATUS: '状态不一致', UNKNOWN_TO_PEER: '对方无此件', UNDELIVERED: '未送达',
};
export const DIFFERENCE_TAGS: Record<ExchangeDifferenceKind, TagType> = { STATUS: 'warning', UNKNOWN_TO_PEER: 'danger', UNDELIVERED: 'danger' };
/** A run whose status query the partner did not answer: nothing was compared. */
export const UNREACHABLE = '对方未应答';
export const RUN_TRIGGERS: Record<string, string> = { nightly: '每晚自动', admin: '管理员立即对账' };
/** The partner's own statuses in its answer to a status query ("" when it does not know the case). */
export const PEER_STATUSES: Record<string, string> = {
  received: '已收到，未受理', accepted: '已受理', approved: '已准予', denied: '不予办理', '': '无此件',
};

export const label = (labels: Record<string, string>, value: string | null | undefined): string =>
  value == null || value === '' ? '—' : labels[value] ?? value;

export function eventLabel(event: string): string {
  return EXCHANGE_EVENTS[event] ?? (event || '—');
}

/** "验证通过"; "—" for an outbound message (it is signed here, nothing to check). */
export function verificationLabel(direction: ExchangeDirection, verification: string): string {
  if (!verification) return direction === 'OUT' ? '—（本平台签名发出）' : '—';
  return VERIFICATIONS[verification] ?? verification;
}

/** The case's status here ("accepted" → 已受理). */
export function oursLabel(status: string): string {
  return CASE_STATUSES[status.toUpperCase() as CaseStatus] ?? (status || '—');
}

/** The partner's status ("approved" → 已准予; "" → 无此件). */
export function theirsLabel(status: string): string {
  return PEER_STATUSES[status] ?? status;
}

/** A masked body or answer, indented; "（空）" for nothing. */
export function prettyJson(value: unknown): string {
  if (value == null) return '（空）';
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return '（空）';
  return JSON.stringify(value, null, 2);
}

// --- partners and their keys -------------------------------------------------------------------------

export interface PartnerForm {
  code: string;
  name: string;
  kind: PartnerKind;
  regionCode: string;
  baseUrl: string;
  timeoutSeconds: number;
  maxAttempts: number;
  routes: string[];
  isActive: boolean;
}

/** The settings a partner has (ExchangePartnerParts). */
export type PartnerSettings = Omit<PartnerForm, 'routes'> & { routes: readonly string[] };

export const DEFAULT_TIMEOUT_SECONDS = 5;
export const DEFAULT_MAX_ATTEMPTS = 8;

export function newPartnerForm(regionCode: string): PartnerForm {
  return {
    code: '', name: '', kind: 'BANK', regionCode, baseUrl: '', timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    maxAttempts: DEFAULT_MAX_ATTEMPTS, routes: [], isActive: true,
  };
}

export function partnerFormOf(p: PartnerSettings): PartnerForm {
  return {
    code: p.code, name: p.name, kind: p.kind, regionCode: p.regionCode, baseUrl: p.baseUrl,
    timeoutSeconds: p.timeoutSeconds, maxAttempts: p.maxAttempts, routes: [...p.routes], isActive: p.isActive,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What the dialog sends: every setting when registering (`before` absent), only the changed
 * ones when editing (an empty object: nothing to save). Text is trimmed. */
export function partnerFields(form: PartnerForm, before?: PartnerForm): PartnerFieldsInput {
  const now = {
    name: form.name.trim(), kind: form.kind, regionCode: form.regionCode.trim(), baseUrl: form.baseUrl.trim(),
    routes: [...form.routes], timeoutSeconds: Number(form.timeoutSeconds), maxAttempts: Number(form.maxAttempts),
    isActive: form.isActive,
  } satisfies PartnerFieldsInput;
  if (!before) return now;
  const out: PartnerFieldsInput = {};
  if (now.name !== before.name.trim()) out.name = now.name;
  if (now.kind !== before.kind) out.kind = now.kind;
  if (now.regionCode !== before.regionCode.trim()) out.regionCode = now.regionCode;
  if (now.baseUrl !== before.baseUrl.trim()) out.baseUrl = now.baseUrl;
  if (!sameList(now.routes, before.routes)) out.routes = now.routes;
  if (now.timeoutSeconds !== Number(before.timeoutSeconds)) out.timeoutSeconds = now.timeoutSeconds;
  if (now.maxAttempts !== Number(before.maxAttempts)) out.maxAttempts = now.maxAttempts;
  if (now.isActive !== before.isActive) out.isActive = now.isActive;
  return out;
}

/** The routes with `code` added once, in the order picked. */
export function withRoute(routes: readonly string[], code: string): string[] {
  const c = code.trim();
  return !c || routes.includes(c) ? [...routes] : [...routes, c];
}

export interface KeyRow {
  id: string;
  fingerprint: string;
  createdAt: string;
  signs: boolean;
}

/** "签名" for the newest key (it signs; it and the previous one verify), "仅验证" for the previous. */
export function keyRole(key: Pick<KeyRow, 'signs'>): string {
  return key.signs ? '签名' : '仅验证（轮换中，待停用）';
}

/** The previous key may be retired once the partner signs with the new one: only during a rotation. */
export function canRetire(keys: readonly unknown[]): boolean {
  return keys.length > 1;
}

/** The key a rotation just made (it signs: the newest). */
export function signingKey<K extends KeyRow>(keys: readonly K[]): K | null {
  return keys.find((k) => k.signs) ?? null;
}

// --- the exchange log ---------------------------------------------------------------------------------

export interface MessageState {
  direction: ExchangeDirection;
  status: ExchangeStatus;
  event: string;
}

export const STATUS_QUERY = 'case.status_query';

/** A dead message this platform sent may be sent again (the same id); a status query is asked
 * again by reconciling, not re-sent. */
export function canRetry(m: MessageState): boolean {
  return m.direction === 'OUT' && m.status === 'DEAD' && m.event !== STATUS_QUERY;
}

/** Why a dead message has no 重发 (null when it has one, or is not dead). */
export function noRetryReason(m: MessageState): string | null {
  if (m.status !== 'DEAD' || canRetry(m)) return null;
  return m.event === STATUS_QUERY ? '对账查询不重发，请在对账页重新对账' : '收到的消息不能重发';
}

/** A message that will not move again by itself: delivered or dead (sent), or handled (received). */
export function settled(status: ExchangeStatus): boolean {
  return status !== 'PENDING' && status !== 'SENDING';
}

export interface RereadOptions<T> {
  /** Between two reads (default 1 s). */
  intervalMs?: number;
  /** At most this many reads (default 60: a minute). */
  maxReads?: number;
  /** Each read, as it comes (the page shows it). */
  onRead?: (row: T) => void;
  /** Stop early (the page was left). */
  cancelled?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a message again until it is settled (delivered or dead), or the reads run out: the last
 * read (null when it could not be read) and whether it settled. A failed read counts as a read. */
export async function rereadUntilSettled<T extends { status: ExchangeStatus }>(
  read: () => Promise<T | null>,
  options: RereadOptions<T> = {},
): Promise<{ last: T | null; settled: boolean }> {
  const { intervalMs = 1000, maxReads = 60, onRead, cancelled = () => false, sleep: wait = sleep } = options;
  let last: T | null = null;
  for (let n = 0; n < maxReads; n += 1) {
    await wait(intervalMs);
    if (cancelled()) break;
    let row: T | null = null;
    try {
      row = await read();
    } catch {
      row = null;
    }
    if (row) {
      last = row;
      onRead?.(row);
      if (settled(row.status)) return { last, settled: true };
    }
  }
  return { last, settled: false };
}

/** The log's filters in the URL: partner code, direction, statuses (comma-separated), case number. */
export type LogFilters = { partner?: string; direction?: string; status?: string; case?: string };
export const LOG_SPEC: FilterSpec<LogFilters> = {
  defaults: { partner: undefined, direction: undefined, status: undefined, case: undefined },
  allowed: { direction: Object.keys(EXCHANGE_DIRECTIONS) },
};

/** The statuses in a `status` filter value ("DEAD,REFUSED"), known ones only, each once. */
export function statusList(value: string | undefined): ExchangeStatus[] {
  const known = Object.keys(EXCHANGE_STATUSES);
  return [...new Set((value ?? '').split(',').map((s) => s.trim().toUpperCase()))].filter((s): s is ExchangeStatus => known.includes(s));
}

export function parseLogFilters(query: RouteQuery): LogFilters {
  const f = parseFilters(query, LOG_SPEC);
  const statuses = statusList(f.status);
  return { ...f, status: statuses.length ? statuses.join(',') : undefined };
}

export function logQuery(f: { partner?: string; direction?: string; statuses?: readonly string[]; case?: string }): Record<string, string> {
  const status = statusList((f.statuses ?? []).join(',')).join(',');
  return toQuery({ partner: f.partner?.trim() || undefined, direction: f.direction || undefined, status: status || undefined,
    case: f.case?.trim() || undefined }, LOG_SPEC);
}

export function logFilterInput(f: LogFilters): ExchangeLogFilter {
  const statuses = statusList(f.status);
  return {
    partnerCode: f.partner ?? null,
    direction: (f.direction as ExchangeDirection | undefined) ?? null,
    statuses: statuses.length ? statuses : null,
    caseNumber: f.case ?? null,
  };
}

// --- reconciliation ---------------------------------------------------------------------------------

export interface RunParts {
  id: string;
  partnerCode: string;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  checked: number;
  differences: number;
  error: string;
}

/** The run's result: 对方未应答 (nothing compared), N 处差异, 一致, or 进行中. */
export function runOutcome(run: Pick<RunParts, 'finishedAt' | 'differences' | 'error'>): { text: string; type: TagType } {
  if (run.error) return { text: UNREACHABLE, type: 'danger' };
  if (!run.finishedAt) return { text: '进行中', type: 'info' };
  if (run.differences > 0) return { text: `${run.differences} 处差异`, type: 'warning' };
  return { text: '一致', type: 'success' };
}

export interface PartnerRuns<P, R> {
  partner: P;
  latest: R | null;
  /** Its earlier runs, newest first (at most `history`). */
  earlier: R[];
}

/** Each partner (in the order given) with its latest run and a few before it; `runs` newest first,
 * as the graph answers them. */
export function runsByPartner<P extends { code: string }, R extends Pick<RunParts, 'partnerCode'>>(
  partners: readonly P[],
  runs: readonly R[],
  history = 4,
): PartnerRuns<P, R>[] {
  const by = new Map<string, R[]>();
  for (const r of runs) {
    const list = by.get(r.partnerCode) ?? [];
    list.push(r);
    by.set(r.partnerCode, list);
  }
  return partners.map((partner) => {
    const list = by.get(partner.code) ?? [];
    return { partner, latest: list[0] ?? null, earlier: list.slice(1, 1 + history) };
  });
}

/** Why 立即对账 is not offered for a partner (null when it is). */
export function cannotReconcile(p: { isActive: boolean; keys: readonly unknown[] }): string | null {
  if (!p.isActive) return '已停用';
  if (!p.keys.length) return '没有签名密钥';
  return null;
}

/** The differences' filters in the URL: partner code, and open (default), closed or all. */
export type DifferenceFilters = { partner?: string; state?: string };
export const DIFFERENCE_STATES: Record<string, string> = { open: '未处理', closed: '已处理', all: '全部' };
export const DIFFERENCE_SPEC: FilterSpec<DifferenceFilters> = {
  defaults: { partner: undefined, state: 'open' },
  allowed: { state: Object.keys(DIFFERENCE_STATES) },
};

export function differenceFilterInput(f: DifferenceFilters): ExchangeDifferenceFilter {
  const state = f.state ?? 'open';
  return { partnerCode: f.partner ?? null, open: state === 'open' ? true : state === 'closed' ? false : null };
}
