import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ProjectionsModule } from '../../projections/projections.module';
import { FindChildrenController } from './find-children.controller';

/**
 * `GET /children`: a search of the read models, so apart from ChildrenModule (the write side's);
 * each search is recorded in the read-access trail (AuditModule).
 */
@Module({
  imports: [ProjectionsModule, AuditModule],
  controllers: [FindChildrenController],
})
export class FindChildrenModule {}
