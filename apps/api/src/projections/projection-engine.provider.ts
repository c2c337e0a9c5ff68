import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import { loadReadModelConfig, ProjectionEngine, type ReadModelConfig } from '@care-journey/projections';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

export const PROJECTION_ENGINE = Symbol('PROJECTION_ENGINE');
export const READ_MODEL_CONFIG = Symbol('READ_MODEL_CONFIG');

export const readModelConfigProvider: Provider = {
  provide: READ_MODEL_CONFIG,
  inject: [API_CONFIG],
  // Same file rule as the worker and the CLI (read-model-config.ts in the projections lib).
  useFactory: (api: ApiConfig): ReadModelConfig => loadReadModelConfig(process.env, api.store),
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
