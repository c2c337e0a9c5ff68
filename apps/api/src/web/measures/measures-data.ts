import { addDays, addMonths, isValidCalendarDate, type CalendarDate } from '@care-journey/journey';
import { isInSupportedYears, supportedYearsMessage } from '../../http/supported-dates';
import {
  scorecard,
  stability,
  timeToPermanence,
  type JourneySummary,
  type Scorecard,
  type ScorecardSettings,
  type StabilityMeasure,
  type TimeToPermanence,
} from '@care-journey/projections';
import type { FieldMessage } from '../html/components';
import { unknownPageParams } from '../reading/page-params';
import { isAfterToday, NOT_AFTER_TODAY_RULE, yearNotEndedText } from './not-after-today';

export interface MeasuresQuery {
  yearEnding: CalendarDate;
  years: number;
  errors: FieldMessage[];
  raw: { yearEnding: string; years: string };
}

/** The latest 31 March on or before today: the last complete year. */
export const lastYearEnding = (today: CalendarDate): CalendarDate => {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-03-31` ? `${year}-03-31` : `${year - 1}-03-31`;
};

/**
 * The `yearEnding` a page asks for (a 31 March that has passed), else the last one: a bad value is a
 * field error. A year not ended yet is refused (not-after-today.ts), as its API routes refuse it.
 */
export function yearEndingAsked(asked: string, today: CalendarDate, errors: FieldMessage[]): CalendarDate {
  if (!asked) return lastYearEnding(today);
  const aMarch31 = isValidCalendarDate(asked) && asked.endsWith('-03-31');
  if (aMarch31 && isInSupportedYears(asked) && isAfterToday(asked, today)) {
    errors.push({
      fieldId: 'yearEnding',
      rule: NOT_AFTER_TODAY_RULE,
      message: yearNotEndedText('Year ending', asked, today),
    });
    return lastYearEnding(today);
  }
  if (aMarch31 && isInSupportedYears(asked)) return asked;
  errors.push({
    fieldId: 'yearEnding',
    message: aMarch31
      ? supportedYearsMessage('Year ending')
      : 'Year ending must be a 31 March, YYYY-03-31, for example 2025-03-31',
  });
  return lastYearEnding(today);
}

export function parseMeasuresQuery(query: Record<string, unknown>, today: CalendarDate): MeasuresQuery {
  const raw = {
    yearEnding: typeof query.yearEnding === 'string' ? query.yearEnding.trim() : '',
    years: typeof query.years === 'string' ? query.years.trim() : '',
  };
  const errors: FieldMessage[] = unknownPageParams(query, ['yearEnding', 'years'], 'measures-years');
  const yearEnding = yearEndingAsked(raw.yearEnding, today, errors);
  let years = 3;
  if (raw.years) {
    if (/^\d{1,2}$/.test(raw.years) && Number(raw.years) >= 1 && Number(raw.years) <= 10)
      years = Number(raw.years);
    else errors.push({ fieldId: 'years', message: 'Years must be a whole number from 1 to 10' });
  }
  return { yearEnding, years, errors, raw };
}

export interface MeasuresData {
  yearEndings: CalendarDate[];
  stability: { yearEnding: CalendarDate; measures: StabilityMeasure[] }[];
  permanence: TimeToPermanence;
  scorecards: Scorecard[];
}

/** Every figure is the projections library's; this only picks the years. */
/** `settings`: the authority's scorecard settings (local A1 ambition, threshold bands). */
export function measuresData(
  summaries: readonly JourneySummary[],
  query: MeasuresQuery,
  settings: ScorecardSettings,
): MeasuresData {
  const yearEndings = Array.from({ length: query.years }, (_, i) =>
    addMonths(query.yearEnding, -12 * (query.years - 1 - i)),
  );
  return {
    yearEndings,
    stability: yearEndings.map((yearEnding) => ({ yearEnding, measures: stability(summaries, yearEnding) })),
    permanence: timeToPermanence(summaries, addDays(addMonths(query.yearEnding, -36), 1), query.yearEnding),
    scorecards: yearEndings.map((periodEnding) => scorecard(summaries, periodEnding, settings)),
  };
}
