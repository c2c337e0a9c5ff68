import { ValidateBy, buildMessage } from 'class-validator';

/**
 * The years a date given to the API may fall in, whatever its field: a child's records, their
 * replay points and the reporting years all lie well inside. The journey's calendar takes any
 * year 0001–9999, but a date at either end puts the year-long windows of the measures and the
 * timeline's axis outside that calendar (a 500): one bound, checked wherever a date comes in.
 */
export const FIRST_SUPPORTED_DATE = '1900-01-01';
export const LAST_SUPPORTED_DATE = '2100-12-31';
const FIRST_YEAR = Number(FIRST_SUPPORTED_DATE.slice(0, 4));
const LAST_YEAR = Number(LAST_SUPPORTED_DATE.slice(0, 4));

/** Rule name in a 400's errors. */
export const SUPPORTED_YEARS_RULE = 'isDateInSupportedYears';

const LEADING_YEAR = /^(\d{4})-/;

/**
 * False only for a value that starts with a year (a date, a month YYYY-MM or an instant) outside
 * the supported years; anything else is for the field's own shape rule to judge.
 */
export function isInSupportedYears(value: unknown): boolean {
  const year = typeof value === 'string' ? LEADING_YEAR.exec(value)?.[1] : undefined;
  return year === undefined || (Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR);
}

export const supportedYearsMessage = (field: string): string =>
  `${field} must be between ${FIRST_SUPPORTED_DATE} and ${LAST_SUPPORTED_DATE}`;

/** The bound as a class-validator rule, beside a field's shape rule (IsCalendarDate and the like). */
export const IsInSupportedYears = (): PropertyDecorator =>
  ValidateBy({
    name: SUPPORTED_YEARS_RULE,
    validator: {
      validate: isInSupportedYears,
      defaultMessage: buildMessage((prefix) => `${prefix}${supportedYearsMessage('$property')}`),
    },
  });
