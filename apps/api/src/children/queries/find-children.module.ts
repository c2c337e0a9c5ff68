import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../../projections/projections.module';
import { FindChildrenController } from './find-children.controller';

/** `GET /children`: a search of the read models, so apart from ChildrenModule (the write side's). */
@Module({
  imports: [ProjectionsModule],
  controllers: [FindChildrenController],
})
export class FindChildrenModule {}
