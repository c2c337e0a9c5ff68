import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/** A browser's cookie jar, reduced to what we need: name → value from Set-Cookie headers. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  copy(): Jar {
    const copied = new Jar();
    for (const [name, value] of this.cookies) copied.cookies.set(name, value);
    return copied;
  }
}

const csrfOf = (page: string): string => {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1];
};

async function signIn(baseUrl: string, username: string): Promise<Jar> {
  const jar = new Jar();
  const form = await fetch(`${baseUrl}/login`);
  jar.take(form);
  const signedIn = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({
      username,
      password: DEMO_PASSWORD,
      _csrf: csrfOf(await form.text()),
    }).toString(),
  });
  expect(signedIn.status).toBe(303);
  jar.take(signedIn);
  expect(jar.cookies.has('cj_session')).toBe(true);
  return jar;
}

async function signOut(baseUrl: string, jar: Jar): Promise<void> {
  const page = await fetch(`${baseUrl}/panel/drift`, { headers: { cookie: jar.header() } });
  expect(page.status).toBe(200);
  const out = await fetch(`${baseUrl}/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ _csrf: csrfOf(await page.text()) }).toString(),
  });
  expect(out.status).toBe(303);
  expect(out.headers.get('location')).toBe('/login');
  jar.take(out);
  expect(jar.cookies.has('cj_session')).toBe(false);
}

const get = (baseUrl: string, path: string, jar: Jar) =>
  fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { cookie: jar.header() } });

describe('signing out ends the session on the server, for every API process on the store', () => {
  let dir: string;
  let a: TestApp;
  let b: TestApp;
  let sqliteFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-sign-out-'));
    sqliteFile = join(dir, 'journeys.db');
    a = await startTestApp({ sqliteFile });
    b = await startTestApp({ sqliteFile, config: { projections: 'worker' } });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a copy of the cookie taken before sign-out is refused afterwards with a 401 saying so, here, on the other API and after a restart', async () => {
    const jar = await signIn(a.baseUrl, 'panel.demo');
    const copied = jar.copy();
    // Before: the session works on both APIs (the cookie is the same JWT either API verifies).
    expect((await get(a.baseUrl, '/drift-report', copied)).status).toBe(200);
    expect((await get(b.baseUrl, '/drift-report', copied)).status).toBe(200);

    await signOut(a.baseUrl, jar);

    for (const api of [a, b]) {
      const refused = await get(api.baseUrl, '/drift-report', copied);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({
        statusCode: 401,
        message: 'This session was signed out: sign in again',
      });
      // The pages send a signed-out browser to the sign-in page.
      const page = await get(api.baseUrl, '/panel/drift', copied);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/login/);
    }
    // The token itself, sent as a bearer token, is refused too.
    const token = copied.cookies.get('cj_session')!;
    const asBearer = await fetch(`${b.baseUrl}/drift-report`, {
      headers: { authorization: `Bearer ${decodeURIComponent(token)}` },
    });
    expect(asBearer.status).toBe(401);

    // Durable: a process started afterwards on the same file refuses it as well.
    const restarted = await startTestApp({ sqliteFile, config: { projections: 'worker' } });
    try {
      expect((await get(restarted.baseUrl, '/drift-report', copied)).status).toBe(401);
    } finally {
      await restarted.close();
    }
  }, 60_000);

  it('another session of the same user, and API clients’ bearer tokens, are not affected', async () => {
    const first = await signIn(a.baseUrl, 'auditor.demo');
    const second = await signIn(b.baseUrl, 'auditor.demo');
    await signOut(a.baseUrl, first);
    expect((await get(b.baseUrl, '/drift-report', second)).status).toBe(200);
    expect((await get(a.baseUrl, '/drift-report', second)).status).toBe(200);
    const bearer = await fetch(`${a.baseUrl}/drift-report`, {
      headers: { authorization: `Bearer ${tokenFor('auditor')}` },
    });
    expect(bearer.status).toBe(200);
  }, 60_000);
});
