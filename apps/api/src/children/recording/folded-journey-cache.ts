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

/**
 * Folded journeys of the children this process touched recently, least recently used evicted
 * first. Only a hint: every load reads the store from the cached revision on and reuses the fold
 * only if the stored event there is the one folded (same id and chain hash, which covers every
 * event before it), so a write by another process is folded in, never missed.
 * Relies on evolve/decide never mutating a state (the domain's folds are pure).
 */
export class FoldedJourneyCache {
  private readonly entries = new Map<string, FoldedJourney>();

  constructor(private readonly capacity: number) {}

  get(childId: string): FoldedJourney | undefined {
    const entry = this.entries.get(childId);
    if (entry) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.entries.delete(childId);
      this.entries.set(childId, entry);
    }
    return entry;
  }

  /** Keeps the newer fold when concurrent loads of one child finish out of order. */
  set(childId: string, folded: FoldedJourney): void {
    const current = this.entries.get(childId);
    if (current && current.revision > folded.revision) return;
    this.entries.delete(childId);
    this.entries.set(childId, folded);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(childId: string): void {
    this.entries.delete(childId);
  }

  get size(): number {
    return this.entries.size;
  }
}
