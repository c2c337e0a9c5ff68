/**
 * 903 rule 234: a child under 10 cannot change placement because of admission to custody. The
 * reason for a placement change is returned on the episode the change ends, so the child's age is
 * taken on that episode's start (the later of the current placement's and legal status's starts).
 */
import { ageInYearsOn } from '../calendar-date';
import { violation } from '../errors';
import { currentLegalStatus } from '../queries';
import type { JourneyState } from '../state';

export function custodyOnlyFromTen(state: JourneyState, reasonForChange: string): void {
  const dateOfBirth = state.child?.dateOfBirth;
  if (reasonForChange !== 'CUSTOD' || dateOfBirth === undefined) return;
  const starts = [state.currentPlacement?.startDate, currentLegalStatus(state)?.startDate].filter(
    (d): d is string => d !== undefined,
  );
  if (starts.length === 0) return;
  const episodeStart = starts.reduce((a, b) => (a > b ? a : b));
  if (ageInYearsOn(dateOfBirth, episodeStart) < 10)
    violation(
      'custody-under-10-903-rule-234',
      `reasonForChange CUSTOD (admitted to custody) is for a child aged 10 or over: the child was ${ageInYearsOn(dateOfBirth, episodeStart)} when the episode it ends began (${episodeStart}; 903 rule 234).`,
      'reasonForChange',
    );
}
