import { Inject, Injectable } from '@nestjs/common';
import {
  childFlagsAsKnown,
  readWholeStream,
  toStoredJourneyEvent,
  type AsKnownPoint,
  type ChildFlagsAsKnown,
} from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { journeyStream, type StoredJourneyEvent } from '@care-journey/journey';
import type { DriftConfig } from '@care-journey/projections';
import { ChildNotFound } from '../children/application-errors';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

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
  ): Promise<ChildFlagsAsKnown & { childId: string; childRef: string }> {
    const events = await this.entries(childId);
    const flags = childFlagsAsKnown(childId, events, point, config);
    // Known before registration: the reference is still the child's (the stream's first entry).
    const registeredRef = (events[0]?.data as { childRef?: unknown }).childRef;
    const childRef = flags.childRef ?? (typeof registeredRef === 'string' ? registeredRef : childId);
    // The trace comes from the same replay (review s17 diff F6: it was folded a second time here).
    return { childId, ...flags, childRef };
  }

  /** The child's entries as recorded (with when), for what the read model does not keep. */
  async entries(childId: string): Promise<StoredJourneyEvent[]> {
    const recorded = await readWholeStream(this.store, journeyStream(childId));
    if (!recorded) throw new ChildNotFound(childId);
    return recorded.map(toStoredJourneyEvent);
  }
}
