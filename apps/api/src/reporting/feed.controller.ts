import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiExtraModels,
  getSchemaPath,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { FEED_CHECKPOINT_RULE, feedPage, type ProjectionEngine } from '@care-journey/projections';
import { FeedContentChanged, FEED_CONTENT_PATTERN } from './feed-content-changed';
import type { EventStore } from '@care-journey/event-store';
import { redactDeep } from '@care-journey/reporting';
import { AccessLogRecorder } from '../audit/access-log.recorder';
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
import { FeedChangeLine, FeedCheckpointLine } from './dto/feed-line.dto';

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

  @ApiPropertyOptional({
    description:
      'The feed content id the caller\'s checkpoint belongs to (the "content" of the last page, X-Feed-Content). ' +
      'When the served log was written with other content (fold version or drift thresholds changed, then a ' +
      'rebuild), the page is refused with 409 feed-content-changed: drop what was applied and re-read from 0',
    example: 'v2-4f1c2a9e0b7d3c55',
  })
  @IsOptional()
  @Matches(FEED_CONTENT_PATTERN, {
    message: 'content must be a feed content id as a page gave it (e.g. v2-4f1c2a9e0b7d3c55)',
  })
  content?: string;
}

@ApiTags('reporting')
@ApiExtraModels(FeedChangeLine, FeedCheckpointLine)
@Controller()
export class FeedController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly trail: AccessLogRecorder,
  ) {}

  @Get('feed')
  @Roles('reporting_job', 'panel_member', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'Projection changes (care, moves, plans, permanence, flags opened/closed, stability) after a checkpoint, as NDJSON; the last line (and X-Next-Checkpoint) is the next checkpoint. No names. Every page holding changes is recorded in the read-access trail (view "feed", the children on it), as /events pages are.',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description:
      'NDJSON: one change per line (FeedChangeLine), then {"checkpoint":"<position>[.<index>]","content":"<feed content id>"} ' +
      '(FeedCheckpointLine). Headers: X-Next-Checkpoint, X-Feed-Content (the content id: keep it with the checkpoint), ' +
      'X-Feed-Content-Pending (the content the next rebuild writes, when it differs)',
    content: {
      'application/x-ndjson': {
        schema: {
          oneOf: [{ $ref: getSchemaPath(FeedChangeLine) }, { $ref: getSchemaPath(FeedCheckpointLine) }],
        },
      },
    },
  })
  @ApiConflictResponse({
    description:
      "rule checkpoint-ahead-of-log (field after or minPosition: a position past the log's head), or " +
      'feed-content-changed (field content): re-read from 0',
  })
  async feed(
    @Query() query: FeedQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await refuseCheckpointAheadOfLog(this.store, query.minPosition, 'minPosition');
    await this.readYourWrites.waitFor(query.minPosition);
    await refuseCheckpointAheadOfLog(this.store, query.after);
    const childIds = new Set<string>();
    const page = this.feedPage(query, mayReadPersonalData(user.role), childIds);
    // Checked against the page's own snapshot: a rebuild switching generations cannot slip between.
    if (query.content !== undefined && page.content !== undefined && page.content !== query.content)
      throw new FeedContentChanged(query.content, page.content);
    // Changes by child id and reference are pseudonymised personal data: one trail entry per page,
    // naming the children on it, before it is sent, as for /events. A page without changes read no
    // one's record and is not recorded (as /events), so a poller at the head leaves no entries.
    if (page.count > 0)
      await this.trail.recordList(user, {
        view: 'feed',
        route: '/feed',
        query: { after: query.after ?? '0', limit: query.limit, checkpoint: page.checkpoint },
        childIds: [...childIds],
      });
    reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('x-next-checkpoint', page.checkpoint);
    if (page.content !== undefined) reply.header('x-feed-content', page.content);
    // This process folds with other content than the served log was written with (thresholds changed,
    // no rebuild yet): the content id changes at the next rebuild.
    const running = this.engine.readModels.feedContent;
    if (page.content !== undefined && running !== page.content)
      reply.header('x-feed-content-pending', running);
    // A read-model file projected before the change log existed: the log starts there until a rebuild.
    if (page.startsAfter !== undefined) reply.header('x-feed-starts-after', page.startsAfter);
    return `${page.lines.join('\n')}\n`;
  }

  /** The page, and the ids of the children on it added to `childIds` (for the trail). */
  private feedPage(query: FeedQuery, personal: boolean, childIds: Set<string>) {
    try {
      // Changes carry codes and references only; reporting jobs still go through the /events redaction.
      return feedPage(this.engine.readModels, {
        after: query.after,
        limit: query.limit,
        transform: (line) => {
          childIds.add(line.childId);
          return personal ? line : redactDeep(line);
        },
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
