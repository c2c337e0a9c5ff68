import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { MAX_READER_LENGTH } from '../access-log-readers';
import { DateQuery, NotBeforeQuery } from './query-fields';

/** Entries per page of GET /audit/access-log: a page is read from the log page by page, never the whole trail. */
export const DEFAULT_ACCESS_LOG_PAGE = 100;
export const MAX_ACCESS_LOG_PAGE = 1_000;

/**
 * The trail's filters and cursor, for GET /audit/access-log and the trail page (its CSV too), which
 * check them with this class through the API's ValidationPipe: one rule, one message per filter.
 */
export class AccessLogQuery {
  @ApiPropertyOptional({
    description:
      'Only reads of this child (with the searches and drift reports that named it); `*` for reads of many children (the whole log, a search, a drift report)',
  })
  @IsOptional()
  @Matches(new RegExp(`${CHILD_ID_PATTERN.source}|^\\*$`), {
    message:
      '$property must be a child id (1–64 letters, digits, "-" or "_"), or * for reads of many children',
  })
  childId?: string;

  @ApiPropertyOptional({
    description: 'Only reads by this user id (as in `readBy`), exactly',
    example: 'sw-015',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_READER_LENGTH, { message: `readBy must be 1–${MAX_READER_LENGTH} characters` })
  readBy?: string;

  @DateQuery('First day of reads to list (UTC, inclusive)', '2025-04-01')
  from?: string;

  @DateQuery('Last day of reads to list (UTC, inclusive), not before from', '2025-04-30')
  @NotBeforeQuery('from')
  to?: string;

  @ApiPropertyOptional({
    description:
      "Cursor: the previous page's `next` (a global position of the log, decimal string); omit for the first page",
    example: '1200',
  })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'after must be a global position (a whole number as a decimal string)' })
  after?: string;

  @ApiPropertyOptional({
    description: `Entries per page, 1–${MAX_ACCESS_LOG_PAGE}`,
    default: DEFAULT_ACCESS_LOG_PAGE,
    minimum: 1,
    maximum: MAX_ACCESS_LOG_PAGE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_ACCESS_LOG_PAGE, { message: `limit must be at most ${MAX_ACCESS_LOG_PAGE}` })
  limit = DEFAULT_ACCESS_LOG_PAGE;
}
