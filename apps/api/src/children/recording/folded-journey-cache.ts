import type { ChainTip } from '@care-journey/audit';
import type { JourneyState } from '@care-journey/journey';
import type { KeyedOutcomes } from './keyed-outcomes';

/** A child's journey folded up to one stored event, and that event's identity in the chain. */
export interface FoldedJourney {
  state: JourneyState;
  /** Revision and global position of the last event folded. */
  revision: bigint;
  globalPosition: bigint;
  /** Id and chain hash of that event: what a later read must find at `revision` to reuse this fold. */
  lastEventId: string;
  lastHash: string;
  /** Where the next append links (nextRevision = revision + 1, prevHash = lastHash). */
  tip: ChainTip;
  /** What each keyed command in the stream recorded (Idempotency-Key), from the events' metadata. */
  outcomes: KeyedOutcomes;
}

/** A kept fold, and the revision the stream is known to have reached (at least the fold's). */
interface Entry {
  folded: FoldedJourney;
  storedUpTo: bigint;
}

/**
 * Folded journeys of the children this process touched recently, least recently used evicted
 * first. A fold is never wrong about the events it folded (stored events never change), but may
 * miss later ones, written by another process or by an append of ours that the repository could
 * not fold in (it then says how far the stream got, so the fold is not offered as current).
 * Relies on evolve/decide never mutating a state (the domain's folds are pure).
 */
export class FoldedJourneyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  /** The kept fold, current or not: a load reads the events after it. */
  get(childId: string): FoldedJourney | undefined {
    return this.touch(childId)?.folded;
  }

  /** The kept fold unless an append of this process went past it. */
  current(childId: string): FoldedJourney | undefined {
    const entry = this.touch(childId);
    return entry && entry.folded.revision >= entry.storedUpTo ? entry.folded : undefined;
  }

  /** Keeps the newer fold when concurrent loads of one child finish out of order. */
  set(childId: string, folded: FoldedJourney): void {
    const current = this.entries.get(childId);
    if (current && current.folded.revision > folded.revision) return;
    const storedUpTo = current && current.storedUpTo > folded.revision ? current.storedUpTo : folded.revision;
    this.entries.delete(childId);
    this.entries.set(childId, { folded, storedUpTo });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** How far this process knows the stream to reach: its kept fold, or an append of its own past it. */
  knownRevision(childId: string): bigint | undefined {
    return this.entries.get(childId)?.storedUpTo;
  }

  /** The stream is known to reach `revision` (an append this process made but did not fold in). */
  storedUpTo(childId: string, revision: bigint): void {
    const entry = this.entries.get(childId);
    if (entry && entry.storedUpTo < revision) entry.storedUpTo = revision;
  }

  delete(childId: string): void {
    this.entries.delete(childId);
  }

  get size(): number {
    return this.entries.size;
  }

  private touch(childId: string): Entry | undefined {
    const entry = this.entries.get(childId);
    if (entry) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.entries.delete(childId);
      this.entries.set(childId, entry);
    }
    return entry;
  }
}
