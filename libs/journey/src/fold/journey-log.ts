/**
 * A state's `history` and `events`, shared between the states of one fold so that evolve adds an
 * event in O(1) amortised instead of copying both (O(n) per event, O(n²) over a stream).
 *
 * The states of a fold share one append-only log: the stored events, and per event id the versions
 * of its record, each tagged with the ordinal of the event that wrote it. A state sees the first
 * `length` events of the log and, per id, the latest version written before its `length`. Appending
 * to the state that is at the end of the log pushes in place; appending to an older state (a caller
 * kept it and evolves it again) copies its prefix into a new log first, so no state ever sees an
 * event folded after it.
 *
 * States made by evolve carry their log in a private field (KeptStamp); `history`
 * and `events` are enumerable getters that build the plain array/object once per state when something reads them
 * (a spread or JSON of the state included). The domain itself reads through `historyOf`,
 * `eventRecord` and `eventRecords`, which use the log without building either.
 */
import type { StoredJourneyEvent } from '../events';
import type { EventRecord, JourneyState } from '../state';
import { deriveCurrent, type ListFields } from './derive-current';
import { correctedRecord, recordOf } from './event-index';

interface Version {
  /** Ordinal of the event that wrote it; -1 for a record the log started with. */
  readonly at: number;
  readonly record: EventRecord;
}

class SharedLog {
  constructor(
    readonly events: StoredJourneyEvent[],
    readonly index: Map<string, Version[]>,
  ) {}

  /** The record of an id as seen by a state of that length. */
  lookup(id: string, length: number): EventRecord | undefined {
    const versions = this.index.get(id);
    if (!versions) return undefined;
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].at < length) return versions[i].record;
    return undefined;
  }

  /** Appends the event at ordinal `at` (the log's length). */
  add(event: StoredJourneyEvent, at: number): void {
    this.events.push(event);
    this.addVersion(event.id, at, recordOf(event));
    const corrected = correctedRecord(event, (id) => this.lookup(id, at + 1));
    if (corrected) this.addVersion(corrected[0], at, corrected[1]);
  }

  private addVersion(id: string, at: number, record: EventRecord): void {
    const versions = this.index.get(id);
    if (versions) versions.push({ at, record });
    else this.index.set(id, [{ at, record }]);
  }

  /** A new log holding what a state of that length sees (ids in the same order). */
  prefix(length: number): SharedLog {
    const index = new Map<string, Version[]>();
    for (const [id, versions] of this.index) {
      const seen = versions.filter((v) => v.at < length);
      if (seen.length > 0) index.set(id, seen);
    }
    return new SharedLog(this.events.slice(0, length), index);
  }
}

/** One state's view of a shared log: its first `length` events. */
export class JourneyLog {
  private historyView?: StoredJourneyEvent[];
  private eventsView?: Record<string, EventRecord>;

  private constructor(
    private readonly shared: SharedLog,
    private readonly length: number,
  ) {}

  /** A log holding a copy of a plain state's history and index (as given: they are not re-derived). */
  static of(
    history: readonly StoredJourneyEvent[],
    events: Readonly<Record<string, EventRecord>>,
  ): JourneyLog {
    const index = new Map<string, Version[]>();
    for (const [id, record] of Object.entries(events)) index.set(id, [{ at: -1, record }]);
    return new JourneyLog(new SharedLog([...history], index), history.length);
  }

  /** This log with one more event; this one is unchanged. */
  append(event: StoredJourneyEvent): JourneyLog {
    const shared = this.shared.events.length === this.length ? this.shared : this.shared.prefix(this.length);
    shared.add(event, this.length);
    return new JourneyLog(shared, this.length + 1);
  }

  /** The history as a plain array, built once. */
  history(): StoredJourneyEvent[] {
    return (this.historyView ??= this.shared.events.slice(0, this.length));
  }

  /** The index as a plain object, built once. */
  events(): Record<string, EventRecord> {
    return (this.eventsView ??= Object.fromEntries(this.entries()));
  }

  record(id: string): EventRecord | undefined {
    return this.shared.lookup(id, this.length);
  }

  /** Every id seen with its record, in the order the ids were first seen. */
  *entries(): IterableIterator<[string, EventRecord]> {
    for (const id of this.shared.index.keys()) {
      const record = this.shared.lookup(id, this.length);
      if (record) yield [id, record];
    }
  }
}

