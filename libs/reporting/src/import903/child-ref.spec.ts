import { join } from 'node:path';
import { ChildRefRegistry } from '@care-journey/registrations';
import { export903 } from '../export903/export903';
import { writeReturn } from '../export903/write-return';
import { seedStore } from '../synthetic/seed-store';
import { import903 } from './import903';
import { TempStores } from './temp-stores.fixture';

const recording = { recordedAt: '2025-05-01T09:00:00Z', recordedBy: 'alice' };

describe('one CHILD, one child: the seeder and the 903 import reserve references like the API', () => {
  let temp: TempStores;
  const open = (name: string) => temp.open(name);
  beforeAll(() => (temp = new TempStores('cj-child-ref-')));
  afterAll(() => temp.removeAll());

  it('Given a seeded store, When another seed (other child ids, the same C1000nn references) is seeded into it, Then those children are refused and nothing is written', async () => {
    const store = open('seeds.db');
    const first = await seedStore(store, { children: 8, seed: 'one', years: 2 });
    expect(first.refused).toBe(0);
    const head = await store.headPosition();
    const other = await seedStore(store, { children: 8, seed: 'two', years: 2 });
    expect(other).toMatchObject({ children: 8, skipped: 0, refused: 8, events: 0 });
    expect(await store.headPosition()).toBe(head);
    // The same seed again is the same children: skipped, not refused.
    expect(await seedStore(store, { children: 8, seed: 'one', years: 2 })).toMatchObject({
      skipped: 8,
      refused: 0,
    });
  });

  it('Given a reference already held in the store, When a return holding that CHILD is imported, Then that child is rejected with child-ref-in-use and the others are imported', async () => {
    const source = open('source.db');
    await seedStore(source, { children: 30, seed: 'child-ref', years: 1 });
    const tables = await export903(source, { yearEnding: '2025-03-31' });
    await writeReturn(tables, join(temp.dir, 'returns', '2024-25'));
    const taken = tables.Header[0].CHILD;

    const target = open('target.db');
    // Held by a child recorded otherwise (e.g. through the API), written in lower case.
    expect(await new ChildRefRegistry(target).reserve(taken.toLowerCase(), 'api-child', recording)).toBe(
      true,
    );
    const result = await import903(target, join(temp.dir, 'returns'), { now: '2025-06-01T09:00:00Z' });
    expect(result.children).toMatchObject({ total: tables.Header.length, rejected: 1 });
    expect(result.children.written).toBe(tables.Header.length - 1);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({
        child: taken,
        field: '(child)',
        reason: expect.stringContaining('child-ref-in-use'),
      }),
    ]);
    const reimported = await export903(target, { yearEnding: '2025-03-31' });
    expect(reimported.Header.map((h) => h.CHILD)).not.toContain(taken);
  });
});
