import type { AccessLogFilter } from '@care-journey/audit';
import { isValidCalendarDate } from '@care-journey/journey';
import { MAX_READER_LENGTH } from '../../audit/access-log-readers';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { isInSupportedYears, supportedYearsMessage } from '../../http/supported-dates';
import type { FieldMessage } from '../html/components';
import { unknownPageParams } from '../reading/page-params';

/** The parameters the trail page and its CSV take (anything else is named as an error). */
export const ACCESS_LOG_PAGE_PARAMS = ['childId', 'readBy', 'from', 'to', 'after'] as const;

/** The page's GET form, parsed: anything wrong is named against its field, and no trail is read. */
export interface AccessLogPageQuery {
  filter: AccessLogFilter;
  /** The cursor: entries after this position of the log (the previous page's `next`). */
  after?: string;
  errors: FieldMessage[];
  /** The values as typed, to refill the form. */
  raw: { childId: string; readBy: string; from: string; to: string; after: string };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const DATE_LABELS = { from: 'From', to: 'To' } as const;

function dateError(field: 'from' | 'to', value: string): FieldMessage | undefined {
  if (value === '') return undefined;
  if (!isValidCalendarDate(value))
    return {
      fieldId: field,
      rule: 'isCalendarDate',
      message: `${DATE_LABELS[field]} must be a real date, for example 2026-11-27`,
    };
  if (!isInSupportedYears(value))
    return {
      fieldId: field,
      rule: 'isDateInSupportedYears',
      message: supportedYearsMessage(DATE_LABELS[field]),
    };
  return undefined;
}

export function parseAccessLogPageQuery(raw: Record<string, unknown>): AccessLogPageQuery {
  const values = {
    childId: text(raw.childId),
    readBy: text(raw.readBy),
    from: text(raw.from),
    to: text(raw.to),
    after: text(raw.after),
  };
  const errors: FieldMessage[] = unknownPageParams(raw, ACCESS_LOG_PAGE_PARAMS, 'childId');
  if (values.childId !== '' && values.childId !== '*' && !CHILD_ID_PATTERN.test(values.childId))
    errors.push({
      fieldId: 'childId',
      rule: 'isChildId',
      message: 'Child must be a child id (1–64 letters, digits, "-" or "_"), or * for reads of many children',
    });
  if (values.readBy.length > MAX_READER_LENGTH)
    errors.push({
      fieldId: 'readBy',
      rule: 'maxLength',
      message: `Reader must be ${MAX_READER_LENGTH} characters or fewer`,
    });
  const dates = [dateError('from', values.from), dateError('to', values.to)];
  for (const error of dates) if (error) errors.push(error);
  if (!dates.some(Boolean) && values.from !== '' && values.to !== '' && values.from > values.to)
    errors.push({
      fieldId: 'to',
      rule: 'notBeforeFrom',
      message: `To (${values.to}) must not be before From (${values.from})`,
    });
  if (values.after !== '' && !/^\d{1,19}$/.test(values.after))
    errors.push({
      fieldId: 'after',
      field: 'after',
      rule: 'isPosition',
      message:
        'The page address has a position (after) that is not a whole number: start again from the first page',
    });
  const filter: AccessLogFilter = {
    ...(values.childId !== '' && { childId: values.childId }),
    ...(values.readBy !== '' && { readBy: values.readBy }),
    ...(values.from !== '' && { from: values.from }),
    ...(values.to !== '' && { to: values.to }),
  };
  return { filter, ...(values.after !== '' && { after: values.after }), errors, raw: values };
}

/** The page's (or its CSV's) address with its filters, from a position of the log. */
export function accessLogUrl(
  filter: AccessLogFilter,
  after?: string,
  path = '/panel/audit/access-log',
): string {
  const params = new URLSearchParams();
  if (filter.childId) params.set('childId', filter.childId);
  if (filter.readBy) params.set('readBy', filter.readBy);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (after) params.set('after', after);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
