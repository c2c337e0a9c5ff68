/**
 * The pages' CSRF token is bound to the session: derived from the session cookie, new at each
 * sign-in, refused with another session, dead once the session is signed out; the sign-in form's
 * own token is dropped when the session starts. Where cookies are Secure (here: https through a
 * trusted proxy) both cookies carry the `__Host-` prefix. Real HTTP app, real SQLite file.
 */
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { startTestApp, type TestApp } from '../support/test-app';

/** A browser's cookie jar, reduced to name → value from Set-Cookie headers. */
class Jar {
  readonly cookies = new Map<string, string>();
  readonly lines: string[] = [];
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.lines.push(line);
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
}

const csrfOf = async (response: Response): Promise<string> => {
  const match = /name="_csrf" value="([^"]+)"/.exec(await response.text());
  if (!match) throw new Error('no CSRF field on the page');
  return match[1];
};

function browser(baseUrl: string, extraHeaders: Record<string, string> = {}) {
  const jar = new Jar();
  const get = async (path: string): Promise<Response> => {
    const response = await fetch(`${baseUrl}${path}`, {
      redirect: 'manual',
      headers: { ...extraHeaders, cookie: jar.header() },
    });
    jar.take(response);
    return response;
  };
  const post = async (
    path: string,
    fields: Record<string, string>,
    cookie = jar.header(),
  ): Promise<Response> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...extraHeaders, 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    });
    jar.take(response);
    return response;
  };
  /** Signs in; answers the sign-in form's token. */
  const signIn = async (username: string): Promise<string> => {
    const formToken = await csrfOf(await get('/login'));
    const signedIn = await post('/login', { username, password: DEMO_PASSWORD, _csrf: formToken });
    expect(signedIn.status).toBe(303);
    return formToken;
  };
  /** The token the pages give this browser now. */
  const pageToken = async (): Promise<string> => {
    const page = await get('/panel/drift');
    expect(page.status).toBe(200);
    return csrfOf(page);
  };
  return { jar, get, post, signIn, pageToken };
}

describe('the CSRF token is bound to the session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t?.close());

  it('Given a sign-in, Then the sign-in form’s token is dropped and refused, and the pages carry a token of the session', async () => {
    const b = browser(t.baseUrl);
    const formToken = await b.signIn('panel.demo');
    expect(b.jar.lines.some((line) => /^cj_csrf=;.*Max-Age=0/.test(line))).toBe(true);
    expect(b.jar.cookies.has('cj_csrf')).toBe(false);
    const sessionToken = await b.pageToken();
    expect(sessionToken).not.toBe(formToken);

    // A browser that kept the sign-in form's cookie (or a page that learnt its token) cannot use it.
    const cookieWithOld = `${b.jar.header()}; cj_csrf=${formToken}`;
    const refused = await b.post('/logout', { _csrf: formToken }, cookieWithOld);
    expect(refused.status).toBe(403);
    expect(await b.get('/panel/drift')).toHaveProperty('status', 200);
  });

  it("Given two sessions, Then one session's token is refused with the other's cookie", async () => {
    const first = browser(t.baseUrl);
    const second = browser(t.baseUrl);
    await first.signIn('auditor.demo');
    await second.signIn('auditor.demo');
    const firstToken = await first.pageToken();
    expect(await second.pageToken()).not.toBe(firstToken);
    expect((await second.post('/logout', { _csrf: firstToken })).status).toBe(403);
    // The second session is still signed in; with its own token it signs out.
    expect((await second.post('/logout', { _csrf: await second.pageToken() })).status).toBe(303);
  });

  it('Given a session signed out, Then its token is no good any more: not with its old cookie, nor with the next session', async () => {
    const b = browser(t.baseUrl);
    await b.signIn('sw.demo');
    const oldToken = await b.pageToken();
    const oldCookie = b.jar.header();
    const out = await b.post('/logout', { _csrf: oldToken });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(b.jar.cookies.size).toBe(0);

    // A copy of the old cookie with its token: the session is ended, so the pages send it to sign in.
    const replay = await b.post('/logout', { _csrf: oldToken }, oldCookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toMatch(/^\/login/);
    expect((await fetch(`${t.baseUrl}/drift-report`, { headers: { cookie: oldCookie } })).status).toBe(401);

    await b.signIn('sw.demo');
    const newToken = await b.pageToken();
    expect(newToken).not.toBe(oldToken);
    expect((await b.post('/logout', { _csrf: oldToken })).status).toBe(403);
  });
});

describe('where cookies are Secure, they carry the __Host- prefix', () => {
  let t: TestApp;
  // https as a TLS proxy the API trusts reports it (CARE_JOURNEY_TRUST_PROXY names 127.0.0.1).
  const overHttps = { 'x-forwarded-proto': 'https' };
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: ['127.0.0.1'] } });
  }, 60_000);
  afterAll(() => t?.close());

  it('Given https, When a browser signs in, uses the pages and signs out, Then every cookie is a Secure __Host- cookie', async () => {
    const b = browser(t.baseUrl, overHttps);
    await b.signIn('panel.demo');
    const [formCookie, sessionCookie, dropped] = b.jar.lines;
    expect(formCookie).toMatch(
      /^__Host-cj_csrf=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly; SameSite=Strict; Secure$/,
    );
    expect(sessionCookie).toMatch(
      /^__Host-cj_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/,
    );
    expect(dropped).toBe('__Host-cj_csrf=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure');
    expect([...b.jar.cookies.keys()]).toEqual(['__Host-cj_session']);
    const token = await b.pageToken();

    // The same session token under the plain name (as a planted cookie would be) is not a session here.
    const plain = await fetch(`${t.baseUrl}/panel/drift`, {
      redirect: 'manual',
      headers: { ...overHttps, cookie: `cj_session=${b.jar.cookies.get('__Host-cj_session')}` },
    });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toMatch(/^\/login/);

    const out = await b.post('/logout', { _csrf: token });
    expect(out.status).toBe(303);
    expect(b.jar.lines.at(-1)).toBe(
      '__Host-cj_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure',
    );
    expect(b.jar.cookies.size).toBe(0);
  });

  it('Given plain http on the same API (development), Then the cookies keep their plain names', async () => {
    const b = browser(t.baseUrl);
    await b.signIn('panel.demo');
    expect([...b.jar.cookies.keys()]).toEqual(['cj_session']);
    expect(b.jar.lines[0]).not.toMatch(/Secure/);
  });
});
