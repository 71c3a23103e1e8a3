// The signed exchange in the admin UI (src/lib/exchange.ts, src/lib/clipboard.ts): what the partner
// dialog sends, the keys during a rotation, which messages may be sent again and when re-reading one
// stops, the log's and the differences' filters in the URL, and each partner's latest runs.
import { describe, expect, it, vi } from 'vitest';

import { copyText } from '../src/lib/clipboard';
import {
  canRetire, canRetry, cannotReconcile, DIFFERENCE_SPEC, differenceFilterInput, eventLabel, keyRole, logFilterInput, logQuery, newPartnerForm,
  noRetryReason, oursLabel, parseLogFilters, partnerFields, partnerFormOf, prettyJson, rereadUntilSettled, runOutcome,
  runsByPartner, settled, signingKey, statusList, theirsLabel, verificationLabel, withRoute,
} from '../src/lib/exchange';
import { parseFilters } from '../src/lib/filters';

const partner = {
  id: 'UGFydG5lcjox', code: 'lc-bank', name: '聊城农商银行', kind: 'BANK' as const, regionCode: '371500',
  baseUrl: 'https://bank.example/exchange', timeoutSeconds: 5, maxAttempts: 8, routes: ['200100010000'], isActive: true,
};

describe('the partner dialog', () => {
  it('registers with every setting, trimmed', () => {
    const form = { ...newPartnerForm('371500'), name: ' 聊城农商银行 ', baseUrl: ' https://bank.example/x ', routes: ['200100010000'] };
    expect(form).toMatchObject({ kind: 'BANK', regionCode: '371500', timeoutSeconds: 5, maxAttempts: 8, isActive: true });
    expect(partnerFields(form)).toEqual({
      name: '聊城农商银行', kind: 'BANK', regionCode: '371500', baseUrl: 'https://bank.example/x', routes: ['200100010000'],
      timeoutSeconds: 5, maxAttempts: 8, isActive: true,
    });
  });

  it('sends only what changed when editing, nothing when nothing did', () => {
    const before = partnerFormOf(partner);
    expect(partnerFields(partnerFormOf(partner), before)).toEqual({});
    const form = partnerFormOf(partner);
    form.name = '聊城农商银行 ';
    form.timeoutSeconds = 2.5;
    form.isActive = false;
    form.routes = withRoute(form.routes, '100150001000');
    expect(partnerFields(form, before)).toEqual({ timeoutSeconds: 2.5, isActive: false, routes: ['200100010000', '100150001000'] });
    // the form is a copy: editing it leaves the partner as it was
    expect(partner.routes).toEqual(['200100010000']);
    // the same routes in another order are a change (the order is what the admin picked)
    form.routes = ['100150001000', '200100010000'];
    expect(partnerFields(form, before).routes).toEqual(['100150001000', '200100010000']);
  });

  it('adds a route once', () => {
    expect(withRoute(['200100010000'], '200100010000')).toEqual(['200100010000']);
    expect(withRoute(['200100010000'], ' 100150001000 ')).toEqual(['200100010000', '100150001000']);
    expect(withRoute([], ' ')).toEqual([]);
  });
});

describe('signing keys', () => {
  const k2 = { id: 'k2', fingerprint: 'ab12cd34ef56', createdAt: '2025-06-30T01:00:00+00:00', signs: true };
  const k1 = { id: 'k1', fingerprint: '0011aabbccdd', createdAt: '2025-06-01T01:00:00+00:00', signs: false };
  it('the newest signs, the previous only verifies until it is retired', () => {
    expect(keyRole(k2)).toBe('签名');
    expect(keyRole(k1)).toContain('仅验证');
    expect(signingKey([k2, k1])).toBe(k2);
    expect(signingKey([])).toBeNull();
    expect(canRetire([k2, k1])).toBe(true);
    expect(canRetire([k2])).toBe(false);
  });
});

