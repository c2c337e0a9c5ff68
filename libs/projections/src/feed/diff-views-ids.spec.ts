import type { ChangeRecord, ChildFact, ChildView, FactKind } from './change-record';
import { diffViews } from './diff-views';

/**
 * The diff as it was written first: facts by id in maps (an id where it first appears, holding the
 * last fact with that id). Small views are now diffed by scanning the lists; both must agree,
 * records and order, whatever the views hold (repeated ids included). A fact still there with other
 * data is re-sent (an update), not withdrawn.
 */
function mapDiff(childId: string, before: ChildView | undefined, after: ChildView): ChangeRecord[] {
  const byId = (view: ChildView | undefined): Map<string, ChildFact> =>
    new Map((view?.facts ?? []).map((fact) => [`${fact.kind}|${fact.key}`, fact]));
  const previous = byId(before);
  const current = byId(after);
  const same = (a: ChildFact, b: ChildFact): boolean => JSON.stringify(a.data) === JSON.stringify(b.data);
  const { childRef, asAt } = after;
  const changes: ChangeRecord[] = [];
  for (const [id, fact] of previous) {
    // A fact still there with other data is an update (reported below), never withdrawn.
    if (!current.has(id))
      changes.push({
        kind: 'change.withdrawn',
        key: fact.key,
        withdrawn: fact.kind,
        data: fact.data,
        childId,
        childRef,
        asAt,
      });
  }
  for (const [id, fact] of current) {
    const then = previous.get(id);
    if (then === undefined || !same(then, fact))
      changes.push({ kind: fact.kind, key: fact.key, data: fact.data, childId, childRef, asAt });
  }
  return changes;
}

const KINDS: FactKind[] = ['care.started', 'placement.changed', 'flag.opened', 'flag.closed'];

/** A small deterministic generator (no Math.random: a failure repeats). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A view of `size` facts from a small pool of ids and values, so ids repeat and data differs. */
function viewOf(next: () => number, size: number, pool: readonly ChildFact[]): ChildView {
  const facts: ChildFact[] = [];
  for (let i = 0; i < size; i++) {
    const fact = pool[Math.floor(next() * pool.length)];
    // Sometimes the same fact as a new object (same JSON), sometimes the very object.
    facts.push(next() < 0.3 ? { ...fact, data: { ...fact.data } } : fact);
  }
  return {
    childRef: 'REF',
    asAt: '2024-01-01',
    facts,
    stability: { placements: 0, threshold: 3, months: 12, unstable: false },
  };
}

function poolOf(next: () => number, ids: number): ChildFact[] {
  const pool: ChildFact[] = [];
  for (let i = 0; i < ids * 2; i++)
    pool.push({
      kind: KINDS[i % KINDS.length],
      key: `k${Math.floor(next() * ids)}`,
      data: { value: Math.floor(next() * 3), note: next() < 0.5 ? null : 'x' },
    });
  return pool;
}

describe('diffViews: scanning small views gives what the maps by id gave', () => {
  it('Given views with repeated ids, data changes and kept objects, Then the records and their order are the same', () => {
    const next = generator(7);
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      // Sizes on both sides of the scan's limit, so both ways are covered.
      const size = round % 4 === 3 ? 40 + Math.floor(next() * 30) : Math.floor(next() * 12);
      const pool = poolOf(next, 2 + Math.floor(next() * (size + 2)));
      const before = round % 10 === 0 ? undefined : viewOf(next, size, pool);
      const after = viewOf(next, Math.max(1, size + Math.floor(next() * 5) - 2), pool);
      expect(diffViews('c', before, after)).toEqual(mapDiff('c', before, after));
      compared += 1;
    }
    expect(compared).toBe(400);
  });
});
