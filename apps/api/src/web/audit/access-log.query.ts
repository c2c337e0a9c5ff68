import { BadRequestException } from '@nestjs/common';
import type { AccessLogFilter } from '@care-journey/audit';
import { AccessLogQuery } from '../../audit/dto/access-log.query';
import type { BadRequestBody, FieldError } from '../../http/field-errors';
import { createValidationPipe } from '../../http/validation-pipe';
import type { FieldMessage } from '../html/components';
import { unknownPageParams } from '../reading/page-params';

/** The parameters the trail page and its CSV take (anything else is named as an error). */
export const ACCESS_LOG_PAGE_PARAMS = ['childId', 'readBy', 'from', 'to', 'after'] as const;
type PageParam = (typeof ACCESS_LOG_PAGE_PARAMS)[number];

/** The form's labels, which name a field in its errors where the API names the parameter. */
export const ACCESS_LOG_LABELS: Record<PageParam, string> = {
  childId: 'Child',
  readBy: 'Reader',
  from: 'From',
  to: 'To',
  after: 'The position in the page address (after)',
};

/** The page's GET form, parsed: anything wrong is named against its field, and no trail is read. */
export interface AccessLogPageQuery {
  filter: AccessLogFilter;
  /** The cursor: entries after this position of the log (the previous page's `next`). */
  after?: string;
  errors: FieldMessage[];
  /** The values as typed, to refill the form. */
  raw: Record<PageParam, string>;
}

/** The API's own check of GET /audit/access-log's query: its pipe on its class, so its rules and words. */
const apiPipe = createValidationPipe();

async function apiRuleErrors(given: Record<string, unknown>): Promise<FieldError[]> {
  try {
    await apiPipe.transform(given, { type: 'query', metatype: AccessLogQuery });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as BadRequestBody).errors;
  }
}

/** The API's message with the field named by its label (`from must be …` → `From must be …`). */
function onThePage({ field, rule, message }: FieldError): FieldMessage {
  const label = ACCESS_LOG_LABELS[field as PageParam] ?? field;
  const words = message.startsWith(`${field} `) ? `${label}${message.slice(field.length)}` : message;
  return { fieldId: field, field, rule, message: words };
}

/**
 * The filters are the API's (AccessLogQuery): the same rules, each broken one named by the same
 * field and rule. The page's own part: a field left blank is no filter (a GET form sends every
 * field), values are trimmed, and a parameter the page does not take is named against the form.
 */
export async function parseAccessLogPageQuery(query: Record<string, unknown>): Promise<AccessLogPageQuery> {
  const raw = { childId: '', readBy: '', from: '', to: '', after: '' };
  const given: Record<string, unknown> = {};
  for (const name of ACCESS_LOG_PAGE_PARAMS) {
    // A repeated parameter (an array) is left for the rules to refuse.
    const value = typeof query[name] === 'string' ? query[name].trim() : query[name];
    if (typeof value === 'string') raw[name] = value;
    if (value !== undefined && value !== '') given[name] = value;
  }
  const errors = [
    ...unknownPageParams(query, ACCESS_LOG_PAGE_PARAMS, 'childId'),
    ...(await apiRuleErrors(given)).map(onThePage),
  ];
  const filter: AccessLogFilter = {
    ...(raw.childId !== '' && { childId: raw.childId }),
    ...(raw.readBy !== '' && { readBy: raw.readBy }),
    ...(raw.from !== '' && { from: raw.from }),
    ...(raw.to !== '' && { to: raw.to }),
  };
  return { filter, ...(raw.after !== '' && { after: raw.after }), errors, raw };
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
