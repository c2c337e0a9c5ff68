import { codesOf, isValidCalendarDate, type CalendarDate } from '@care-journey/journey';
import { isInSupportedYears, SUPPORTED_YEARS_RULE, supportedYearsMessage } from '../../http/supported-dates';
import {
  AGE_BANDS,
  DRIFT_RULE_IDS,
  type AgeBand,
  type DriftReportFilter,
  type DriftRuleId,
} from '@care-journey/projections';
import { badRequestBody, type BadRequestBody } from '../../http/field-errors';
import type { FieldMessage } from '../html/components';
import { unknownPageParams } from '../reading/page-params';

export const DRIFT_SORTS = [
  'overdue',
  'child',
  'team',
  'socialWorker',
  'legalStatus',
  'ageBand',
  'flags',
  'due',
] as const;
export type DriftSort = (typeof DRIFT_SORTS)[number];

/** The report's GET form, parsed: anything wrong is reported against its field and left out. */
export interface DriftQuery {
  asAt: CalendarDate;
  /** Today in England: an asAt after it is a projection (projection.ts). */
  today: CalendarDate;
  filter: DriftReportFilter;
  rule?: DriftRuleId;
  minDaysOverdue?: number;
  sort: DriftSort;
  descending: boolean;
  page: number;
  /** Every child on one page: the printed panel pack. */
  all: boolean;
  errors: FieldMessage[];
  /** The raw values, to refill the form. */
  raw: Record<string, string>;
}

/** Every parameter the report reads: its form's fields, its sort, page and print links. */
const DRIFT_PARAMS = [
  'asAt',
  'rule',
  'team',
  'socialWorker',
  'legalStatus',
  'ageBand',
  'dueWithinDays',
  'minDaysOverdue',
  'sort',
  'dir',
  'page',
  'all',
] as const;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const wholeNumber = (value: string, max: number): number | undefined =>
  /^\d{1,5}$/.test(value) && Number(value) <= max ? Number(value) : undefined;

export function parseDriftQuery(query: Record<string, unknown>, today: CalendarDate): DriftQuery {
  const raw: Record<string, string> = {};
  for (const key of DRIFT_PARAMS) raw[key] = text(query[key]);
  const errors: FieldMessage[] = unknownPageParams(query, DRIFT_PARAMS, 'drift-filters');
  const filter: DriftReportFilter = {};
  let asAt = today;
  if (raw.asAt) {
    if (!isValidCalendarDate(raw.asAt))
      errors.push({
        fieldId: 'asAt',
        rule: 'isCalendarDate',
        message: 'As at date must be a real date, YYYY-MM-DD, for example 2025-03-31',
      });
    else if (!isInSupportedYears(raw.asAt))
      errors.push({
        fieldId: 'asAt',
        rule: SUPPORTED_YEARS_RULE,
        message: supportedYearsMessage('As at date'),
      });
    else asAt = raw.asAt;
  }
  let rule: DriftRuleId | undefined;
  if (raw.rule) {
    if ((DRIFT_RULE_IDS as readonly string[]).includes(raw.rule)) {
      rule = raw.rule as DriftRuleId;
      filter.rules = [rule];
    } else
      errors.push({
        fieldId: 'rule',
        rule: 'isIn',
        message: `Rule must be one of ${DRIFT_RULE_IDS.join(', ')}`,
      });
  }
  if (raw.team) filter.team = raw.team;
  if (raw.socialWorker) filter.socialWorker = raw.socialWorker;
  if (raw.legalStatus) {
    if (codesOf('LS').includes(raw.legalStatus)) filter.legalStatus = raw.legalStatus;
    else errors.push({ fieldId: 'legalStatus', rule: 'isIn', message: 'Legal status must be a 903 LS code' });
  }
  if (raw.ageBand) {
    if ((AGE_BANDS as readonly string[]).includes(raw.ageBand)) filter.ageBand = raw.ageBand as AgeBand;
    else
      errors.push({
        fieldId: 'ageBand',
        rule: 'isIn',
        message: `Age band must be one of ${AGE_BANDS.join(', ')}`,
      });
  }
  if (raw.dueWithinDays) {
    const days = wholeNumber(raw.dueWithinDays, 365);
    if (days === undefined)
      errors.push({
        fieldId: 'dueWithinDays',
        rule: 'wholeNumber',
        message: 'Due within must be a whole number of days, 0 to 365',
      });
    else filter.dueWithinDays = days;
  }
  let minDaysOverdue: number | undefined;
  if (raw.minDaysOverdue) {
    minDaysOverdue = wholeNumber(raw.minDaysOverdue, 99999);
    if (minDaysOverdue === undefined)
      errors.push({
        fieldId: 'minDaysOverdue',
        rule: 'wholeNumber',
        message: 'Days overdue must be a whole number of days',
      });
  }
  const sort = (DRIFT_SORTS as readonly string[]).includes(raw.sort) ? (raw.sort as DriftSort) : 'overdue';
  // Most overdue first by default; names and teams A–Z.
  const descending = raw.dir ? raw.dir === 'desc' : sort === 'overdue' || sort === 'flags';
  const page = wholeNumber(raw.page, 99999) || 1;
  return {
    asAt,
    today,
    filter,
    rule,
    minDaysOverdue,
    sort,
    descending,
    page,
    all: raw.all === '1',
    errors,
    raw,
  };
}

/** The report's URL with some parameters changed (sort links, pages, CSV). */
export function driftUrl(
  query: DriftQuery,
  changes: Record<string, string | undefined>,
  path = '/panel/drift',
): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...query.raw, ...changes };
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The 400 for a query that cannot be answered as asked. The page shows its errors beside a report
 * for today; a download cannot, and a CSV for another date or without the filter would pass for
 * the one asked for.
 */
export function refusedQuery(errors: readonly FieldMessage[]): BadRequestBody {
  const body = badRequestBody(
    errors.map((e) => ({ field: e.field ?? e.fieldId, rule: e.rule ?? 'invalid', message: e.message })),
  );
  return { ...body, message: `${body.message}: ${errors.map((e) => e.message).join('; ')}` };
}
