/** Reviews, permanence plans and going-home audits: entries in a period of care, possibly recorded late. */
import type { CompleteGoingHomeAudit, RecordReview, SetPermanencePlan } from '../commands';
import { violation } from '../errors';
import type { JourneyEvent, PermanenceRoute } from '../events';
import { requireCode } from '../invariants/codes';
import { auditNotAlreadyRecorded, planNotAlreadyRecorded } from '../invariants/duplicate-entries';
import { requireText } from '../invariants/fields';
import { mustBeWithinAPeriod } from '../invariants/period-of-care';
import { oneReviewPerDay, participationMatchesAge } from '../invariants/review';
import { noReviewsForShortBreaks } from '../invariants/short-breaks';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function recordReview(command: RecordReview, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeWithinAPeriod(state, date, 'review');
  noReviewsForShortBreaks(state, date);
  const participation = requireCode(
    'REVIEW_CODE',
    command.participation,
    date,
    'participation',
    'invalid-participation',
  );
  participationMatchesAge(state, participation, date);
  oneReviewPerDay(state, date);
  return [{ type: 'StatutoryReviewHeld', data: dataOf(command) }];
}

const ROUTES: readonly PermanenceRoute[] = [
  'return_home',
  'special_guardianship',
  'child_arrangements_order',
  'long_term_fostering',
  'adoption',
];

export function setPermanencePlan(command: SetPermanencePlan, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeWithinAPeriod(state, date, 'permanence-plan');
  if (!ROUTES.includes(command.route)) {
    violation(
      'invalid-permanence-route',
      `route ${JSON.stringify(command.route)} is not one of ${ROUTES.join(', ')}.`,
      'route',
    );
  }
  planNotAlreadyRecorded(state, command.route, date);
  return [{ type: 'PermanencePlanSet', data: dataOf(command) }];
}

export function completeGoingHomeAudit(command: CompleteGoingHomeAudit, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeWithinAPeriod(state, date, 'going-home-audit');
  requireText(command.outcome, 'outcome');
  requireText(command.nextAction, 'nextAction');
  auditNotAlreadyRecorded(state, command, date);
  return [{ type: 'GoingHomeAuditCompleted', data: dataOf(command) }];
}
