import { Inject, Injectable } from '@nestjs/common';
import { chainEvents, chainTipAfter, readChainTip, readStamp } from '@care-journey/audit';
import {
  StreamNotFound,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@care-journey/event-store';
import { journeyDecider, journeyStream, type JourneyEvent, type JourneyState } from '@care-journey/journey';
import type { ChildRefCondition } from '../../child-refs/child-ref-hold';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { asStoredJson } from './as-stored-json';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { FoldedJourneyCache, type FoldedJourney } from './folded-journey-cache';
import { KeyedOutcomesFold, NO_KEYED_OUTCOMES, type KeyedOutcomes } from './keyed-outcomes';
import type { RecordingContext } from './recording-context';
import { RegistrationHolds } from './registration-holds';
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

/** A fold this process kept (from its last read or append of the child): a stream that exists. */
export interface CachedJourney extends LoadedJourney {
  revision: bigint;
  globalPosition: bigint;
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
    /** Nest gives the app's; a repository built outside Nest (specs, the bench) holds through its store. */
    private readonly holds: RegistrationHolds = new RegistrationHolds(store),
  ) {}

  /**
   * The child's fold as this process last read or appended it, without reading the store; undefined
   * when none is kept. May be stale when another process (a second API, the CLI import) wrote since:
   * only what the store itself guards may be decided on it (see KeptFoldAttempt).
   */
  cached(childId: string): CachedJourney | undefined {
    const folded = this.folds.current(childId);
    if (!folded) return undefined;
    const { state, revision, globalPosition, outcomes } = folded;
    return { state, revision, globalPosition, outcomes };
  }

  /**
   * The state of the fold this process keeps for the child, current or not, without reading the
   * store: a hint only (the scope guard's fast path); anything decided must be confirmed on a read
   * or by the store's revision check.
   */
  keptState(childId: string): JourneyState | undefined {
    return this.folds.get(childId)?.state;
  }

  /**
   * How far this process knows the child's stream to reach (its own appends and reads), without
   * reading the store; undefined when it keeps nothing for the child.
   */
  knownRevision(childId: string): bigint | undefined {
    return this.folds.knownRevision(childId);
  }

  /**
   * Reads the store: from the revision folded last time when this process has that fold (the
   * folded event and anything after it), else the whole stream.
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

  /**
   * Appends `events` at `expectedRevision`. A registration's 903 reference and UPN are held first,
   * and it is written only while its reference's hold stands (registration-holds.ts); any other
   * command is appended as it is.
   */
  async append(
    childId: string,
    events: readonly JourneyEvent[],
    expectedRevision: ExpectedRevision,
    context: RecordingContext,
  ): Promise<AppendedJourney> {
    if (!this.holds.concerns(events))
      return this.appendAt(childId, events, expectedRevision, context, undefined);
    return this.holds.append(events, context, (onlyIf) =>
      this.appendAt(childId, events, expectedRevision, context, onlyIf),
    );
  }

  /** Folds and appends `events` at `expectedRevision`, only while `onlyIf` holds in the store when given. */
  private async appendAt(
    childId: string,
    events: readonly JourneyEvent[],
    expectedRevision: ExpectedRevision,
    context: RecordingContext,
    onlyIf: ChildRefCondition | undefined,
  ): Promise<AppendedJourney> {
    const stream = journeyStream(childId);
    // The fold the events were decided on, taken before the append (the cache may move meanwhile).
    const base = this.foldAt(childId, expectedRevision);
    // Audit hash chain (docs/audit.md): each event links to the stream's last one. If anyone appends
    // in between, the store refuses this append at expectedRevision, so the chain cannot fork.
    const envelopes = chainEvents(
      base ? base.tip : await readChainTip(this.store, stream),
      this.envelopes.envelop(events, context),
    );
    const result = await this.store.appendToStream(
      stream,
      envelopes,
      onlyIf ? { expectedRevision, onlyIf } : { expectedRevision },
    );
    if (base && canFoldAppended(envelopes, context))
      this.foldAppended(stream, childId, base, envelopes, result);
    else this.folds.storedUpTo(childId, result.nextExpectedRevision);
    // Not `{ ...result, events }`: a property added after a spread costs ~2 µs in Node 20 (#9).
    return Object.assign({}, result, { events: envelopes.map(({ id, type }) => ({ id, type })) });
  }

  /**
   * The fold at `expected`: the empty journey for a new stream, else the cached fold if it is at that
   * revision (stored events never change, so it is the stream up to there whenever the store takes
   * an append at that revision; otherwise the store refuses the append). Undefined otherwise.
   */
  private foldAt(childId: string, expected: ExpectedRevision): FoldBase | undefined {
    if (expected === 'no_stream') {
      const stream = journeyStream(childId);
      return {
        state: journeyDecider.initialState,
        outcomes: NO_KEYED_OUTCOMES,
        tip: chainTipAfter(stream, undefined),
      };
    }
    const cached = this.folds.get(childId);
    return cached && cached.revision === expected ? cached : undefined;
  }

  /**
   * Evolves the fold the append was decided on with the event as the store now holds it (its data
   * and metadata as JSON gives them back; the revision and global position the store gave), so the
   * next command on this child can be decided without a read. The envelope is ours alone (built
   * for this append), so the fold may keep its data and metadata objects.
   */
  private foldAppended(
    stream: string,
    childId: string,
    base: FoldBase,
    [envelope]: readonly NewEvent[],
    result: AppendResult,
  ): void {
    const stored: RecordedEvent = {
      id: envelope.id,
      type: envelope.type,
      data: asStoredJson(envelope.data),
      metadata: asStoredJson(envelope.metadata),
      streamId: stream,
      revision: result.nextExpectedRevision,
      globalPosition: result.globalPosition,
    };
    const outcomes = new KeyedOutcomesFold(base.outcomes);
    outcomes.add(stored);
    this.remember(
      stream,
      childId,
      journeyDecider.evolve(base.state, toStoredJourneyEvent(stored)),
      outcomes.result,
      stored,
    );
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

/** What an append is decided on and chained to. */
type FoldBase = Pick<FoldedJourney, 'state' | 'outcomes' | 'tip'>;

/**
 * Whether the events the store took are exactly ours, each at a known place, so the fold can be
 * evolved with them rather than read back:
 * - one event: the store gives the last event's global position only (positions increase, but the
 *   port does not promise they are consecutive);
 * - no Idempotency-Key: keyed events have name-based ids, and the store answers an append whose
 *   ids it already holds with the earlier append's result, whose events carry another request's
 *   metadata and chain hash. Unkeyed events have fresh random ids, so the store inserted ours.
 * Anything else leaves the fold where it was, marked as behind: the next command reads the events after it.
 */
const canFoldAppended = (envelopes: readonly NewEvent[], context: RecordingContext): boolean =>
  envelopes.length === 1 && context.idempotency === undefined;

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
