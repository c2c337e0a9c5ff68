import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@care-journey/event-store';
import { eventsPage } from '@care-journey/reporting';
import { AccessLogRecorder } from '../audit/access-log.recorder';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { mayReadPersonalData } from '../auth/personal-data';
import { Roles } from '../auth/roles.decorator';
import { unknownCursorError } from '../http/unknown-cursor';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { refuseCheckpointAheadOfLog } from './checkpoint-ahead';
import { EventsFeedQuery } from './dto/events-feed.query';

@ApiTags('reporting')
@Controller()
export class EventsFeedController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly trail: AccessLogRecorder,
  ) {}

  @Get('events')
  @Roles('reporting_job', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'Raw events after a checkpoint, as NDJSON; the last line (and X-Next-Checkpoint) is the next checkpoint. Reporting jobs get journey events pseudonymised: no direct identifiers, no health or offending items (docs/reporting.md). Every page holding journey events is recorded in the read-access trail (view "log", the children on it).',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'One event per line, then {"checkpoint":"<position>"}' })
  async events(
    @Query() query: EventsFeedQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await refuseCheckpointAheadOfLog(this.store, query.after);
    const redact = !mayReadPersonalData(user.role);
    const page = await eventsPage(this.store, {
      after: query.after === undefined ? undefined : BigInt(query.after),
      limit: query.limit,
      redact,
    }).catch((error: unknown) => {
      throw unknownCursorError('after', error);
    });
    // A page of children's records, for every role (a reporting job's is pseudonymised, still personal
    // data: review s15 F2): one trail entry per page, naming the children whose events it held. A page
    // without journey events (e.g. only the trail's own last entry) read no one's record, and
    // recording it would give a poller a new event on every read: it never caught up.
    if (page.journeyEvents > 0)
      await this.trail.recordList(user, {
        view: 'log',
        route: '/events',
        query: { after: query.after ?? '0', limit: query.limit, checkpoint: page.checkpoint },
        childIds: page.childIds,
      });
    reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('x-next-checkpoint', page.checkpoint);
    return `${page.lines.join('\n')}\n`;
  }
}
