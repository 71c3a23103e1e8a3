// The admin UI shows China time whatever the browser's zone: these run under America/New_York
// (tests/setup.ts), 12 or 13 hours behind, so a date formatted in the browser's zone would show the
// day before between 00:00 and 12:00 China time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { parseDashboardQuery } from '../src/lib/dashboard';
import {
  addDays, CHINA_TIME_ZONE, chinaParts, chinaToday, formatChineseDate, formatDate, formatDateTime, isIsoDate, pickerDay,
} from '../src/lib/time';

describe('the test zone', () => {
  it('is not China', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
    expect(new Date('2025-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
    expect(CHINA_TIME_ZONE).toBe('Asia/Shanghai');
  });
});

describe('instants are shown on the China clock', () => {
  it('just after midnight China time, the China date (New York is still on the day before)', () => {
    const instant = '2025-06-30T16:30:00Z'; // 2025-07-01 00:30 in China, 2025-06-30 12:30 in New York
    expect(new Date(instant).getDate()).toBe(30); // the browser's own calendar
    expect(formatDateTime(instant)).toBe('2025-07-01 00:30');
    expect(formatDate(instant)).toBe('2025-07-01');
    expect(formatChineseDate(instant)).toBe('2025年7月1日');
  });

  it('whatever offset the server writes', () => {
    expect(formatDateTime('2025-07-01T00:30:00+08:00')).toBe('2025-07-01 00:30');
    expect(formatDateTime('2025-06-30T12:30:00-04:00')).toBe('2025-07-01 00:30');
    expect(formatDateTime(new Date(Date.UTC(2025, 0, 1, 15, 59)))).toBe('2025-01-01 23:59');
    expect(formatDateTime(Date.UTC(2025, 0, 1, 16, 0))).toBe('2025-01-02 00:00');
  });

  it('midnight is 00, not 24, and New York summer time does not move China time', () => {
    expect(chinaParts('2025-03-08T16:00:00Z')).toEqual({ year: 2025, month: 3, day: 9, hour: 0, minute: 0, second: 0 });
    // New York moves its clocks on 2025-03-09 and 2025-11-02; China does not
    expect(formatDateTime('2025-03-09T07:00:00Z')).toBe('2025-03-09 15:00');
    expect(formatDateTime('2025-11-02T06:30:00Z')).toBe('2025-11-02 14:30');
  });

  it('nothing is a dash, and an unreadable value is shown as it came', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('calendar dates and today', () => {
  it('a calendar date stays the day it names', () => {
    expect(formatDate('2025-07-01')).toBe('2025-07-01');
    expect(formatChineseDate('2025-07-01')).toBe('2025年7月1日');
    expect(formatChineseDate('2025-12-31')).toBe('2025年12月31日');
  });

  it('today is the China date', () => {
    expect(chinaToday(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
    expect(chinaToday(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
  });

  it('checks and counts calendar dates without a zone', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-7-1')).toBe(false);
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-08', 2)).toBe('2025-03-10'); // across New York's clock change
  });

  it('a date picker cell is the day it shows', () => {
    expect(pickerDay(new Date(2025, 6, 1))).toBe('2025-07-01');
  });

  it('the dashboard defaults to the 30 days up to today in China', () => {
    // 00:30 on 1 July in China, still 12:30 on 30 June in New York
    expect(parseDashboardQuery({}, new Date('2025-07-01T00:30:00+08:00'))).toEqual({ from: '2025-06-02', to: '2025-07-01' });
  });
});

describe('one formatting module', () => {
  it('nothing in src/ but lib/time.ts reads a Date in the browser zone or formats one itself', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
    const local = /toLocale\w*String|\.get(FullYear|Month|Date|Day|Hours|Minutes|Seconds|TimezoneOffset)\(|Intl\.DateTimeFormat|dayjs/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|vue)$/.test(entry.name) && full !== path.join(src, 'lib', 'time.ts')) {
          readFileSync(full, 'utf8').split('\n').forEach((line, i) => {
            if (local.test(line)) offenders.push(`${path.relative(src, full)}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
