import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EventsFeedController } from './events-feed.controller';
import { ExportsController } from './exports.controller';
import { FeedController } from './feed.controller';
import { ReadModelExportsController } from './read-model-exports.controller';
import { ProjectionsModule } from '../projections/projections.module';

/** Reporting jobs' endpoints: the 903 return, read-model bulk exports, the raw event feed and the projection-change feed (identifiers withheld from reporting jobs). */
@Module({
  imports: [ProjectionsModule, AuditModule],
  controllers: [EventsFeedController, ExportsController, FeedController, ReadModelExportsController],
})
export class ReportingModule {}
