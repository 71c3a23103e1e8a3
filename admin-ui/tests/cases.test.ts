// Cases in the admin UI: the deadline tag, queue filters ↔ URL ↔ CaseQueueFilter, materials.
import { describe, expect, it } from 'vitest';

import {
  deadlineTag, deferrable, idempotencyKey, materialsByKey, outstanding, parseQueue, queueQuery, toQueueFilter,
} from '../src/lib/cases';

describe('deadline tag', () => {
  it('is red when overdue, yellow when near, green on time, grey without a deadline', () => {
    expect(deadlineTag('RED', '2026-11-20')).toEqual({ type: 'danger', text: '已超期（2026-11-20）' });
    expect(deadlineTag('YELLOW', '2026-11-26')).toEqual({ type: 'warning', text: '即将到期（2026-11-26）' });
    expect(deadlineTag('NONE', '2026-12-10')).toEqual({ type: 'success', text: '2026-12-10 前办结' });
    expect(deadlineTag('NONE', null)).toEqual({ type: 'info', text: '未计时' });
  });
});

describe('queue filters in the URL', () => {
  it('parses only what the queue allows and writes back a short query', () => {
    const f = parseQueue({ number: ' 3715 ', status: 'APPROVED', mine: 'claimed', after: 'abc' }, 'REVIEW');
    expect(f).toEqual({ number: '3715', item: undefined, status: undefined, mine: 'claimed' });
    expect(queueQuery(f, 'REVIEW')).toEqual({ number: '3715', mine: 'claimed' });
    expect(parseQueue({ status: 'APPROVED' }, 'RESULT').status).toBe('APPROVED');
    expect(queueQuery({ number: '', item: '卫生', status: undefined, mine: '' }, 'WINDOW')).toEqual({ item: '卫生' });
  });

  it('becomes the graph filter; fixed statuses win over the URL', () => {
    expect(toQueueFilter({ item: '卫生许可', status: 'SUBMITTED', mine: 'unclaimed' })).toEqual({
      itemName: '卫生许可', statuses: ['SUBMITTED'], unclaimed: true,
    });
    expect(toQueueFilter({ status: 'SUBMITTED', mine: 'claimed' }, ['REJECTION_PROPOSED'])).toEqual({
      statuses: ['REJECTION_PROPOSED'], claimedByMe: true,
    });
    expect(toQueueFilter({})).toEqual({});
  });
});

describe('materials', () => {
  const mats = [
    { materialKey: 1, necessity: 'required', state: 'PROVIDED' as const },
    { materialKey: 2, necessity: 'deferrable', state: 'PENDING' as const },
    { materialKey: 3, necessity: 'deferrable', state: 'PROVIDED' as const },
    { materialKey: 4, necessity: 'deferrable', state: 'MISSING' as const },
  ];
  it('offers only deferrable materials not yet provided for 容缺, and lists what is outstanding', () => {
    expect(deferrable(mats).map((m) => m.materialKey)).toEqual([2, 4]);
    expect(outstanding(mats).map((m) => m.materialKey)).toEqual([4]);
  });
  it('finds each material of the pinned version by key across situations', () => {
    const byKey = materialsByKey({ situations: [
      { materials: [{ key: 1, name: '申请书', reviewPoints: '签字盖章', necessity: 'REQUIRED' }] },
      { materials: [{ key: 7, name: '平面图', reviewPoints: '比例尺', necessity: 'DEFERRABLE' }] },
    ] });
    expect(byKey.get(7)?.reviewPoints).toBe('比例尺');
    expect(materialsByKey(null).size).toBe(0);
  });
  it('makes a fresh idempotency key each time, within 8..64 characters', () => {
    const a = idempotencyKey();
    expect(a).not.toBe(idempotencyKey());
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(64);
  });
});

describe('material files', () => {
  it('are fetched with the bearer token, and a refusal reads as Chinese', async () => {
    const { session } = await import('../src/lib/session');
    const { fetchFile, fileUrl } = await import('../src/lib/files');
    session.tokens = { token: 'tok-1', expiresAt: '', refreshToken: '', refreshExpiresAt: '' };
    const calls: { url: string; auth: string | undefined }[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      calls.push({ url, auth: (init?.headers as Record<string, string>)?.Authorization });
      return url.endsWith('bad') ? new Response('no', { status: 404 }) : new Response(new Blob(['%PDF']), { status: 200 });
    }) as unknown as typeof fetch;
    const blob = await fetchFile('VXBsb2FkZWRGaWxlOjE=', fake);
    expect(await blob.text()).toBe('%PDF');
    expect(calls[0]).toEqual({ url: '/files/VXBsb2FkZWRGaWxlOjE%3D', auth: 'Bearer tok-1' });
    expect(fileUrl('a/b')).toBe('/files/a%2Fb');
    await expect(fetchFile('bad', fake)).rejects.toThrow('文件不存在或无权查看');
    session.tokens = null;
  });
});

describe('case pages are guarded by role', () => {
  it('each route names the roles that need it; the notices print outside the shell', async () => {
    const { routes } = await import('../src/router');
    const flat = routes.flatMap((r) => [r, ...(r.children ?? [])]);
    const roles = (name: string) => flat.find((r) => r.name === name)?.meta?.roles;
    expect(roles('case-window')).toEqual(['WINDOW_CLERK']);
    expect(roles('walk-in')).toEqual(['WINDOW_CLERK']);
    expect(roles('case-results')).toEqual(['WINDOW_CLERK']);
    expect(roles('case-review')).toEqual(['DEPT_REVIEWER']);
    expect(roles('case-rejections')).toEqual(['HALL_SUPERVISOR']);
    expect(roles('case-overdue')).toEqual(['HALL_SUPERVISOR']);
    expect(roles('outbox')).toEqual(['CITY_ADMIN']);
    expect(roles('case')).toEqual(['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR']);
    const topLevel = routes.map((r) => r.name);
    expect(topLevel).toContain('deferral-notice');
    expect(topLevel).toContain('correction-notice');
    expect(roles('deferral-notice')).toEqual(['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR']);
  });
});
