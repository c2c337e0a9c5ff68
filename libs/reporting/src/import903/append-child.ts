/**
 * Appends one child's journey atomically (one append = one transaction), idempotently:
 * - a new stream is appended with 'no_stream' (a re-run with the same ids is the store's exact retry);
 * - a stream holding a prefix of these events (a later year imported on top) is continued;
 * - a stream holding the same events is left alone;
 * - anything else is a conflict, reported and left untouched: the import never corrects a journey;
 * - a journey larger than the store takes in one append (EventStoreDB's MaxAppendSize, 1 MiB by
 *   default) is refused, naming the child: it is never split, as a crash between two parts would
 *   leave half a journey in the read models and the 903 return (docs/reporting.md).
 */
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import {
  BatchTooLarge,
  DuplicateEventIds,
  StreamNotFound,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@care-journey/event-store';
import { changedColumns } from './changed-columns';

export type AppendOutcome =
  | { kind: 'written'; events: number; position: bigint }
  | { kind: 'unchanged' }
  | { kind: 'too-large'; reason: string }
  | {
      kind: 'conflict';
      reason: string;
      /** The first of these envelopes the store does not hold as planned (none: the store holds more). */
      at?: number;
      /** When the store holds that very event with other data: the 903 columns that differ. */
      fields?: string[];
    };

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
    return await appendOrContinue(store, stream, envelopes, headAtStart);
  } catch (error) {
    if (!(error instanceof BatchTooLarge)) throw error;
    const limit = error.maxBytes === undefined ? '' : ` (${error.maxBytes} bytes)`;
    return {
      kind: 'too-large',
      reason:
        `not imported: its journey (${error.events} events) is larger than the event store takes in one append${limit}; ` +
        "a child's journey is written in one append, never in parts: raise EventStoreDB's MaxAppendSize and import again",
    };
  }
}

async function appendOrContinue(
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
    const held = stored[at];
    const planned = envelopes[at];
    const sameId = planned !== undefined && held.id === planned.id && held.type === planned.type;
    const fields = sameId ? changedColumns(held.data, planned.data) : undefined;
    const what =
      planned === undefined
        ? `the store holds more than these returns give, from event ${at}: ${held.type}`
        : sameId
          ? `event ${at}: ${held.type}, this row changes ${fields?.join(', ')}`
          : `event ${at}: the store holds ${held.type} where this row gives ${planned.type}`;
    return {
      kind: 'conflict',
      ...(planned !== undefined && { at }),
      ...(fields && { fields }),
      reason: `the store already holds a different journey for this child (${what}; recorded by ${String(held.metadata.recordedBy ?? '')}); the import does not change recorded journeys`,
    };
  }
  if (stored.length === envelopes.length) return { kind: 'unchanged' };
  const last = stored[stored.length - 1];
  const rest = chainEvents(chainTipAfter(stream, last), envelopes.slice(stored.length));
  const result = await store.appendToStream(stream, rest, { expectedRevision: last.revision });
  return { kind: 'written', events: rest.length, position: result.globalPosition };
}
