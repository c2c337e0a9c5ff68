/**
 * The changes between two views of one child (before and after an event): facts that appeared,
 * facts that no longer hold (a correction: `change.withdrawn`, carrying what was withdrawn), and
 * the stability state flipping. A fact whose data changed is withdrawn, then reported anew.
 * An open flag that goes from the view because of a new entry (not a correction) was not wrong: the
 * entry made it no longer apply, so it is closed (`flag.closed`, `no_longer_applies`) on the
 * entry's effective date (not before it opened), not withdrawn. flagHistory keeps most such
 * breaches itself (then the flag's closing is simply new); this covers the rest, such as a step
 * recorded late but dated before the flag opened.
 * Pure: the same two views (and event) always give the same records in the same order.
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

/** The event the two views are before and after: whether it corrects an entry, and its date. */
export interface DiffCause {
  correction: boolean;
  effectiveDate: string;
}

/** Without `cause`, every fact that goes is withdrawn (as for a correction). */
const CORRECTION: DiffCause = { correction: true, effectiveDate: '' };

/** `before` undefined = the child's first event: nothing was known. */
export function diffViews(
  childId: string,
  before: ChildView | undefined,
  after: ChildView,
  cause: DiffCause = CORRECTION,
): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  if (before === undefined || !sameFacts(before.facts, after.facts))
    diffFacts(childId, before, after, changes, cause);
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
  cause: DiffCause,
): void {
  const previous = before?.facts ?? NO_FACTS;
  const gone = cause.correction ? withdrawn : goneWith(cause.effectiveDate, previous);
  if (previous.length <= SCAN_AT_MOST && after.facts.length <= SCAN_AT_MOST)
    scanFacts(childId, previous, after, changes, gone);
  else mapFacts(childId, before, after, changes, gone);
}

type Gone = (fact: ChildFact, childId: string, childRef: string, asAt: string) => ChangeRecord;

/**
 * What a new (not correcting) entry makes of a fact that goes: an open flag (opened, never closed
 * in the view before) is closed as no longer applying; anything else is withdrawn.
 */
function goneWith(effectiveDate: string, previous: readonly ChildFact[]): Gone {
  return (fact, childId, childRef, asAt) => {
    if (fact.kind !== 'flag.opened' || previous.some((f) => f.kind === 'flag.closed' && f.key === fact.key))
      return withdrawn(fact, childId, childRef, asAt);
    const openedOn = String(fact.data.openedOn);
    const closedOn = effectiveDate > openedOn ? effectiveDate : openedOn;
    return {
      kind: 'flag.closed',
      key: fact.key,
      data: { ...fact.data, closedOn, reason: 'no_longer_applies' },
      childId,
      childRef,
      asAt,
    };
  };
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
  gone: Gone,
): void {
  const { childRef, asAt, facts: current } = after;
  for (let i = 0; i < previous.length; i++) {
    if (!firstOfId(previous, i)) continue;
    const fact = lastWithId(previous, previous[i]) as ChildFact;
    const now = lastWithId(current, fact);
    if (now === undefined || !sameData(now, fact)) changes.push(gone(fact, childId, childRef, asAt));
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
  gone: Gone,
): void {
  const { childRef, asAt } = after;
  const previous = before ? byId(before) : new Map<string, ChildFact>();
  const current = byId(after);
  for (const [id, fact] of previous) {
    const now = current.get(id);
    if (now === undefined || !sameData(now, fact)) changes.push(gone(fact, childId, childRef, asAt));
  }
  for (const [id, fact] of current) {
    const then = previous.get(id);
    if (then === undefined || !sameData(then, fact)) changes.push(reported(fact, childId, childRef, asAt));
  }
}
