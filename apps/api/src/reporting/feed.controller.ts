import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { FEED_CHECKPOINT_RULE, feedPage, type ProjectionEngine } from '@care-journey/projections';
import type { EventStore } from '@care-journey/event-store';
import { redactDeep } from '@care-journey/reporting';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { mayReadPersonalData } from '../auth/personal-data';
import { Roles } from '../auth/roles.decorator';
import { badRequestBody } from '../http/field-errors';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { MinPositionField } from '../projections/dto/query-fields';
import { PROJECTION_ENGINE } from '../projections/projection-engine.provider';
import { ReadYourWrites } from '../projections/read-your-writes';
import { refuseCheckpointAheadOfLog } from './checkpoint-ahead';
import { DEFAULT_FEED_PAGE, FeedLimitField } from './dto/feed-limit.field';

export class FeedQuery {
  @ApiPropertyOptional({
    description: 'Checkpoint from the previous page ("1200" or "1200.3"); omit to start at the beginning',
    example: '1200.3',
  })
  @IsOptional()
  @Matches(/^\d{1,19}(\.\d{1,9})?$/, { message: `after must be ${FEED_CHECKPOINT_RULE}` })
  after?: string;

  @FeedLimitField('Changes')
  limit = DEFAULT_FEED_PAGE;

  @MinPositionField()
  minPosition?: string;
}

@ApiTags('reporting')
@Controller()
export class FeedController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('feed')
  @Roles('reporting_job', 'panel_member', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'Projection changes (care, moves, plans, permanence, flags opened/closed, stability) after a checkpoint, as NDJSON; the last line (and X-Next-Checkpoint) is the next checkpoint. No names.',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'One change per line, then {"checkpoint":"<position>[.<index>]"}' })
  async feed(
    @Query() query: FeedQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.readYourWrites.waitFor(query.minPosition);
    await refuseCheckpointAheadOfLog(this.store, query.after);
    const page = this.feedPage(query, mayReadPersonalData(user.role));
    reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('x-next-checkpoint', page.checkpoint);
    // A read-model file projected before the change log existed: the log starts there until a rebuild.
    if (page.startsAfter !== undefined) reply.header('x-feed-starts-after', page.startsAfter);
    return `${page.lines.join('\n')}\n`;
  }

  private feedPage(query: FeedQuery, personal: boolean) {
    try {
      // Changes carry codes and references only; reporting jobs still go through the /events redaction.
      return feedPage(this.engine.readModels, {
        after: query.after,
        limit: query.limit,
        transform: personal ? undefined : redactDeep,
      });
    } catch (error) {
      if (error instanceof RangeError)
        throw new BadRequestException(
          badRequestBody([{ field: 'after', rule: 'isFeedCheckpoint', message: error.message }]),
        );
      throw error;
    }
  }
}
