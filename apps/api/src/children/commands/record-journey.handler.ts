import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DuplicateEventIds, WrongExpectedRevision } from '@care-journey/event-store';
import {
  journeyDecider,
  type JourneyCommand,
  type JourneyEvent,
  type JourneyState,
} from '@care-journey/journey';
import type { IfMatch } from '../../http/if-match';
import { Clock } from '../../infrastructure/clock';
import { inTeamScope, type TeamScope } from '../../auth/child-scope/team-scope';
import { ChildNotFound, ChildOutOfScope, RevisionConflict } from '../application-errors';
import { matchRequest } from '../recording/idempotency';
import { JourneyRepository, type CachedJourney } from '../recording/journey.repository';
import type { RecordingContext } from '../recording/recording-context';
import { AllocationNames } from '../allocation/allocation-names';
import type { KnownAllocationNames } from '../allocation/known-allocation-names';
// Value imports: Nest injects them by the constructor's parameter types.
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { AmendedUpnReservation } from './amended-upn.reservation';
import { AmendmentHolds } from './amendment-holds';
import { withKnownAmendedNames } from './amended-allocation.check';
import { checkAmendedData } from './amended-data.check';
import { answerOf, appendedAnswer, recordedOutcome, replayOf } from './record-answer';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';
import { SchemaWriteGate } from './schema-write.gate';

/** No team or social worker is known to a handler built without the configuration. */
const NONE_KNOWN: KnownAllocationNames = { teams: [], socialWorkers: [] };

/**
 * Decide on the fold this process kept → append at its revision, with no read when that works.
 * The fold may be stale (another process — a second API, the CLI import — may have written), so
 * only outcomes the store itself guards are answered from it: an append at the kept revision (the
 * store refuses it if anyone appended since) and the replay of a keyed command found in it (stored
 * events never change). Anything else — a refusal, an If-Match mismatch, a reused key, a decision
 * that records nothing, a refused append — is confirmed the usual way:
 *
 * Load (read the store) → decide → append at the revision read. If someone else wrote in between,
 * decide once more against the fresh state (the command may still hold, or now break a rule); a
 * second clash, or a clash with the revision the client asserted in If-Match, is a 409. A clash on
 * the kept fold counts as the first clash only if this process itself wrote the child meanwhile;
 * otherwise it may only mean the fold had not seen another process's write, and the read path
 * keeps its retry.
 *
 * With an Idempotency-Key, the fold (kept or read) is first asked whether this user's key already
 * recorded something: then its outcome is the answer (the same request) or a 422 (another request,
 * after a read), and nothing is decided. Folds are made of stored events only, so this holds after a
 * restart; a concurrent duplicate loses the append race (or the store finds its ids already stored
 * and answers with the first append) and finds the winner's outcome on the re-read.
 *
 * With CARE_JOURNEY_SCHEMA_WRITES=held, a decision that would write an event schema version the
 * log does not hold yet is refused (503 schema-writes-held, schema-write.gate.ts) before anything
 * is held or appended; with the default `current` that costs one test of a field.
 *
 * An amendment's data is checked against the corrected entry's own field rules before deciding
 * (400, amended-data.check.ts), a corrected team or social worker against the configured ones
 * (400 knownTeam / knownSocialWorker, amended-allocation.check.ts), and a 903 reference or UPN it
 * gives the registration is held before the append on either path (409 child-ref-in-use /
 * upn-in-use, amendment-holds.ts). A registration's own are held by the repository's append
 * (recording/registration-holds.ts), which writes it only while its reference's hold stands.
 *
 * The sender's scope (a team-scoped social worker's teams) is judged here, on the state each decision
 * is made on, before anything else: out of scope is a 404 as for an unknown child (ChildOutOfScope).
 * On the kept fold an append succeeds only at its revision, so the state judged is the child as
 * stored; a stale fold out of scope is confirmed on a read. The route's guard therefore needs no read
 * of its own for a command (ChildScope.mayRecord).
 */
@CommandHandler(RecordJourneyCommand)
export class RecordJourneyHandler implements ICommandHandler<RecordJourneyCommand, RecordResult> {
  /** An amendment's 903 reference and UPN, held before its append on either path. */
  private readonly amendments: AmendmentHolds;
  /** The gate when CARE_JOURNEY_SCHEMA_WRITES=held (and a type is past version 1); else undefined. */
  private readonly heldWrites: SchemaWriteGate | undefined;

