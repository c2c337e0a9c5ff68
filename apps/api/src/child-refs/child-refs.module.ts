import { Module } from '@nestjs/common';
import { ChildRefsController } from './child-refs.controller';

/** Admin routes over the 903 child reference registry. */
@Module({ controllers: [ChildRefsController] })
export class ChildRefsModule {}
