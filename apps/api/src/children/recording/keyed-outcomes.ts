import type { RecordedEvent } from '@care-journey/event-store';
import { readIdempotency } from './idempotency';

/** What a keyed command recorded: enough to answer its retry exactly as it was answered. */
export interface KeyedOutcome {
  requestHash: string;
  events: { id: string; type: string }[];
  /** Revision and global position of its last event. */
  revision: bigint;
  globalPosition: bigint;
}

/** A stream's keyed commands by user and key; folded from the events' metadata, never mutated once shared. */
export type KeyedOutcomes = ReadonlyMap<string, KeyedOutcome>;

export const NO_KEYED_OUTCOMES: KeyedOutcomes = new Map();

/** Keys are per user: two users may use the same key for different commands. */
export const outcomeKey = (recordedBy: string, key: string): string => `${recordedBy}\n${key}`;

/**
 * Folds stored events into keyed outcomes, copying the map it started from on the first keyed
 * event (the one it was given may be shared by a cached fold).
 */
export class KeyedOutcomesFold {
  private outcomes: KeyedOutcomes;
  private copied = false;

  constructor(start: KeyedOutcomes = NO_KEYED_OUTCOMES) {
    this.outcomes = start;
  }

  add(recorded: RecordedEvent): void {
    const idempotency = readIdempotency(recorded.metadata);
    const recordedBy = recorded.metadata.recordedBy;
    if (!idempotency || typeof recordedBy !== 'string') return;
    const map = this.writable();
    const slot = outcomeKey(recordedBy, idempotency.key);
    const ref = { id: recorded.id, type: recorded.type };
    const known = map.get(slot);
    if (!known) {
      map.set(slot, {
        requestHash: idempotency.requestHash,
        events: [ref],
        revision: recorded.revision,
        globalPosition: recorded.globalPosition,
      });
    } else if (known.requestHash === idempotency.requestHash && known.revision + 1n === recorded.revision) {
      // The next event of the same append (a command's events are stored together, consecutively).
      map.set(slot, {
        ...known,
        events: [...known.events, ref],
        revision: recorded.revision,
        globalPosition: recorded.globalPosition,
      });
    }
    // Otherwise the key was used before: the first outcome stands (the API never records a key twice).
  }

  get result(): KeyedOutcomes {
    return this.outcomes;
  }

  private writable(): Map<string, KeyedOutcome> {
    if (!this.copied) {
      this.outcomes = new Map(this.outcomes);
      this.copied = true;
    }
    return this.outcomes as Map<string, KeyedOutcome>;
  }
}
