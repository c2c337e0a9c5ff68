/**
 * A small two-year synthetic authority's returns: what the DfE validator sees in the earlier year,
 * and the import round trip. The seed `round-trip` holds the child (C100025) who was missing over
 * 31 March 2024, which the validator reported as 575 and 577.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { export903 } from '../export903/export903';
import { TABLE_NAMES, type Return903 } from '../export903/tables';
import { writeReturn } from '../export903/write-return';
import { import903 } from '../import903/import903';
import { seedStore } from './seed-store';

const YEARS = ['2024-03-31', '2025-03-31'];
const folder = (yearEnding: string) => `${Number(yearEnding.slice(0, 4)) - 1}-${yearEnding.slice(2, 4)}`;
/** Each table's rows as sorted JSON lines: the same rows whatever order the export writes them in. */
const rowsOf = (tables: Return903) =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].map((r) => JSON.stringify(r)).sort()]));

describe('Given a 40-child authority seeded over 2 years (seed round-trip)', () => {
  let dir: string;
  let source: SqliteEventStore;
  let target: SqliteEventStore;
  const before: Record<string, Return903> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-seeded-returns-'));
    source = new SqliteEventStore({ file: join(dir, 'source.db'), synchronous: 'NORMAL' });
    target = new SqliteEventStore({ file: join(dir, 'target.db'), synchronous: 'NORMAL' });
    await seedStore(source, { children: 40, seed: 'round-trip', years: 2 });
    for (const yearEnding of YEARS) {
      before[yearEnding] = await export903(source, { yearEnding });
      await writeReturn(before[yearEnding], join(dir, 'returns', folder(yearEnding)));
    }
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('When 2023/24 is exported, Then every missing episode in it has ended (validator rules 575, 577)', () => {
    const missing = before['2024-03-31'].Missing;
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((row) => row.MIS_END === '')).toEqual([]);
  });

  it('When both years are imported into a fresh store and exported again, Then every table has the same rows', async () => {
    const result = await import903(target, join(dir, 'returns'), { now: '2025-06-01T09:00:00Z' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.children.rejected).toBe(0);
    for (const yearEnding of YEARS) {
      expect(rowsOf(await export903(target, { yearEnding }))).toEqual(rowsOf(before[yearEnding]));
    }
  });
});
