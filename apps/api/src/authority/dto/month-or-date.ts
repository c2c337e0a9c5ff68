import { isMonthOrCalendarDate } from '@care-journey/projections';
import { applyDecorators } from '@nestjs/common';
import { ValidateBy, buildMessage } from 'class-validator';
import { IsInSupportedYears } from '../../http/supported-dates';

/**
 * The measures routes take a month (`YYYY-MM`) or a day (`YYYY-MM-DD`) for `from` and `to`
 * (libs/projections, measure-dates.ts: a month as `from` is its first day, as `to` its last).
 */
export { firstDayOf, isMonthOrCalendarDate, lastDayOf } from '@care-journey/projections';

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
