import { Inject, Injectable } from '@nestjs/common';
import {
  childFlagsAsKnown,
  knownAt,
  readWholeStream,
  toStoredJourneyEvent,
  type AsKnownPoint,
  type ChildFlagsAsKnown,
} from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { journeyStream, type StoredJourneyEvent } from '@care-journey/journey';
import { summaryFromStream, type DriftConfig } from '@care-journey/projections';
import { ChildNotFound } from '../children/application-errors';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { shownUntilRecorded, type ShownUntilRecorded } from '../web/child/shown-until-recorded';

/**
 * A child's flags as known at an instant (GET /children/:id/flags?knownAt=): replayed from the child's
 * stream in the log, as the authority drift report as known replays every child, never from the read
 * model (which only holds the present). Wiring only: the judgement is libs/audit's childFlagsAsKnown.
 */
@Injectable()
export class ChildFlagsAsKnownService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async flags(
    childId: string,
    point: AsKnownPoint,
    config: DriftConfig,
  ): Promise<
    ChildFlagsAsKnown & { childId: string; childRef: string; shownUntilRecorded: ShownUntilRecorded[] }
  > {
    const events = await this.entries(childId);
    const flags = childFlagsAsKnown(childId, events, point, config);
    // Known before registration: the reference is still the child's (the stream's first entry).
    const registeredRef = (events[0]?.data as { childRef?: unknown }).childRef;
    const childRef = flags.childRef ?? (typeof registeredRef === 'string' ? registeredRef : childId);
    return { childId, ...flags, childRef, shownUntilRecorded: shownAsKnown(childId, events, point, config) };
  }

  /** The child's entries as recorded (with when), for what the read model does not keep. */
  async entries(childId: string): Promise<StoredJourneyEvent[]> {
    const recorded = await readWholeStream(this.store, journeyStream(childId));
    if (!recorded) throw new ChildNotFound(childId);
    return recorded.map(toStoredJourneyEvent);
  }
}

/**
 * Steps held in time but recorded late, as known at the instant (review s16-ofsted F2): the trace the
 * child page as known gives, from the entries recorded by then (a step recorded later is still an
 * open flag then, not a trace).
 */
function shownAsKnown(
  childId: string,
  events: readonly StoredJourneyEvent[],
  point: AsKnownPoint,
  config: DriftConfig,
): ShownUntilRecorded[] {
  const known = knownAt(events, point.knownAt);
  if (known.length === 0) return [];
  const byId = new Map(known.map((event) => [event.id, event]));
  return shownUntilRecorded(summaryFromStream(childId, known), point.asAt, config, byId);
}
