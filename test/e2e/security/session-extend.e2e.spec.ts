/**
 * "Stay signed in" (a11y review #3, WCAG 2.2.1): POST /session/extend gives a live web session a
 * later end, only through the checks every page request passes (token valid and unexpired, not
 * revoked, not signed out, user still there with their role, CSRF token echoed), and at most 24
 * hours from sign-in. Each refusal says why and changes nothing: no new cookie, nothing recorded.
 * Real HTTP app on a real SQLite file; a revocations file looked at every request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { readStreamOrEmpty } from '@care-journey/event-store';
import { mintToken, type Role } from '@care-journey/access';
import { sessionExtensionsStream } from '../../../apps/api/src/auth/session-extensions';
import { sessionFormToken } from '../../../apps/api/src/web/auth/csrf';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens';
import { withEnv } from '../support/with-env';

const HOUR = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Claims {
  jti: string;
  iat: number;
  exp: number;
  sub: string;
}
const claimsOf = (jwt: string) => new JwtService().decode<Claims>(jwt);

/** A web session's token as the sign-in mints one, signed in `ago` seconds ago and lasting `hours` from then. */
function sessionToken(
  sessionId: string,
  ago: number,
  hours: number,
  user = 'panel.demo',
  role: Role = 'panel_member',
) {
  return mintToken({
    secret: TEST_JWT_SECRET,
    userId: user,
    role,
    sessionId,
    issuedAt: new Date((nowSeconds() - ago) * 1000),
    hours,
  });
}

const sessionCookieOf = (response: Response): string | undefined =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('cj_session='))
    ?.slice('cj_session='.length);

