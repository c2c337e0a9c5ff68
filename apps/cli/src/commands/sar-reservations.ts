import { readStreamOrEmpty, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { childRefStream } from '@care-journey/journey';
import { upnStream } from '@care-journey/registrations';
import { heldIdentifiers } from './sar-subject';

/** One reservation stream as a subject access export gives it. */
export interface ReservationStreamExport {
  stream: string;
  /** What the stream reserves: a 903 reference, or a UPN (the stream is named by its hash). */
  holds: { childRef: string } | { upn: string };
  /** Its events that name this child (a reservation, a release), oldest first. */
  events: RecordedEvent[];
}

/**
 * The child's reservation streams (libs/registrations): `child-ref-<REF>` for each 903 reference and
 * `upn-<hash>` for each UPN the record holds or held, with the events in them that name this child.
 * Events naming another id (one that reserved the reference and never became a child) are left out:
 * they are not this child's data.
 */
export async function childReservations(
  store: EventStore,
  childId: string,
  journey: readonly RecordedEvent[],
): Promise<ReservationStreamExport[]> {
  const { childRefs, upns } = heldIdentifiers(journey);
  const wanted = [
    ...childRefs.map((childRef) => ({ stream: childRefStream(childRef), holds: { childRef } })),
    ...upns.map((upn) => ({ stream: upnStream(upn), holds: { upn } })),
  ];
  const found: ReservationStreamExport[] = [];
  for (const { stream, holds } of wanted) {
    const events: RecordedEvent[] = [];
    for await (const event of readStreamOrEmpty(store, stream))
      if (event.data['childId'] === childId) events.push(event);
    if (events.length > 0) found.push({ stream, holds, events });
  }
  return found;
}
