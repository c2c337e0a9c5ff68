/**
 * Short breaks (V3, reg 48): each at most 17 days (DfE 903 validation rule 365) and together at
 * most 75 days in any 12 months (rule 367, which sums each V3 episode's end date minus start date
 * within a collection year). Checked like the other time limits (time-limits.ts) when an entry ends
 * a V3 spell: its own length, and the total of the 12 months up to that end, this spell included.
 * Kept apart from LEGAL_STATUS_TIME_LIMITS, which a drift rule reads: no drift rule reads short breaks.
 */
import { addDays, addMonths, daysBetween, maxDate, minDate } from '../calendar-date';
import { violation } from '../errors';
import { currentLegalStatus } from '../queries';
import type { JourneyState } from '../state';

export const SHORT_BREAK_MAX_DAYS = 17;
export const SHORT_BREAK_DAYS_PER_12_MONTHS = 75;

export function shortBreakWithinLimits(state: JourneyState, endDate: string, ending: string): void {
  const status = currentLegalStatus(state);
  if (status?.legalStatus !== 'V3') return;
  const days = daysBetween(status.startDate, endDate);
  if (days > SHORT_BREAK_MAX_DAYS)
    violation(
      'v3-over-17-days-903-rule-365',
      `V3 (a short break in an agreed series) from ${status.startDate} may last at most ${SHORT_BREAK_MAX_DAYS} days (903 validation rule 365); ` +
        `${ending} on ${endDate} would make it ${days} days. Record when it really ended (by ${addDays(status.startDate, SHORT_BREAK_MAX_DAYS)}), or correct its start.`,
      'effectiveDate',
    );
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
