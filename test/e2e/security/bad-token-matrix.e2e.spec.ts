import { SESSION_COOKIE } from '../../../apps/api/src/auth/session-cookie';
import { apiClient, type ApiClient } from '../support/http-client';
import { newChild } from '../support/journey-setup';
import { normalise, ROUTE_ROLES } from '../support/route-roles';
import { startTestApp, type TestApp } from '../support/test-app';
import { badTokens } from '../support/tokens';
import { keyOf, routesToCheck, urlFor } from './route-calls';

const REFUSALS = new Set([401, 403]);
const BAD_TOKENS = Object.entries(badTokens) as [keyof typeof badTokens, () => string][];

/**
 * Every route × every kind of bad token (expired, wrong signature, wrong audience, wrong issuer,
 * unknown role, garbage), sent both as a Bearer header and as the pages' session cookie: a
 * protected route answers exactly as it does to no token at all; a public route stays open.
 */
describe('authorisation: every route × every bad token', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
  });
  afterAll(async () => t.close());

  it('has a declared expectation for every registered route (a new route must declare its roles)', () => {
    const undeclared = routesToCheck(t.routes)
      .map(keyOf)
      .filter((key) => !(key in ROUTE_ROLES));
    expect(undeclared).toEqual([]);
  });

  it.each(BAD_TOKENS)(
    '%s token: refused on every protected route, public routes unaffected',
    async (kind, mint) => {
      const token = mint();
      const wrong: string[] = [];
      let checked = 0;
      for (const route of routesToCheck(t.routes)) {
        const declared = ROUTE_ROLES[keyOf(route)];
        if (declared === undefined) continue; // reported above
        const expected = normalise(declared);
        const body = route.method === 'GET' ? undefined : {};
        const url = urlFor(route.url, childId);
        const viaHeader = await api.send(route.method, url, body, {
          token,
          headers: { accept: 'application/json' },
        });
        const viaCookie = await api.send(route.method, url, body, {
          headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=${token}` },
        });
        for (const [how, { status }] of [
          ['bearer', viaHeader],
          ['cookie', viaCookie],
        ] as const) {
          // A cookie-carrying write must echo the CSRF token (CsrfGuard): 403 on a public form post is that guard.
          const csrf = how === 'cookie' && route.method !== 'GET' && status === 403;
          const ok = expected.public
            ? (status === expected.ownRefusal || csrf || !REFUSALS.has(status)) && status < 500
            : status === expected.anonymousStatus;
          if (!ok)
            wrong.push(
              `${keyOf(route)} (${how}): expected ${expected.public ? 'open' : expected.anonymousStatus}, got ${status}`,
            );
          checked += 1;
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(100);
      process.stdout.write(`bad-token matrix (${kind}): ${checked} requests, all answered as declared\n`);
    },
  );
});
