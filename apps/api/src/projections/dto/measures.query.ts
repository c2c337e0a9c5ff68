import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../../children/dto/fields';
import { IsInSupportedYears } from '../../http/supported-dates';
import { MinPositionField, OptionalDateField, PageQuery, THIRTY_FIRST_OF_MARCH } from './query-fields';

/** Exactly one of yearEnding (national figure) and asAt (running figure); the controller checks. */
export class StabilityQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The 31 March the year ends on (or give asAt)', example: '2025-03-31' })
  @IsOptional()
  @Matches(THIRTY_FIRST_OF_MARCH, { message: '$property must be a 31 March, YYYY-03-31' })
  @IsInSupportedYears()
  yearEnding?: string;

  @OptionalDateField('Running figure: the months up to this date, YYYY-MM-DD (or give yearEnding)')
  asAt?: string;

  @MinPositionField()
  minPosition?: string;
}

export class ScorecardQuery extends PageQuery {
  @ApiProperty({ description: 'The 31 March the three-year period ends on', example: '2025-03-31' })
  @IsDefined()
  @Matches(THIRTY_FIRST_OF_MARCH, { message: '$property must be a 31 March, YYYY-03-31' })
  @IsInSupportedYears()
  periodEnding!: string;

  @MinPositionField()
  minPosition?: string;
}

export class PermanenceQuery extends PageQuery {
  @ApiProperty({ description: 'First date of the window, YYYY-MM-DD', example: '2024-04-01' })
  @IsDefined()
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    description: 'Last date of the window, YYYY-MM-DD (not before from)',
    example: '2025-03-31',
  })
  @IsDefined()
  @IsCalendarDate()
  to!: string;

  @MinPositionField()
  minPosition?: string;
}
