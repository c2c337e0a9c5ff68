import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { authorityConfigProvider } from '../authority/authority.providers';
import { DriftController } from './drift.controller';
import { JourneyQueries } from './journey-queries';
import { OutcomeMeasuresController } from './outcome-measures.controller';
import { ProjectionsAdminController } from './projections-admin.controller';
import {
  liveProjectionProvider,
  PROJECTION_ENGINE,
  projectionEngineProvider,
  ProjectionLifecycle,
  READ_MODEL_CONFIG,
  readModelConfigProvider,
  rebuildThreadProvider,
} from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';
import { ScopedDriftReports, scopedDriftReportsProvider } from './scoped-drift-reports';

/**
 * Read models, drift, measures and their admin. CARE_JOURNEY_PROJECTIONS: `inline`, the engine
 * projects on this event loop; `thread`, a worker thread of this process projects
 * (thread/projector-thread.ts); `worker`, apps/projector does. In the last two the engine here
 * only reads the file.
 */
@Module({
  // The drift report records the children it names in the read-access trail (AuditModule).
  imports: [AuditModule],
  controllers: [DriftController, OutcomeMeasuresController, ProjectionsAdminController],
  providers: [
    authorityConfigProvider,
    readModelConfigProvider,
    projectionEngineProvider,
    liveProjectionProvider,
    rebuildThreadProvider,
    ProjectionLifecycle,
    ReadYourWrites,
    JourneyQueries,
    scopedDriftReportsProvider,
  ],
  exports: [PROJECTION_ENGINE, READ_MODEL_CONFIG, ReadYourWrites, JourneyQueries, ScopedDriftReports],
})
export class ProjectionsModule {}
