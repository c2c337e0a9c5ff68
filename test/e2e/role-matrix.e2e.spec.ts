import { ROLES, type Role } from '@care-journey/access';
import type { RegisteredRoute } from '../../apps/api/src/create-app';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { normalise, ROUTE_ROLES } from './support/route-roles';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// HEAD and OPTIONS mirror the GET/CORS handling of the same route; the matrix covers the route itself.
const MIRRORED = new Set(['HEAD', 'OPTIONS']);
const keyOf = ({ method, url }: RegisteredRoute) => `${method} ${url}`;
const REFUSALS = new Set([401, 403]);

describe('role matrix: every registered route × every role', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
    routes = t.routes.filter((route) => !MIRRORED.has(route.method));
  });
  afterAll(async () => t.close());

  /** A concrete URL for a route pattern: path parameters point at a real child, wildcards at a file. */
  const urlFor = (pattern: string) =>
    pattern
      .replace(/:id\b/g, childId)
      .replace(/:[A-Za-z]+/g, 'x')
      .replace(/\*$/, 'index.html');
  /** Requests carry no body worth acting on: an admitted write fails validation and changes nothing. */
  const call = (route: RegisteredRoute, token?: string) =>
    api.send(route.method, urlFor(route.url), route.method === 'GET' ? undefined : {}, {
      token,
      headers: { accept: 'application/json' },
    });

  it('declares a role expectation for every route the app registers, and no stale ones', () => {
    const registered = new Set(routes.map(keyOf));
    const undeclared = [...registered].filter((key) => !(key in ROUTE_ROLES));
    const stale = Object.keys(ROUTE_ROLES).filter((key) => !registered.has(key));
    expect({ undeclared, stale }).toEqual({ undeclared: [], stale: [] });
  });

  it('refuses every non-public route without a token, and opens public ones', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const declared = ROUTE_ROLES[keyOf(route)];
      if (declared === undefined) continue; // reported by the declaration test
      const expected = normalise(declared);
      const { status } = await call(route);
      const ok = expected.public
        ? (status === expected.ownRefusal || !REFUSALS.has(status)) && status < 500
        : status === expected.anonymousStatus;
      if (!ok)
        wrong.push(
          `${keyOf(route)}: expected ${expected.public ? 'open' : expected.anonymousStatus}, got ${status}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES.map((role) => [role]))(
    '%s: admitted exactly where declared, refused elsewhere',
    async (role: Role) => {
      const wrong: string[] = [];
      let checked = 0;
      for (const route of routes) {
        const declared = ROUTE_ROLES[keyOf(route)];
        if (declared === undefined) continue;
        const expected = normalise(declared);
        const { status } = await call(route, tokenFor(role));
        const admitted = expected.public || expected.roles.includes(role);
        const ok = admitted
          ? status === expected.ownRefusal || !REFUSALS.has(status)
          : status === expected.forbiddenStatus;
        if (!ok)
          wrong.push(
            `${keyOf(route)}: expected ${admitted ? 'admitted' : expected.forbiddenStatus}, got ${status}`,
          );
        checked += 1;
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    },
  );

  it('lets only social workers and admins record events (a registration made in error: admins alone)', () => {
    const ADMINS_ALONE = new Set(['POST /children/:id/corrections/retract-registration']);
    for (const [key, declared] of Object.entries(ROUTE_ROLES)) {
      if (!key.startsWith('POST /children')) continue;
      expect({ key, roles: [...normalise(declared).roles].sort() }).toEqual({
        key,
        roles: ADMINS_ALONE.has(key) ? ['admin'] : ['admin', 'social_worker'],
      });
    }
  });
});
