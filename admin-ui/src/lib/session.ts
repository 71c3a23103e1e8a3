// The signed-in staff session: tokens in memory, mirrored to sessionStorage (per tab, gone when
// the tab closes; never localStorage), refreshed with `refreshTokens` before they expire, cleared
// on logout and on any 401.
import { reactive } from 'vue';

import { LoginDocument, LogoutDocument, type MeQuery, MeDocument, RefreshTokensDocument, type Role } from '../gql/graphql';
import { createClient, type FieldErrors, toFieldErrors } from './graphql';

const STORAGE_KEY = 'liaoyi.admin.session';
const REFRESH_MARGIN_MS = 60_000;

export interface Tokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

export type Me = NonNullable<MeQuery['me']>;

export const session = reactive<{ tokens: Tokens | null; me: Me | null }>({ tokens: null, me: null });

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(username: string | null) => void>();

/** Called when the session ends without the user asking (401, failed refresh), with the user name
 *  of whoever was signed in (the login page goes back to their page only for them). */
export function onSessionExpired(listener: (username: string | null) => void): void {
  listeners.add(listener);
}

function store(tokens: Tokens | null): void {
  session.tokens = tokens;
  if (tokens) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  else sessionStorage.removeItem(STORAGE_KEY);
  scheduleRefresh();
}

export function clearSession(): void {
  store(null);
  session.me = null;
}

function expire(): void {
  const had = session.tokens !== null;
  const username = session.me?.username ?? null;
  clearSession();
  if (had) for (const listener of listeners) listener(username);
}

export const client = createClient({
  getToken: () => session.tokens?.token ?? null,
  onUnauthorized: expire,
});

function scheduleRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = undefined;
  const tokens = session.tokens;
  if (!tokens) return;
  const delay = Math.max(new Date(tokens.expiresAt).getTime() - Date.now() - REFRESH_MARGIN_MS, 1_000);
  refreshTimer = setTimeout(() => void refresh(), Math.min(delay, 2 ** 31 - 1));
}

export async function refresh(): Promise<boolean> {
  const tokens = session.tokens;
  if (!tokens) return false;
  try {
    const data = await client.request(RefreshTokensDocument, { input: { refreshToken: tokens.refreshToken } });
    const fresh = data.refreshTokens.tokens;
    if (!fresh) {
      expire();
      return false;
    }
    store(fresh);
    return true;
  } catch {
    expire();
    return false;
  }
}

export async function login(username: string, password: string): Promise<FieldErrors | null> {
  const data = await client.request(LoginDocument, { input: { username, password } });
  const payload = data.login;
  if (payload.errors.length || !payload.tokens) return toFieldErrors(payload.errors);
  store(payload.tokens);
  await loadMe();
  return null;
}

export async function loadMe(): Promise<Me | null> {
  const data = await client.request(MeDocument);
  session.me = data.me;
  return data.me;
}

/** Restore the tab's session after a reload; false when there is none (or it is no longer valid). */
export async function restore(): Promise<boolean> {
  if (session.me) return true;
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return false;
  try {
    const tokens = JSON.parse(raw) as Tokens;
    if (new Date(tokens.refreshExpiresAt).getTime() <= Date.now()) {
      clearSession();
      return false;
    }
    store(tokens);
    if (new Date(tokens.expiresAt).getTime() - Date.now() < REFRESH_MARGIN_MS && !(await refresh())) return false;
    return (await loadMe()) !== null;
  } catch {
    clearSession();
    return false;
  }
}

export async function logout(): Promise<void> {
  try {
    if (session.tokens) {
      await client.request(LogoutDocument, { input: { allSessions: false } });
    }
  } catch {
    // The session ends here whatever the server says.
  } finally {
    clearSession();
  }
}

export function hasRole(...roles: Role[]): boolean {
  return !!session.me?.roles.some((r) => roles.includes(r));
}
