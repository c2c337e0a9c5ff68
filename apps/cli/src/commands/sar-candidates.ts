import { readStreamOrEmpty, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { JOURNEY_STREAM_PREFIX, journeyStream } from '@care-journey/journey';

/** The journey events that set a registration's reference or UPN: its own, and corrections of it. */
const REGISTRATION_TYPES = ['ChildRegistered', 'EntryAmended'];

/**
 * The registrations and corrections to look for a 903 reference or UPN in, by the value's
 * registry stream (`child-ref-<REF>` or `upn-<hash>`, libs/registrations). Every writer reserves a
 * value for a child before its registration or an amendment carries it, and a value once carried
 * stays held by that child, so the children a stream names (held or released) are all that can have
 * or have had it: only their journeys are read, not every registration in the log. That holds only
 * if the registry began before the log's first journey: a store with journeys from before it (a
 * store written before reservations, even one migrated since) is read whole, every registration
 * and correction, as before. Whether a candidate has or had the value is still decided by its own
 * journey: a holder named by an edited reservation (`audit verify-store` names those) is not taken
 * for one.
 */
export async function* candidateJourneys(
  store: EventStore,
  registry: RegistryStream,
): AsyncGenerator<RecordedEvent> {
  const candidates = await namedByRegistry(store, registry);
  if (!candidates) {
    yield* store.readAll({
      filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX], eventTypes: REGISTRATION_TYPES },
    });
    return;
  }
  for (const childId of candidates)
    for await (const event of readStreamOrEmpty(store, journeyStream(childId)))
      if (REGISTRATION_TYPES.includes(event.type)) yield event;
}

/** One value's registry stream, and the prefix of its registry's streams. */
export interface RegistryStream {
  stream: string;
  prefix: string;
}

/**
 * The ids the value's stream names, in the order first named; undefined when the log holds a
 * journey event from before the registry's first event (two reads of one event each).
 */
async function namedByRegistry(
  store: EventStore,
  { stream, prefix }: RegistryStream,
): Promise<string[] | undefined> {
  const firstJourney = await firstPosition(store, JOURNEY_STREAM_PREFIX);
  const firstReservation = await firstPosition(store, prefix);
  if (firstJourney !== undefined && (firstReservation === undefined || firstJourney < firstReservation))
    return undefined;
  const named = new Set<string>();
  for await (const event of readStreamOrEmpty(store, stream)) {
    const { childId } = event.data as { childId?: unknown };
    if (typeof childId === 'string') named.add(childId);
  }
  return [...named];
}

async function firstPosition(store: EventStore, streamPrefix: string): Promise<bigint | undefined> {
  for await (const event of store.readAll({ maxCount: 1, filter: { streamPrefixes: [streamPrefix] } }))
    return event.globalPosition;
  return undefined;
}
