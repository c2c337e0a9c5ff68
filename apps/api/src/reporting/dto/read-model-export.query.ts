import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { READ_MODELS, type ReadModelName } from '@care-journey/reporting';
import { DateQuery } from '../../audit/dto/query-fields';

export class ReadModelParam {
  @ApiProperty({ enum: READ_MODELS, example: 'child-summaries' })
  @IsIn(READ_MODELS)
  name!: ReadModelName;
}

/** The read models an `asAt` applies to: open flags are evaluated as at a date; the summaries are today's state. */
export const AS_AT_READ_MODELS: readonly ReadModelName[] = ['open-flags'];

export class ReadModelExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'ndjson'], default: 'ndjson' })
  @IsOptional()
  @IsIn(['csv', 'ndjson'])
  format: 'csv' | 'ndjson' = 'ndjson';

  // A real calendar date (2026-02-30 is refused with isCalendarDate, as /drift-report does).
  @DateQuery('open-flags only: open flags as at this date (default: today in England)')
  asAt?: string;
}
