import { daysInMonth, isValidCalendarDate, type CalendarDate } from '@care-journey/journey';
import { applyDecorators } from '@nestjs/common';
import { ValidateBy, buildMessage } from 'class-validator';
import { IsInSupportedYears } from '../../http/supported-dates';

/**
 * The measures routes take a month (`YYYY-MM`) or a day (`YYYY-MM-DD`) for `from` and `to`.
 * A month means the whole month: as `from` its first day, as `to` its last day, as the monthly
 * series reads it.
 */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonthOrCalendarDate = (value: unknown): value is string =>
  typeof value === 'string' && (MONTH.test(value) || isValidCalendarDate(value));

export const IsMonthOrCalendarDate = () =>
  applyDecorators(
    ValidateBy({
      name: 'isMonthOrCalendarDate',
      validator: {
        validate: isMonthOrCalendarDate,
        defaultMessage: buildMessage(
          (prefix) =>
            `${prefix}$property must be a month YYYY-MM (for example 2025-03) or a real calendar date YYYY-MM-DD`,
        ),
      },
    }),
    IsInSupportedYears(),
  );

/** `from`: a month starts on its first day; a date is itself. */
export const firstDayOf = (value: string): CalendarDate => (MONTH.test(value) ? `${value}-01` : value);

/** `to`: a month ends on its last day; a date is itself. */
export function lastDayOf(value: string): CalendarDate {
  if (!MONTH.test(value)) return value;
  const last = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
  return `${value}-${String(last).padStart(2, '0')}`;
}
