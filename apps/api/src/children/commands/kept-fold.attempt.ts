import { Injectable } from '@nestjs/common';
import { journeyDecider, type JourneyCommand, type JourneyEvent } from '@care-journey/journey';
import type { TeamScope } from '../../auth/child-scope/team-scope';
import type { IfMatch } from '../../http/if-match';
import { matchRequest } from '../recording/idempotency';
import { JourneyRepository, type CachedJourney } from '../recording/journey.repository';
import type { RecordingContext } from '../recording/recording-context';
// Value imports: Nest injects them by the constructor's parameter types.
import { AmendmentPreconditions } from './amendment-preconditions';
import { isClash } from './append-clash';
import { BeforeAppend } from './before-append';
import { answerOf, appendedAnswer, recordedOutcome } from './record-answer';
import { recordingInstant } from './recording-instant';
import { appendReleasingOnRefusal } from './unrecorded-amendment';
import type { RecordResult } from './record-journey.command';
import { mayRecord } from './sender-scope';

/** What deciding on the kept fold came to: an answer, a refused append, or something to confirm. */
export type KeptFoldOutcome =
  { kind: 'answered'; result: RecordResult } | { kind: 'clashed' } | { kind: 'confirm' };
const CONFIRM: KeptFoldOutcome = { kind: 'confirm' };

/**
 * Decides on the fold this process kept and appends at its revision, with no read of the store.
 * The fold may be stale (another process — a second API, the CLI import — may have written), so
 * only what the store itself guards is answered from it: an append at the kept revision (refused if
 * anyone appended since) and the replay of a keyed command found in it (stored events never change).
 * Anything else — out of scope, a refusal, an If-Match mismatch, a reused key, a decision that
 * records nothing — is left to a fresh read (ReadDecideAppend) to confirm.
 */
@Injectable()
export class KeptFoldAttempt {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly amendments: AmendmentPreconditions,
    private readonly beforeAppend: BeforeAppend,
  ) {}

  async attempt(
    command: JourneyCommand,
    ifMatch: IfMatch,
    context: RecordingContext,
    scope: TeamScope,
    cached: CachedJourney,
  ): Promise<KeptFoldOutcome> {
    const { childId } = command;
    if (!mayRecord(scope, command, cached.state)) return CONFIRM;
    const recorded = recordedOutcome(cached.outcomes, context);
    if (recorded) {
      // The same request: its stored outcome. Another request under the key: refused after a read.
      return matchRequest(recorded.requestHash, context.idempotency) === 'same'
        ? { kind: 'answered', result: answerOf(childId, recorded) }
        : CONFIRM;
    }
    if (ifMatch.kind === 'revision' && ifMatch.revision !== cached.revision) return CONFIRM;
    // Never before the stream's last event (review s18-es F2); a new command and context only then.
    const now = recordingInstant(context.now, cached.state);
    if (now !== context.now) {
      command = { ...command, now } as JourneyCommand;
      context = { ...context, now };
    }
    let events: JourneyEvent[];
    try {
      events = journeyDecider.decide(this.amendments.checked(command, cached.state), cached.state);
    } catch {
      return CONFIRM; // a refusal may come from a stale fold: the fresh read decides again
    }
    if (events.length === 0) return CONFIRM;
    try {
      const reserved = await this.beforeAppend.hold(events, cached.state, context);
      const appended = await appendReleasingOnRefusal(reserved, () =>
        this.journeys.append(childId, events, cached.revision, context),
      );
      return { kind: 'answered', result: appendedAnswer(childId, appended) };
    } catch (error) {
      if (isClash(error)) return { kind: 'clashed' };
      throw error;
    }
  }
}
