/**
 * `care-journey serve` without NODE_ENV=production signs tokens with the public development secret
 * and lets the demo users sign in: bound to an address other machines reach (HOST unset is every
 * interface), it refuses to start, naming the settings and what to do, unless bound to this
 * machine or started with --dev. The demo (npm start) listens on this machine unless HOST says
 * otherwise. The real CLI, as its own process, on a SQLite file.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@care-journey/access';
import { startCli as start } from './support/start-cli';

describe('care-journey serve: a development configuration is not opened to other machines', () => {
  let dir: string;
  const store = () => ({
    CARE_JOURNEY_STORE: 'sqlite',
    CARE_JOURNEY_SQLITE_FILE: join(dir, 'serve.db'),
    CARE_JOURNEY_READMODEL_FILE: undefined,
    // A new store in a temp folder: serve creates it only when told (serve-store-file.e2e.spec.ts).
    CARE_JOURNEY_SQLITE_CREATE: '1',
  });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-serve-dev-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given no NODE_ENV, secret or users file and HOST unset (every interface), When `serve` starts, Then it refuses with one line naming NODE_ENV, HOST and the settings, and exits 1', async () => {
    const refused = await start(['serve'], store());
    expect(refused.listening).toBe(false);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      'Cannot start: NODE_ENV: is not "production" while HOST 0.0.0.0 listens for other machines, and CARE_JOURNEY_JWT_SECRET is not set',
    );
    expect(refused.out).toContain('HOST=127.0.0.1');
    expect(refused.out).toContain('care-journey serve --dev');
  }, 90_000);

  it('Given the same settings, When bound to 127.0.0.1, or started with --dev, Then it listens', async () => {
    const local = await start(['serve'], { ...store(), HOST: '127.0.0.1' });
    expect({ listening: local.listening, out: local.out }).toMatchObject({ listening: true });
    expect(local.out).toContain('bound to 127.0.0.1:');
    const dev = await start(['serve', '--dev', '--port', '0'], { ...store(), HOST: '127.0.0.1' });
    expect(dev.listening).toBe(true);
    // --dev on every interface: not refused (bound to 0.0.0.0 here only for as long as it takes to start).
    const everywhere = await start(['serve', '--dev'], store());
    expect({ listening: everywhere.listening, refused: everywhere.out.includes('Cannot start') }).toEqual({
      listening: true,
      refused: false,
    });
    expect(everywhere.out).toContain('bound to 0.0.0.0:');
  }, 180_000);

  it('Given a users file readable by everyone, When `serve` starts, Then it warns naming the variable, the file and the fix, and starts', async () => {
    const users = join(dir, 'users.json');
    const entry = {
      username: 'ada',
      name: 'Ada',
      role: 'admin',
      passwordHash: hashPassword('a-password-for-ada'),
    };
    writeFileSync(users, JSON.stringify([entry]));
    chmodSync(users, 0o644);
    const started = await start(['serve'], { ...store(), HOST: '127.0.0.1', CARE_JOURNEY_USERS: users });
    expect(started.listening).toBe(true);
    expect(started.out).toContain(
      `CARE_JOURNEY_USERS: ${users} is readable by every user of this machine (mode 0644): make it owner-only, chmod 600 ${users}`,
    );
  }, 90_000);

  it('Given HOST unset, When the demo starts (npm start), Then it listens on this machine only', async () => {
    const demo = await start(['demo', '--children', '0'], store());
    expect(demo.listening).toBe(true);
    expect(demo.out).toContain('bound to 127.0.0.1:');
  }, 90_000);
});