describe('the exchange log', () => {
  it('offers 重发 for a dead message sent from here, not for a status query or one received', () => {
    expect(canRetry({ direction: 'OUT', status: 'DEAD', event: 'case.routed' })).toBe(true);
    expect(canRetry({ direction: 'OUT', status: 'DELIVERED', event: 'case.routed' })).toBe(false);
    expect(canRetry({ direction: 'OUT', status: 'DEAD', event: 'case.status_query' })).toBe(false);
    expect(noRetryReason({ direction: 'OUT', status: 'DEAD', event: 'case.status_query' })).toContain('重新对账');
    expect(noRetryReason({ direction: 'OUT', status: 'DEAD', event: 'case.routed' })).toBeNull();
    expect(noRetryReason({ direction: 'OUT', status: 'PENDING', event: 'case.routed' })).toBeNull();
  });

  it('labels events, verification and statuses in Chinese, unknown ones as they came', () => {
    expect(eventLabel('case.routed')).toBe('转送办件');
    expect(eventLabel('case.other')).toBe('case.other');
    expect(verificationLabel('IN', 'bad_signature')).toBe('签名不符');
    expect(verificationLabel('IN', 'stale')).toContain('±5 分钟');
    expect(verificationLabel('OUT', '')).toContain('本平台签名');
    expect(verificationLabel('IN', 'odd')).toBe('odd');
    expect(oursLabel('accepted')).toBe('已受理');
    expect(oursLabel('under_review')).toBe('审查中');
    expect(theirsLabel('approved')).toBe('已准予');
    expect(theirsLabel('')).toBe('无此件');
    expect(prettyJson({})).toBe('（空）');
    expect(prettyJson(null)).toBe('（空）');
    expect(prettyJson({ a: { b: 1 } })).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
  });

  it('keeps its filters in the URL: statuses comma-separated, known ones once', () => {
    expect(statusList('dead, REFUSED,DEAD,bogus')).toEqual(['DEAD', 'REFUSED']);
    expect(statusList(undefined)).toEqual([]);
    const f = parseLogFilters({ partner: 'lc-bank', direction: 'SIDEWAYS', status: 'DEAD,bogus', case: ' 3715-1 ' });
    expect(f).toEqual({ partner: 'lc-bank', direction: undefined, status: 'DEAD', case: '3715-1' });
    expect(logFilterInput(f)).toEqual({ partnerCode: 'lc-bank', direction: null, statuses: ['DEAD'], caseNumber: '3715-1' });
    expect(logFilterInput(parseLogFilters({}))).toEqual({ partnerCode: null, direction: null, statuses: null, caseNumber: null });
    expect(logQuery({ partner: 'lc-bank', direction: 'OUT', statuses: ['REFUSED', 'DEAD'], case: ' ' })).toEqual({
      partner: 'lc-bank', direction: 'OUT', status: 'REFUSED,DEAD',
    });
    expect(logQuery({ partner: '', direction: '', statuses: [], case: '' })).toEqual({});
  });
});

