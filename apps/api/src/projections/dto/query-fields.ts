import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../../children/dto/fields';

/** A global position from a command's answer (decimal: bigint crosses JSON as text). */
export const MinPositionField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'Read-your-writes: wait (bounded) until the read models have applied this global position',
      example: '1042',
    }),
    IsOptional(),
    Matches(/^\d{1,19}$/, {
      message: '$property must be a global position: a whole number written in digits',
    }),
  );

export const OptionalDateField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, type: String, format: 'date' }),
    IsOptional(),
    IsCalendarDate(),
  );

export const THIRTY_FIRST_OF_MARCH = /^\d{4}-03-31$/;
