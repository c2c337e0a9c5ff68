import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Logger,
  Query,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@care-journey/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OptionalUser } from '../auth/current-user.decorator';
import { Public, PublicShowingMoreWhenSignedIn } from '../auth/roles.decorator';
import { NoQueryParams } from '../http/query-params';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { StoreOutage } from '../infrastructure/store-outage';

/** A slow store must not hang the orchestrator's probe. */
const READINESS_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(StoreOutage) private readonly outage: StoreOutage,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(@Query() _query: NoQueryParams): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicShowingMoreWhenSignedIn()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Readiness: the event store can be read and is recording',
    description:
      "Without a token: `{status: 'ready'}` only. The log's head position moves with every record written and every " +
      'read the trail records, so it is shown only to a caller with a valid token (any role).',
  })
  @ApiOkResponse({ schema: { example: { status: 'ready', headPosition: '41' } } })
  @ApiServiceUnavailableResponse({
    description:
      "The event store cannot be reached, or cannot record (`{status: 'degraded', reason: 'store-not-writable'}`: writes and the reads that record a trail entry answer 503)",
  })
  async ready(
    @Query() _query: NoQueryParams,
    @OptionalUser() user: AuthenticatedUser | undefined,
  ): Promise<{ status: 'ready'; headPosition?: string | null }> {
    let head: bigint | undefined;
    try {
      head = await withTimeout(this.store.headPosition(), READINESS_TIMEOUT_MS);
    } catch (error) {
      // The probe is public: the reason (it may name the file or the server) goes to the log only.
      this.logger.error(`readiness: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('Event store not reachable (the reason is in the API log)');
    }
    // Reads record their trail entry first, so a store that cannot record serves nobody (F4).
    const outage = this.outage.current(head);
    if (outage !== undefined)
      throw new ServiceUnavailableException({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        status: 'degraded',
        reason: outage.reason,
        ...(user !== undefined && { since: outage.since, lastFailureAt: outage.lastFailureAt }),
      });
    if (user === undefined) return { status: 'ready' };
    return { status: 'ready', headPosition: head === undefined ? null : head.toString(10) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
