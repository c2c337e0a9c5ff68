import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('the SQLite store’s files are owner-only', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-mode-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given no store yet, When one is opened and written, Then the file and its -wal are 0600 and a folder it makes 0700', async () => {
    const file = join(dir, 'data', 'events.sqlite');
    const store = new SqliteEventStore({ file });
    await store.appendToStream(
      'journey-x',
      [
        {
          id: 'e1',
          type: 'T',
          data: {},
          metadata: { recordedAt: '2025-01-01T00:00:00Z', recordedBy: 'spec', schemaVersion: 1 },
        },
      ],
      {
        expectedRevision: 'any',
      },
    );
    expect(modeOf(join(dir, 'data'))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    if (existsSync(`${file}-wal`)) expect(modeOf(`${file}-wal`)).toBe(0o600);
    const copy = join(dir, 'backups', 'copy.sqlite');
    await store.backup(copy);
    await store.close();
    expect(modeOf(copy)).toBe(0o600);
  });

  it('Given an existing store file with a mode the operator chose, Then it is left as it is', async () => {
    const file = join(dir, 'events.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o640);
    await new SqliteEventStore({ file }).close();
    expect(modeOf(file)).toBe(0o640);
  });
});
