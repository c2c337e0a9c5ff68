/**
 * CARE_JOURNEY_TOKENS=recorded: the API accepts only the bearer tokens recorded in `tokens-issued`
 * (what `care-journey token` writes before it prints a token). A token the real CLI mints while the
 * API runs works at its first request, on every API sharing the store; a token signed with the
 * secret by other means is 401 `token-not-recorded`; a web sign-in is recorded by the sign-in itself
 * and works on every API (web-sign-in-record.e2e.spec.ts: an unrecorded session is refused).
 */
import { join } from 'node:path';
import { mintToken } from '@care-journey/access';
import { TOKEN_NOT_RECORDED } from '../../../apps/api/src/auth/token-verifier';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { runCli } from '../support/run-cli';
import { serveCli } from '../support/serve-cli';
import { fetchSignInForm, postSignIn, sessionCookieOf } from '../support/sign-in-form';
import { TEST_JWT_SECRET } from '../support/tokens';
import { driftReportWith, useTwoApis } from '../support/two-apis';
import { withEnv } from '../support/with-env';

/** The real CLI's `token`, signing with the APIs' secret (runCli copies the environment as it spawns). */
async function mintWithCli(sqliteFile: string, user: string): Promise<string> {
  const run = await withEnv({ CARE_JOURNEY_JWT_SECRET: TEST_JWT_SECRET }, () =>
    runCli(sqliteFile, ['token', '--role', 'auditor', '--user', user, '--hours', '1']),
  );
  expect(run.code).toBe(0);
  const token = run.out.split('\n').find((line) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(line));
  if (!token) throw new Error(`token printed no token:\n${run.out}`);
  return token;
}

describe('CARE_JOURNEY_TOKENS=recorded: only tokens in the record of issued tokens', () => {
  const apis = useTwoApis({ prefix: 'care-journey-recorded-', config: { tokens: 'recorded' } });

  it('Given both APIs running, When the CLI mints a token, Then its first request to each is accepted, and so are the next', async () => {
    const unrecorded = () => mintToken({ secret: TEST_JWT_SECRET, userId: 'x', role: 'auditor' });
    // Each API has already read the stream once (an unknown token), so the CLI's token is new to both.
    expect((await driftReportWith(apis.a, unrecorded())).status).toBe(401);
    expect((await driftReportWith(apis.b, unrecorded())).status).toBe(401);

    const token = await mintWithCli(apis.sqliteFile, 'dpo.jane');
    expect((await driftReportWith(apis.a, token)).status).toBe(200);
    expect((await driftReportWith(apis.b, token)).status).toBe(200);
    expect((await driftReportWith(apis.a, token)).status).toBe(200);

    const listed = await runCli(apis.sqliteFile, ['audit', 'tokens', '--user', 'dpo.jane']);
    expect(listed.out).toContain('1 token(s) issued');
  }, 60_000);

  it('Given a token signed with the secret by other means, When it is sent, Then it is 401 token-not-recorded, saying nothing about the token', async () => {
    const forged = mintToken({ secret: TEST_JWT_SECRET, userId: 'someone.else', role: 'admin' });
    const refused = await driftReportWith(apis.a, forged);
    expect(refused.status).toBe(401);
    const body = await refused.json();
    expect(body).toEqual({
      statusCode: 401,
      error: 'UnauthorizedException',
      message: TOKEN_NOT_RECORDED,
      reason: 'token-not-recorded',
    });
    expect(JSON.stringify(body)).not.toContain('someone.else');
  }, 60_000);

  it('Given a web sign-in (a session the API minted after a password check), When its cookie is sent to the other API, Then it works: the sign-in recorded it', async () => {
    const response = await postSignIn(
      apis.a.baseUrl,
      { username: 'auditor.demo', password: DEMO_PASSWORD },
      await fetchSignInForm(apis.a.baseUrl),
    );
    await response.arrayBuffer();
    expect(response.status).toBe(303);
    const cookie = sessionCookieOf(response);
    expect(cookie).toBeDefined();
    const page = await fetch(`${apis.b.baseUrl}/drift-report`, { headers: { cookie: cookie! } });
    expect(page.status).toBe(200);
  }, 60_000);

  it('Given a production `serve` with CARE_JOURNEY_TOKENS unset, Then it accepts only recorded tokens (the default there) and says so at start-up', async () => {
    const store = join(apis.dir, 'production.db');
    const server = await serveCli([], {
      NODE_ENV: 'production',
      CARE_JOURNEY_JWT_SECRET: TEST_JWT_SECRET,
      CARE_JOURNEY_AUDIT_KEY: 'a-production-audit-key-of-at-least-32-characters',
      CARE_JOURNEY_TRUST_PROXY: 'false',
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: store,
      CARE_JOURNEY_SQLITE_CREATE: '1',
      CARE_JOURNEY_USERS: undefined,
      CARE_JOURNEY_TOKENS: undefined,
    });
    let out: string;
    try {
      const unrecorded = await driftReportWith(
        server,
        mintToken({ secret: TEST_JWT_SECRET, userId: 'ops', role: 'auditor' }),
      );
      expect(unrecorded.status).toBe(401);
      expect(await unrecorded.json()).toMatchObject({ reason: 'token-not-recorded' });
      expect((await driftReportWith(server, await mintWithCli(store, 'dpo.jane'))).status).toBe(200);
    } finally {
      out = await server.stop();
    }
    expect(out.slice(0, out.indexOf('Listening on'))).toContain(
      'API tokens are accepted only when recorded in tokens-issued',
    );
  }, 120_000);
});
