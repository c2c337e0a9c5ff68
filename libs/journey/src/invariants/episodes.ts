/**
 * Episodes move forward: a new placement or legal status starts after the current one started.
 * On the very same day the current episode would start and end at once, which the 903 forbids.
 */
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
      `The current ${what} started on ${date}: an episode cannot start and end on the same day. Amend that entry instead.`,
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
