import {
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  RebuildRunningElsewhere,
  type ProjectionEngine,
  type RebuildProgress,
} from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OptionalUser } from '../auth/current-user.decorator';
import { PublicShowingMoreWhenSignedIn, Roles } from '../auth/roles.decorator';
import { anonymousProjectionHealth, type AnonymousProjectionHealth } from '../health/anonymous-health';
import {
  anonymousFeedContentHealth,
  readFeedContentHealth,
  type AnonymousFeedContentHealth,
  type FeedContentHealth,
} from '../health/feed-content-health';
import { newerEventSchemaReason, type NewerEventSchemaReason } from '../health/newer-event-schema';
import { projectionHealthStatus } from '../health/projection-health-status';
import { NoQueryParams } from '../http/query-params';
import { LIVE_PROJECTION, type ApiProjectionLag, type LiveProjection } from './live-projection';
import { PROJECTION_ENGINE } from './projection-engine.provider';
import { withoutErrorTexts } from './public-lag';
import { RebuildThread } from './thread/rebuild-thread';

@ApiTags('projections')
@Controller()
export class ProjectionsAdminController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(LIVE_PROJECTION) private readonly live: LiveProjection,
    @Inject(RebuildThread) private readonly rebuildThread: RebuildThread,
  ) {}

  @Post('admin/rebuild')
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Rebuild every read model from position 0; the current ones serve until the rebuild has caught up',
  })
  @ApiAcceptedResponse({
    description: 'Progress of the rebuild started (or already running); poll GET /admin/rebuild',
  })
  @ApiConflictResponse({
    description: 'Another process (the CLI, another API) is rebuilding the same read-model file',
  })
  async rebuild(@Query() _query: NoQueryParams): Promise<RebuildProgress> {
    try {
      // On a worker thread (F9): this answers with its first progress report while it goes on there.
      return await this.rebuildThread.start();
    } catch (error) {
      if (error instanceof RebuildRunningElsewhere)
        throw new ConflictException({ message: error.message, running: error.running });
      throw error;
    }
  }

  @Get('admin/rebuild')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Progress of this process's running rebuild (or its failure), else of one another process (the CLI) is running on the same read-model file (`state: 'abandoned'` with the reason when that process died), else the rebuild that made the served read models (any process's: from the read-model file)",
  })
  status(@Query() _query: NoQueryParams): RebuildProgress | { state: 'never_run' } {
    // The thread's rebuild while it runs or once it failed; once done, the file's record says the same.
    const onThread = this.rebuildThread.status();
    if (onThread && onThread.state !== 'done') return onThread;
    return this.engine.rebuildStatus() ?? onThread ?? { state: 'never_run' };
  }

  @Get('health/projections')
  @PublicShowingMoreWhenSignedIn()
  @ApiOperation({
    summary: 'Projection lag: read-model checkpoint against the head of the log, and who projects',
    description:
      "`projector`: running, failed (it retries) or stopped; in worker mode from apps/projector's heartbeat in the " +
      'read-model file: running, failed, stopped, or stale (no heartbeat within CARE_JOURNEY_PROJECTOR_STALE_INTERVALS ' +
      'of its interval, or none ever), with `heartbeat` (pid, state, generation, intervalMs, updatedAt, ageMs, staleAfterMs). ' +
      'Answers 503 (same body) when stale, or stopped in worker mode. ' +
      'Answers 503 (same body) while the projector is failed, so a monitor alerts on the status alone. ' +
      '`failure.error.kind: "storage"` with no `event`: the storage failed (disk full, I/O, read-only, locked), not an event. ' +
      'In thread mode `thread` says how often the projector thread was restarted and when it last died. ' +
      '`rebuild`: the rebuild that produced the served read models, read from the read-model file (by the API or ' +
      'the CLI: `by.process`); `rebuilding`: one this process is running, or its failure, else one another process ' +
      'is running on the same file (its progress record there, written every second: `phase`, `eventsDone`, `head`, ' +
      '`by`, `updatedAt`), `state: abandoned` with the reason once that process is gone. ' +
      "`misaligned` (`reason`, `remedy`; `lag` is then the head): the served read models are not this log's (checkpoint past its head, " +
      "or other events there: a restore without a rebuild, another store's file) and no projector has realigned them yet; " +
      '`realigned`: they were, so the projector dropped them and projects the log again from position 0 (`reason`, `at`). ' +
      '`outdated` (`built`, `running`): the served read models were folded by another fold version (an upgrade); the ' +
      'projecting process rebuilds them at start while they serve, and it is gone at the switch (still 200). ' +
      '`feedContent` (`served`, `configured`, `rebuildDue`, and when due `cause` and `message`): the content id of the ' +
      "served read models and /feed (X-Feed-Content) against the one this process's FOLD_VERSION and " +
      'CARE_JOURNEY_DRIFT_THRESHOLDS give (X-Feed-Content-Pending when they differ); `rebuildDue` with `cause: thresholds` ' +
      '(the thresholds changed, no rebuild yet: the message says what to run), `fold-version` (an upgrade: rebuilt at ' +
      'start) or `unstamped` (made before content ids); still 200. Without a token the two ids are left out. ' +
      'Public, so error texts are withheld (they may hold paths, SQL or values): GET /admin/projections has them. ' +
      "Without a token, positions and event counts are left out too (`checkpoint`, `head`, a rebuild's `position`, " +
      '`head`, `eventsDone`, `eventsPerSecond`): they move with every read and write; any valid token shows them.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        checkpoint: '1040',
        head: '1042',
        lag: '2',
        generation: 3,
        projector: 'running',
        rebuild: {
          state: 'done',
          generation: 3,
          eventsDone: 1038,
          position: '1038',
          head: '1038',
          percent: 100,
          eventsPerSecond: 41520,
          threads: 1,
          etaSeconds: 0,
          startedAt: '2026-11-27T09:14:02.112Z',
          finishedAt: '2026-11-27T09:14:02.137Z',
          durationSeconds: 0.025,
          by: { process: 'cli', pid: 48211 },
        },
        mode: 'thread',
        thread: { restarts: 0 },
        feedContent: { served: 'v2-4f1c2a9e0b7d3c55', configured: 'v2-4f1c2a9e0b7d3c55', rebuildDue: false },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description:
      'The projector is failed: `projector: "failed"`, or a `failure` it keeps retrying (the same body as 200). ' +
      '`failure.error.kind: "storage"` (no `event`): the storage failed, not an event. ' +
      '`reason: "newer-event-schema"` with `newerEventSchema: {eventType, dataType, field, version, readable}`: the projector is ' +
      'stuck on an event a newer build wrote (a schema upgrade half done: upgrade this process)',
  })
  async health(
    @Query() _query: NoQueryParams,
    @OptionalUser() user: AuthenticatedUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<
    (ApiProjectionLag | AnonymousProjectionHealth<ApiProjectionLag>) &
      Partial<NewerEventSchemaReason> & { feedContent: FeedContentHealth | AnonymousFeedContentHealth }
  > {
    const lag = await this.live.lag();
    reply.status(projectionHealthStatus(lag));
    const shown = withoutErrorTexts(lag);
    const feedContent = readFeedContentHealth(this.engine.readModels);
    // A schema upgrade half done is named, type and versions, with or without a token (F14).
    return {
      ...(user === undefined ? anonymousProjectionHealth(shown) : shown),
      ...newerEventSchemaReason(lag),
      feedContent: user === undefined ? anonymousFeedContentHealth(feedContent) : feedContent,
    };
  }

  @Get('admin/projections')
  @Roles('admin')
  @ApiOperation({
    summary: 'Projection health as GET /health/projections, with the error texts it withholds',
  })
  async details(
    @Query() _query: NoQueryParams,
  ): Promise<ApiProjectionLag & { feedContent: FeedContentHealth }> {
    return { ...(await this.live.lag()), feedContent: readFeedContentHealth(this.engine.readModels) };
  }
}
