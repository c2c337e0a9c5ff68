import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { ProjectionEngine, ReadModelConfig } from '@care-journey/projections';
import { LIVE_PROJECTION, type LiveProjection } from './live-projection';
import { PROJECTION_ENGINE, READ_MODEL_CONFIG } from './projection-engine.provider';

/**
 * Read-your-writes: a command answers with its global position; a query passing it as
 * `minPosition` waits (bounded) until the read models have applied it, else 503.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(LIVE_PROJECTION) private readonly live: LiveProjection,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
  ) {}

  async waitFor(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const timeout = this.config.readYourWritesTimeoutMs;
    if (await this.live.waitForPosition(BigInt(minPosition), timeout)) return;
    const checkpoint = this.engine.checkpoint()?.toString() ?? 'none';
    throw new ServiceUnavailableException(
      `Read models have not reached position ${minPosition} within ${timeout} ms (they are at ${checkpoint}); retry shortly`,
    );
  }
}
