/**
 * Web sign-ins are recorded (session 18): each successful sign-in appends SignedIn to `tokens-issued`
 * before its cookie is set, and with CARE_JOURNEY_TOKENS=recorded a session cookie is accepted only
 * when its id is in that record, as a bearer token is. One app (recorded mode, a revoked-tokens
 * file), a real SQLite file, the real sign-in form.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { appendRevocation, mintToken } from '@care-journey/access';
import { SIGNED_IN, TOKENS_ISSUED_STREAM } from '@care-journey/audit';
import { readStreamOrEmpty, type RecordedEvent } from '@care-journey/event-store';
import { newSessionId } from '../../../apps/api/src/auth/session-ends';
import { TOKEN_NOT_RECORDED } from '../../../apps/api/src/auth/token-verifier';
import { sessionFormToken } from '../../../apps/api/src/web/auth/csrf';
import { FAILURE_MESSAGES } from '../../../apps/api/src/web/auth/login.page';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { runCli } from '../support/run-cli';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_JWT_SECRET } from '../support/tokens';
import { withEnv } from '../support/with-env';

const COOKIE = 'cj_session=';
const claimsOf = (cookie: string) =>
  new JwtService().decode<{ jti: string; iat: number; exp: number }>(cookie.slice(COOKIE.length));

describe('web sign-ins recorded in tokens-issued; CARE_JOURNEY_TOKENS=recorded covers sessions', () => {
  let dir: string;
  let revoked: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-sign-in-record-'));
    revoked = join(dir, 'revoked-tokens');
    writeFileSync(revoked, '', { mode: 0o600 });
    // The revoked-tokens file is read as the app starts.
    t = await withEnv({ CARE_JOURNEY_REVOKED_TOKENS: revoked }, () =>
      startTestApp({
        sqliteFile: join(dir, 'journeys.db'),
        // 5-minute sessions: "Stay signed in" (due 10 minutes before the end) can be tried at once.
        config: { tokens: 'recorded', fileRecheckMs: 50, sessionMinutes: 5 },
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const recorded = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of readStreamOrEmpty(t.store, TOKENS_ISSUED_STREAM)) events.push(event);
    return events;
  };
  const signIn = async (password = DEMO_PASSWORD) => {
    const response = await postSignIn(
      t.baseUrl,
      { username: 'auditor.demo', password },
      await fetchSignInForm(t.baseUrl),
      { accept: 'text/html' },
    );
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith(COOKIE) && pair.length > COOKIE.length);
    return { response, cookie, page: await response.text() };
  };
  const page = (cookie: string) =>
    fetch(`${t.baseUrl}/panel/drift`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });

  it('Given the sign-in form, When a user signs in, Then SignedIn records who, when, the session id, role and expiry (no password, no token), and the session is accepted', async () => {
    const { response, cookie } = await signIn();
    expect(response.status).toBe(303);
    expect(cookie).toBeDefined();
    const { jti, iat, exp } = claimsOf(cookie!);

    const events = await recorded();
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe(SIGNED_IN);
    expect(events[0].data).toEqual({
      tokenId: jti,
      userId: 'auditor.demo',
      name: 'Alex Auditor (demo)',
      role: 'auditor',
      issuedAt: new Date(iat * 1000).toISOString().replace('.000Z', 'Z'),
      expiresAt: new Date(exp * 1000).toISOString().replace('.000Z', 'Z'),
      keyId: expect.stringMatching(/^sha256:/),
    });
    expect(events[0].metadata).toMatchObject({ recordedBy: 'auditor.demo', requestId: expect.any(String) });
    const stored = JSON.stringify([events[0].data, events[0].metadata]);
    expect(stored).not.toContain(DEMO_PASSWORD);
    expect(stored).not.toContain(cookie!.slice(COOKIE.length));

    expect((await page(cookie!)).status).toBe(200);

    // Listed by the CLI as a web sign-in, apart from `care-journey token`'s tokens.
    const listed = await runCli(t.sqliteFile, ['audit', 'tokens', '--source', 'web-sign-in']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`"tokenId": "${jti}"`);
    expect(listed.out).toContain('"source": "web-sign-in"');
    expect(listed.out).toContain('1 token(s) issued: 0 by `care-journey token`, 1 at web sign-in');
  }, 60_000);

  it('Given a recorded sign-in, When the user signs out, Then `audit tokens` lists the end after the sign-in, under its session id, reason signed-out', async () => {
    const { cookie } = await signIn();
    const { jti } = claimsOf(cookie!);
    const signedOut = await fetch(`${t.baseUrl}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: cookie!,
        accept: 'text/html',
        'x-csrf-token': sessionFormToken(cookie!.slice(COOKIE.length)),
      },
    });
    expect(signedOut.status).toBe(303);

    const listed = await runCli(t.sqliteFile, ['audit', 'tokens', '--user', 'auditor.demo']);
    expect(listed.code).toBe(0);
    const entries = JSON.parse(
      listed.out.slice(listed.out.indexOf('['), listed.out.lastIndexOf(']') + 1),
    ) as {
      source: string;
      tokenId?: string;
      sessionId?: string;
      reason?: string;
    }[];
    const signInAt = entries.findIndex((entry) => entry.tokenId === jti);
    const endAt = entries.findIndex((entry) => entry.sessionId === jti);
    expect(signInAt).toBeGreaterThanOrEqual(0);
    expect(endAt).toBeGreaterThan(signInAt);
    expect(entries[endAt]).toMatchObject({
      source: 'session-ended',
      reason: 'signed-out',
      userId: 'auditor.demo',
    });
    expect(listed.out).toMatch(/web session\(s\) ended: [1-9]\d* signed out/);
  }, 60_000);

  it('Given a recorded sign-in, When "Stay signed in" extends it, Then the new cookie (the same session id) is accepted and nothing more is added to the record', async () => {
    const { cookie } = await signIn();
    const before = (await recorded()).length;
    const token = cookie!.slice(COOKIE.length);
    // An extension in the sign-in's own second would not move the end (whole seconds).
    const signedInAt = claimsOf(cookie!).iat;
    while (Math.floor(Date.now() / 1000) <= signedInAt)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const extended = await fetch(`${t.baseUrl}/session/extend`, {
      method: 'POST',
      headers: { cookie: cookie!, accept: 'application/json', 'x-csrf-token': sessionFormToken(token) },
    });
    expect(extended.status).toBe(200);
    expect(await extended.json()).toMatchObject({ extended: true });
    const renewed = extended.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith(COOKIE));
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(cookie);
    expect(claimsOf(renewed!).jti).toBe(claimsOf(cookie!).jti);
    expect((await page(renewed!)).status).toBe(200);
    expect(await recorded()).toHaveLength(before);
  });

  it('Given a session cookie signed with the secret but never signed in, When it is sent, Then the pages send it to sign in and the API answers 401 token-not-recorded', async () => {
    const forged = `${COOKIE}${mintToken({
      secret: TEST_JWT_SECRET,
      userId: 'admin.demo',
      role: 'admin',
      sessionId: newSessionId(),
    })}`;
    const refused = await page(forged);
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/^\/login\?next=/);
    const api = await fetch(`${t.baseUrl}/drift-report`, { headers: { cookie: forged } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ message: TOKEN_NOT_RECORDED, reason: 'token-not-recorded' });
  });

  it('Given a wrong password, When it is posted, Then it is 401 as before and nothing is recorded', async () => {
    const before = (await recorded()).length;
    const { response, cookie } = await signIn('not-the-password');
    expect(response.status).toBe(401);
    expect(cookie).toBeUndefined();
    expect(await recorded()).toHaveLength(before);
  });

  it('Given a store that cannot record, When a user signs in, Then the page says so with 503, no session cookie is set and nothing is recorded', async () => {
    const before = (await recorded()).length;
    const append = t.store.appendToStream.bind(t.store);
    t.store.appendToStream = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    try {
      const { response, cookie, page: html } = await signIn();
      expect(response.status).toBe(503);
      expect(cookie).toBeUndefined();
      expect(html).toContain('could not record your sign-in. Nothing was changed.');
      expect(html).toContain(FAILURE_MESSAGES['not-recorded'].slice(0, 40));
    } finally {
      t.store.appendToStream = append;
    }
    expect(await recorded()).toHaveLength(before);
  });

  it('Given a recorded web sign-in, When its id is revoked (`token revoke --id`), Then its session is refused', async () => {
    const { cookie } = await signIn();
    expect((await page(cookie!)).status).toBe(200);
    const { jti, exp } = claimsOf(cookie!);
    appendRevocation(revoked, { kind: 'id', id: jti, expires: new Date(exp * 1000) });
    const deadline = Date.now() + 10_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      const response = await page(cookie!);
      await response.arrayBuffer();
      status = response.status;
    }
    expect(status).toBe(303);
    const api = await fetch(`${t.baseUrl}/drift-report`, { headers: { cookie: cookie! } });
    expect(await api.json()).toMatchObject({ statusCode: 401, reason: 'token-revoked' });
  }, 60_000);
});
