// Where a sign-in lands (issue 16): the page left for the same person, or one's own workbench;
// never the previous user's page (无权访问) nor a page of someone else's session.
import { describe, expect, it } from 'vitest';

import { homeOf, landingAfterSignIn, rolesOfRoute } from '../src/lib/landing';
import { router } from '../src/router';

const rolesOf = rolesOfRoute(router);

describe('landingAfterSignIn', () => {
  it('reads the roles each page asks for from the router', () => {
    expect(rolesOf('/staff')).toEqual(['CITY_ADMIN']);
    expect(rolesOf('/catalog')).toBeUndefined();
    expect(rolesOf('/cases/walk-in')).toEqual(['WINDOW_CLERK']);
    expect(rolesOf('/login')).toBeNull();
    expect(rolesOf('/forbidden')).toBeNull();
    expect(rolesOf('/no/such/page')).toBeNull();
  });

  it('starts each role on its own workbench', () => {
    expect(homeOf(['WINDOW_CLERK'])).toBe('/cases/window');
    expect(homeOf(['DEPT_REVIEWER'])).toBe('/cases/review');
    expect(homeOf(['HALL_SUPERVISOR'])).toBe('/cases/overdue');
    expect(homeOf(['CITY_ADMIN'])).toBe('/dashboard');
    expect(homeOf(['AUDITOR'])).toBe('/access-log');
    expect(homeOf(['CATALOG_ADMIN'])).toBe('/catalog');
  });

  it('goes back to the page an expired session left, for the same person', () => {
    const landing = landingAfterSignIn({
      redirect: '/cases/walk-in', leftBy: 'city_clerk', username: 'city_clerk', roles: ['WINDOW_CLERK'], rolesOf,
    });
    expect(landing).toBe('/cases/walk-in');
  });

  it('sends someone else signing in after an expired session to their own page', () => {
    // a clerk may open a case page too, but not the admin's case: the page was left for city_admin
    const landing = landingAfterSignIn({
      redirect: '/cases/Q2FzZTox', leftBy: 'city_admin', username: 'city_clerk', roles: ['WINDOW_CLERK'], rolesOf,
    });
    expect(landing).toBe('/cases/window');
  });

  it('never lands on a page the new roles may not open (无权访问)', () => {
    const landing = landingAfterSignIn({
      redirect: '/staff', leftBy: undefined, username: 'city_clerk', roles: ['WINDOW_CLERK'], rolesOf,
    });
    expect(landing).toBe('/cases/window');
    expect(landingAfterSignIn({ redirect: '/staff', leftBy: undefined, username: 'city_admin', roles: ['CITY_ADMIN'], rolesOf }))
      .toBe('/staff');
  });

  it('ignores redirects that are not pages of the admin UI', () => {
    for (const redirect of ['/', 'https://evil.example/', '//evil.example/x', '/login', '/forbidden', 42, undefined, ['/staff']]) {
      expect(landingAfterSignIn({ redirect, leftBy: undefined, username: 'u', roles: ['DEPT_REVIEWER'], rolesOf })).toBe('/cases/review');
    }
  });
});
