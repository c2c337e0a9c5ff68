import { Injectable } from '@nestjs/common';
import { WrongExpectedRevision } from '@care-journey/event-store';
import { journeyDecider, type JourneyCommand } from '@care-journey/journey';
import type { TeamScope } from '../../auth/child-scope/team-scope';
import type { IfMatch } from '../../http/if-match';
import { Clock } from '../../infrastructure/clock';
import { ChildNotFound, ChildOutOfScope, RevisionConflict } from '../application-errors';
import { JourneyRepository } from '../recording/journey.repository';
import type { RecordingContext } from '../recording/recording-context';
// Value imports: Nest injects them by the constructor's parameter types.
import { AmendmentPreconditions } from './amendment-preconditions';
import { isClash, toConflict } from './append-clash';
import { BeforeAppend } from './before-append';
import { appendedAnswer, replayOf } from './record-answer';
import { recordingInstant } from './recording-instant';
import { appendReleasingOnRefusal } from './unrecorded-amendment';
import type { RecordResult } from './record-journey.command';
import { mayRecord } from './sender-scope';

/**
 * Load (read the store) → decide → append at the revision read. If someone else wrote in between,
 * decide once more against the fresh state (the command may still hold, or now break a rule); a
 * second clash, or a clash with the revision the client asserted in If-Match, is a 409. A keyed
 * duplicate that loses the race to its twin (or whose ids the store finds already stored) answers
 * with the twin's outcome, found on a re-read: folds are made of stored events only.
 */
@Injectable()
export class ReadDecideAppend {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly amendments: AmendmentPreconditions,
    private readonly beforeAppend: BeforeAppend,
    private readonly clock: Clock,
  ) {}

  /** Again after a clash while `retries` last (never under If-Match). */
  async record(
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
    if (!mayRecord(scope, command, state)) throw new ChildOutOfScope(childId);
    const replay = replayOf(childId, outcomes, context);
    if (replay) return replay;
    if (revision === undefined && command.type !== 'RegisterChild') throw new ChildNotFound(childId);
    if (ifMatch.kind === 'revision' && ifMatch.revision !== revision) {
      throw new RevisionConflict(childId, ifMatch.revision, revision ?? 'no_stream');
    }
    // Stamped now, after the read it is decided on, not when the request came in: a retry after a
    // clash decides on events stored after the request's instant, and "as known at" (libs/audit)
    // must never show this event without them. Per stream, recordedAt follows the revisions, even
    // when this process's clock is behind the one that stamped the stream's last event.
    const now = recordingInstant(this.clock.now(), state);
    const decided = { ...command, now } as JourneyCommand;
    const recording: RecordingContext = { ...context, now };
    const events = journeyDecider.decide(this.amendments.checked(decided, state), state);
    if (events.length === 0) {
      return {
        childId,
        revision: String(revision ?? -1n),
        globalPosition: globalPosition?.toString() ?? null,
        events: [],
      };
    }
    const reserved = await this.beforeAppend.hold(events, state, recording);
    const appended = await appendReleasingOnRefusal(reserved, () =>
      this.journeys.append(childId, events, revision ?? 'no_stream', recording),
    );
    return appendedAnswer(childId, appended);
  }
}
