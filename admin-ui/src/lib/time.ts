// China time (Asia/Shanghai) for every date and time the admin UI shows, whatever the browser's
// zone: the server's instants (DateTime, ISO 8601 with an offset) are shown as the China wall clock,
// calendar dates (Date, YYYY-MM-DD) are shown as they are, and "today" is today in China. Nothing in
// src/ formats a date any other way (no toLocale*, no getHours on a Date; tests/time.test.ts runs
// these under America/New_York).

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The China wall clock of an instant. */
export interface ChinaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

type Instant = Date | string | number;

function toDate(value: Instant): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function chinaParts(value: Instant): ChinaParts | null {
  const d = toDate(value);
  if (!d) return null;
  const out: Record<string, number> = {};
  for (const p of PARTS.formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (p: Pick<ChinaParts, 'year' | 'month' | 'day'>) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;

/** A calendar date (YYYY-MM-DD) stays the day it names; anything else is an instant. */
function calendarDate(value: string): Pick<ChinaParts, 'year' | 'month' | 'day'> | null {
  const m = ISO_DATE.exec(value);
  return m && isIsoDate(value) ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** "2025-06-30 09:05" in China time; "—" for nothing; an unreadable value as it came. */
export function formatDateTime(value: Instant | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = chinaParts(value);
  if (!p) return String(value);
  return `${ymd(p)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2025-06-30": the China date of an instant, or a calendar date as it is. */
export function formatDate(value: Instant | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    const day = calendarDate(value);
    if (day) return ymd(day);
  }
  const p = chinaParts(value);
  return p ? ymd(p) : String(value);
}

/** "2025年6月30日" (printed notices): the China date of an instant, or a calendar date. */
export function formatChineseDate(value: Instant | null | undefined): string {
  const text = formatDate(value);
  const m = ISO_DATE.exec(text);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : text;
}

/** Today in China, YYYY-MM-DD. */
export function chinaToday(now: Instant = new Date()): string {
  const p = chinaParts(now);
  if (!p) throw new RangeError(`不是有效的时间：${String(now)}`);
  return ymd(p);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(text: string | null | undefined): text is string {
  if (!text || !ISO_DATE.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/** The calendar date `days` after (before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from one calendar date to another (the same day: 0). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar day a date picker's cell stands for. Element Plus builds each cell as local
 * midnight of the day it shows, so the browser's own calendar is the right one here, and only
 * here: compare it with chinaToday(), never with the browser's today. */
export function pickerDay(cell: Date): string {
  return `${cell.getFullYear()}-${pad(cell.getMonth() + 1)}-${pad(cell.getDate())}`;
}
