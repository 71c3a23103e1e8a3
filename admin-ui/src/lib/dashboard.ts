// Data shaping for the statistics dashboard: the filter in the URL, and the series each chart draws
// from the rows of caseStatistics. Pure functions (tests/dashboard.test.ts).

import type { RouteQuery } from './filters';
import { addDays, chinaToday, daysBetween, isIsoDate } from './time';

export interface StatRow {
  key: string;
  name: string;
  submitted: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  onTimeRate: number | null;
  avgWorkingDays: number | null;
  avgCommittedDays: number | null;
  overdueOpen: number;
  nearDue: number;
}

export interface DashboardFilter {
  from: string; // YYYY-MM-DD
  to: string;
  region?: string;
}

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

function spanDays(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

function first(value: RouteQuery[string]): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v == null || v === '' ? undefined : String(v);
}

/** The filter from the URL; a missing or invalid range is the last 30 days up to today in China. */
export function parseDashboardQuery(query: RouteQuery, now: Date = new Date()): DashboardFilter {
  const end = chinaToday(now);
  const start = addDays(end, -(DEFAULT_DAYS - 1));
  let from = first(query.from);
  let to = first(query.to);
  if (!isIsoDate(from) || !isIsoDate(to) || spanDays(from, to) < 1 || spanDays(from, to) > MAX_DAYS) {
    from = start;
    to = end;
  }
  const region = first(query.region);
  return { from, to, ...(region && /^\d{6,12}$/.test(region) ? { region } : {}) };
}

export function toDashboardQuery(f: DashboardFilter): Record<string, string> {
  return { from: f.from, to: f.to, ...(f.region ? { region: f.region } : {}) };
}

export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function days(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(1);
}

/** Case volume per day: one label per day, submitted / accepted / completed. */
export function volumeSeries(rows: readonly StatRow[]) {
  return {
    labels: rows.map((r) => r.key.slice(5)),
    submitted: rows.map((r) => r.submitted),
    accepted: rows.map((r) => r.accepted),
    completed: rows.map((r) => r.completed),
  };
}

/** On-time rate per county in percent (one decimal), counties with nothing concluded left out. */
export function onTimeByCounty(rows: readonly StatRow[]) {
  const shown = rows.filter((r) => r.completed > 0 && r.onTimeRate != null);
  return { names: shown.map((r) => r.name), rates: shown.map((r) => Math.round((r.onTimeRate ?? 0) * 1000) / 10) };
}

/** Average working days used against the committed limit, the `top` departments by cases concluded. */
export function daysVsLimit(rows: readonly StatRow[], top = 15) {
  const shown = rows
    .filter((r) => r.completed > 0)
    .slice()
    .sort((a, b) => b.completed - a.completed || a.key.localeCompare(b.key))
    .slice(0, top);
  return {
    names: shown.map((r) => r.name),
    used: shown.map((r) => r.avgWorkingDays ?? 0),
    committed: shown.map((r) => r.avgCommittedDays ?? 0),
  };
}

/** Open cases past their deadline (and in their yellow days) per county, the worst first. */
export function overdueByCounty(rows: readonly StatRow[]) {
  const shown = rows
    .filter((r) => r.overdueOpen > 0 || r.nearDue > 0)
    .slice()
    .sort((a, b) => b.overdueOpen - a.overdueOpen || b.nearDue - a.nearDue || a.key.localeCompare(b.key));
  return { names: shown.map((r) => r.name), overdue: shown.map((r) => r.overdueOpen), nearDue: shown.map((r) => r.nearDue) };
}

/** Nothing to show: no case submitted, concluded or open in the range. */
export function isEmpty(totals: Pick<StatRow, 'submitted' | 'completed' | 'overdueOpen' | 'nearDue' | 'accepted'> | null): boolean {
  return !totals || totals.submitted + totals.accepted + totals.completed + totals.overdueOpen + totals.nearDue === 0;
}
