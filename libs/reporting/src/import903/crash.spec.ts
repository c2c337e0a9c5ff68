import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { export903 } from '../export903/export903';
import { writeReturn } from '../export903/write-return';
import { seedStore } from '../synthetic/seed-store';
import { seededRandom } from '../synthetic/prng';
import { import903 } from './import903';
import { spawnTsWithAliases, watchLines } from './testing/spawn-with-aliases';

const FIXTURE = join(__dirname, 'testing', 'import-process.fixture.ts');
const NOW = '2025-06-01T09:00:00Z';

/** Every stream's full contents (ids, types, data, metadata incl. the hash chain), in stream order. */
async function contents(file: string): Promise<Map<string, string[]>> {
  const store = new SqliteEventStore({ file });
  const streams = new Map<string, string[]>();
  for await (const e of store.readAll()) {
    streams.set(e.streamId, [
      ...(streams.get(e.streamId) ?? []),
      JSON.stringify([String(e.revision), e.id, e.type, e.data, e.metadata]),
    ]);
  }
  await store.close();
  return streams;
}

/** Runs the import in a child process, killing it with SIGKILL once `killAfter` children are imported. */
async function importKilled(file: string, dir: string, killAfter: number): Promise<'killed' | 'finished'> {
  const child = spawnTsWithAliases(FIXTURE, [file, dir, NOW]);
  let killed = false;
  const exit = await watchLines(child, (line) => {
    const n = /^imported (\d+)$/.exec(line);
    if (!killed && ((killAfter === 0 && line === 'started') || (n && Number(n[1]) >= killAfter))) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  if (exit.code !== null && exit.code !== 0) throw new Error(`import process failed: ${exit.stderr}`);
  return exit.signal === 'SIGKILL' ? 'killed' : 'finished';
}

describe('import-903 killed at random points and re-run', () => {
  let dir: string;
  const returns = () => join(dir, 'returns');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-import-crash-'));
    const source = new SqliteEventStore({ file: join(dir, 'source.db'), synchronous: 'NORMAL' });
    await seedStore(source, { children: 300, seed: 'crash', years: 2 });
    await writeReturn(await export903(source, { yearEnding: '2024-03-31' }), join(returns(), '2023-24'));
    await writeReturn(await export903(source, { yearEnding: '2025-03-31' }), join(returns(), '2024-25'));
    await source.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends equal to one clean import (same streams, same events, same metadata)', async () => {
    const cleanFile = join(dir, 'clean.db');
    const clean = new SqliteEventStore({ file: cleanFile });
    const first = await import903(clean, returns(), { now: NOW });
    expect(first.children.rejected).toBe(0);
    const again = await import903(clean, returns(), { now: NOW });
    expect(again.children).toMatchObject({ written: 0, unchanged: first.children.total });
    expect(again.events).toBe(0);
    await clean.close();
    const expected = await contents(cleanFile);

    const random = seededRandom('import-crash', 'kill-points');
    const outcomes: string[] = [];
    const partial: number[] = [];
    for (let run = 0; run < 3; run++) {
      const file = join(dir, `killed-${run}.db`);
      // One or two kills at random points (0 = as soon as the process starts), then a full re-run.
      const kills = [
        random.int(0, first.children.total - 1),
        ...(run === 2 ? [random.int(1, first.children.total - 1)] : []),
      ];
      for (const killAfter of kills) {
        outcomes.push(await importKilled(file, returns(), killAfter));
        // Children imported so far: their journey streams (each also reserved its child-ref- stream).
        partial.push([...(await contents(file)).keys()].filter((s) => s.startsWith('journey-')).length);
      }
      expect(await importKilled(file, returns(), Number.MAX_SAFE_INTEGER)).toBe('finished');
      expect(await contents(file)).toEqual(expected);
    }
    expect(outcomes).toContain('killed');
    // At least one kill must have left a half-done import for the re-run to complete.
    expect(partial.some((n) => n > 0 && n < first.children.total)).toBe(true);
  }, 180_000);
});
