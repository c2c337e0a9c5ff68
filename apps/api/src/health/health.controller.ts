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
import { Public } from '../auth/roles.decorator';
import { NoQueryParams } from '../http/query-params';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** A slow store must not hang the orchestrator's probe. */
const READINESS_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(@Query() _query: NoQueryParams): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Readiness: the event store can be read' })
  @ApiOkResponse({ schema: { example: { status: 'ready', headPosition: '41' } } })
  @ApiServiceUnavailableResponse({ description: 'The event store cannot be reached' })
  async ready(@Query() _query: NoQueryParams): Promise<{ status: 'ready'; headPosition: string | null }> {
    try {
      const head = await withTimeout(this.store.headPosition(), READINESS_TIMEOUT_MS);
      return { status: 'ready', headPosition: head === undefined ? null : head.toString(10) };
    } catch (error) {
      // The probe is public: the reason (it may name the file or the server) goes to the log only.
      this.logger.error(`readiness: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('Event store not reachable (the reason is in the API log)');
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
