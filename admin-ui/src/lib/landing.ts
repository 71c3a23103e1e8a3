// Where a sign-in lands (issue 16: after signing out and in as someone else, nobody lands on the
// previous user's page, 无权访问). A `redirect` left by the login guard or by an expired session is
// followed only when it was left for the person now signing in (or for nobody: a link opened while
// signed out) and the page is one their roles may open; anyone else starts on their own workbench.
import type { Router } from 'vue-router';

import type { Role } from '../gql/graphql';

/** Each role's first page, in order of precedence for staff holding several roles. */
export const HOME_BY_ROLE: [Role, string][] = [
  ['WINDOW_CLERK', '/cases/window'],
  ['DEPT_REVIEWER', '/cases/review'],
  ['HALL_SUPERVISOR', '/cases/overdue'],
  ['AUDITOR', '/access-log'],
  ['COUNTY_VIEWER', '/dashboard'],
  ['CITY_ADMIN', '/dashboard'],
];
export const DEFAULT_HOME = '/catalog';

export function homeOf(roles: readonly Role[]): string {
  return HOME_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? DEFAULT_HOME;
}

export interface Landing {
  /** `redirect` of the login page's query: a path inside the admin UI, or anything else (ignored). */
  redirect: unknown;
  /** `user` of the login page's query: who left the redirect (an expired session), if anyone. */
  leftBy: unknown;
  username: string;
  roles: readonly Role[];
  /** The roles a path's page asks for (none: any staff member), or null when no page has that path. */
  rolesOf: (path: string) => readonly Role[] | null | undefined;
}

export function landingAfterSignIn({ redirect, leftBy, username, roles, rolesOf }: Landing): string {
  const home = homeOf(roles);
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//') || redirect === '/') return home;
  if (typeof leftBy === 'string' && leftBy !== '' && leftBy !== username) return home;
  const wanted = rolesOf(redirect);
  if (wanted === null) return home;
  if (wanted && wanted.length && !wanted.some((r) => roles.includes(r))) return home;
  return redirect;
}

/** `rolesOf` for {@link landingAfterSignIn} from the app's router: null for no page, a public page
 *  or the 无权访问 page. */
export function rolesOfRoute(router: Pick<Router, 'resolve'>): (path: string) => readonly Role[] | null | undefined {
  return (path) => {
    const to = router.resolve(path);
    if (!to.matched.length || to.name === 'not-found' || to.name === 'forbidden' || to.meta.public) return null;
    return to.meta.roles;
  };
}
