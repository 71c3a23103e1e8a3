import { describe, expect, it } from 'vitest';

import {
  type StatRow,
  daysVsLimit,
  isEmpty,
  onTimeByCounty,
  overdueByCounty,
  parseDashboardQuery,
  percent,
  toDashboardQuery,
  volumeSeries,
} from '../src/lib/dashboard';

function row(key: string, over: Partial<StatRow> = {}): StatRow {
  return {
    key, name: `名${key}`, submitted: 0, accepted: 0, completed: 0, completedOnTime: 0, onTimeRate: null,
    avgWorkingDays: null, avgCommittedDays: null, overdueOpen: 0, nearDue: 0, ...over,
  };
}

const TODAY = new Date('2025-06-30T10:00:00+08:00'); // 2025-06-30 in China

describe('the filter in the URL', () => {
  it('defaults to the last 30 days', () => {
    expect(parseDashboardQuery({}, TODAY)).toEqual({ from: '2025-06-01', to: '2025-06-30' });
  });
  it('keeps a valid range and region', () => {
    expect(parseDashboardQuery({ from: '2025-01-01', to: '2025-03-31', region: '371525' }, TODAY)).toEqual({
      from: '2025-01-01', to: '2025-03-31', region: '371525',
    });
  });
  it('drops a reversed, impossible or too long range, and a malformed region', () => {
    const fallback = { from: '2025-06-01', to: '2025-06-30' };
    expect(parseDashboardQuery({ from: '2025-03-31', to: '2025-01-01' }, TODAY)).toEqual(fallback);
    expect(parseDashboardQuery({ from: '2025-02-30', to: '2025-03-01' }, TODAY)).toEqual(fallback);
    expect(parseDashboardQuery({ from: '2023-01-01', to: '2025-01-01' }, TODAY)).toEqual(fallback);
    expect(parseDashboardQuery({ region: "371525' OR 1=1" }, TODAY)).toEqual(fallback);
  });
  it('round-trips', () => {
    const f = { from: '2025-05-01', to: '2025-05-31', region: '371522' };
    expect(parseDashboardQuery(toDashboardQuery(f), TODAY)).toEqual(f);
    expect(toDashboardQuery({ from: '2025-05-01', to: '2025-05-31' })).toEqual({ from: '2025-05-01', to: '2025-05-31' });
  });
});

describe('series', () => {
  it('volume per day', () => {
    const s = volumeSeries([row('2025-06-01', { submitted: 3, accepted: 2, completed: 1 }), row('2025-06-02')]);
    expect(s).toEqual({ labels: ['06-01', '06-02'], submitted: [3, 0], accepted: [2, 0], completed: [1, 0] });
  });
  it('on-time rate per county in percent, counties with nothing concluded left out', () => {
    const s = onTimeByCounty([
      row('', { name: '市本级', completed: 3, onTimeRate: 0.6667 }),
      row('371522', { name: '莘县', completed: 0 }),
      row('371525', { name: '冠县', completed: 2, onTimeRate: 1 }),
    ]);
    expect(s).toEqual({ names: ['市本级', '冠县'], rates: [66.7, 100] });
  });
  it('the top departments by cases concluded', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`D${String(i).padStart(2, '0')}`, {
      completed: i, avgWorkingDays: i / 2, avgCommittedDays: 5,
    }));
    const s = daysVsLimit(rows, 15);
    expect(s.names).toHaveLength(15);
    expect(s.names[0]).toBe('名D19');
    expect(s.used[0]).toBe(9.5);
    expect(s.names).not.toContain('名D00');
    expect(s.committed.every((c) => c === 5)).toBe(true);
  });
  it('overdue per county, the worst first, counties without any left out', () => {
    const s = overdueByCounty([
      row('371521', { name: '阳谷县', overdueOpen: 1, nearDue: 4 }),
      row('371522', { name: '莘县' }),
      row('371525', { name: '冠县', overdueOpen: 5 }),
      row('371526', { name: '高唐县', nearDue: 2 }),
    ]);
    expect(s).toEqual({ names: ['冠县', '阳谷县', '高唐县'], overdue: [5, 1, 0], nearDue: [0, 4, 2] });
  });
  it('formats and emptiness', () => {
    expect(percent(0.98765)).toBe('98.8%');
    expect(percent(null)).toBe('—');
    expect(isEmpty(null)).toBe(true);
    expect(isEmpty(row('t'))).toBe(true);
    expect(isEmpty(row('t', { nearDue: 1 }))).toBe(false);
  });
});
