import { Module } from '@nestjs/common';
import { EventsFeedController } from './events-feed.controller';
import { ExportsController } from './exports.controller';

/** Reporting jobs' endpoints: the 903 return and the raw event feed (identifiers withheld from reporting jobs). */
@Module({ controllers: [EventsFeedController, ExportsController] })
export class ReportingModule {}