  constructor(
    private readonly journeys: JourneyRepository,
    /**
     * Nest always gives it (ChildrenModule). A handler built without it (specs, the bench) refuses
     * an amendment of the 903 reference rather than record it unreserved.
     */
    amendedChildRefs?: AmendedChildRefReservation,
    /**
     * Nest always gives it (ChildrenModule). A handler built without it (specs, the bench) knows no
     * team or social worker, so it refuses an amendment naming one rather than record it unchecked.
     */
    private readonly allocationNames?: AllocationNames,
    /** Stamps each decision made on a fresh read (see `attempt`); Nest gives the app's clock. */
    private readonly clock: Clock = new Clock(),
    /**
     * Nest always gives it (ChildrenModule). A handler built without it (specs, the bench) refuses
     * an amendment of the UPN rather than record it unreserved.
     */
    amendedUpns?: AmendedUpnReservation,
    /** Nest always gives it (ChildrenModule); without it (specs, the bench) writes are `current`. */
    schemaWrites?: SchemaWriteGate,
  ) {
    this.amendments = new AmendmentHolds(amendedChildRefs, amendedUpns);
    this.heldWrites = schemaWrites?.held ? schemaWrites : undefined;
  }

  /** The command as it will be decided: an amendment's data checked, its allocation names as configured. */
  private checked(command: JourneyCommand, state: JourneyState): JourneyCommand {
    checkAmendedData(command, state);
    // The names are read only for an amendment of a registration or an allocation, not per command.
    return withKnownAmendedNames(command, state, () => this.allocationNames?.known() ?? NONE_KNOWN);
  }

  async execute({ command, ifMatch, context, scope }: RecordJourneyCommand): Promise<RecordResult> {
    const cached = this.journeys.cached(command.childId);
    if (!cached) return this.decideOnReads(command, ifMatch, context, scope, 1);
    const outcome = await this.attemptOnCache(command, ifMatch, context, scope, cached);
    if (outcome.kind === 'answered') return outcome.result;
    // A clash while this process itself wrote the child (its kept fold moved on meanwhile) is
    // concurrency, and uses the one retry; otherwise the kept fold was only stale.
    const movedOn = (this.journeys.knownRevision(command.childId) ?? cached.revision) > cached.revision;
    return this.decideOnReads(
      command,
      ifMatch,
      context,
      scope,
      outcome.kind === 'clashed' && movedOn ? 0 : 1,
    );
  }

  /** Decides on the kept fold; anything but an answer must be confirmed against a fresh read. */
  private async attemptOnCache(
    command: JourneyCommand,
    ifMatch: IfMatch,
    context: RecordingContext,
    scope: TeamScope,
    cached: CachedJourney,
  ): Promise<CacheOutcome> {
    const { childId } = command;
    if (!inScope(scope, command, cached.state)) return CONFIRM; // the fold may be stale: a read decides
    const recorded = recordedOutcome(cached.outcomes, context);
    if (recorded) {
      // The same request: its stored outcome. Another request under the key: refused after a read.
      return matchRequest(recorded.requestHash, context.idempotency) === 'same'
        ? { kind: 'answered', result: answerOf(childId, recorded) }
        : CONFIRM;
    }
    if (ifMatch.kind === 'revision' && ifMatch.revision !== cached.revision) return CONFIRM;
    let events: JourneyEvent[];
    try {
      events = journeyDecider.decide(this.checked(command, cached.state), cached.state);
    } catch {
      return CONFIRM; // a refusal may come from a stale fold: the fresh read decides again
    }
    if (events.length === 0) return CONFIRM;
    if (this.heldWrites) await this.heldWrites.check(events, cached.state);
    try {
      await this.amendments.hold(events, cached.state, context);
      const appended = await this.journeys.append(childId, events, cached.revision, context);
      return { kind: 'answered', result: appendedAnswer(childId, appended) };
    } catch (error) {
      if (isClash(error)) return { kind: 'clashed' };
      throw error;
    }
  }

