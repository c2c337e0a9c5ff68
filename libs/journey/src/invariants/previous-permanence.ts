/** The earlier permanence order given when care starts: what the 903 PrevPerm table can hold. */
import { violation } from '../errors';
import type { CalendarDate } from '../events';
import { LA_PERM_RULE, isLaPermCode, isOrderDateAsKnown, latestDayOf } from '../previous-permanence';
import type { JourneyState } from '../state';

const ORDERS_KNOWN: readonly string[] = ['P1', 'P2', 'P3'];

interface PreviousPermanence {
  code: string;
  la?: string;
  date?: string;
}

export function checkPreviousPermanence(
  state: JourneyState,
  previous: PreviousPermanence,
  startOfCare: CalendarDate,
): void {
  // Z1 says there was no earlier order, so there is no authority or date to give (903 rule 635's message).
  if (previous.code === 'Z1') {
    for (const field of ['la', 'date'] as const)
      if (previous[field] !== undefined)
        violation(
          'previous-permanence-detail-without-order',
          `previousPermanence.${field} is given but previousPermanence.code is Z1 (no earlier permanence order).`,
          `previousPermanence.${field}`,
        );
    return;
  }
  if (previous.la !== undefined && !isLaPermCode(previous.la))
    violation(
      'invalid-la-perm',
      `previousPermanence.la "${previous.la}" is not a 903 LA code: ${LA_PERM_RULE} (903 rule 633).`,
      'previousPermanence.la',
    );
  if (previous.date !== undefined) checkOrderDate(state, previous.date, startOfCare);
  // An order that is known (adoption, SGO, residence / child arrangements) is returned with the
  // authority that made it and its date, as far as known (903 rule 630); P4 (not known) may lack them.
  if (ORDERS_KNOWN.includes(previous.code))
    for (const field of ['la', 'date'] as const)
      if (previous[field] === undefined)
        violation(
          'previous-permanence-order-details-missing',
          `previousPermanence.${field} is needed with previousPermanence.code ${previous.code}: the 903 returns the authority and the date (YYYY, YYYY-MM when not known fully) of an earlier order (rule 630).`,
          `previousPermanence.${field}`,
        );
}

function checkOrderDate(state: JourneyState, date: string, startOfCare: CalendarDate): void {
  if (!isOrderDateAsKnown(date))
    violation(
      'invalid-order-date',
      `previousPermanence.date "${date}" must be YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is not known.`,
      'previousPermanence.date',
    );
  // The validator reads an unknown day or month as the latest it could be (rule 632).
  if (latestDayOf(date) >= startOfCare)
    violation(
      'previous-permanence-not-before-care',
      `previousPermanence.date ${date} must be before the start of care (${startOfCare}): the earlier order ended before the child came into care (903 rule 632).`,
      'previousPermanence.date',
    );
  const dob = state.child?.dateOfBirth;
  if (dob !== undefined && latestDayOf(date) < dob)
    violation(
      'date-before-birth',
      `previousPermanence.date ${date} is before the child's date of birth (${dob}).`,
      'previousPermanence.date',
    );
}
