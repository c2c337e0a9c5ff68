import { randomUUID } from 'node:crypto';
import { chainEvents } from '../integrity/chain-events';
import { expectedRevisionAt, readChainTip } from '../reading/read-stream';
import { WrongExpectedRevision, type EventStore } from '../store';
import { accessLogStream, caseHistoryReadEvent, type CaseHistoryReadInput } from './case-history-read';

// Each round of clashing readers lets at least one through, so this covers that many at once.
const ATTEMPTS = 25;
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 10));

/**
 * Appends one CaseHistoryRead to the day's access-log stream, hash-chained like a journey.
 * Readers share the stream, so a clash with another read is retried at the new tip (same event
 * id, so a retry of an append that did land is recognised by the store), after a short random
 * pause so clashing readers spread out.
 */
export async function recordCaseHistoryRead(
  store: EventStore,
  read: Omit<CaseHistoryReadInput, 'id'> & { id?: string },
): Promise<void> {
  const stream = accessLogStream(read.readAt);
  const event = caseHistoryReadEvent({ ...read, id: read.id ?? randomUUID() });
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
