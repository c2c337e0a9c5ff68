import { Module } from '@nestjs/common';
import { DriftController } from './drift.controller';
import { JourneyQueries } from './journey-queries';
import { MeasuresController } from './measures.controller';
import { ProjectionsAdminController } from './projections-admin.controller';
import {
  PROJECTION_ENGINE,
  projectionEngineProvider,
  ProjectionLifecycle,
  READ_MODEL_CONFIG,
  readModelConfigProvider,
} from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';

/**
 * Read models, drift, measures and their admin. With CARE_JOURNEY_PROJECTIONS=inline (default)
 * the engine projects inside this process; with `worker` it only reads the file apps/projector writes.
 */
@Module({
  controllers: [DriftController, MeasuresController, ProjectionsAdminController],
  providers: [
    readModelConfigProvider,
    projectionEngineProvider,
    ProjectionLifecycle,
    ReadYourWrites,
    JourneyQueries,
  ],
  exports: [PROJECTION_ENGINE, READ_MODEL_CONFIG, ReadYourWrites, JourneyQueries],
})
export class ProjectionsModule {}
