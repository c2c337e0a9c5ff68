import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { addDays } from '@care-journey/journey';
import { registerSeedCommand } from './seed.command';

describe('care-journey seed: nothing dated or recorded in the future', () => {
  let dir: string;
  let file: string;
  const previous = process.env.CARE_JOURNEY_SQLITE_FILE;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-seed-'));
    file = join(dir, 'events.db');
    process.env.CARE_JOURNEY_SQLITE_FILE = file;
    process.exitCode = undefined;
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    if (previous === undefined) delete process.env.CARE_JOURNEY_SQLITE_FILE;
    else process.env.CARE_JOURNEY_SQLITE_FILE = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  const seed = async (...args: string[]) => {
    const program = new Command().exitOverride();
    registerSeedCommand(program);
    await program.parseAsync(['node', 'care-journey', 'seed', '--children', '12', ...args]);
  };
  const stderrText = () =>
    (process.stderr.write as unknown as jest.Mock).mock.calls.map(([text]) => String(text)).join('');

  it('Given --year-ending after today, when seeding, then it is refused naming the option and nothing is written', async () => {
    await seed('--year-ending', '2099-03-31');
    expect(process.exitCode).toBe(1);
    expect(stderrText()).toMatch(
      /seed: --year-ending 2099-03-31 is too late: the latest is .*date-in-future/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('Given a history ending 11 days ago, when seeding, then no entry is dated or recorded after now', async () => {
    const now = new Date();
    await seed('--year-ending', addDays(now.toISOString().slice(0, 10), -11));
    expect(process.exitCode ?? 0).toBe(0);
    const store = new SqliteEventStore({ file });
    try {
      let events = 0;
      const afterNow: string[] = [];
      for await (const event of store.readAll()) {
        events++;
        const recordedAt = String((event.metadata as { recordedAt?: string }).recordedAt ?? '');
        const effective = String((event.data as { effectiveDate?: string }).effectiveDate ?? '');
        if (Date.parse(recordedAt) > Date.now() || effective > new Date().toISOString().slice(0, 10))
          afterNow.push(`${event.type} ${effective} ${recordedAt}`);
      }
      expect(events).toBeGreaterThan(12);
      expect(afterNow).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
