import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, Matches } from 'class-validator';
import { IsCalendarDate } from '../../children/dto/fields';
import { MinPositionField, THIRTY_FIRST_OF_MARCH } from './query-fields';

export class StabilityQuery {
  @ApiProperty({ description: 'The 31 March the year ends on', example: '2025-03-31' })
  @IsDefined()
  @Matches(THIRTY_FIRST_OF_MARCH, { message: '$property must be a 31 March, YYYY-03-31' })
  yearEnding!: string;

  @MinPositionField()
  minPosition?: string;
}

export class ScorecardQuery {
  @ApiProperty({ description: 'The 31 March the three-year period ends on', example: '2025-03-31' })
  @IsDefined()
  @Matches(THIRTY_FIRST_OF_MARCH, { message: '$property must be a 31 March, YYYY-03-31' })
  periodEnding!: string;

  @MinPositionField()
  minPosition?: string;
}

export class PermanenceQuery {
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
