import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { DateQuery } from './query-fields';

export class AccessLogQuery {
  @ApiPropertyOptional({
    description:
      'Only reads of this child (with the searches and drift reports that named it); `*` for reads of many children (the whole log, a search, a drift report)',
  })
  @IsOptional()
  @Matches(new RegExp(`${CHILD_ID_PATTERN.source}|^\\*$`), {
    message: '$property must be 1–64 letters, digits, "-" or "_", or * for reads of the whole log',
  })
  childId?: string;

  @DateQuery('First day of reads to list (UTC, inclusive)', '2025-04-01')
  from?: string;

  @DateQuery('Last day of reads to list (UTC, inclusive)', '2025-04-30')
  to?: string;
}
