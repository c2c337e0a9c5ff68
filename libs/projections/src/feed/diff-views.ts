/**
 * The changes between two views of one child (before and after an event): facts that appeared,
 * facts that no longer hold (`change.withdrawn`, carrying what was withdrawn), and the stability
 * state flipping. Facts are keyed by kind and key: a fact still there with other data (a move
 * renumbered by a back-dated move, a closing re-dated by a back-dated end of care) is an update,
 * re-sent as the fact with its new data, never withdrawn; a consumer replaces what it holds.
 * An open flag that goes from the view because of a new entry (not a correction) was not wrong: it
 * is closed (`flag.closed`, `no_longer_applies`) on the entry's effective date (not before it
 * opened), unless the entry is the rule's step taken by the due date (a review recorded late but
 * dated in time): then the flag never was a breach, and its opening is withdrawn. flagHistory keeps
 * most breaches a new entry ends itself (then the flag's closing is simply new); this covers the rest.
 * Records are news to the consumer: compared with what it holds (the view before and its `held`:
 * held-facts.ts), a line that would set a fact to the data already held is not sent.
 * The same two views (and event) always give the same records in the same order; `after.held` is
 * set to what the consumer then holds beside `after`.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { DriftConfig } from '../rules/drift-config';
import { metInTime } from '../rules/evaluate-drift';
import type { JourneySummary } from '../summary/journey-summary';
import type { ChangeRecord, ChildFact, ChildView } from './change-record';
import { againstHeld } from './held-facts';
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
  /**
   * The summary after the event and the thresholds: asked only when a new entry makes an open flag
   * go (rare), whether the entry met its obligation in time. Without them it is no longer applying.
   */
  summary?: JourneySummary;
  config?: DriftConfig;
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
  if (before === undefined || !sameFacts(before.facts, after.facts)) {
    const closedByFeed = diffFacts(childId, before, after, changes, cause);
    // Only then can the consumer hold what the view does not (rare): most events skip this.
    if (closedByFeed || before?.held !== undefined) againstHeld(childId, before, after, changes);
  } else after.held = before.held;
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
 * Returns whether the feed closed a flag itself (a new entry made an open flag go).
 */
function diffFacts(
  childId: string,
  before: ChildView | undefined,
  after: ChildView,
  changes: ChangeRecord[],
  cause: DiffCause,
): boolean {
  const previous = before?.facts ?? NO_FACTS;
  const closed = { byFeed: false };
  const gone = cause.correction ? goneByCorrection : goneWith(cause, after.asAt, previous, closed);
  if (previous.length <= SCAN_AT_MOST && after.facts.length <= SCAN_AT_MOST)
    scanFacts(childId, previous, after, changes, gone);
  else mapFacts(childId, before, after, changes, gone);
  return closed.byFeed;
}

/**
 * The record for a fact of the view before that is not in the view after (`stillThere` false), or
 * is there with other data (then reported as an update; only an open flag's closing comes first).
 */
type Gone = (
  fact: ChildFact,
  childId: string,
  childRef: string,
  asAt: string,
  stillThere: boolean,
) => ChangeRecord | undefined;

/** A correction: a fact gone is withdrawn (the log no longer supports it); one changed is updated. */
const goneByCorrection: Gone = (fact, childId, childRef, asAt, stillThere) =>
  stillThere ? undefined : withdrawn(fact, childId, childRef, asAt);

/**
 * What a new (not correcting) entry makes of a fact that goes: an open flag (opened, never closed
 * in the view before) is closed, also when its key stays with another deadline (the old breach is
 * closed, the new one reported); anything else is withdrawn, or updated when still there.
 */
function goneWith(
  cause: DiffCause,
  clock: CalendarDate,
  previous: readonly ChildFact[],
  closed: { byFeed: boolean },
): Gone {
  const { effectiveDate, summary, config } = cause;
  return (fact, childId, childRef, asAt, stillThere) => {
    if (fact.kind !== 'flag.opened' || previous.some((f) => f.kind === 'flag.closed' && f.key === fact.key))
      return stillThere ? undefined : withdrawn(fact, childId, childRef, asAt);
    const metBeforeItOpened =
      summary !== undefined &&
      config !== undefined &&
      metInTime(
        summary,
        clock,
        config,
        String(fact.data.ruleId),
        obligationKeyOf(fact),
        String(fact.data.dueDate),
      );
    // The obligation was met by its due date: by the flag history there never was a breach, so the
    // opening the feed sent is withdrawn, not closed (a closing would count as a breach: review s14 F1).
    if (metBeforeItOpened) return withdrawn(fact, childId, childRef, asAt);
    const openedOn = String(fact.data.openedOn);
    const closedOn = effectiveDate > openedOn ? effectiveDate : openedOn;
    closed.byFeed = true;
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

/** The rule's obligation key in a flag's key (`DR01/<key>`, or `DR04/<key>~<due date>` for a later flag). */
function obligationKeyOf(fact: ChildFact): string {
  const key = fact.key.slice(String(fact.data.ruleId).length + 1);
  const tilde = key.indexOf('~');
  return tilde < 0 ? key : key.slice(0, tilde);
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

/** A fact that appeared, or an update: it holds other data than before (replaces it). */
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
    if (now !== undefined && sameData(now, fact)) continue;
    const record = gone(fact, childId, childRef, asAt, now !== undefined);
    if (record !== undefined) changes.push(record);
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
    if (now !== undefined && sameData(now, fact)) continue;
    const record = gone(fact, childId, childRef, asAt, now !== undefined);
    if (record !== undefined) changes.push(record);
  }
  for (const [id, fact] of current) {
    const then = previous.get(id);
    if (then === undefined || !sameData(then, fact)) changes.push(reported(fact, childId, childRef, asAt));
  }
}
