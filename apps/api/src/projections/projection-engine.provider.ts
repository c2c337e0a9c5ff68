import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import {
  foldOutdatedMessage,
  leftSharedReadModelFile,
  RebuildRunningElsewhere,
  loadReadModelConfig,
  ProjectionEngine,
  type ReadModelConfig,
} from '@care-journey/projections';
import { API_CONFIG, DEFAULT_PROJECTIONS_MODE, type ApiConfig } from '../config/api-config';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { EngineProjection, LIVE_PROJECTION, ThreadProjection, type LiveProjection } from './live-projection';
import { ProjectorThread } from './thread/projector-thread';
import { RebuildThread } from './thread/rebuild-thread';

export const PROJECTION_ENGINE = Symbol('PROJECTION_ENGINE');
export const READ_MODEL_CONFIG = Symbol('READ_MODEL_CONFIG');

/**
 * How often the thread's SQLite subscription looks for new events: it cannot hear this thread's
 * appends, so it polls, like apps/projector. Each poll's events make one batch; measured at 8
 * clients (bench/README finding 15), 5 and 10 ms gave smaller batches and cost the thread 0.42
 * and 0.33 ms of CPU per command against 0.27 at 25 ms, and 5 ms costs 3% of a core when idle.
 * A query's minPosition wait is that much longer (≤ 25 ms plus the batch).
 */
const THREAD_POLL_MS = 25;

export const readModelConfigProvider: Provider = {
  provide: READ_MODEL_CONFIG,
  inject: [API_CONFIG],
  // Same file rule as the worker and the CLI (read-model-config.ts in the projections lib); the
  // mode is the API's own (CARE_JOURNEY_PROJECTIONS, read by loadApiConfig).
  useFactory: (api: ApiConfig): ReadModelConfig => {
    const config = {
      ...loadReadModelConfig(process.env, api.store),
      mode: api.projections ?? DEFAULT_PROJECTIONS_MODE,
    };
    const shared = leftSharedReadModelFile(process.env, api.store);
    if (shared)
      new Logger('Projections').warn(
        `read models are now kept per store, in ${config.file}: they are rebuilt there from the log now. ` +
          `${shared}, shared by every store in that directory before, is no longer read; delete it once no older version uses it`,
      );
    return config;
  },
};

export const projectionEngineProvider: Provider = {
  provide: PROJECTION_ENGINE,
  inject: [EVENT_STORE, READ_MODEL_CONFIG],
  useFactory: (store: EventStore, config: ReadModelConfig): ProjectionEngine => {
    const logger = new Logger('Projections');
    return new ProjectionEngine(store, {
      file: config.file,
      // Only inline projects on this thread; in thread and worker mode this engine only reads.
      mode: config.mode === 'inline' ? 'inline' : 'worker',
      batchSize: config.batchSize,
      restartDelayMs: config.retry.firstDelayMs,
      maxRestartDelayMs: config.retry.maxDelayMs,
      drift: config.drift,
      rebuildThreads: config.rebuildThreads,
      // Stored with each rebuild this API runs, so /health/projections says who made the read models.
      process: 'api',
      log: (message) => logger.log(message),
      // A failed batch at ERROR, so a log alert fires (review s12-ops F11); its recovery at LOG.
      error: (message) => logger.error(message),
    });
  },
};

export const liveProjectionProvider: Provider = {
  provide: LIVE_PROJECTION,
  inject: [PROJECTION_ENGINE, READ_MODEL_CONFIG, API_CONFIG],
  useFactory: (engine: ProjectionEngine, config: ReadModelConfig, api: ApiConfig): LiveProjection => {
    if (config.mode !== 'thread')
      return new EngineProjection(engine, config.mode, config.heartbeat.staleIntervals);
    const logger = new Logger('Projections');
    const thread = new ProjectorThread({
      settings: {
        store: api.store,
        readModelFile: config.file,
        batchSize: config.batchSize,
        drift: config.drift,
        restartDelayMs: config.retry.firstDelayMs,
        maxRestartDelayMs: config.retry.maxDelayMs,
        pollIntervalMs: THREAD_POLL_MS,
        nice: config.projectorNice,
        generationCheckMs: config.heartbeat.intervalMs,
      },
      log: { log: (message) => logger.log(message), error: (message) => logger.error(message) },
    });
    return new ThreadProjection(engine, thread);
  },
};

