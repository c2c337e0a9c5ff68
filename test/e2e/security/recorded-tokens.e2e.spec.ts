/**
 * CARE_JOURNEY_TOKENS=recorded: the API accepts only the bearer tokens recorded in `tokens-issued`
 * (what `care-journey token` writes before it prints a token). A token the real CLI mints while the
 * API runs works at its first request, on every API sharing the store; a token signed with the
 * secret by other means is 401 `token-not-recorded`; a web sign-in is recorded by the sign-in itself
 * and works on every API (web-sign-in-record.e2e.spec.ts: an unrecorded session is refused).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@care-journey/access';
import { tsRequireHookFile } from '@care-journey/event-store';
import { TOKEN_NOT_RECORDED } from '../../../apps/api/src/auth/token-verifier';
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { runCli } from '../support/run-cli';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_JWT_SECRET } from '../support/tokens';

/** The real CLI's `token`, signing with the APIs' secret (runCli copies the environment as it spawns). */
async function mintWithCli(sqliteFile: string, user: string): Promise<string> {
  const saved = process.env.CARE_JOURNEY_JWT_SECRET;
  process.env.CARE_JOURNEY_JWT_SECRET = TEST_JWT_SECRET;
  try {
    const run = await runCli(sqliteFile, ['token', '--role', 'auditor', '--user', user, '--hours', '1']);
    expect(run.code).toBe(0);
    const token = run.out.split('\n').find((line) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(line));
    if (!token) throw new Error(`token printed no token:\n${run.out}`);
    return token;
  } finally {
    if (saved === undefined) delete process.env.CARE_JOURNEY_JWT_SECRET;
    else process.env.CARE_JOURNEY_JWT_SECRET = saved;
  }
}

/** `serve` as its own process with these settings, until `close`; its address once it listens. */
function serveUntilClosed(
  env: Record<string, string>,
): Promise<{ url: string; out: () => string; close: () => void }> {
  const cli = join(__dirname, '../../../apps/cli/main.ts');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ...env };
  delete childEnv.CARE_JOURNEY_USERS;
  delete childEnv.CARE_JOURNEY_TOKENS;
  const child = spawn(process.execPath, ['--require', tsRequireHookFile(), cli, 'serve'], { env: childEnv });
  let out = '';
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const close = () => {
    clearTimeout(timer);
    child.kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /Listening on (http:\/\/\S+)/.exec(out);
      if (listening) resolve({ url: listening[1].replace('[::1]', '127.0.0.1'), out: () => out, close });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => reject(new Error(`serve exited ${code} before listening:\n${out}`)));
  });
}

describe('CARE_JOURNEY_TOKENS=recorded: only tokens in the record of issued tokens', () => {
  let dir: string;
  let sqliteFile: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-recorded-'));
    sqliteFile = join(dir, 'journeys.db');
    a = await startTestApp({ sqliteFile, config: { tokens: 'recorded' } });
    b = await startTestApp({ sqliteFile, config: { tokens: 'recorded' } });
  }, 30_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (api: TestApp, jwt: string) =>
    fetch(`${api.baseUrl}/drift-report`, { headers: { authorization: `Bearer ${jwt}` } });

  it('Given both APIs running, When the CLI mints a token, Then its first request to each is accepted, and so are the next', async () => {
    // Each API has already read the stream once (an unknown token), so the CLI's token is new to both.
    expect((await get(a, mintToken({ secret: TEST_JWT_SECRET, userId: 'x', role: 'auditor' }))).status).toBe(
      401,
    );
    expect((await get(b, mintToken({ secret: TEST_JWT_SECRET, userId: 'x', role: 'auditor' }))).status).toBe(
      401,
    );

    const token = await mintWithCli(sqliteFile, 'dpo.jane');
    expect((await get(a, token)).status).toBe(200);
    expect((await get(b, token)).status).toBe(200);
    expect((await get(a, token)).status).toBe(200);

    const listed = await runCli(sqliteFile, ['audit', 'tokens', '--user', 'dpo.jane']);
    expect(listed.out).toContain('1 token(s) issued');
  }, 60_000);

  it('Given a token signed with the secret by other means, When it is sent, Then it is 401 token-not-recorded, saying nothing about the token', async () => {
    const forged = mintToken({ secret: TEST_JWT_SECRET, userId: 'someone.else', role: 'admin' });
    const refused = await get(a, forged);
    expect(refused.status).toBe(401);
    const body = await refused.json();
    expect(body).toEqual({
      statusCode: 401,
      error: 'UnauthorizedException',
      message: TOKEN_NOT_RECORDED,
      reason: 'token-not-recorded',
    });
    expect(JSON.stringify(body)).not.toContain('someone.else');
  }, 30_000);

  it('Given a web sign-in (a session the API minted after a password check), When its cookie is sent to the other API, Then it works: the sign-in recorded it', async () => {
    const response = await postSignIn(
      a.baseUrl,
      { username: 'auditor.demo', password: DEMO_PASSWORD },
      await fetchSignInForm(a.baseUrl),
    );
    await response.arrayBuffer();
    expect(response.status).toBe(303);
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith('cj_session='));
    expect(cookie).toBeDefined();
    const page = await fetch(`${b.baseUrl}/drift-report`, { headers: { cookie: cookie! } });
    expect(page.status).toBe(200);
  }, 30_000);

  it('Given a production `serve` with CARE_JOURNEY_TOKENS unset, Then it accepts only recorded tokens (the default there) and says so at start-up', async () => {
    const store = join(dir, 'production.db');
    const server = await serveUntilClosed({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      CARE_JOURNEY_JWT_SECRET: TEST_JWT_SECRET,
      CARE_JOURNEY_AUDIT_KEY: 'a-production-audit-key-of-at-least-32-characters',
      CARE_JOURNEY_TRUST_PROXY: 'false',
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: store,
      CARE_JOURNEY_SQLITE_CREATE: '1',
    });
    try {
      expect(server.out()).toContain('API tokens are accepted only when recorded in tokens-issued');
      const ask = (jwt: string) =>
        fetch(`${server.url}/drift-report`, { headers: { authorization: `Bearer ${jwt}` } });
      const unrecorded = await ask(mintToken({ secret: TEST_JWT_SECRET, userId: 'ops', role: 'auditor' }));
      expect(unrecorded.status).toBe(401);
      expect(await unrecorded.json()).toMatchObject({ reason: 'token-not-recorded' });
      expect((await ask(await mintWithCli(store, 'dpo.jane'))).status).toBe(200);
    } finally {
      server.close();
    }
  }, 120_000);
});
