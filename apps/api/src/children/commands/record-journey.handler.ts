import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DuplicateEventIds, WrongExpectedRevision } from '@care-journey/event-store';
import { journeyDecider, type JourneyCommand } from '@care-journey/journey';
import type { IfMatch } from '../../http/if-match';
import { ChildNotFound, IdempotencyKeyReused, RevisionConflict } from '../application-errors';
import { JourneyRepository } from '../recording/journey.repository';
import { outcomeKey, type KeyedOutcomes } from '../recording/keyed-outcomes';
import type { RecordingContext } from '../recording/recording-context';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';

/**
 * Load → decide → append at the revision read. If someone else wrote in between, decide once
 * more against the fresh state (the command may still hold, or now break a rule); a second
 * clash, or a clash with the revision the client asserted in If-Match, is a 409.
 *
 * With an Idempotency-Key, the stream is first asked whether this user's key already recorded
 * something: then its outcome is the answer (the same request) or a 422 (another request), and
 * nothing is decided. That check reads the events themselves, so it holds after a restart; a
 * concurrent duplicate loses the append race and finds the winner's outcome on the re-read.
 */
@CommandHandler(RecordJourneyCommand)
export class RecordJourneyHandler implements ICommandHandler<RecordJourneyCommand, RecordResult> {
  constructor(private readonly journeys: JourneyRepository) {}

  async execute({ command, ifMatch, context }: RecordJourneyCommand): Promise<RecordResult> {
    try {
      return await this.attempt(command, ifMatch, context);
    } catch (error) {
      // A keyed duplicate that lost the race to its twin: answer with what the twin recorded.
      const replay = isClash(error) ? await this.replayAfterClash(command.childId, context) : undefined;
      if (replay) return replay;
      // With If-Match the client decided against that revision: re-deciding for it would be wrong.
      if (!(error instanceof WrongExpectedRevision) || ifMatch.kind === 'revision')
        throw toConflict(command.childId, error);
    }
    try {
      return await this.attempt(command, ifMatch, context);
    } catch (error) {
      throw toConflict(command.childId, error);
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
  ): Promise<RecordResult> {
    const { childId } = command;
    const { state, revision, globalPosition, outcomes } = await this.journeys.load(childId);
    const replay = replayOf(childId, outcomes, context);
    if (replay) return replay;
    if (revision === undefined && command.type !== 'RegisterChild') throw new ChildNotFound(childId);
    if (ifMatch.kind === 'revision' && ifMatch.revision !== revision) {
      throw new RevisionConflict(childId, ifMatch.revision, revision ?? 'no_stream');
    }
    const events = journeyDecider.decide(command, state);
    if (events.length === 0) {
      return {
        childId,
        revision: String(revision ?? -1n),
        globalPosition: globalPosition?.toString() ?? null,
        events: [],
      };
    }
    const expected = revision ?? 'no_stream';
    const appended = await this.journeys.append(childId, events, expected, context);
    return {
      childId,
      revision: appended.nextExpectedRevision.toString(),
      globalPosition: appended.globalPosition.toString(),
      events: appended.events,
    };
  }
}

/** The outcome already recorded under this user's key, if any; another request under it is refused. */
function replayOf(
  childId: string,
  outcomes: KeyedOutcomes,
  { idempotency, recordedBy }: RecordingContext,
): RecordResult | undefined {
  if (!idempotency) return undefined;
  const outcome = outcomes.get(outcomeKey(recordedBy, idempotency.key));
  if (!outcome) return undefined;
  if (outcome.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReused(childId);
  return {
    childId,
    revision: outcome.revision.toString(),
    globalPosition: outcome.globalPosition.toString(),
    events: outcome.events.map(({ id, type }) => ({ id, type })),
  };
}

const isClash = (error: unknown): boolean =>
  error instanceof WrongExpectedRevision || error instanceof DuplicateEventIds;

/** A store-level revision clash becomes the API's conflict; anything else passes through. */
function toConflict(childId: string, error: unknown): unknown {
  if (!(error instanceof WrongExpectedRevision)) return error;
  const expected = /^\d+$/.test(error.expected) ? BigInt(error.expected) : 'no_stream';
  return new RevisionConflict(childId, expected, error.actual);
}
