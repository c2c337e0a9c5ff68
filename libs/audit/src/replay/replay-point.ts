import { isValidCalendarDate, isValidInstant, type CalendarDate } from '@care-journey/journey';

/**
 * A point on the two time axes. `asAt`: a date in the child's life (entries effective on or
 * before it). `knownAt`: an instant on the record's clock (entries recorded at or before it).
 * Either may be absent: no asAt means every effective date; no knownAt means everything recorded.
 */
export interface ReplayPoint {
  asAt?: CalendarDate;
  knownAt?: string;
}

export interface FieldError {
  field: string;
  rule: string;
}

/**
 * Validates raw query values; `prefix` names the fields in errors (e.g. "from.asAt").
 * knownAt must carry a zone (Z or ±hh:mm): a bare local time would depend on the server.
 */
export function parseReplayPoint(
  raw: { asAt?: unknown; knownAt?: unknown },
  prefix = '',
): { point: ReplayPoint } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const point: ReplayPoint = {};
  if (raw.asAt !== undefined && raw.asAt !== '') {
    if (isValidCalendarDate(raw.asAt)) point.asAt = raw.asAt;
    else
      errors.push({
        field: `${prefix}asAt`,
        rule: 'must be a calendar date YYYY-MM-DD that exists, e.g. 2025-03-31',
      });
  }
  if (raw.knownAt !== undefined && raw.knownAt !== '') {
    if (isValidInstant(raw.knownAt)) point.knownAt = new Date(Date.parse(raw.knownAt)).toISOString();
    else
      errors.push({
        field: `${prefix}knownAt`,
        rule: 'must be an ISO-8601 instant with a zone, e.g. 2025-03-31T17:00:00Z',
      });
  }
  return errors.length > 0 ? { errors } : { point };
}

/**
 * One side of a diff written as `asAt:YYYY-MM-DD`, `knownAt:<instant>`, or both joined by a comma
 * (`asAt:2025-03-31,knownAt:2025-04-01T00:00:00Z`).
 */
export function parsePointSpec(
  spec: unknown,
  field: string,
): { point: ReplayPoint } | { errors: FieldError[] } {
  const usage = 'must be asAt:YYYY-MM-DD, knownAt:<ISO instant>, or both joined by a comma';
  if (typeof spec !== 'string' || spec.trim() === '') return { errors: [{ field, rule: usage }] };
  const raw: { asAt?: string; knownAt?: string } = {};
  for (const part of spec.split(',')) {
    const at = part.indexOf(':');
    const axis = part.slice(0, at).trim();
    if (at < 0 || (axis !== 'asAt' && axis !== 'knownAt') || raw[axis] !== undefined)
      return { errors: [{ field, rule: usage }] };
    raw[axis] = part.slice(at + 1).trim();
  }
  return parseReplayPoint(raw, `${field}.`);
}
