import { expectedRevisionAt, readChainTip } from '../reading/read-stream';
import { StoreUnavailable, WrongExpectedRevision, type EventStore, type NewEvent } from '../store';
import { chainEvents } from './chain-events';

// Each round of clashing writers lets at least one through, so this covers that many at once.
const ATTEMPTS = 25;
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 10));

/**
 * Appends `events` in one append at the stream's tip, hash-chained like a journey. A clash with a
 * writer in another process is retried at the new tip (same event ids, so a retry of an append that
 * did land is recognised by the store), after a short random pause so clashing writers spread out.
 * A clash that outlasts every attempt is StoreUnavailable (nothing written: the caller may send its
 * request again), never a bare error.
 */
export async function appendBatchAtTip(
  store: EventStore,
  stream: string,
  events: readonly NewEvent[],
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const tip = await readChainTip(store, stream);
    try {
      await store.appendToStream(stream, chainEvents(tip, [...events]), {
        expectedRevision: expectedRevisionAt(tip),
      });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (attempt >= ATTEMPTS)
        throw new StoreUnavailable(
          `${stream}: still written by another process after ${ATTEMPTS} attempts; nothing recorded`,
          error,
        );
      await pause();
    }
  }
}
