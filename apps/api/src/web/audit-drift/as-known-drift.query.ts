import { parseAsKnownPoint, type AsKnownPoint } from '@care-journey/audit';
import type { CalendarDate } from '@care-journey/journey';
import { DRIFT_RULE_IDS, type DriftRuleId } from '@care-journey/projections';
import { MAX_REASON_LENGTH } from '../../audit/dto/query-fields';
import { isInSupportedYears, supportedYearsMessage } from '../../http/supported-dates';
import type { FieldMessage } from '../html/components';
import { parsePageNumber } from '../html/pagination';

/** The page's GET form, parsed: anything wrong is named against its field, and no report is replayed. */
export interface AsKnownDriftQuery {
  point: AsKnownPoint;
  rule?: DriftRuleId;
  reason?: string;
  page: number;
  errors: FieldMessage[];
  /** The values as typed, to refill the form. */
  raw: { asAt: string; knownAt: string; rule: string; reason: string };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const MESSAGES: Record<string, string> = {
  asAt: 'As at date must be a real date, for example 2025-03-31',
  knownAt:
    'As known at must be a date, for example 2025-04-30 (the end of that day), or an instant with a zone, for example 2025-04-30T17:00:00Z',
};

export function parseAsKnownDriftQuery(raw: Record<string, unknown>, today: CalendarDate): AsKnownDriftQuery {
  const values = {
    asAt: text(raw.asAt),
    knownAt: text(raw.knownAt),
    rule: text(raw.rule),
    reason: text(raw.reason),
  };
  const errors: FieldMessage[] = [];
  for (const field of ['asAt', 'knownAt'] as const)
    if (!isInSupportedYears(values[field]))
      errors.push({
        fieldId: field,
        rule: 'isDateInSupportedYears',
        message: supportedYearsMessage(field === 'asAt' ? 'As at date' : 'As known at'),
      });
  const parsed = parseAsKnownPoint(values, today);
  if ('errors' in parsed)
    for (const error of parsed.errors)
      if (!errors.some((e) => e.fieldId === error.field))
        errors.push({ fieldId: error.field, rule: error.rule, message: MESSAGES[error.field] });
  const rule = DRIFT_RULE_IDS.find((id) => id === values.rule);
  if (values.rule !== '' && !rule)
    errors.push({
      fieldId: 'rule',
      rule: 'isIn',
      message: `Rule must be one of ${DRIFT_RULE_IDS.join(', ')}`,
    });
  if (values.reason.length > MAX_REASON_LENGTH)
    errors.push({
      fieldId: 'reason',
      rule: 'maxLength',
      message: `Reason must be ${MAX_REASON_LENGTH} characters or fewer`,
    });
  const page = parsePageNumber(text(raw.page));
  if (page.error) errors.push({ fieldId: 'page', rule: 'isPageNumber', message: page.error });
  return {
    point: 'point' in parsed ? parsed.point : { asAt: today, knownAt: '' },
    ...(rule && { rule }),
    ...(values.reason !== '' && { reason: values.reason }),
    page: page.page,
    errors,
    raw: values,
  };
}

/** The CSV of every matching child, the live drift CSV's columns (web/drift/drift-csv.ts). */
export const AS_KNOWN_DRIFT_CSV = '/panel/audit/drift.csv';

/**
 * The CSV's file name: the date, and the instant it is known at with its colons made dashes (a file
 * name cannot hold them everywhere): drift-as-known-2025-03-31-at-2025-03-31T22-59-59.999Z.csv.
 */
export const asKnownCsvName = (query: AsKnownDriftQuery): string =>
  `drift-as-known-${query.point.asAt}-at-${query.point.knownAt.replace(/:/g, '-')}.csv`;

/** The page's address with its settings, for pagination and links; `path`: the page's or its CSV's. */
export function asKnownDriftUrl(
  query: AsKnownDriftQuery,
  page?: number,
  path = '/panel/audit/drift',
): string {
  const params = new URLSearchParams();
  params.set('asAt', query.point.asAt);
  params.set('knownAt', query.point.knownAt);
  if (query.rule) params.set('rule', query.rule);
  if (query.reason) params.set('reason', query.reason);
  if (page !== undefined && page > 1) params.set('page', String(page));
  return `${path}?${params.toString()}`;
}
