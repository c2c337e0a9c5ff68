import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../children/dto/fields';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging';

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

/** Paging for JSON lists; a CSV download is always the whole list. */
export class PageQuery {
  @ApiPropertyOptional({
    description: 'Page number, from 1 (JSON only; CSV is the whole list)',
    minimum: 1,
    default: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  page?: number;

  @ApiPropertyOptional({
    description: 'Items per page (JSON only)',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
