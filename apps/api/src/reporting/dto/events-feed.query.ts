import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DEFAULT_FEED_PAGE, FeedLimitField } from './feed-limit.field';

export class EventsFeedQuery {
  @ApiPropertyOptional({
    description:
      'Checkpoint: global position already consumed (decimal string); omit to start at the beginning',
    example: '1200',
  })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'after must be a global position (a whole number as a decimal string)' })
  after?: string;

  @FeedLimitField('Events')
  limit = DEFAULT_FEED_PAGE;
}
