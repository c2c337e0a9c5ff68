import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProjectionsModule } from '../projections/projections.module';
import { AuthorityMeasuresSource, authorityConfigProvider } from './authority.providers';
import { MeasuresController } from './measures.controller';

/** Authority-wide measures (GET /measures…), read from the projection engine's read models. */
@Module({
  imports: [ProjectionsModule, AuditModule],
  controllers: [MeasuresController],
  providers: [authorityConfigProvider, AuthorityMeasuresSource],
  exports: [AuthorityMeasuresSource],
})
export class AuthorityModule {}
