import { expectedRevisionAt, readChainTip } from '../reading/read-stream';
import { WrongExpectedRevision, type EventStore, type NewEvent } from '../store';
import { chainEvents } from './chain-events';

// Each round of clashing writers lets at least one through, so this covers that many at once.
const ATTEMPTS = 25;
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 10));

/**
 * Appends one event to a stream several writers share (a day of the read-access trail, the issued
 * tokens), hash-chained like a journey. A clash with another writer is retried at the new tip (same
 * event id, so a retry of an append that did land is recognised by the store), after a short random
 * pause so clashing writers spread out.
 */
export async function appendChained(store: EventStore, stream: string, event: NewEvent): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const tip = await readChainTip(store, stream);
    try {
      await store.appendToStream(stream, chainEvents(tip, [event]), {
        expectedRevision: expectedRevisionAt(tip),
      });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision) || attempt >= ATTEMPTS) throw error;
      await pause();
    }
  }
}
