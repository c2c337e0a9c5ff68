/**
 * The changes between two views of one child (before and after an event): facts that appeared,
 * facts that no longer hold (a correction: `change.withdrawn`, carrying what was withdrawn), and
 * the stability state flipping. A fact whose data changed is withdrawn, then reported anew.
 * Pure: the same two views always give the same records in the same order.
 */
import type { ChangeRecord, ChildFact, ChildView } from './change-record';
import { sameData } from './same-fact';

const idOf = (fact: ChildFact): string => `${fact.kind}|${fact.key}`;

// Large views are diffed twice (as `after`, then as `before`): their facts by id are kept, not redone.
const factsById = new WeakMap<ChildView, Map<string, ChildFact>>();
function byId(view: ChildView): Map<string, ChildFact> {
  let facts = factsById.get(view);
  if (facts === undefined) {
    facts = new Map(view.facts.map((fact) => [idOf(fact), fact]));
    factsById.set(view, facts);
  }
  return facts;
}

/** The same facts in the same order (most events change none): no fact appeared or went. */
function sameFacts(before: readonly ChildFact[], after: readonly ChildFact[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a !== b && (a.kind !== b.kind || a.key !== b.key || !sameData(a, b))) return false;
  }
  return true;
}

/** `before` undefined = the child's first event: nothing was known. */
export function diffViews(childId: string, before: ChildView | undefined, after: ChildView): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  if (before === undefined || !sameFacts(before.facts, after.facts))
    diffFacts(childId, before, after, changes);
  // A child with no view before counts as stable: only a crossing of the threshold is news.
  if (after.stability.unstable !== (before?.stability.unstable ?? false)) {
    const { placements, threshold, months, unstable } = after.stability;
    changes.push({
      kind: 'stability.changed',
      key: 'placements',
      data: { placements, threshold, months, unstable },
      childId,
      childRef: after.childRef,
      asAt: after.asAt,
    });
  }
  return changes;
}

/**
 * Views with at most this many facts are diffed by scanning the two lists (no map, no id string);
 * larger ones through maps of facts by id, where the scans would grow with the square.
 */
const SCAN_AT_MOST = 48;

/**
 * The records are built field by field in the order the change log's JSON has always had (kind,
 * key, withdrawn, data, childId, childRef, asAt): a spread per record was most of the diff's time.
 * Both ways give the same records in the same order: facts by id, each id where it first appears
 * in its view, holding the last fact with that id (a map's insertion order and its last `set`).
 */
function diffFacts(
  childId: string,
  before: ChildView | undefined,
  after: ChildView,
  changes: ChangeRecord[],
): void {
  const previous = before?.facts ?? NO_FACTS;
  if (previous.length <= SCAN_AT_MOST && after.facts.length <= SCAN_AT_MOST)
    scanFacts(childId, previous, after, changes);
  else mapFacts(childId, before, after, changes);
}

const NO_FACTS: readonly ChildFact[] = [];

/** A fact that no longer holds, carrying what was withdrawn. */
const withdrawn = (fact: ChildFact, childId: string, childRef: string, asAt: string): ChangeRecord => ({
  kind: 'change.withdrawn',
  key: fact.key,
  withdrawn: fact.kind,
  data: fact.data,
  childId,
  childRef,
  asAt,
});

/** A fact that appeared (or holds other data than before). */
const reported = (fact: ChildFact, childId: string, childRef: string, asAt: string): ChangeRecord => ({
  kind: fact.kind,
  key: fact.key,
  data: fact.data,
  childId,
  childRef,
  asAt,
});

/** One id (kind and key): kinds hold no '|', so this is the same test as comparing `idOf`. */
const sameId = (a: ChildFact, b: ChildFact): boolean => a === b || (a.kind === b.kind && a.key === b.key);

/** Whether `facts[index]` is the first fact with its id. */
function firstOfId(facts: readonly ChildFact[], index: number): boolean {
  const fact = facts[index];
  for (let i = 0; i < index; i++) if (sameId(facts[i], fact)) return false;
  return true;
}

/** The last fact in `facts` with the id of `fact` (what a map by id holds for it). */
function lastWithId(facts: readonly ChildFact[], fact: ChildFact): ChildFact | undefined {
  for (let i = facts.length - 1; i >= 0; i--) if (sameId(facts[i], fact)) return facts[i];
  return undefined;
}

function scanFacts(
  childId: string,
  previous: readonly ChildFact[],
  after: ChildView,
  changes: ChangeRecord[],
): void {
  const { childRef, asAt, facts: current } = after;
  for (let i = 0; i < previous.length; i++) {
    if (!firstOfId(previous, i)) continue;
    const fact = lastWithId(previous, previous[i]) as ChildFact;
    const now = lastWithId(current, fact);
    if (now === undefined || !sameData(now, fact)) changes.push(withdrawn(fact, childId, childRef, asAt));
  }
  for (let i = 0; i < current.length; i++) {
    if (!firstOfId(current, i)) continue;
    const fact = lastWithId(current, current[i]) as ChildFact;
    const then = lastWithId(previous, fact);
    if (then === undefined || !sameData(then, fact)) changes.push(reported(fact, childId, childRef, asAt));
  }
}

function mapFacts(
  childId: string,
  before: ChildView | undefined,
  after: ChildView,
  changes: ChangeRecord[],
): void {
  const { childRef, asAt } = after;
  const previous = before ? byId(before) : new Map<string, ChildFact>();
  const current = byId(after);
  for (const [id, fact] of previous) {
    const now = current.get(id);
    if (now === undefined || !sameData(now, fact)) changes.push(withdrawn(fact, childId, childRef, asAt));
  }
  for (const [id, fact] of current) {
    const then = previous.get(id);
    if (then === undefined || !sameData(then, fact)) changes.push(reported(fact, childId, childRef, asAt));
  }
}
