import { Inject, Injectable } from '@nestjs/common';
import { chainEvents, readChainTip } from '@care-journey/audit';
import {
  StreamNotFound,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
} from '@care-journey/event-store';
import { journeyDecider, journeyStream, type JourneyEvent, type JourneyState } from '@care-journey/journey';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { EventEnvelopeFactory } from './event-envelope.factory';
import type { RecordingContext } from './recording-context';
import { toStoredJourneyEvent } from './stored-journey-event';

export interface LoadedJourney {
  state: JourneyState;
  /** Revision of the last event read; undefined when the child has no stream yet. */
  revision: bigint | undefined;
  /** Global position of the last event read. */
  globalPosition: bigint | undefined;
}

export interface AppendedJourney extends AppendResult {
  events: { id: string; type: string }[];
}

/** A child's journey: the stream folded with the domain's evolve, and appends at a known revision. */
@Injectable()
export class JourneyRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly envelopes: EventEnvelopeFactory,
  ) {}

  async load(childId: string): Promise<LoadedJourney> {
    let state = journeyDecider.initialState;
    let revision: bigint | undefined;
    let globalPosition: bigint | undefined;
    try {
      for await (const recorded of this.store.readStream(journeyStream(childId))) {
        state = journeyDecider.evolve(state, toStoredJourneyEvent(recorded));
        revision = recorded.revision;
        globalPosition = recorded.globalPosition;
      }
    } catch (error) {
      if (error instanceof StreamNotFound)
        return { state: journeyDecider.initialState, revision: undefined, globalPosition: undefined };
      throw error;
    }
    return { state, revision, globalPosition };
  }

  async append(
    childId: string,
    events: readonly JourneyEvent[],
    expectedRevision: ExpectedRevision,
    context: RecordingContext,
  ): Promise<AppendedJourney> {
    const stream = journeyStream(childId);
    // Audit hash chain (docs/audit.md): each event links to the stream's last one. If anyone appends
    // in between, the store refuses this append at expectedRevision, so the chain cannot fork.
    const envelopes = chainEvents(
      await readChainTip(this.store, stream),
      this.envelopes.envelop(events, context),
    );
    const result = await this.store.appendToStream(stream, envelopes, { expectedRevision });
    return { ...result, events: envelopes.map(({ id, type }) => ({ id, type })) };
  }
}