describe('re-reading a message sent again', () => {
  const noWait = () => Promise.resolve();

  it('stops at the first settled read, showing each read', async () => {
    const reads = ['PENDING', 'SENDING', 'DELIVERED', 'DELIVERED'].map((status) => ({ status: status as 'PENDING' }));
    const read = vi.fn(async () => reads.shift() ?? null);
    const seen: string[] = [];
    const out = await rereadUntilSettled(read, { sleep: noWait, onRead: (r) => seen.push(r.status) });
    expect(out).toEqual({ last: { status: 'DELIVERED' }, settled: true });
    expect(seen).toEqual(['PENDING', 'SENDING', 'DELIVERED']);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('gives up after the reads run out; a failed read counts as one', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('无法连接服务器')).mockResolvedValue({ status: 'PENDING' });
    const sleep = vi.fn(noWait);
    const out = await rereadUntilSettled(read, { sleep, maxReads: 3, intervalMs: 250 });
    expect(out).toEqual({ last: { status: 'PENDING' }, settled: false });
    expect(read).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledWith(250);
  });

  it('stops when the page is left', async () => {
    const read = vi.fn(async () => ({ status: 'PENDING' as const }));
    let left = false;
    const out = rereadUntilSettled(read, { sleep: async () => { left = read.mock.calls.length >= 1; }, cancelled: () => left });
    expect((await out).settled).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('treats delivered, dead and the received outcomes as settled, pending and sending not', () => {
    expect(['DELIVERED', 'DEAD', 'APPLIED', 'IGNORED', 'REFUSED'].every((s) => settled(s as 'DEAD'))).toBe(true);
    expect(settled('PENDING') || settled('SENDING')).toBe(false);
  });
});

describe('reconciliation', () => {
  const run = (id: string, partnerCode: string, over: Partial<{ finishedAt: string | null; differences: number; error: string }> = {}) => ({
    id, partnerCode, trigger: 'nightly', startedAt: '2025-06-30T18:00:00+00:00', finishedAt: '2025-06-30T18:00:02+00:00',
    checked: 3, differences: 0, error: '', ...over,
  });

  it('names each run’s outcome', () => {
    expect(runOutcome(run('1', 'a'))).toEqual({ text: '一致', type: 'success' });
    expect(runOutcome(run('1', 'a', { differences: 2 }))).toEqual({ text: '2 处差异', type: 'warning' });
    expect(runOutcome(run('1', 'a', { error: '聊城农商银行未答复状态查询：HTTP 503' }))).toEqual({ text: '对方未应答', type: 'danger' });
    expect(runOutcome(run('1', 'a', { finishedAt: null }))).toEqual({ text: '进行中', type: 'info' });
  });

  it('gives each partner, in order, its latest run and a few before it', () => {
    const partners = [{ code: 'bank' }, { code: 'province' }, { code: 'seal' }];
    const runs = [run('9', 'bank'), run('8', 'province'), run('7', 'bank'), run('6', 'bank'), run('5', 'gone')];
    const rows = runsByPartner(partners, runs, 1);
    expect(rows.map((r) => [r.partner.code, r.latest?.id ?? null, r.earlier.map((e) => e.id)])).toEqual([
      ['bank', '9', ['7']], ['province', '8', []], ['seal', null, []],
    ]);
  });

  it('offers 立即对账 only for an active partner with a key', () => {
    expect(cannotReconcile({ isActive: true, keys: [{}] })).toBeNull();
    expect(cannotReconcile({ isActive: false, keys: [{}] })).toBe('已停用');
    expect(cannotReconcile({ isActive: true, keys: [] })).toBe('没有签名密钥');
  });

  it('shows the open differences unless the URL asks for others', () => {
    expect(differenceFilterInput(parseFilters({}, DIFFERENCE_SPEC))).toEqual({ partnerCode: null, open: true });
    expect(differenceFilterInput(parseFilters({ state: 'closed', partner: 'bank' }, DIFFERENCE_SPEC))).toEqual({ partnerCode: 'bank', open: false });
    expect(differenceFilterInput(parseFilters({ state: 'all' }, DIFFERENCE_SPEC))).toEqual({ partnerCode: null, open: null });
    expect(differenceFilterInput(parseFilters({ state: 'bogus' }, DIFFERENCE_SPEC))).toEqual({ partnerCode: null, open: true });
  });
});

describe('copying a secret', () => {
  it('uses the clipboard when the browser offers it', async () => {
    const writeText = vi.fn(async () => {});
    expect(await copyText('whsec_abc', { clipboard: { writeText } })).toBe(true);
    expect(writeText).toHaveBeenCalledWith('whsec_abc');
  });

  it('falls back to selecting the text (plain HTTP, or the clipboard refused), and says when that failed too', async () => {
    const writeText = vi.fn(async () => { throw new Error('NotAllowedError'); });
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    expect(await copyText('whsec_abc', { clipboard: { writeText } })).toBe(true);
    expect(exec).toHaveBeenCalledWith('copy');
    expect(document.querySelectorAll('textarea')).toHaveLength(0); // cleaned up
    exec.mockReturnValue(false);
    expect(await copyText('whsec_abc', { clipboard: null })).toBe(false);
  });
});