/** POST /admin/rebuild's rebuild, run on a worker thread of its own (thread/rebuild-thread.ts). */
export const rebuildThreadProvider: Provider = {
  provide: RebuildThread,
  inject: [READ_MODEL_CONFIG, API_CONFIG, PROJECTION_ENGINE],
  useFactory: (config: ReadModelConfig, api: ApiConfig, engine: ProjectionEngine): RebuildThread => {
    const logger = new Logger('Projections');
    const thread = new RebuildThread(
      {
        store: api.store,
        readModelFile: config.file,
        batchSize: Math.max(config.batchSize, 1000),
        rebuildThreads: config.rebuildThreads,
        rebuildMinEventsPerThread: config.rebuildMinEventsPerThread,
        drift: config.drift,
      },
      { log: (message) => logger.log(message), error: (message) => logger.error(message) },
    );
    engine.reportRebuildsOnThread(() => thread.running());
    return thread;
  },
};

/** Starts projecting with the app (as the mode says) and stops before the event store closes. */
@Injectable()
export class ProjectionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');

  /** The start-up rebuild for read models of another fold version, while it runs (specs wait for it). */
  foldRebuild: Promise<void> = Promise.resolve();

  constructor(
    @Inject(LIVE_PROJECTION) private readonly live: LiveProjection,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
    @Inject(RebuildThread) private readonly rebuildThread: RebuildThread,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.live.start();
    const where = {
      inline: `projecting inline into ${this.config.file}`,
      thread: `projecting into ${this.config.file} on a worker thread (CARE_JOURNEY_PROJECTIONS=thread)`,
      worker: `reading ${this.config.file}, written by the projector worker (CARE_JOURNEY_PROJECTIONS=worker)`,
    };
    this.logger.log(where[this.config.mode]);
    // In worker mode apps/projector does this; here the API projects, so it does (in the background).
    if (this.config.mode !== 'worker') this.foldRebuild = this.rebuildOutdatedFold();
    if (this.config.mode === 'inline') this.followGenerationSwitches();
  }

  private generationCheck?: NodeJS.Timeout;

  /**
   * Inline, the projector on this event loop meets a generation another process switched to
   * (`care-journey rebuild`) at its next batch; on an idle log there is none, so a timer looks, as
   * the projector thread and apps/projector do: one read of `meta` per interval, none per event.
   */
  private followGenerationSwitches(): void {
    let following: Promise<unknown> = Promise.resolve();
    this.generationCheck = setInterval(() => {
      following = following
        .then(() => this.engine.followServedGeneration())
        .catch((error: unknown) => this.logger.error(`following the served generation: ${String(error)}`));
    }, this.config.heartbeat.intervalMs);
    this.generationCheck.unref();
  }

  /**
   * Read models folded by another fold version (an upgrade changed the fold) are rebuilt into a new
   * generation on the rebuild thread while they serve; the projector moves to it at the switch
   * (review s12-ops F10; libs/projections/src/engine/fold-version.ts). After the projector's check
   * against the log: a realign already starts afresh with this version.
   */
  private async rebuildOutdatedFold(): Promise<void> {
    await this.engine.whenStarted();
    const outdated = this.engine.foldOutdated();
    if (outdated === undefined) return;
    this.logger.log(foldOutdatedMessage(outdated, this.config.file));
    try {
      await this.rebuildThread.start(); // its failure is logged by the thread; the old read models serve on
    } catch (error) {
      if (error instanceof RebuildRunningElsewhere)
        this.logger.log(`${error.message}: it replaces the outdated read models`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.generationCheck);
    await this.rebuildThread.close();
    await this.live.close();
  }
}
