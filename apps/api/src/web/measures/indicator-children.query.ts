import type { CalendarDate } from '@care-journey/journey';
import type { FieldMessage } from '../html/components';
import { parsePageNumber } from '../html/pagination';
import { unknownPageParams } from '../reading/page-params';
import { yearEndingAsked } from './measures-data';

export interface IndicatorQuery {
  yearEnding: CalendarDate;
  page: number;
  errors: FieldMessage[];
  raw: { yearEnding: string; page: string };
}

/** `?yearEnding=YYYY-03-31&page=N` on an indicator's list of children. */
export function parseIndicatorQuery(query: Record<string, unknown>, today: CalendarDate): IndicatorQuery {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const raw = { yearEnding: text('yearEnding'), page: text('page') };
  const errors = unknownPageParams(query, ['yearEnding', 'page'], 'indicator-year');
  const yearEnding = yearEndingAsked(raw.yearEnding, today, errors);
  const page = parsePageNumber(raw.page);
  if (page.error) errors.push({ fieldId: 'indicator-year', message: page.error });
  return { yearEnding, page: page.page, errors, raw };
}

/** The address of an indicator's list of children (what the measures page links to). */
export const indicatorUrl = (id: string, yearEnding: CalendarDate, page?: number): string =>
  `/panel/measures/${encodeURIComponent(id)}?yearEnding=${yearEnding}${page && page > 1 ? `&page=${page}` : ''}`;
