import { isValidCalendarDate, type CalendarDate } from '@care-journey/journey';
import { missedListedFrom } from '@care-journey/reporting';
import { isInSupportedYears, SUPPORTED_YEARS_RULE, supportedYearsMessage } from '../../http/supported-dates';
import type { FieldMessage } from '../html/components';
import { parsePageNumber } from '../html/pagination';
import { unknownPageParams } from '../reading/page-params';

/** The worklist's GET form: the day it is for and the earliest missed birthday listed. */
export const LEAVING_CARE_PARAMS = ['asAt', 'missedSince'] as const;
type Param = (typeof LEAVING_CARE_PARAMS)[number];

/** Every parameter the address may hold: the form's fields and the page of the list (its links). */
const ADDRESS_PARAMS = [...LEAVING_CARE_PARAMS, 'page'] as const;

/** The form's labels, which name each field in its errors. */
export const LEAVING_CARE_LABELS: Record<Param, string> = {
  asAt: 'Contacts due by',
  missedSince: 'Missed contacts for birthdays from',
};

/** The worklist's query, parsed: anything wrong is named against its field and no list is read. */
export interface LeavingCareQuery {
  /** The day the list is for (default today in England). */
  asAt: CalendarDate;
  /** Missed contacts are listed for birthdays on or after this day (default: missedListedFrom(asAt)). */
  missedSince: CalendarDate;
  /** Whether missedSince was asked for (the trail then records it, as the CLI's does). */
  missedSinceAsked: boolean;
  /** The page of the list asked for (1 when not asked); the CSV is every row, whatever the page. */
  page: number;
  errors: FieldMessage[];
  /** The values as typed, to refill the form. */
  raw: Record<Param, string>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A date field's error, or undefined for a real date in the supported years. */
function dateError(id: Param, value: string): FieldMessage | undefined {
  const label = LEAVING_CARE_LABELS[id];
  if (!isValidCalendarDate(value))
    return {
      fieldId: id,
      rule: 'isCalendarDate',
      message: `${label} must be a real date, YYYY-MM-DD, for example 2026-03-31`,
    };
  if (!isInSupportedYears(value))
    return { fieldId: id, rule: SUPPORTED_YEARS_RULE, message: supportedYearsMessage(label) };
  return undefined;
}

export function parseLeavingCareQuery(query: Record<string, unknown>, today: CalendarDate): LeavingCareQuery {
  const raw = { asAt: text(query.asAt), missedSince: text(query.missedSince) };
  const errors = unknownPageParams(query, ADDRESS_PARAMS, 'leaving-care-form');
  for (const id of LEAVING_CARE_PARAMS) {
    const error = raw[id] === '' ? undefined : dateError(id, raw[id]);
    if (error) errors.push(error);
  }
  const page = parsePageNumber(text(query.page));
  if (page.error) errors.push({ fieldId: 'page', rule: 'isPageNumber', message: page.error });
  const asAt = raw.asAt !== '' && !errors.some((e) => e.fieldId === 'asAt') ? raw.asAt : today;
  const missedSinceAsked = raw.missedSince !== '' && !errors.some((e) => e.fieldId === 'missedSince');
  return {
    asAt,
    missedSince: missedSinceAsked ? raw.missedSince : missedListedFrom(asAt),
    missedSinceAsked,
    page: page.page,
    errors,
    raw,
  };
}

/**
 * The worklist's (or its CSV's) address with the query as asked; `page` for one page of the list
 * (the first page's address has none, as the form sends it).
 */
export function leavingCareUrl(query: LeavingCareQuery, path = '/panel/leaving-care', page = 1): string {
  const params = new URLSearchParams();
  for (const id of LEAVING_CARE_PARAMS) if (query.raw[id]) params.set(id, query.raw[id]);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
