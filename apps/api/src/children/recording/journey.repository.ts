import { Inject, Injectable } from '@nestjs/common';
import { chainEvents, chainTipAfter, readChainTip, readStamp, type ChainTip } from '@care-journey/audit';
import {
  StreamNotFound,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '@care-journey/event-store';
import { journeyDecider, journeyStream, type JourneyEvent, type JourneyState } from '@care-journey/journey';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { FoldedJourneyCache, type FoldedJourney } from './folded-journey-cache';
import { KeyedOutcomesFold, NO_KEYED_OUTCOMES, type KeyedOutcomes } from './keyed-outcomes';
import type { RecordingContext } from './recording-context';
import { toStoredJourneyEvent } from './stored-journey-event';

export interface LoadedJourney {
  state: JourneyState;
  /** Revision of the last event read; undefined when the child has no stream yet. */
  revision: bigint | undefined;
  /** Global position of the last event read. */
  globalPosition: bigint | undefined;
  /** What each keyed command (Idempotency-Key) already recorded in this stream. */
  outcomes: KeyedOutcomes;
}

export interface AppendedJourney extends AppendResult {
  events: { id: string; type: string }[];
}

/**
 * Children whose folds are kept between commands. A recorder works on a few children at a time;
 * a child's state is a few kB to a few hundred kB (its history), so a few thousand stay well
 * inside the API's memory while a whole authority's caseload would not.
 */
const CACHED_CHILDREN = 2_000;

/** A child's journey: the stream folded with the domain's evolve, and appends at a known revision. */
@Injectable()
export class JourneyRepository {
  private readonly folds = new FoldedJourneyCache(CACHED_CHILDREN);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly envelopes: EventEnvelopeFactory,
  ) {}

  /**
   * Always reads the store: from the revision folded last time when this process has that fold
   * (usually one or two events), else the whole stream.
   */
  async load(childId: string): Promise<LoadedJourney> {
    const stream = journeyStream(childId);
    const cached = this.folds.get(childId);
    try {
      const folded =
        (cached && (await this.foldOnto(stream, childId, cached))) ?? (await this.foldWhole(stream, childId));
      if (!folded) return noJourney();
      const { state, revision, globalPosition, outcomes } = folded;
      return { state, revision, globalPosition, outcomes };
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
      this.folds.delete(childId);
      return noJourney();
    }
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
      await this.tipAt(stream, childId, expectedRevision),
      this.envelopes.envelop(events, context),
    );
    const result = await this.store.appendToStream(stream, envelopes, { expectedRevision });
    return { ...result, events: envelopes.map(({ id, type }) => ({ id, type })) };
  }

  /**
   * The tip to chain onto. The load just before folded the event at expectedRevision and kept
   * its hash; stored events never change, so that hash is the tip whenever the stream is still
   * at that revision, and otherwise the store refuses the append. No second read needed.
   */
  private async tipAt(stream: string, childId: string, expected: ExpectedRevision): Promise<ChainTip> {
    if (expected === 'no_stream') return chainTipAfter(stream, undefined);
    const cached = this.folds.get(childId);
    if (cached && cached.revision === expected) return cached.tip;
    return readChainTip(this.store, stream);
  }

  /** The cached fold plus whatever was stored after it; undefined if the stream is not the one folded. */
  private async foldOnto(
    stream: string,
    childId: string,
    cached: FoldedJourney,
  ): Promise<FoldedJourney | undefined> {
    let first = true;
    let state = cached.state;
    const outcomes = new KeyedOutcomesFold(cached.outcomes);
    let last: RecordedEvent | undefined;
    for await (const recorded of this.store.readStream(stream, { fromRevision: cached.revision })) {
      if (first) {
        first = false;
        if (!isFolded(recorded, cached)) return this.forget(childId);
        continue;
      }
      state = journeyDecider.evolve(state, toStoredJourneyEvent(recorded));
      outcomes.add(recorded);
      last = recorded;
    }
    if (first) return this.forget(childId); // the folded event is gone: not the stream we folded
    return last ? this.remember(stream, childId, state, outcomes.result, last) : cached;
  }

  /** Folds the whole stream; undefined when it has no events. */
  private async foldWhole(stream: string, childId: string): Promise<FoldedJourney | undefined> {
    let state = journeyDecider.initialState;
    const outcomes = new KeyedOutcomesFold();
    let last: RecordedEvent | undefined;
    for await (const recorded of this.store.readStream(stream)) {
      state = journeyDecider.evolve(state, toStoredJourneyEvent(recorded));
      outcomes.add(recorded);
      last = recorded;
    }
    return last && this.remember(stream, childId, state, outcomes.result, last);
  }

  /** Caches the fold when its last event is chained (an unstamped event cannot vouch for the past). */
  private remember(
    stream: string,
    childId: string,
    state: JourneyState,
    outcomes: KeyedOutcomes,
    last: RecordedEvent,
  ): FoldedJourney {
    const lastHash = stampHash(last);
    const folded: FoldedJourney = {
      state,
      revision: last.revision,
      globalPosition: last.globalPosition,
      lastEventId: last.id,
      lastHash: lastHash ?? '',
      tip: chainTipAfter(stream, last),
      outcomes,
    };
    if (lastHash !== undefined) this.folds.set(childId, folded);
    return folded;
  }

  private forget(childId: string): undefined {
    this.folds.delete(childId);
    return undefined;
  }
}

const noJourney = (): LoadedJourney => ({
  state: journeyDecider.initialState,
  revision: undefined,
  globalPosition: undefined,
  outcomes: NO_KEYED_OUTCOMES,
});

/** Is this stored event the one the fold ended with? Its chain hash covers every event before it. */
const isFolded = (recorded: RecordedEvent, cached: FoldedJourney): boolean =>
  recorded.revision === cached.revision &&
  recorded.id === cached.lastEventId &&
  stampHash(recorded) === cached.lastHash;

function stampHash(event: RecordedEvent): string | undefined {
  const stamp = readStamp(event.metadata);
  return 'hash' in stamp ? stamp.hash : undefined;
}
