/** PN0 is exactly the code for a child under 4 at the review (V 440, 441); one review a day. */
import { violation } from '../errors';
import { ageOn } from '../queries';
import type { JourneyState } from '../state';

export function participationMatchesAge(state: JourneyState, participation: string, date: string): void {
  const age = ageOn(state, date);
  if (age === undefined) return;
  if (participation === 'PN0' && age >= 4)
    violation(
      'pn0-only-under-4',
      `PN0 is only for a child under 4; the child is ${age} on ${date}.`,
      'participation',
    );
  if (participation !== 'PN0' && age < 4)
    violation(
      'pn0-required-under-4',
      `The child is under 4 on ${date}: participation must be PN0.`,
      'participation',
    );
}

export function oneReviewPerDay(state: JourneyState, date: string): void {
  if (state.reviews.some((r) => r.date === date))
    violation('review-already-recorded-on-date', `A review is already recorded on ${date}.`, 'effectiveDate');
}
