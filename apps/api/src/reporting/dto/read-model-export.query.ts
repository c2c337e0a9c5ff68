import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { READ_MODELS, type ReadModelName } from '@care-journey/reporting';

export class ReadModelParam {
  @ApiProperty({ enum: READ_MODELS, example: 'child-summaries' })
  @IsIn(READ_MODELS)
  name!: ReadModelName;
}

export class ReadModelExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'ndjson'], default: 'ndjson' })
  @IsOptional()
  @IsIn(['csv', 'ndjson'])
  format: 'csv' | 'ndjson' = 'ndjson';

  @ApiPropertyOptional({
    description: 'Open flags as at this date (default: today in England)',
    example: '2025-03-31',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asAt must be a date YYYY-MM-DD' })
  asAt?: string;
}
