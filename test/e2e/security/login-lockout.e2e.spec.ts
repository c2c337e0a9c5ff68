import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOGIN_RATE_LIMITS } from '../../../apps/api/src/security';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Review D6: nobody can lock a named user out of signing in. Posts without a valid form token
 * count towards no limit, and failed attempts are counted per username and client address, so
 * an attacker elsewhere cannot use up the real user's attempts.
 */
describe('sign-in lockout of a named user by someone else (POST /login)', () => {
  let dir: string;
  const wrong = { username: 'auditor.demo', password: 'x' };
  const right = { username: 'auditor.demo', password: DEMO_PASSWORD };
  const guesses = DEFAULT_LOGIN_RATE_LIMITS.perUsernameAtClient.capacity + 1;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-login-lockout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const withApp = async (name: string, proxied: boolean, run: (t: TestApp) => Promise<void>) => {
    const t = await startTestApp({
      sqliteFile: join(dir, `${name}.db`),
      // Every request comes from 127.0.0.1: trusting it as a proxy lets X-Forwarded-For name two clients.
      config: proxied ? { trustProxy: ['127.0.0.1'] } : {},
    });
    try {
      await run(t);
    } finally {
      await t.close();
    }
  };

  it('Given 11 posts without a form token at a username, When its user signs in with one, Then they get in', () =>
    withApp('no-csrf', false, async (t) => {
      const statuses: number[] = [];
      for (let i = 0; i < guesses; i++) {
        const response = await postSignIn(t.baseUrl, wrong, undefined);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      // Refused as an expired form (no password checked), never 429: nothing was counted.
      expect(statuses).toEqual(Array(guesses).fill(401));
      const signedIn = await postSignIn(t.baseUrl, right, await fetchSignInForm(t.baseUrl));
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.getSetCookie().some((line) => line.startsWith('cj_session='))).toBe(true);
    }));

  it('Given failed guesses with a form token from another address, When the user signs in from theirs, Then they get in', () =>
    withApp('other-address', true, async (t) => {
      const attacker = { 'x-forwarded-for': '203.0.113.9' };
      const attackerForm = await fetchSignInForm(t.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < guesses; i++) {
        const response = await postSignIn(t.baseUrl, wrong, attackerForm, attacker);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      // The attacker's own address is limited...
      expect(statuses.at(-1)).toBe(429);
      // ...the user's is not, and even the attacker's right password is refused unchecked.
      expect((await postSignIn(t.baseUrl, right, attackerForm, attacker)).status).toBe(429);
      const user = { 'x-forwarded-for': '198.51.100.7' };
      const signedIn = await postSignIn(t.baseUrl, right, await fetchSignInForm(t.baseUrl), user);
      expect(signedIn.status).toBe(303);
    }));
});