  /** Load → decide → append, again after a clash while `retries` last (never under If-Match). */
  private async decideOnReads(
    command: JourneyCommand,
    ifMatch: IfMatch,
    context: RecordingContext,
    scope: TeamScope,
    retries: number,
  ): Promise<RecordResult> {
    for (let left = retries; ; left--) {
      try {
        return await this.attempt(command, ifMatch, context, scope);
      } catch (error) {
        // A keyed duplicate that lost the race to its twin: answer with what the twin recorded.
        const replay = isClash(error) ? await this.replayAfterClash(command.childId, context) : undefined;
        if (replay) return replay;
        // With If-Match the client decided against that revision: re-deciding for it would be wrong.
        if (left === 0 || !(error instanceof WrongExpectedRevision) || ifMatch.kind === 'revision')
          throw toConflict(command.childId, error);
      }
    }
  }

  /** After a clash, for a keyed command only: re-read the stream for what its key recorded. */
  private async replayAfterClash(
    childId: string,
    context: RecordingContext,
  ): Promise<RecordResult | undefined> {
    if (!context.idempotency) return undefined;
    return replayOf(childId, (await this.journeys.load(childId)).outcomes, context);
  }

  private async attempt(
    command: JourneyCommand,
    ifMatch: IfMatch,
    context: RecordingContext,
    scope: TeamScope,
  ): Promise<RecordResult> {
    const { childId } = command;
    const { state, revision, globalPosition, outcomes } = await this.journeys.load(childId);
    // First: an out-of-scope child's answers (a keyed replay, a revision) must not tell it exists.
    if (!inScope(scope, command, state)) throw new ChildOutOfScope(childId);
    const replay = replayOf(childId, outcomes, context);
    if (replay) return replay;
    if (revision === undefined && command.type !== 'RegisterChild') throw new ChildNotFound(childId);
    if (ifMatch.kind === 'revision' && ifMatch.revision !== revision) {
      throw new RevisionConflict(childId, ifMatch.revision, revision ?? 'no_stream');
    }
    // Recorded now, after the read it is decided on, not when the request came in: a retry after a
    // clash decides on events stored after the request's instant, and "as known at" (libs/audit)
    // must never show this event without them. So each decision gets its own stamp, and per stream
    // recordedAt follows the revisions (one clock; docs/audit.md).
    const now = this.clock.now();
    const decided = { ...command, now } as JourneyCommand;
    const recording: RecordingContext = { ...context, now };
    const events = journeyDecider.decide(this.checked(decided, state), state);
    if (events.length === 0) {
      return {
        childId,
        revision: String(revision ?? -1n),
        globalPosition: globalPosition?.toString() ?? null,
        events: [],
      };
    }
    const expected = revision ?? 'no_stream';
    if (this.heldWrites) await this.heldWrites.check(events, state);
    await this.amendments.hold(events, state, recording);
    return appendedAnswer(childId, await this.journeys.append(childId, events, expected, recording));
  }
}

/** What deciding on the kept fold came to: an answer, a refused append, or something to confirm. */
type CacheOutcome = { kind: 'answered'; result: RecordResult } | { kind: 'clashed' } | { kind: 'confirm' };
const CONFIRM: CacheOutcome = { kind: 'confirm' };

/**
 * A registration's team is the guard's to judge (it is in the request); any other command is about a
 * child whose current allocation must be in the scope (an unknown child is in no limited scope).
 */
/**
 * A registration of a new child is judged by its team (the guard's ownTeam); one naming a child
 * already registered is about that child, so out of scope it answers as an unknown child (not
 * "already registered", which would tell that the child exists).
 */
const inScope = (scope: TeamScope, command: JourneyCommand, state: JourneyState): boolean =>
  scope.all ||
  (command.type === 'RegisterChild' && !state.registered) ||
  inTeamScope(scope, state.allocation?.team);

const isClash = (error: unknown): boolean =>
  error instanceof WrongExpectedRevision || error instanceof DuplicateEventIds;

/** A store-level revision clash becomes the API's conflict; anything else passes through. */
function toConflict(childId: string, error: unknown): unknown {
  if (!(error instanceof WrongExpectedRevision)) return error;
  const expected = /^\d+$/.test(error.expected) ? BigInt(error.expected) : 'no_stream';
  return new RevisionConflict(childId, expected, error.actual);
}
