import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsInSupportedYears } from '../../http/supported-dates';

export class Export903Query {
  @ApiProperty({ description: 'Last day of the collection year (a 31 March)', example: '2025-03-31' })
  @Matches(/^\d{4}-03-31$/, { message: 'yearEnding must be a 31 March, YYYY-03-31' })
  @IsInSupportedYears()
  yearEnding!: string;

  @ApiPropertyOptional({
    description:
      'One table as CSV (Episodes or episodes, Header, placed_for_adoption …); omit for every table as JSON',
    example: 'episodes',
  })
  @IsOptional()
  @IsString()
  table?: string;

  @ApiPropertyOptional({
    description:
      'Build the return from the events up to this global position (the log is append-only, so the same ' +
      'position gives the same return): fetch the tables one by one at the X-Log-Position of the first. ' +
      'Default: the head of the log when the request starts. One past the head is a 409',
    example: '25440',
  })
  @IsOptional()
  @Matches(/^\d{1,19}$/, {
    message: 'atPosition must be a global position: a whole number written in digits',
  })
  atPosition?: string;
}
