/**
 * A web session ends once its user's role in the users file (CARE_JOURNEY_USERS) is no longer the
 * one it signed in with, or the user has been removed: a 401 saying why (the pages send the browser
 * to sign in), never a 500, for every API process on the store, durably. Bearer tokens of API clients
 * are refused the same way while the file says so. An API looks at the file at most once a second;
 * these look at every request (fileRecheckMs 0), so the change is seen at the next one. Real HTTP
 * apps, real SQLite file.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type Role } from '@care-journey/access';
import { ACCESS_CHANGED } from '../../../apps/api/src/auth/session-users';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { withEnv } from '../support/with-env';

const PASSWORD = 'a-password-for-the-e2e-users';
const HASH = hashPassword(PASSWORD);

describe('a role change or a removal in the users file ends the sessions already signed in', () => {
  let dir: string;
  let usersFile: string;
  let a: TestApp;
  let b: TestApp;
  /** The users file as a deploy writes it: a new file moved into place. */
  const writeUsers = (users: Record<string, Role>) => {
    const entries = Object.entries(users).map(([username, role]) => ({
      username,
      name: username,
      role,
      passwordHash: HASH,
    }));
    writeFileSync(`${usersFile}.new`, JSON.stringify(entries));
    renameSync(`${usersFile}.new`, usersFile);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-access-change-'));
    usersFile = join(dir, 'users.json');
    writeUsers({ rita: 'panel_member', sam: 'social_worker' });
    await withEnv({ CARE_JOURNEY_USERS: usersFile }, async () => {
      const sqliteFile = join(dir, 'journeys.db');
      a = await startTestApp({ sqliteFile, config: { fileRecheckMs: 0 } });
      b = await startTestApp({ sqliteFile, config: { projections: 'worker', fileRecheckMs: 0 } });
    });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signs in on `api`; answers the session's Cookie header, or the refusal's status. */
  async function signIn(api: TestApp, username: string): Promise<string | number> {
    const response = await postSignIn(
      api.baseUrl,
      { username, password: PASSWORD },
      await fetchSignInForm(api.baseUrl),
    );
    await response.arrayBuffer();
    const session = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith('cj_session='));
    return response.status === 303 && session ? session : response.status;
  }
  const get = (api: TestApp, path: string, cookie: string) =>
    fetch(`${api.baseUrl}${path}`, { redirect: 'manual', headers: { cookie, accept: 'application/json' } });

  it('Given a panel member signed in, When the file makes them an auditor, Then the session is refused at its next request, here and on the other API, even once the role is put back', async () => {
    const cookie = await signIn(a, 'rita');
    expect(typeof cookie).toBe('string');
    expect((await get(a, '/drift-report', cookie as string)).status).toBe(200);

    writeUsers({ rita: 'auditor', sam: 'social_worker' });
    const refused = await get(a, '/drift-report', cookie as string);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ statusCode: 401, message: ACCESS_CHANGED });
    // The pages send the browser to sign in.
    const page = await get(a, '/panel/drift', cookie as string);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);

    // Ended in the store: with the old role back, the other API refuses it as signed out.
    writeUsers({ rita: 'panel_member', sam: 'social_worker' });
    const elsewhere = await get(b, '/drift-report', cookie as string);
    expect(elsewhere.status).toBe(401);
    expect(await elsewhere.json()).toMatchObject({ message: 'This session was signed out: sign in again' });

    // Signing in again gives a session with the role the file gives now.
    const again = await signIn(b, 'rita');
    expect((await get(a, '/drift-report', again as string)).status).toBe(200);
  }, 60_000);

  it('Given a social worker signed in, When they are removed from the file, Then their session and their sign-in are refused; so are their bearer tokens', async () => {
    const cookie = await signIn(a, 'sam');
    expect((await get(a, '/panel/drift', cookie as string)).status).toBe(200);

    writeUsers({ rita: 'panel_member' });
    const refused = await get(b, '/children?q=a', cookie as string);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ message: ACCESS_CHANGED });
    expect((await get(a, '/panel/drift', cookie as string)).status).toBe(303);
    expect(await signIn(a, 'sam')).toBe(401);

    // Bearer tokens of API clients match (token-holders.ts): a removed user's are refused too, on
    // every API reading the file.
    const bearer = (api: TestApp, user: string, role: Role) =>
      fetch(`${api.baseUrl}/children?q=a`, {
        headers: { authorization: `Bearer ${tokenFor(role, user)}` },
      });
    for (const api of [a, b]) {
      const refusedBearer = await bearer(api, 'sam', 'social_worker');
      expect(refusedBearer.status).toBe(401);
      expect(await refusedBearer.json()).toMatchObject({ reason: 'access-changed' });
    }
    // Someone still in the file keeps their tokens, with the role the file gives them only.
    expect((await bearer(a, 'rita', 'panel_member')).status).toBe(200);
    expect((await bearer(a, 'rita', 'admin')).status).toBe(401);
  }, 60_000);
});
