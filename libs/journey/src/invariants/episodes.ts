/**
 * Episodes move forward: a new placement or legal status starts after the current one started.
 * On the very same day the current episode would start and end at once, which the 903 forbids.
 */
import { dateInWords } from '../date-in-words';
import { violation } from '../errors';
import { currentLegalStatus } from '../queries';
import type { JourneyState } from '../state';

function moveForward(date: string, since: string | undefined, what: string, backwardsRule: string): void {
  if (since === undefined) return;
  if (date < since)
    violation(
      backwardsRule,
      `effectiveDate ${date} is before the current ${what} started (${since}).`,
      'effectiveDate',
    );
  if (date === since) {
    violation(
      'episode-same-day',
      `The current ${what} started on ${date}: an episode cannot start and end on the same day. Withdraw or correct that entry.`,
      'effectiveDate',
    );
  }
}

export const placementMustMoveForward = (state: JourneyState, date: string): void =>
  moveForward(date, state.currentPlacement?.startDate, 'placement', 'placement-before-current-placement');

export const legalStatusMustMoveForward = (state: JourneyState, date: string): void =>
  moveForward(date, currentLegalStatus(state)?.startDate, 'legal status', 'legal-status-before-current');

/** Ending care closes the current episode, which must not have started that day. */
export function endMustCloseAnEpisode(state: JourneyState, date: string): void {
  const starts = [state.currentPlacement?.startDate, currentLegalStatus(state)?.startDate].filter(
    (d): d is string => d !== undefined,
  );
  const since = starts.sort().pop();
  moveForward(date, since, 'episode', 'end-before-last-event');
}

/**
 * The placement order makes the legal status E1, a new episode. When the court made the care order
 * and the placement order at one hearing, a legal status recorded that day cannot be corrected to
 * E1 (E1 comes only with the order): the way through is to withdraw it and record the order alone.
 */
export function placementOrderNotOnLegalStatusDay(state: JourneyState, date: string): void {
  const current = currentLegalStatus(state);
  // A legal status given by the start of care that day is not a separate entry to withdraw: the
  // general same-day refusal says what to do there.
  const startedCareThatDay = state.periodsOfCare.at(-1)?.startDate === date;
  if (current?.startDate === date && !startedCareThatDay)
    violation(
      'episode-same-day',
      `A legal status (${current.legalStatus}) was recorded on the same day (${dateInWords(date)}): when the court made both orders at one hearing, withdraw that legal status entry and record only the placement order (E1).`,
      'effectiveDate',
    );
}
