import { join } from 'node:path';
import { export903 } from '../export903/export903';
import { TABLE_NAMES, type Return903 } from '../export903/tables';
import { writeReturn } from '../export903/write-return';
import { seedStore } from '../synthetic/seed-store';
import { import903 } from './import903';
import { TempStores } from './temp-stores.fixture';

const YEARS = ['2024-03-31', '2025-03-31'];
const folder = (yearEnding: string) => `${Number(yearEnding.slice(0, 4)) - 1}-${yearEnding.slice(2, 4)}`;

/** Rows that differ between two returns, table by table, as readable lines. */
function differences(a: Return903, b: Return903): string[] {
  const out: string[] = [];
  for (const name of TABLE_NAMES) {
    const left = a[name].map((r) => JSON.stringify(r));
    const right = new Set(b[name].map((r) => JSON.stringify(r)));
    const leftSet = new Set(left);
    for (const row of left) if (!right.has(row)) out.push(`${name} only before: ${row}`);
    for (const row of b[name].map((r) => JSON.stringify(r)))
      if (!leftSet.has(row)) out.push(`${name} only after: ${row}`);
  }
  return out;
}

describe('903 round trip: seed → export two years → import into a fresh store → export again', () => {
  let temp: TempStores;
  const open = (name: string) => temp.open(name);
  beforeAll(() => (temp = new TempStores('cj-import-rt-')));
  afterAll(() => temp.removeAll());

  it('gives back the same rows for both years', async () => {
    const source = open('source.db');
    await seedStore(source, { children: 300, seed: 'round-trip', years: 2 });
    const before: Record<string, Return903> = {};
    for (const yearEnding of YEARS) {
      before[yearEnding] = await export903(source, { yearEnding });
      await writeReturn(before[yearEnding], join(temp.dir, 'returns', folder(yearEnding)));
    }
    // The outcomes travel too: OC2 and OC3 rows with recorded items.
    expect(before['2025-03-31'].OC2.filter((r) => r.IMMUNISATIONS !== '').length).toBeGreaterThan(10);
    expect(before['2025-03-31'].OC3.filter((r) => r.IN_TOUCH !== '').length).toBeGreaterThan(0);
    const target = open('target.db');
    const result = await import903(target, join(temp.dir, 'returns'), { now: '2025-06-01T09:00:00Z' });
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.years).toEqual(YEARS);
    const refs = new Set(YEARS.flatMap((y) => before[y].Header.map((h) => h.CHILD)));
    expect(refs.size).toBeGreaterThan(100);
    expect(result.children).toMatchObject({ total: refs.size, written: refs.size, rejected: 0 });
    for (const yearEnding of YEARS) {
      const after = await export903(target, { yearEnding });
      expect(differences(before[yearEnding], after)).toEqual([]);
    }
  }, 120_000);
});
