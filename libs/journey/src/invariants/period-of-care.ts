/** Entries about care need a period of care; periods of care never overlap. */
import { DomainRuleViolation, violation } from '../errors';
import { lastEventDateInCurrentPeriod, periodOfCareOn } from '../queries';
import type { JourneyState, PeriodOfCare } from '../state';

/** The open period of care, with the date on or after its start. `subject` makes the rule id. */
export function mustBeInCurrentPeriod(state: JourneyState, date: string, subject: string): PeriodOfCare {
  const period = state.currentPeriodOfCare;
  if (!period)
    return violation(
      `${subject}-outside-period-of-care`,
      `The child is not in care: a ${subject.replace(/-/g, ' ')} needs a period of care.`,
      'effectiveDate',
    );
  if (date < period.startDate) {
    return violation(
      `${subject}-outside-period-of-care`,
      `effectiveDate ${date} is before the current period of care started (${period.startDate}).`,
      'effectiveDate',
    );
  }
  return period;
}

/** Any period of care, open or closed, covering the date (late entries for an earlier period). */
export function mustBeWithinAPeriod(state: JourneyState, date: string, subject: string): PeriodOfCare {
  const period = periodOfCareOn(state, date);
  if (!period) {
    return violation(
      `${subject}-outside-period-of-care`,
      `effectiveDate ${date} is not within any period of care of this child.`,
      'effectiveDate',
    );
  }
  return period;
}

export function mustNotBeInCare(state: JourneyState): void {
  const open = state.currentPeriodOfCare;
  if (open)
    violation(
      'already-in-care',
      `The child is already in care (since ${open.startDate}); end that period first.`,
      'effectiveDate',
    );
}

export function mustStartAfterLastPeriod(state: JourneyState, date: string): void {
  const last = state.periodsOfCare[state.periodsOfCare.length - 1];
  if (last?.endDate !== undefined && date < last.endDate) {
    violation(
      'period-of-care-overlap',
      `effectiveDate ${date} is before the previous period of care ended (${last.endDate}).`,
      'effectiveDate',
    );
  }
  // The 903 has no way to show care ending and starting again on one day: a new period's S episode
  // must start after the last one ended (rule 431), and an episode ended other than X1 with one
  // starting that day means care went on (rule 388).
  if (last?.endDate === date) throw sameDayReentry(date);
}

/** Care starting again on the day it ended (`date`): the refusal, shared with corrections' journey check. */
export const sameDayReentry = (date: string): DomainRuleViolation =>
  new DomainRuleViolation(
    'period-of-care-starts-on-end-day',
    `Care ended on ${date}: a new period of care cannot start that same day (903 rules 431 and 388 read it as care that never stopped). If the child stayed looked after, retract the end of care and record what changed; otherwise start care from the next day.`,
    'effectiveDate',
  );

export function endNotBeforeLastEvent(state: JourneyState, date: string): void {
  const latest = lastEventDateInCurrentPeriod(state);
  if (latest !== undefined && date < latest) {
    violation(
      'end-before-last-event',
      `Care cannot end on ${date}: an entry in this period of care is dated ${latest}.`,
      'effectiveDate',
    );
  }
}
