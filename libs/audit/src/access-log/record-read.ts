import { randomUUID } from 'node:crypto';
import { appendChained } from '../integrity/append-chained';
import type { EventStore } from '../store';
import { accessLogStream, caseHistoryReadEvent, type CaseHistoryReadInput } from './case-history-read';

/**
 * Appends one CaseHistoryRead to the day's access-log stream, hash-chained like a journey; readers
 * share the stream, so a clash with another read is retried at the new tip (appendChained).
 */
export async function recordCaseHistoryRead(
  store: EventStore,
  read: Omit<CaseHistoryReadInput, 'id'> & { id?: string },
): Promise<void> {
  const event = caseHistoryReadEvent({ ...read, id: read.id ?? randomUUID() });
  await appendChained(store, accessLogStream(read.readAt), event);
}
