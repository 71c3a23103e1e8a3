// The session keeps its tokens in memory and sessionStorage only, refreshes them before they
// expire, and forgets them on logout and on any 401.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { clearSession, login, logout, onSessionExpired, refresh, restore, session } from '../src/lib/session';

const KEY = 'liaoyi.admin.session';
const ME = { id: 'U3RhZmY6MQ', username: 'city_catalog', displayName: '李文静', roles: ['CATALOG_ADMIN'], regionCode: '371500', region: { name: '聊城市' }, department: null };

function tokens(minutes: number, n = 1) {
  const at = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
  return { token: `access-${n}`, expiresAt: at(minutes), refreshToken: `refresh-${n}`, refreshExpiresAt: at(60 * 24) };
}

type Handler = (op: string, variables: Record<string, unknown>, auth: string | undefined) => { status?: number; body: unknown };
let handler: Handler;
const calls: { op: string; auth?: string }[] = [];

beforeEach(() => {
  calls.length = 0;
  sessionStorage.clear();
  localStorage.clear();
  clearSession();
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const { operationName, variables } = JSON.parse(String(init.body));
    const auth = (init.headers as Record<string, string>).Authorization;
    calls.push({ op: operationName, auth });
    const { status = 200, body } = handler(operationName, variables, auth);
    return new Response(JSON.stringify(body), { status });
  }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const happy: Handler = (op, variables) => {
  if (op === 'Login') {
    const ok = variables.input && (variables.input as { password: string }).password === 'right';
    return { body: { data: { login: ok
      ? { tokens: tokens(30), user: ME, errors: [] }
      : { tokens: null, user: null, errors: [{ field: null, message: '用户名或密码错误', code: 'INVALID_CREDENTIALS' }] } } } };
  }
  if (op === 'Me') return { body: { data: { me: ME } } };
  if (op === 'RefreshTokens') return { body: { data: { refreshTokens: { tokens: tokens(30, 2), errors: [] } } } };
  if (op === 'Logout') return { body: { data: { logout: { revoked: 1, errors: [] } } } };
  throw new Error(op);
};

describe('session', () => {
  it('stores tokens in sessionStorage (never localStorage) and loads me', async () => {
    handler = happy;
    expect(await login('city_catalog', 'wrong')).toEqual({ _: ['用户名或密码错误'] });
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(await login('city_catalog', 'right')).toBeNull();
    expect(JSON.parse(sessionStorage.getItem(KEY)!).token).toBe('access-1');
    expect(localStorage.length).toBe(0);
    expect(session.me?.username).toBe('city_catalog');
    expect(calls.at(-1)).toEqual({ op: 'Me', auth: 'Bearer access-1' });
  });

  it('refreshes before expiry and clears everything on logout', async () => {
    handler = happy;
    await login('city_catalog', 'right');
    expect(await refresh()).toBe(true);
    expect(session.tokens?.token).toBe('access-2');
    expect(JSON.parse(sessionStorage.getItem(KEY)!).refreshToken).toBe('refresh-2');
    await logout();
    expect(calls.at(-1)).toEqual({ op: 'Logout', auth: 'Bearer access-2' });
    expect(session.tokens).toBeNull();
    expect(session.me).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('schedules the refresh a minute before the token expires', async () => {
    vi.useFakeTimers();
    handler = happy;
    await login('city_catalog', 'right');
    await vi.advanceTimersByTimeAsync(28 * 60_000);
    expect(calls.some((c) => c.op === 'RefreshTokens')).toBe(false);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(calls.filter((c) => c.op === 'RefreshTokens')).toHaveLength(1);
    expect(session.tokens?.token).toBe('access-2');
    clearSession();
  });

  it('forgets the session on a 401 and tells the app', async () => {
    handler = happy;
    await login('city_catalog', 'right');
    const expired = vi.fn();
    onSessionExpired(expired);
    handler = () => ({ status: 401, body: { errors: [{ message: '令牌无效或已过期，请重新登录' }] } });
    await expect(restore()).resolves.toBe(true); // me already loaded: no request
    await expect(refresh()).resolves.toBe(false);
    expect(expired).toHaveBeenCalledWith('city_catalog'); // who was signed in: their page is kept for them only
    expect(session.tokens).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('restores the tab session after a reload', async () => {
    handler = happy;
    sessionStorage.setItem(KEY, JSON.stringify(tokens(30, 5)));
    expect(await restore()).toBe(true);
    expect(calls).toEqual([{ op: 'Me', auth: 'Bearer access-5' }]);
  });
});
