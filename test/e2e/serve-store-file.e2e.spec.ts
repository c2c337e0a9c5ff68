/**
 * Review s12-ops F7/F8: a mistyped or unmounted CARE_JOURNEY_SQLITE_FILE used to create and serve a
 * new, empty store; a store path naming the read-model file turned it into a log; an unopenable
 * path ended in a stack trace. `serve` now refuses each with one line naming the setting, and
 * creates a missing store only when told. The real CLI, as its own process, on SQLite files.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from './support/start-cli';

describe('care-journey serve: the store file must exist unless it is created on purpose', () => {
  let dir: string;
  const local = (file: string, more: Record<string, string | undefined> = {}) => ({
    HOST: '127.0.0.1',
    CARE_JOURNEY_STORE: 'sqlite',
    CARE_JOURNEY_SQLITE_FILE: file,
    CARE_JOURNEY_READMODEL_FILE: undefined,
    CARE_JOURNEY_SQLITE_CREATE: undefined,
    ...more,
  });
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cj-serve-store-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a store path with no store, When `serve` starts, Then it refuses naming CARE_JOURNEY_SQLITE_FILE, exits 1 and creates nothing; with --create-store it creates the store and listens', async () => {
    const file = join(dir, 'unmounted', 'cj.db');
    const refused = await startCli(['serve'], local(file));
    expect({ listening: refused.listening, code: refused.code }).toEqual({ listening: false, code: 1 });
    expect(refused.out).toContain(`Cannot start: CARE_JOURNEY_SQLITE_FILE: no event store at ${file}`);
    expect(refused.out).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'unmounted'))).toBe(false);

    const created = await startCli(['serve', '--create-store'], local(file));
    expect(created.listening).toBe(true);
    expect(created.out).toContain(`created a new, empty event store at ${file}`);
    expect(existsSync(file)).toBe(true);
  }, 180_000);

  it('Given CARE_JOURNEY_SQLITE_CREATE=1, When `serve` starts on a missing store, Then it creates it; pointed at that store’s read-model file, Then it refuses', async () => {
    const file = join(dir, 'by-setting.db');
    const created = await startCli(['serve'], local(file, { CARE_JOURNEY_SQLITE_CREATE: '1' }));
    expect(created.listening).toBe(true);
    const readModels = `${file}.read-models.db`;
    expect(existsSync(readModels)).toBe(true);
    const mixedUp = await startCli(['serve'], local(readModels, { CARE_JOURNEY_SQLITE_CREATE: '1' }));
    expect({ listening: mixedUp.listening, code: mixedUp.code }).toEqual({ listening: false, code: 1 });
    expect(mixedUp.out).toContain(`Cannot start: CARE_JOURNEY_SQLITE_FILE: ${readModels} holds read models`);
  }, 180_000);

  it('Given a read-model path that cannot be opened, When `serve` starts, Then one line names CARE_JOURNEY_READMODEL_FILE and the path, no stack, exit 1', async () => {
    const refused = await startCli(
      ['serve'],
      local(join(dir, 'rm-proc.db'), {
        CARE_JOURNEY_SQLITE_CREATE: '1',
        CARE_JOURNEY_READMODEL_FILE: '/proc/x.db',
      }),
    );
    expect({ listening: refused.listening, code: refused.code }).toEqual({ listening: false, code: 1 });
    expect(refused.out).toContain(
      'Cannot start: CARE_JOURNEY_READMODEL_FILE: cannot open /proc/x.db (ENOENT',
    );
    expect(refused.out).not.toMatch(/\n\s+at /);
  }, 90_000);
});
