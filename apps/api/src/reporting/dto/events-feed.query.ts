import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const MAX_FEED_PAGE = 10_000;

export class EventsFeedQuery {
  @ApiPropertyOptional({
    description:
      'Checkpoint: global position already consumed (decimal string); omit to start at the beginning',
    example: '1200',
  })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'after must be a global position (a whole number as a decimal string)' })
  after?: string;

  @ApiPropertyOptional({
    description: `Events per page, 1–${MAX_FEED_PAGE}`,
    default: 1000,
    minimum: 1,
    maximum: MAX_FEED_PAGE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_PAGE)
  limit = 1000;
}
