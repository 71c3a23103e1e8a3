// 二手房转移登记 · 水电气暖网联动过户 in the admin UI, as pure functions the page
// (src/pages/bundles/RealEstateTransfer.vue) uses and tests/realestate.test.ts checks: each utility's
// tag and whether its delivery is being retried, the summary line, the list of transfers among a
// queue's bundles, and the deed tax form's checks (the server checks the same and stays the authority).
import type { TagType } from './bundles';

export const THEME = 'second-hand-house';

export interface UtilityRow {
  key: string;
  state: string; // waiting | open | completed | failed | held
  stateLabel: string;
  partnerDelivery?: string | null;
}

export const UTILITY_TAGS: Record<string, TagType> = {
  waiting: 'info', open: 'primary', completed: 'success', failed: 'danger', held: 'warning',
};

/** Whether the platform is still trying to reach the utility's system (its delivery is retried). */
export function retrying(u: UtilityRow): boolean {
  return u.state === 'open' && (u.partnerDelivery ?? '').includes('自动重试');
}

/** A utility's tag: a delivery being retried shows as a warning, whatever else holds. */
export function utilityTag(u: UtilityRow): TagType {
  return retrying(u) ? 'warning' : (UTILITY_TAGS[u.state] ?? 'info');
}

/** "已过户 3/5 项，1 项正在重试转送" — or what is still to come before the registration. */
export function utilitySummary(rows: readonly UtilityRow[]): string {
  if (rows.length === 0) return '未选择联动过户';
  if (rows.every((u) => u.state === 'waiting')) return `${rows.length} 项过户待转移登记完成后自动推送`;
  const done = rows.filter((u) => u.state === 'completed').length;
  const parts = [`已过户 ${done}/${rows.length} 项`];
  const again = rows.filter(retrying).length;
  if (again) parts.push(`${again} 项正在重试转送`);
  const failed = rows.filter((u) => u.state === 'failed').length;
  if (failed) parts.push(`${failed} 项未办成`);
  return parts.join('，');
}

/** The real-estate transfers among a page of bundles (the queue holds every theme). */
export function transfersOf<T extends { themeCode: string }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.themeCode === THEME);
}

/** The deed tax amount as typed: an error in Chinese, or '' (more than 0, at most 1 亿, at most two decimals). */
export function amountError(text: string): string {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return '税款金额应为数字（元）';
  const [, decimals = ''] = t.split('.');
  if (decimals.length > 2) return '税款金额最多保留两位小数（分）';
  const value = Number(t);
  if (!(value > 0) || value > 100_000_000) return '税款金额应大于 0 元且不超过 1 亿元';
  return '';
}

/** The receipt number as typed: an error in Chinese, or ''. */
export function receiptError(text: string): string {
  return /^[0-9A-Za-z-]{6,32}$/.test(text.trim()) ? '' : '完税凭证号应为 6–32 位数字、字母或连字符';
}
