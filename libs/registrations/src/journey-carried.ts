/**
 * One child's journey read for what its registration has carried (journey-names.ts), and the
 * revision read: a release of a hold the journey never carried is written only while the journey
 * is still at that revision, so an amendment carrying the value that lands meanwhile refuses it.
 * Read in full: only a release reads it (an admin's, or an amendment's refused append), never a
 * command's ordinary path.
 */
import { journeyStream } from '@care-journey/journey';
import { readStreamOrEmpty, type EventStore } from '@care-journey/event-store';
import { noJourneyNames, seeJourneyEvent, type JourneyNames } from './journey-names';

export interface CarriedByJourney {
  names: JourneyNames;
  /** The journey's last revision read; the release's condition. */
  revision: bigint;
}

/** Undefined when `childId` has no journey (never became a child). */
export async function readCarried(store: EventStore, childId: string): Promise<CarriedByJourney | undefined> {
  const names = noJourneyNames();
  let revision: bigint | undefined;
  for await (const event of readStreamOrEmpty(store, journeyStream(childId))) {
    seeJourneyEvent(names, event);
    revision = event.revision;
  }
  return revision === undefined ? undefined : { names, revision };
}
