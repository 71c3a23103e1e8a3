// The complaints board and the hall's day: columns with red and yellow cards first, the next steps a
// handler or a supervisor may take, the notes' checks (as the server's), and when check-in is offered.
import { describe, expect, it } from 'vitest';

import { boardColumns, canCheckIn, cardTag, nextSteps, noteError } from '../src/lib/complaints';

const row = (n: number, status: string, deadline: string, card: 'RED' | 'YELLOW' | null = null) => ({ n, status, deadline, card });

describe('the supervisor’s board', () => {
  it('puts each complaint in its column, red before yellow before the rest, then by deadline', () => {
    const cols = boardColumns([
      row(1, 'ASSIGNED', '2026-12-20'), row(2, 'HANDLED', '2026-12-25', 'YELLOW'), row(3, 'ASSIGNED', '2026-12-30', 'RED'),
      row(4, 'ACCEPTED', '2026-12-18'), row(5, 'ANSWERED', '2026-12-10'), row(6, 'CLOSED', '2026-12-01'),
      row(7, 'ASSIGNED', '2026-12-19'),
    ]);
    expect(cols.map((c) => [c.key, c.rows.map((r) => r.n)])).toEqual([
      ['new', [4]], ['doing', [3, 2, 7, 1]], ['answered', [5]], ['done', [6]],
    ]);
  });

  it('labels the cards', () => {
    expect(cardTag('RED')).toEqual({ type: 'danger', text: '红牌 · 已超期' });
    expect(cardTag('YELLOW')?.type).toBe('warning');
    expect(cardTag(null)).toBeNull();
  });
});

describe('the next step', () => {
  const handler = { handler: true, supervisor: false, extended: false };
  const supervisor = { handler: false, supervisor: true, extended: false };
  it('offers the handler handling, then answering, and one extension', () => {
    expect(nextSteps('ASSIGNED', handler)).toEqual(['extend', 'handle']);
    expect(nextSteps('HANDLED', handler)).toEqual(['extend', 'answer']);
    expect(nextSteps('HANDLED', { ...handler, extended: true })).toEqual(['answer']);
    expect(nextSteps('ANSWERED', handler)).toEqual([]);
  });
  it('offers the supervisor assigning, revisiting and closing', () => {
    expect(nextSteps('ACCEPTED', supervisor)).toEqual(['assign', 'extend']);
    expect(nextSteps('ANSWERED', supervisor)).toEqual(['revisit']);
    expect(nextSteps('REVISITED', supervisor)).toEqual(['close']);
    expect(nextSteps('CLOSED', supervisor)).toEqual([]);
  });
  it('checks the notes the server requires', () => {
    expect(noteError('answer', ' ')).toBe('请填写答复内容');
    expect(noteError('extend', '')).toBe('请填写延期理由');
    expect(noteError('close', '')).toBe('');
    expect(noteError('handle', '已约谈')).toBe('');
    expect(noteError('answer', 'x'.repeat(1001))).toBe('最多 1000 字');
  });
});

describe('the hall’s day', () => {
  it('offers check-in for a booking of today only', () => {
    expect(canCheckIn({ status: 'BOOKED', date: '2026-12-07' }, '2026-12-07')).toBe(true);
    expect(canCheckIn({ status: 'BOOKED', date: '2026-12-08' }, '2026-12-07')).toBe(false);
    expect(canCheckIn({ status: 'ATTENDED', date: '2026-12-07' }, '2026-12-07')).toBe(false);
  });
});
