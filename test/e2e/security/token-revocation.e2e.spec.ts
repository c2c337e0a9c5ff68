/**
 * Bearer tokens are revocable: `care-journey token revoke` writes the file CARE_JOURNEY_REVOKED_TOKENS
 * names, and every API reading it refuses the token within about a second, without a restart: 401
 * with reason `token-revoked` and nothing else about it. Two real HTTP apps on one SQLite file stand
 * for two API hosts with the same configuration; the real CLI writes the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { appendRevocation, mintToken } from '@care-journey/access';
import { TOKEN_REVOKED } from '../../../apps/api/src/auth/token-verifier';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { runCli } from '../support/run-cli';
import { fetchSignInForm, postSignIn, sessionCookieOf } from '../support/sign-in-form';
import { type TestApp } from '../support/test-app';
import { TEST_JWT_SECRET } from '../support/tokens';
import { driftReportWith, useTwoApis } from '../support/two-apis';
import { withEnv } from '../support/with-env';

const token = (user: string, issuedAt?: Date) =>
  mintToken({ secret: TEST_JWT_SECRET, userId: user, role: 'auditor', issuedAt });
const jtiOf = (jwt: string) => new JwtService().decode<{ jti: string }>(jwt).jti;

describe('revoking bearer tokens, across API hosts, without a restart', () => {
  /** The revoked-tokens file both APIs read and the CLI writes (in the APIs' temp folder). */
  let file: string;
  const apis = useTwoApis({
    prefix: 'care-journey-revoke-',
    env: (dir) => {
      file = join(dir, 'revoked-tokens');
      writeFileSync(file, '', { mode: 0o600 });
      return { CARE_JOURNEY_REVOKED_TOKENS: file };
    },
  });

  /** The API looks at the file at most once a second (its default interval): ask until it answers 401 (bounded). */
  async function refusedSoon(api: TestApp, jwt: string): Promise<Response> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await driftReportWith(api, jwt);
      if (response.status === 401 || Date.now() > deadline) return response;
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const revoke = async (...args: string[]) => {
    const run = await runCli(apis.a.sqliteFile, ['token', 'revoke', '--file', file, ...args]);
    expect(run).toMatchObject({ code: 0 });
    return run.out;
  };

  it('Given a token that works on both APIs, When the CLI revokes its id, Then both answer 401 token-revoked saying nothing more; the user’s other token still works', async () => {
    const revoked = token('ann');
    const other = token('ann');
    expect((await driftReportWith(apis.a, revoked)).status).toBe(200);
    expect((await driftReportWith(apis.b, revoked)).status).toBe(200);

    expect(await revoke('--id', jtiOf(revoked), '--reason', 'laptop lost')).toContain(
      `revoked token ${jtiOf(revoked)}`,
    );

    for (const api of [apis.a, apis.b]) {
      const refused = await refusedSoon(api, revoked);
      expect(refused.status).toBe(401);
      const body = await refused.json();
      expect(body).toEqual({
        statusCode: 401,
        error: 'UnauthorizedException',
        message: TOKEN_REVOKED,
        reason: 'token-revoked',
      });
      // Nothing about the revocation: not its id, user, reason or time.
      expect(JSON.stringify(body)).not.toMatch(new RegExp(`${jtiOf(revoked)}|ann|laptop`));
    }
    expect((await driftReportWith(apis.a, other)).status).toBe(200);
    expect((await driftReportWith(apis.b, other)).status).toBe(200);
  }, 60_000);

  it('Given a leaver’s tokens, When the CLI revokes every token of the user issued before a time, Then those are refused and a token issued after the cut-off works', async () => {
    const now = Date.now();
    const before = token('leo', new Date(now - 60_000));
    const alsoBefore = token('LEO', new Date(now - 45_000)); // user ids compared ignoring case
    const otherUser = token('mia', new Date(now - 60_000));
    expect((await driftReportWith(apis.a, before)).status).toBe(200);

    const cutOff = new Date(Math.floor((now - 30_000) / 1000) * 1000).toISOString();
    expect(await revoke('--user', 'leo', '--before', cutOff)).toContain('revoked every token of "leo"');

    expect((await refusedSoon(apis.a, before)).status).toBe(401);
    expect((await refusedSoon(apis.b, alsoBefore)).status).toBe(401);
    expect(await (await driftReportWith(apis.b, before)).json()).toMatchObject({ reason: 'token-revoked' });
    // Issued after the cut-off (now): works, as does another user's older token.
    expect((await driftReportWith(apis.a, token('leo'))).status).toBe(200);
    expect((await driftReportWith(apis.b, token('leo'))).status).toBe(200);
    expect((await driftReportWith(apis.a, otherUser)).status).toBe(200);

    // The CLI lists what is in force, as the APIs read it.
    const listed = await runCli(apis.a.sqliteFile, ['token', 'list-revoked', '--file', file]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`user leo before ${cutOff.replace('.000Z', 'Z')}`);
    expect(listed.out).toContain('2 revocation(s)');
  }, 60_000);

  it('Given a signed-in web user, When every token of theirs is revoked, Then their session is refused too (the pages send them to sign in) and signing in again works', async () => {
    const signIn = async (api: TestApp): Promise<string> => {
      const response = await postSignIn(
        api.baseUrl,
        { username: 'sw.demo', password: DEMO_PASSWORD },
        await fetchSignInForm(api.baseUrl),
      );
      await response.arrayBuffer();
      const session = sessionCookieOf(response);
      if (response.status !== 303 || !session) throw new Error(`sign-in answered ${response.status}`);
      return session;
    };
    const page = (api: TestApp, cookie: string, accept = 'application/json') =>
      fetch(`${api.baseUrl}/panel/drift`, { redirect: 'manual', headers: { cookie, accept } });
    const cookie = await signIn(apis.a);
    expect((await page(apis.b, cookie)).status).toBe(200);
    const issuedAt = new JwtService().decode<{ iat: number }>(cookie.slice('cj_session='.length)).iat;

    // The CLI's writer, as `token revoke --user sw.demo` calls it.
    appendRevocation(file, { kind: 'user', user: 'sw.demo', before: new Date(issuedAt * 1000) });
    /** Asks until `done` (each API looks at the file at most once a second), bounded. */
    const soon = async (ask: () => Promise<Response>, done: (r: Response) => boolean) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const response = await ask();
        if (done(response) || Date.now() > deadline) return response;
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const refused = await soon(
      () => page(apis.b, cookie),
      (r) => r.status === 303,
    );
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/^\/login/);
    const api = await soon(
      () => fetch(`${apis.a.baseUrl}/drift-report`, { headers: { cookie } }),
      (r) => r.status === 401,
    );
    expect(await api.json()).toMatchObject({ statusCode: 401, reason: 'token-revoked' });

    // A session signed in after the cut-off's second is a new token: it works.
    while (Math.floor(Date.now() / 1000) <= issuedAt) await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await signIn(apis.a);
    expect((await page(apis.b, again)).status).toBe(200);
  }, 60_000);

  it('Given a revoked-tokens file with a bad line, or none, Then `serve` does not start, naming the setting, the file and the line', async () => {
    const bad = join(apis.dir, 'bad-revoked');
    writeFileSync(bad, '# ok\nid 0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47\nuser leo before last-tuesday\n');
    // runCli copies the environment as it spawns.
    const serveWith = (revokedFile: string) =>
      withEnv({ CARE_JOURNEY_REVOKED_TOKENS: revokedFile }, () =>
        runCli(join(apis.dir, 'serve.db'), ['serve', '--port', '0']),
      );
    const refused = await serveWith(bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `Cannot start: CARE_JOURNEY_REVOKED_TOKENS: ${bad}:3: \`before\` must be an instant with its time zone`,
    );
    const missing = await serveWith(join(apis.dir, 'missing'));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(
      `Cannot start: CARE_JOURNEY_REVOKED_TOKENS: cannot read the revoked-tokens file ${join(apis.dir, 'missing')} (ENOENT)`,
    );
  }, 60_000);

  // Last: the leaver spec above counts the file's lines.
  it('Given a token revoked with its expiry (as `token` prints the command), Then both APIs read the line and refuse it; `revoke --prune` keeps it while the token could still be used (review s12-ops F13)', async () => {
    const revoked = token('ivy');
    const { exp } = new JwtService().decode<{ exp: number }>(revoked);
    const expires = new Date(exp * 1000).toISOString();
    expect((await driftReportWith(apis.a, revoked)).status).toBe(200);
    await revoke('--id', jtiOf(revoked), '--expires', expires);
    expect(readFileSync(file, 'utf8')).toContain(
      `id ${jtiOf(revoked)} expires ${expires.replace('.000Z', 'Z')}`,
    );
    for (const api of [apis.a, apis.b]) expect((await refusedSoon(api, revoked)).status).toBe(401);
    await revoke('--prune');
    expect(readFileSync(file, 'utf8')).toContain(`id ${jtiOf(revoked)} expires`);
    expect((await driftReportWith(apis.a, revoked)).status).toBe(401);
  }, 60_000);
});
