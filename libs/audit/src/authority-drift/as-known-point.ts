import {
  endOfDateInEngland,
  isValidCalendarDate,
  isValidInstant,
  type CalendarDate,
} from '@care-journey/journey';
import type { FieldError } from '../replay/replay-point';

/** The two axes of an authority-wide report: the date it stands on, and what had been recorded by then. */
export interface AsKnownPoint {
  asAt: CalendarDate;
  /** An instant, normalised to UTC. */
  knownAt: string;
}

export const AS_AT_RULE = 'must be a calendar date YYYY-MM-DD that exists, e.g. 2025-03-31';
export const KNOWN_AT_RULE =
  'must be an ISO-8601 instant with a zone (e.g. 2025-04-01T09:00:00Z) or a date YYYY-MM-DD (the end of that day in England)';

const given = (value: unknown): boolean => value !== undefined && value !== '';

/** knownAt as an instant: a bare date is the end of that day in England (as on the child page). */
export function knownAtInstant(value: string): string {
  return isValidCalendarDate(value) ? endOfDateInEngland(value) : new Date(Date.parse(value)).toISOString();
}

export const isKnownAtValue = (value: unknown): value is string =>
  isValidCalendarDate(value) || isValidInstant(value);

/**
 * asAt defaults to today; knownAt to the end of asAt in England, so the default is what was on
 * record by the end of that day. `prefix` names the fields in errors (the CLI's `--`).
 */
export function parseAsKnownPoint(
  raw: { asAt?: unknown; knownAt?: unknown },
  today: CalendarDate,
  names: { asAt: string; knownAt: string } = { asAt: 'asAt', knownAt: 'knownAt' },
): { point: AsKnownPoint } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  let asAt = today;
  if (given(raw.asAt)) {
    if (isValidCalendarDate(raw.asAt)) asAt = raw.asAt;
    else errors.push({ field: names.asAt, rule: AS_AT_RULE });
  }
  let knownAt: string | undefined;
  if (given(raw.knownAt)) {
    if (isKnownAtValue(raw.knownAt)) knownAt = knownAtInstant(raw.knownAt);
    else errors.push({ field: names.knownAt, rule: KNOWN_AT_RULE });
  }
  if (errors.length > 0) return { errors };
  return { point: { asAt, knownAt: knownAt ?? endOfDateInEngland(asAt) } };
}