describe('POST /session/extend ("Stay signed in")', () => {
  let dir: string;
  let revoked: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-extend-'));
    revoked = join(dir, 'revoked-tokens');
    writeFileSync(revoked, '', { mode: 0o600 });
    t = await withEnv({ CARE_JOURNEY_REVOKED_TOKENS: revoked }, () =>
      startTestApp({ config: { fileRecheckMs: 0 } }),
    );
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const extend = (token: string, csrf: string | null = sessionFormToken(token)) =>
    fetch(`${t.baseUrl}/session/extend`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `cj_session=${token}`,
        accept: 'application/json',
        ...(csrf === null ? {} : { 'x-csrf-token': csrf }),
      },
    });

  const recorded = async (sessionId: string) => {
    const events = [];
    for await (const event of readStreamOrEmpty(t.store, sessionExtensionsStream(sessionId)))
      events.push(event);
    return events;
  };

  /** A refusal: the status and message asked for, no cookie set, nothing recorded for the session. */
  async function expectRefused(response: Response, sessionId: string, status: number, message: RegExp) {
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(await recorded(sessionId)).toEqual([]);
  }

  it('Given a session signed in through the form a moment ago, When asked to extend, Then it is not due: the same end, no new cookie, nothing recorded', async () => {
    const form = await fetchSignInForm(t.baseUrl);
    const signedIn = await postSignIn(t.baseUrl, { username: 'auditor.demo', password: DEMO_PASSWORD }, form);
    const token = sessionCookieOf(signedIn)!;
    const { jti, exp } = claimsOf(token);
    const response = await extend(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      extended: false,
      endsAt: new Date(exp * 1000).toISOString(),
      endsInSeconds: expect.any(Number),
      endsAtText: expect.stringMatching(/^\d\d:\d\d( on .+)?$/),
      canExtendAgain: true,
      csrfToken: sessionFormToken(token),
    });
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(await recorded(jti)).toEqual([]);
  });

  it('Given a live session 5 minutes from its end, When extended, Then the same session (id, sign-in time) ends a full 8 hours from now, the new cookie works, and the extension is recorded', async () => {
    const sessionId = '10101010-1010-4010-8010-101010101010';
    const before = sessionToken(sessionId, 7 * HOUR + 55 * 60, 8, 'auditor.demo', 'auditor');
    const old = claimsOf(before);

    const response = await extend(before);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { endsAt: string; csrfToken: string };
    const after = sessionCookieOf(response)!;
    const renewed = claimsOf(after);
    expect(renewed).toMatchObject({ jti: sessionId, iat: old.iat, sub: 'auditor.demo' });
    expect(renewed.exp - nowSeconds()).toBeGreaterThan(8 * HOUR - 60);
    expect(body).toEqual({
      extended: true,
      endsAt: new Date(renewed.exp * 1000).toISOString(),
      endsInSeconds: expect.any(Number),
      endsAtText: expect.stringMatching(/^\d\d:\d\d( on .+)?$/),
      canExtendAgain: true,
      csrfToken: sessionFormToken(after),
    });
    expect(response.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=Strict; Max-Age=28\d\d\d/);
    const page = await fetch(`${t.baseUrl}/panel/drift`, {
      redirect: 'manual',
      headers: { cookie: `cj_session=${after}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${body.csrfToken}"`);
    const events = await recorded(sessionId);
    expect(
      events.map((event) => ({ type: event.type, data: event.data, by: event.metadata.recordedBy })),
    ).toEqual([
      {
        type: 'SessionExtended',
        data: expect.objectContaining({
          sessionId,
          userId: 'auditor.demo',
          role: 'auditor',
          signedInAt: new Date(old.iat * 1000).toISOString(),
          endedAt: new Date(old.exp * 1000).toISOString(),
          endsAt: body.endsAt,
        }),
        by: 'auditor.demo',
      },
    ]);
    // Asked again at once, it is not due: still one entry.
    const again = await extend(after);
    expect(await again.json()).toMatchObject({ extended: false, endsAt: body.endsAt });
    expect(await recorded(sessionId)).toHaveLength(1);
  });

  it('Given a session signed in 20 hours ago, When extended, Then it ends 24 hours from sign-in, and says it cannot be extended again', async () => {
    const sessionId = '11111111-1111-4111-8111-111111111111';
    const token = sessionToken(sessionId, 20 * HOUR, 20 + 2 / 60);
    const response = await extend(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ extended: true, canExtendAgain: false });
    const renewed = claimsOf(sessionCookieOf(response)!);
    expect(renewed.exp - renewed.iat).toBe(24 * HOUR);
  });

  it('Given a session already at 24 hours from sign-in, When extended, Then 409 naming the limit, and nothing changes', async () => {
    const sessionId = '22222222-2222-4222-8222-222222222222';
    const token = sessionToken(sessionId, 23 * HOUR, 24);
    await expectRefused(
      await extend(token),
      sessionId,
      409,
      /^This session cannot be extended: a sign-in lasts at most 24 hours/,
    );
  });

  it('Given an expired session, When extended, Then 401 "Token has expired", and nothing changes', async () => {
    const sessionId = '33333333-3333-4333-8333-333333333333';
    const token = sessionToken(sessionId, 8 * HOUR + 5, 8);
    await expectRefused(await extend(token), sessionId, 401, /^Token has expired$/);
  });

  it('Given a revoked session, When extended, Then 401 token-revoked, and nothing changes', async () => {
    const sessionId = '44444444-4444-4444-8444-444444444444';
    const token = sessionToken(sessionId, HOUR, 8);
    writeFileSync(revoked, `id ${sessionId}\n`);
    try {
      await expectRefused(await extend(token), sessionId, 401, /has been revoked/);
    } finally {
      writeFileSync(revoked, '');
    }
  });

  it('Given a session whose user is no longer in the directory, When extended, Then 401 access changed, and nothing changes', async () => {
    const sessionId = '55555555-5555-4555-8555-555555555555';
    const token = sessionToken(sessionId, HOUR, 8, 'left.demo');
    await expectRefused(await extend(token), sessionId, 401, /^Your access changed since you signed in/);
  });

  it('Given no CSRF token, or another session’s, When extended, Then 403 "not sent", and nothing changes', async () => {
    const sessionId = '66666666-6666-4666-8666-666666666666';
    const token = sessionToken(sessionId, HOUR, 8);
    await expectRefused(
      await extend(token, null),
      sessionId,
      403,
      /^Nothing was recorded: this form was opened/,
    );
    const other = sessionToken('77777777-7777-4777-8777-777777777777', HOUR, 8);
    await expectRefused(
      await extend(token, sessionFormToken(other)),
      sessionId,
      403,
      /^Nothing was recorded/,
    );
  });

  it('Given an API client’s bearer token, When it asks to extend, Then 400: only a page session can be', async () => {
    const response = await fetch(`${t.baseUrl}/session/extend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor('auditor')}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      reason: 'not-a-session',
      message: expect.stringMatching(/an API token cannot/),
    });
  });
});
