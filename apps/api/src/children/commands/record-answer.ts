/** What a recorded command answers: the outcome just appended, or the one a keyed command already recorded. */
import { IdempotencyKeyReused } from '../application-errors';
import type { AppendedJourney } from '../recording/journey.repository';
import { matchRequest } from '../recording/idempotency';
import { outcomeKey, type KeyedOutcome, type KeyedOutcomes } from '../recording/keyed-outcomes';
import type { RecordingContext } from '../recording/recording-context';
import type { RecordResult } from './record-journey.command';

/** What this user's key already recorded in the stream, if the command has a key. */
export function recordedOutcome(
  outcomes: KeyedOutcomes,
  { idempotency, recordedBy }: RecordingContext,
): KeyedOutcome | undefined {
  return idempotency && outcomes.get(outcomeKey(recordedBy, idempotency.key));
}

/** The outcome already recorded under this user's key, if any; another request under it is refused. */
export function replayOf(
  childId: string,
  outcomes: KeyedOutcomes,
  context: RecordingContext,
): RecordResult | undefined {
  const outcome = recordedOutcome(outcomes, context);
  if (!outcome) return undefined;
  const match = matchRequest(outcome.requestHash, context.idempotency);
  if (match !== 'same') throw new IdempotencyKeyReused(childId, match === 'other-key');
  return answerOf(childId, outcome);
}

export const answerOf = (childId: string, outcome: KeyedOutcome): RecordResult => ({
  childId,
  revision: outcome.revision.toString(),
  globalPosition: outcome.globalPosition.toString(),
  events: outcome.events.map(({ id, type }) => ({ id, type })),
});

export const appendedAnswer = (childId: string, appended: AppendedJourney): RecordResult => ({
  childId,
  revision: appended.nextExpectedRevision.toString(),
  globalPosition: appended.globalPosition.toString(),
  events: appended.events,
});
