/** Missing / away episodes open and close one at a time. */
import { violation } from '../errors';
import type { JourneyState } from '../state';

export function noMissingEpisodeOpen(state: JourneyState): void {
  if (state.missingEpisodeOpen) {
    const open = state.missingEpisodes[state.missingEpisodes.length - 1];
    violation(
      'missing-episode-already-open',
      `A missing episode is already open (since ${open?.startDate}).`,
      'effectiveDate',
    );
  }
}

export function startAfterLastMissingEnded(state: JourneyState, date: string): void {
  const last = state.missingEpisodes[state.missingEpisodes.length - 1];
  if (last?.endDate !== undefined && date < last.endDate) {
    violation(
      'missing-start-before-last-end',
      `effectiveDate ${date} is before the last missing episode ended (${last.endDate}).`,
      'effectiveDate',
    );
  }
}

/** Returns the open episode's start date. */
export function mustHaveMissingEpisodeOpen(state: JourneyState): string {
  const last = state.missingEpisodes[state.missingEpisodes.length - 1];
  if (!state.missingEpisodeOpen || !last)
    return violation('no-missing-episode-open', 'There is no open missing episode to end.', 'effectiveDate');
  return last.startDate;
}

export function endNotBeforeStart(date: string, start: string): void {
  if (date < start)
    violation(
      'missing-end-before-start',
      `effectiveDate ${date} is before the missing episode started (${start}).`,
      'effectiveDate',
    );
}
