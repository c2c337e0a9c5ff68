import { Module } from '@nestjs/common';
import { ChildRefsController } from './child-refs.controller';
import { UpnsController } from './upns.controller';

/** Admin routes over the registries: the 903 child reference's and the UPN's releases. */
@Module({ controllers: [ChildRefsController, UpnsController] })
export class ChildRefsModule {}
