import { Injectable } from '@nestjs/common';
import { addMonths, isShortBreak, type CalendarDate, type JourneyState } from '@care-journey/journey';
import { addWorkingDays } from '@care-journey/projections';

/** Care Planning Regulations 2010, reg. 33: first review 20 working days after entry, then 3, then every 6 months. */
const FIRST_REVIEW_WORKING_DAYS = 20;
const SECOND_REVIEW_MONTHS = 3;
const LATER_REVIEW_MONTHS = 6;

/**
 * Short breaks (V3/V4) have no statutory reviews (903 rule 399; the domain refuses one with
 * no-reviews-for-short-breaks). Like the drift rules, a period that started as a short break is one
 * throughout; a child now on V3/V4 has none due either.
 */
function onShortBreaks(state: JourneyState, periodStart: CalendarDate): boolean {
  const spells = state.legalStatuses.filter((spell) => spell.startDate >= periodStart);
  return isShortBreak(spells[0]?.legalStatus) || isShortBreak(spells.at(-1)?.legalStatus);
}

/**
 * When the next statutory review is due in the current period of care (undefined out of care or on
 * short breaks). A provider of its own so the read model's calculation can replace it without
 * touching callers.
 */
@Injectable()
export class NextReviewDue {
  of(state: JourneyState): CalendarDate | undefined {
    const period = state.currentPeriodOfCare;
    if (!state.inCare || !period) return undefined;
    if (onShortBreaks(state, period.startDate)) return undefined;
    const reviews = state.reviews.filter((review) => review.date >= period.startDate);
    const last = reviews.at(-1);
    if (!last) return addWorkingDays(period.startDate, FIRST_REVIEW_WORKING_DAYS);
    return addMonths(last.date, reviews.length === 1 ? SECOND_REVIEW_MONTHS : LATER_REVIEW_MONTHS);
  }
}
