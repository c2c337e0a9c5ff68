import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { buildMessage, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { isKnownAtValue, KNOWN_AT_RULE } from '@care-journey/audit';
import { isValidCalendarDate } from '@care-journey/journey';
import { IsInSupportedYears } from '../../http/supported-dates';

const optionalQuery = (description: string, example: string, format?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, type: String, ...(format && { format }) }),
    IsOptional(),
    IsString(),
  );

/** A real calendar date, YYYY-MM-DD. */
export const DateQuery = (description: string, example = '2025-03-31') =>
  applyDecorators(
    optionalQuery(description, example, 'date'),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isValidCalendarDate(value),
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must be a real calendar date, YYYY-MM-DD`,
        ),
      },
    }),
    IsInSupportedYears(),
  );

/**
 * knownAt of every "as known at" read (the drift report as known, a child's flags, the case history
 * and its diff): an instant with a zone, or a bare date meaning the end of that day in England; one
 * rule and one message for all (review s16-ofsted F4).
 */
export const KnownAtQuery = (description: string, example = '2025-04-01T09:00:00Z') =>
  applyDecorators(
    optionalQuery(description, example),
    ValidateBy({
      name: 'isInstantOrDate',
      validator: {
        validate: isKnownAtValue,
        defaultMessage: buildMessage((prefix) => `${prefix}$property ${KNOWN_AT_RULE}`),
      },
    }),
    IsInSupportedYears(),
  );

export const MAX_REASON_LENGTH = 500;

/** Why the reader is looking; kept in the read-access trail. */
export const ReasonQuery = () =>
  applyDecorators(
    optionalQuery(
      'Why you are reading this case history (kept in the read-access trail)',
      'annual case audit',
    ),
    MaxLength(MAX_REASON_LENGTH, { message: `$property must be at most ${MAX_REASON_LENGTH} characters` }),
  );

export const TextQuery = (description: string, example: string) => optionalQuery(description, example);

/**
 * A last day not before the first (`to` not before `from`), both days inclusive. Judged only when
 * both are real dates: a date that is not one is named by its own rule, once.
 */
export const NotBeforeQuery = (first: string) =>
  ValidateBy({
    name: `notBefore${first.charAt(0).toUpperCase()}${first.slice(1)}`,
    validator: {
      validate: (last, args) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[first];
        return !(isValidCalendarDate(start) && isValidCalendarDate(last) && last < start);
      },
      defaultMessage: (args) =>
        `${args?.property} (${String(args?.value)}) must not be before ${first} (${String((args?.object as Record<string, unknown>)[first])})`,
    },
  });
