import { Module } from '@nestjs/common';
import { AuthorityMeasuresSource, authorityConfigProvider } from './authority.providers';
import { MeasuresController } from './measures.controller';

/** Authority-wide measures (GET /measures…), read from the event log and kept current between requests. */
@Module({
  controllers: [MeasuresController],
  providers: [authorityConfigProvider, AuthorityMeasuresSource],
  exports: [AuthorityMeasuresSource],
})
export class AuthorityModule {}