/**
 * Per state made by evolve: its log, and its dated lists before `deriveCurrent` (the next evolve
 * folds onto those, so neither `history`/`events` nor the `current…` fields are copied out of the
 * state).
 */
interface Kept {
  readonly log: JourneyLog;
  readonly lists: ListFields;
}

/** A constructor that returns the object it is given, so a subclass's private field lands on it. */
class PlainObject {
  constructor(object: object) {
    return object;
  }
}

/**
 * Stamps a state with its Kept in a private field: invisible to a spread, JSON, structuredClone,
 * `Object.keys` and `toEqual`, so a state still reads as a plain object, and nobody can replace
 * it. A WeakMap keyed by the state added an ephemeron per evolve that the young-generation GC kept
 * alive and promoted (the import's decide/evolve loop ~15-20% slower); a non-enumerable symbol
 * property needed `Object.defineProperty`, ~1 µs a state (#9). A private field is added like an
 * ordinary property, through the same cached map transition for every state.
 */
class KeptStamp extends PlainObject {
  readonly #kept: Kept;

  private constructor(state: JourneyState, kept: Kept) {
    super(state);
    this.#kept = kept;
  }

  static stamp(state: JourneyState, kept: Kept): void {
    new KeptStamp(state, kept);
  }

  static of(state: JourneyState): Kept | undefined {
    return #kept in state ? (state as unknown as KeptStamp).#kept : undefined;
  }
}
const keptOf = (state: JourneyState): Kept | undefined => KeptStamp.of(state);

// Shared getters (not closures per state), so every state made by evolve has the same shape.
function historyGetter(this: JourneyState): StoredJourneyEvent[] {
  return (keptOf(this) as Kept).log.history();
}
function eventsGetter(this: JourneyState): Record<string, EventRecord> {
  return (keptOf(this) as Kept).log.events();
}
const HISTORY: PropertyDescriptor = { get: historyGetter, enumerable: true, configurable: true };
const EVENTS: PropertyDescriptor = { get: eventsGetter, enumerable: true, configurable: true };

/** The state's log: its own, or a copy of a plain state's (initialState, a spread copy, a test's). */
export const logOf = (state: JourneyState): JourneyLog =>
  keptOf(state)?.log ?? JourneyLog.of(state.history, state.events);

/** The dated lists of a state, for the folds (which read neither `history`/`events` nor `current…`). */
export function listsOf(state: JourneyState): ListFields {
  const own = keptOf(state);
  if (own) return own.lists;
  const {
    history: _h,
    events: _e,
    currentPeriodOfCare: _p,
    currentPlacement: _c,
    usualPlacement: _u,
    permanencePlan: _pp,
    allocation: _a,
    ...lists
  } = state;
  return lists;
}

/** The state of folded lists with that log (the lists are kept, and must not be changed). */
export function stateOf(lists: ListFields, log: JourneyLog): JourneyState {
  const state = deriveCurrent(lists) as JourneyState;
  // Events first, the order they are listed in. One call each: cheaper than one defineProperties.
  Object.defineProperty(state, 'events', EVENTS);
  Object.defineProperty(state, 'history', HISTORY);
  KeptStamp.stamp(state, { log, lists });
  return state;
}

/** Every stored event the state has seen, in stream order. */
export const historyOf = (state: JourneyState): readonly StoredJourneyEvent[] =>
  keptOf(state)?.log.history() ?? state.history;

/** The record of an event id on the state's stream, if any. */
export const eventRecord = (state: JourneyState, id: string): EventRecord | undefined => {
  const log = keptOf(state)?.log;
  return log ? log.record(id) : state.events[id];
};

/** Every event id on the state's stream with its record. */
export const eventRecords = (state: JourneyState): Iterable<[string, EventRecord]> =>
  keptOf(state)?.log.entries() ?? Object.entries(state.events);

/** The first event id on the state's stream (in `eventRecords` order) whose record matches. */
export function findRecord(
  state: JourneyState,
  matches: (entry: [string, EventRecord]) => boolean,
): [string, EventRecord] | undefined {
  for (const entry of eventRecords(state)) if (matches(entry)) return entry;
  return undefined;
}
