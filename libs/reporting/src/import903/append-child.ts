/**
 * Appends one child's journey atomically (one append = one transaction), idempotently:
 * - a new stream is appended with 'no_stream' (a re-run with the same ids is the store's exact retry);
 * - a stream holding a prefix of these events (a later year imported on top) is continued;
 * - a stream holding the same events is left alone;
 * - anything else is a conflict, reported and left untouched: the import never corrects a journey.
 */
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import {
  DuplicateEventIds,
  StreamNotFound,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@care-journey/event-store';

export type AppendOutcome =
  | { kind: 'written'; events: number; position: bigint }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; reason: string };

async function readStreamOrEmpty(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(stream)) events.push(event);
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
  }
  return events;
}

const sameEvent = (stored: RecordedEvent, planned: NewEvent): boolean =>
  stored.id === planned.id &&
  stored.type === planned.type &&
  JSON.stringify(stored.data) === JSON.stringify(planned.data);

/**
 * `headAtStart` is the log's head when the run began: an exact retry returns the original append's
 * position, at or below it, which is how an already imported child is told from a new one.
 */
export async function appendChild(
  store: EventStore,
  stream: string,
  envelopes: NewEvent[],
  headAtStart: bigint | undefined,
): Promise<AppendOutcome> {
  try {
    const result = await store.appendToStream(
      stream,
      chainEvents(chainTipAfter(stream, undefined), envelopes),
      { expectedRevision: 'no_stream' },
    );
    const retried = headAtStart !== undefined && result.globalPosition <= headAtStart;
    if (!retried) return { kind: 'written', events: envelopes.length, position: result.globalPosition };
    // The store matched the ids only: the data must be compared too (below).
  } catch (error) {
    if (!(error instanceof WrongExpectedRevision) && !(error instanceof DuplicateEventIds)) throw error;
  }
  const stored = await readStreamOrEmpty(store, stream);
  const prefix =
    stored.length <= envelopes.length && stored.every((event, i) => sameEvent(event, envelopes[i]));
  if (!prefix) {
    const at = stored.findIndex((event, i) => i >= envelopes.length || !sameEvent(event, envelopes[i]));
    return {
      kind: 'conflict',
      reason: `the store already holds a different journey for this child (event ${at}: ${stored[at]?.type ?? 'none'} by ${String(stored[at]?.metadata.recordedBy ?? '')}); the import does not change recorded journeys`,
    };
  }
  if (stored.length === envelopes.length) return { kind: 'unchanged' };
  const last = stored[stored.length - 1];
  const rest = chainEvents(chainTipAfter(stream, last), envelopes.slice(stored.length));
  const result = await store.appendToStream(stream, rest, { expectedRevision: last.revision });
  return { kind: 'written', events: rest.length, position: result.globalPosition };
}
