/**
 * Short breaks (V3) add up to at most 75 days in any 12 months (reg 48; DfE 903 validation rule
 * 367, which sums each V3 episode's end date minus start date within a collection year). Checked,
 * like each break's own 17 days (time-limits.ts), when an entry ends a V3 spell: the total of the
 * 12 months up to that end, this spell included.
 */
import { addMonths, daysBetween, maxDate, minDate } from '../calendar-date';
import { violation } from '../errors';
import { currentLegalStatus } from '../queries';
import type { JourneyState } from '../state';

export const SHORT_BREAK_DAYS_PER_12_MONTHS = 75;

export function shortBreaksWithinYearlyTotal(state: JourneyState, endDate: string, ending: string): void {
  if (currentLegalStatus(state)?.legalStatus !== 'V3') return;
  const from = addMonths(endDate, -12);
  let total = 0;
  for (const spell of state.legalStatuses) {
    if (spell.legalStatus !== 'V3') continue;
    const start = maxDate(spell.startDate, from);
    const end = minDate(spell.endDate ?? endDate, endDate);
    if (end > start) total += daysBetween(start, end);
  }
  if (total <= SHORT_BREAK_DAYS_PER_12_MONTHS) return;
  violation(
    'v3-over-75-days-in-12-months-903-rule-367',
    `Short breaks (V3) may add up to at most ${SHORT_BREAK_DAYS_PER_12_MONTHS} days in any 12 months (903 validation rule 367); ` +
      `${ending} on ${endDate} would make ${total} days between ${from} and ${endDate}.`,
    'effectiveDate',
  );
}
