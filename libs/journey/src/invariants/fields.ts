/** Shape checks on command fields: present, a real date, a real instant. */
import { isValidCalendarDate, isValidInstant } from '../calendar-date';
import { violation } from '../errors';

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    return violation('required-field', `${field} is required.`, field);
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    return violation('required-field', `${field} must be true or false.`, field);
  return value;
}

export function requireDate(value: unknown, field: string): string {
  if (!isValidCalendarDate(value)) {
    return violation(
      'invalid-date',
      `${field} must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`,
      field,
    );
  }
  return value;
}

/** `now` and `recordedBy` come from the application layer, but a bad one must not slip through. */
export function requireRecording(now: unknown, recordedBy: unknown): void {
  if (!isValidInstant(now)) {
    violation(
      'invalid-recorded-at',
      `now must be an ISO instant with a zone, e.g. 2024-05-10T09:30:00Z, got ${JSON.stringify(now)}.`,
      'now',
    );
  }
  requireText(recordedBy, 'recordedBy');
}
