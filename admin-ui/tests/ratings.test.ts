// 差评整改 cards: which actions each state offers to whom, the card colour, the texts checked as the
// server checks them, and the measures as percentages.
import { describe, expect, it } from 'vitest';

import { actionsFor, cardTag, percent, STARS, textError, type CardState } from '../src/lib/ratings';

const r = (status: string, extra: Partial<CardState> = {}): CardState => ({
  status, card: null, extended: false, needsRevisit: false, review: null, ...extra,
});

describe('a rectification card', () => {
  it('offers the department its moves by state', () => {
    expect(actionsFor(r('pending'), ['DEPT_REVIEWER'])).toEqual(['start', 'finish', 'unable', 'appeal', 'extend']);
    expect(actionsFor(r('in_progress', { extended: true, review: 'rejected' }), ['DEPT_REVIEWER'])).toEqual(['finish', 'unable']);
    expect(actionsFor(r('done', { needsRevisit: true }), ['DEPT_REVIEWER'])).toEqual(['revisit']);
    expect(actionsFor(r('done'), ['DEPT_REVIEWER'])).toEqual([]);
  });

  it('leaves the reviews to supervisors and the city', () => {
    expect(actionsFor(r('unable_review'), ['DEPT_REVIEWER'])).toEqual([]);
    expect(actionsFor(r('unable_review'), ['HALL_SUPERVISOR'])).toEqual(['reviewUnable']);
    expect(actionsFor(r('appealed'), ['HALL_SUPERVISOR'])).toEqual([]);
    expect(actionsFor(r('appealed'), ['CITY_ADMIN'])).toEqual(['reviewAppeal']);
    expect(actionsFor(r('pending'), ['COUNTY_VIEWER'])).toEqual([]);
  });

  it('is red past the due day, yellow on it, green once closed', () => {
    expect(cardTag(r('in_progress', { card: 'red' }))).toEqual({ type: 'danger', text: '红牌（已超期）' });
    expect(cardTag(r('pending', { card: 'yellow' })).type).toBe('warning');
    expect(cardTag(r('done')).type).toBe('success');
    expect(cardTag(r('pending')).type).toBe('info');
  });

  it('checks texts and shows measures', () => {
    expect(textError(' ', '整改措施')).toBe('请填写整改措施');
    expect(textError('已培训窗口人员', '整改措施')).toBe('');
    expect(textError('x'.repeat(1001), '申诉理由')).toBe('申诉理由不能超过 1000 个字');
    expect(percent(0.712)).toBe('71.2%');
    expect(percent(null)).toBe('—');
    expect(STARS(2)).toBe('★★☆☆☆');
  });
});
