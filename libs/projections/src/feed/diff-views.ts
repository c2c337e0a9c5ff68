/**
 * The changes between two views of one child (before and after an event): facts that appeared,
 * facts that no longer hold (a correction: `change.withdrawn`, carrying what was withdrawn), and
 * the stability state flipping. A fact whose data changed is withdrawn, then reported anew.
 * Pure: the same two views always give the same records in the same order.
 */
import type { ChangeRecord, ChildFact, ChildView } from './change-record';

const idOf = (fact: ChildFact): string => `${fact.kind}|${fact.key}`;
// Each view is diffed twice (as `after`, then as `before`): its facts' JSON is kept, not redone.
const dataJson = new WeakMap<ChildFact, string>();
const jsonOf = (fact: ChildFact): string => {
  let json = dataJson.get(fact);
  if (json === undefined) {
    json = JSON.stringify(fact.data);
    dataJson.set(fact, json);
  }
  return json;
};
const sameData = (a: ChildFact, b: ChildFact): boolean => a.data === b.data || jsonOf(a) === jsonOf(b);

/** `before` undefined = the child's first event: nothing was known. */
export function diffViews(childId: string, before: ChildView | undefined, after: ChildView): ChangeRecord[] {
  const record = (fields: Omit<ChangeRecord, 'childId' | 'childRef' | 'asAt'>): ChangeRecord => ({
    ...fields,
    childId,
    childRef: after.childRef,
    asAt: after.asAt,
  });
  const previous = new Map((before?.facts ?? []).map((fact) => [idOf(fact), fact]));
  const current = new Map(after.facts.map((fact) => [idOf(fact), fact]));
  const changes: ChangeRecord[] = [];
  for (const [id, fact] of previous) {
    const now = current.get(id);
    if (now === undefined || !sameData(now, fact))
      changes.push(
        record({ kind: 'change.withdrawn', key: fact.key, withdrawn: fact.kind, data: fact.data }),
      );
  }
  for (const [id, fact] of current) {
    const then = previous.get(id);
    if (then === undefined || !sameData(then, fact))
      changes.push(record({ kind: fact.kind, key: fact.key, data: fact.data }));
  }
  // A child with no view before counts as stable: only a crossing of the threshold is news.
  if (after.stability.unstable !== (before?.stability.unstable ?? false)) {
    const { placements, threshold, months, unstable } = after.stability;
    changes.push(
      record({
        kind: 'stability.changed',
        key: 'placements',
        data: { placements, threshold, months, unstable },
      }),
    );
  }
  return changes;
}
