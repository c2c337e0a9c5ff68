import { isValidCalendarDate, type CalendarDate } from '@care-journey/journey';
import { isKnownAtValue, KNOWN_AT_RULE, knownAtInstant } from '../authority-drift/as-known-point';

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
 * knownAt is an instant with a zone (Z or ±hh:mm: a bare local time would depend on the server), or
 * a bare date meaning the end of that day in England, as every other "as known at" read takes it
 * (review s16-ofsted F4: a bare date was refused here and accepted there).
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
    if (isKnownAtValue(raw.knownAt)) point.knownAt = knownAtInstant(raw.knownAt);
    else errors.push({ field: `${prefix}knownAt`, rule: KNOWN_AT_RULE });
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
  const usage = 'must be asAt:YYYY-MM-DD, knownAt:<ISO instant or YYYY-MM-DD>, or both joined by a comma';
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
