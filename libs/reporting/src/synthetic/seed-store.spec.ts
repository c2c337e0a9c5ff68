import { readWholeStream, verifyChain } from '@care-journey/audit';
import { journeyStream } from '@care-journey/journey';
import { generateAuthority } from './generate-authority';
import { export903 } from '../export903/export903';
import { validateReturn } from '../export903/validate-return';
import { seedStore } from './seed-store';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

describe('seedStore', () => {
  const db = useTempSqliteStore('cj-seed-', { synchronous: 'NORMAL' });

  it('appends every child once; seeding again skips them (deterministic ids); the return passes the self-check', async () => {
    const options = { children: 60, seed: 'spec', years: 3 };
    const progress: number[] = [];
    const first = await seedStore(db.store, options, (p) => progress.push(p.children));
    expect(first.children).toBe(60);
    expect(first.skipped).toBe(0);
    expect(progress[progress.length - 1]).toBe(60);
    const head = await db.store.headPosition();
    const again = await seedStore(db.store, options);
    expect(again.skipped).toBe(60);
    expect(await db.store.headPosition()).toBe(head);

    const tables = await export903(db.store, { yearEnding: '2025-03-31' });
    expect(tables.Header.length).toBeGreaterThan(20);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' })).toEqual([]);
    // OC2 comes from the recorded annual health outcomes: every child in the cohort has them.
    expect(tables.OC2.length).toBeGreaterThan(0);
    for (const row of tables.OC2) expect(row['IMMUNISATIONS']).toMatch(/^[01]$/);
  });

  it('stamps every seeded journey with the audit hash chain, so each stream verifies', async () => {
    const options = { children: 15, seed: 'chain', years: 2 };
    await seedStore(db.store, options);
    for (const child of generateAuthority(options)) {
      const events = await readWholeStream(db.store, journeyStream(child.profile.childId));
      expect(events?.length).toBeGreaterThan(0);
      expect(verifyChain(events ?? [])).toMatchObject({ ok: true, checked: events?.length });
    }
  });
});
