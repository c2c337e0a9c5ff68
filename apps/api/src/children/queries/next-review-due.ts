import { Injectable } from '@nestjs/common';
import {
  addMonths,
  isShortBreak,
  reviewClockStart,
  spellsOffShortBreaks,
  type CalendarDate,
  type JourneyState,
} from '@care-journey/journey';
import { driftConfigFromEnv, workingCalendar, type DriftConfig } from '@care-journey/projections';

/**
 * When the next statutory review is due in the current period of care (undefined out of care or on
 * short breaks), by the drift rules' timings (CARE_JOURNEY_DRIFT_THRESHOLDS: DR01 20 working days,
 * DR02 3 months, DR03 6 months; Care Planning Regulations 2010, reg. 33; working days less England's
 * bank holidays and the council's extra ones, extraBankHolidays). Short breaks (V3/V4) have
 * no statutory reviews (903 rule 399); a period that started on them and went on under another
 * legal status has its reviews from the day it did (or, configured, from the period's start:
 * DR01.afterShortBreaks), by the same rule as the drift report (libs/journey spellsOffShortBreaks).
 * A provider of its own so the read model's calculation can replace it without touching callers.
 */
@Injectable()
export class NextReviewDue {
  /** Validated at start-up (check-startup-settings), as the read models' config is. */
  private readonly drift = driftConfigFromEnv();

  of(state: JourneyState, drift: DriftConfig = this.drift): CalendarDate | undefined {
    const period = state.currentPeriodOfCare;
    if (!state.inCare || !period) return undefined;
    const statuses = state.legalStatuses
      .filter((spell) => spell.startDate >= period.startDate)
      .map((spell) => ({ date: spell.startDate, code: spell.legalStatus }));
    if (isShortBreak(statuses.at(-1)?.code)) return undefined;
    const spells = spellsOffShortBreaks(statuses);
    const spell = spells.at(-1);
    const from = spell
      ? reviewClockStart(spell.from, period.startDate, drift.DR01.afterShortBreaks, spells.length === 1)
      : period.startDate;
    const reviews = state.reviews.filter((review) => review.date >= (spell?.from ?? period.startDate));
    const last = reviews.at(-1);
    if (!last) return workingCalendar(drift.extraBankHolidays).addWorkingDays(from, drift.DR01.workingDays);
    return addMonths(last.date, reviews.length === 1 ? drift.DR02.months : drift.DR03.months);
  }
}
