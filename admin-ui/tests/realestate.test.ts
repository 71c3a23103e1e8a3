// The real-estate transfer page's logic: each utility's state, the summary, the transfers among a
// queue's bundles, and the deed tax form's checks (as the server's).
import { describe, expect, it } from 'vitest';

import { amountError, receiptError, retrying, transfersOf, utilitySummary, utilityTag, type UtilityRow } from '../src/lib/realestate';

const u = (key: string, state: string, partnerDelivery: string | null = null): UtilityRow => ({
  key, state, stateLabel: state, partnerDelivery,
});
const RETRY = '办理单位暂未响应，系统正在自动重试（已尝试 7 次）';

describe('each utility’s transfer', () => {
  it('shows a delivery being retried as a warning, the others by their state', () => {
    expect(retrying(u('gas', 'open', RETRY))).toBe(true);
    expect(retrying(u('water', 'open', '已送达办理单位'))).toBe(false);
    expect(retrying(u('gas', 'completed', RETRY))).toBe(false);
    expect(utilityTag(u('gas', 'open', RETRY))).toBe('warning');
    expect(utilityTag(u('water', 'open', '已送达办理单位'))).toBe('primary');
    expect(utilityTag(u('power', 'completed'))).toBe('success');
    expect(utilityTag(u('heat', 'failed'))).toBe('danger');
    expect(utilityTag(u('broadband', 'waiting'))).toBe('info');
  });

  it('sums them up in one line', () => {
    expect(utilitySummary([])).toBe('未选择联动过户');
    expect(utilitySummary([u('water', 'waiting'), u('gas', 'waiting')])).toBe('2 项过户待转移登记完成后自动推送');
    expect(utilitySummary([u('water', 'completed'), u('power', 'completed'), u('gas', 'open', RETRY), u('heat', 'failed')]))
      .toBe('已过户 2/4 项，1 项正在重试转送，1 项未办成');
    expect(utilitySummary([u('water', 'completed'), u('gas', 'completed')])).toBe('已过户 2/2 项');
  });
});

describe('the transfers and the deed tax form', () => {
  it('keeps the second-hand-house bundles of a queue', () => {
    const rows = [{ themeCode: 'second-hand-house', n: 1 }, { themeCode: 'enterprise-startup', n: 2 }, { themeCode: 'second-hand-house', n: 3 }];
    expect(transfersOf(rows).map((r) => r.n)).toEqual([1, 3]);
  });

  it('checks the amount and the receipt as the server does', () => {
    expect(amountError('9600')).toBe('');
    expect(amountError(' 9600.50 ')).toBe('');
    expect(amountError('9600.001')).toBe('税款金额最多保留两位小数（分）');
    expect(amountError('0')).toBe('税款金额应大于 0 元且不超过 1 亿元');
    expect(amountError('200000000')).toBe('税款金额应大于 0 元且不超过 1 亿元');
    expect(amountError('九千')).toBe('税款金额应为数字（元）');
    expect(receiptError('SW37150020251103001')).toBe('');
    expect(receiptError('12')).toBe('完税凭证号应为 6–32 位数字、字母或连字符');
  });
});
