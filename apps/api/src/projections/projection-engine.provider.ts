import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import { dirname, join } from 'node:path';
import type { EventStore } from '@care-journey/event-store';
import { loadReadModelConfig, ProjectionEngine, type ReadModelConfig } from '@care-journey/projections';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

export const PROJECTION_ENGINE = Symbol('PROJECTION_ENGINE');
export const READ_MODEL_CONFIG = Symbol('READ_MODEL_CONFIG');

/**
 * Read-model settings from the environment (see read-model-config.ts in the projections lib).
 * When CARE_JOURNEY_READMODEL_FILE is unset and the store is a SQLite file, the read models sit
 * beside it (./data/read-models.db for the default store), so each store gets its own.
 */
export function readModelConfigFor(api: ApiConfig, env: Record<string, string | undefined> = process.env): ReadModelConfig {
  const config = loadReadModelConfig(env);
  const explicit = env.CARE_JOURNEY_READMODEL_FILE?.trim();
  if (!explicit && api.store.kind === 'sqlite') return { ...config, file: join(dirname(api.store.file), 'read-models.db') };
  return config;
}

export const readModelConfigProvider: Provider = {
  provide: READ_MODEL_CONFIG,
  inject: [API_CONFIG],
  useFactory: (api: ApiConfig): ReadModelConfig => readModelConfigFor(api),
};

export const projectionEngineProvider: Provider = {
  provide: PROJECTION_ENGINE,
  inject: [EVENT_STORE, READ_MODEL_CONFIG],
  useFactory: (store: EventStore, config: ReadModelConfig): ProjectionEngine => {
    const logger = new Logger('Projections');
    return new ProjectionEngine(store, {
      file: config.file,
      mode: config.mode,
      batchSize: config.batchSize,
      log: (message) => logger.log(message),
    });
  },
};

/** Starts the projector with the app (inline mode) and stops it before the event store closes. */
@Injectable()
export class ProjectionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.engine.start();
    this.logger.log(
      this.config.mode === 'inline'
        ? `projecting inline into ${this.config.file}`
        : `reading ${this.config.file}, written by the projector worker (CARE_JOURNEY_PROJECTIONS=worker)`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}
