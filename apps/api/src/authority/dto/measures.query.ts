import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { isValidCalendarDate } from '@care-journey/journey';
import { ValidateBy, buildMessage } from 'class-validator';
import { MEASURE_IDS, PLACEMENT_GROUPS } from '@care-journey/projections';
import { applyDecorators } from '@nestjs/common';
import { IsInSupportedYears } from '../../http/supported-dates';
import { IsMonthOrCalendarDate } from './month-or-date';

const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

const IsCalendarDate = () =>
  applyDecorators(
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

class FormatQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: Format;
}

export class SeriesQuery extends FormatQuery {
  @ApiProperty({ description: 'First month (YYYY-MM, or any date in it)', example: '2024-04' })
  @IsMonthOrCalendarDate()
  from!: string;

  @ApiProperty({ description: 'Last month (YYYY-MM, or any date in it)', example: '2025-03' })
  @IsMonthOrCalendarDate()
  to!: string;
}

export class AsAtQuery extends FormatQuery {
  @ApiProperty({ description: 'The day: stocks on it, flows over its month up to it', example: '2025-03-31' })
  @IsCalendarDate()
  date!: string;
}

export class MeasureParam {
  @ApiProperty({ enum: MEASURE_IDS })
  @IsIn(MEASURE_IDS)
  measure!: (typeof MEASURE_IDS)[number];
}

export class ChildrenQuery extends FormatQuery {
  @ApiProperty({
    description:
      'First day of the window (flows count over it; stocks are taken on `to`): YYYY-MM-DD, or YYYY-MM for the first day of that month, as in `GET /measures`',
    example: '2025-03',
  })
  @IsMonthOrCalendarDate()
  from!: string;

  @ApiProperty({
    description: 'Last day of the window: YYYY-MM-DD, or YYYY-MM for the last day of that month',
    example: '2025-03',
  })
  @IsMonthOrCalendarDate()
  to!: string;
}

export class WhatIfQuery {
  @ApiProperty({ description: 'The day the mix and unit costs are taken on', example: '2025-03-31' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: PLACEMENT_GROUPS, example: 'agency_fostering' })
  @IsIn(PLACEMENT_GROUPS)
  from!: (typeof PLACEMENT_GROUPS)[number];

  @ApiProperty({ enum: PLACEMENT_GROUPS, example: 'in_house_fostering' })
  @IsIn(PLACEMENT_GROUPS)
  to!: (typeof PLACEMENT_GROUPS)[number];

  @ApiProperty({ description: 'How many placements move', example: 10 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  count!: number;
}
