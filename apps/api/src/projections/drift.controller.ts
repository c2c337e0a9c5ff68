import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  driftReport,
  evaluateDrift,
  flagHistory,
  type DriftReport,
  type ProjectionEngine,
  type ReadModelConfig,
} from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ChildIdParam } from '../children/dto/child-id.param';
import { ChildFlagsQuery, DriftReportQuery } from './dto/drift-report.query';
import { PROJECTION_ENGINE, READ_MODEL_CONFIG } from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';
import { forRole } from './redact-names';
import { todayInEngland } from './today';

@ApiTags('drift')
@Controller()
export class DriftController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('drift-report')
  @Roles('panel_member', 'auditor', 'reporting_job', 'admin')
  @ApiOperation({
    summary: 'Open drift flags and due-soon warnings as at a date (no names for reporting jobs)',
  })
  @ApiOkResponse({ description: 'The report: counts by rule, and one row per child with flags or warnings' })
  @ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
  async report(
    @Query() query: DriftReportQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DriftReport> {
    await this.readYourWrites.waitFor(query.minPosition);
    const report = driftReport(this.engine.summaries(), query.asAt ?? todayInEngland(), this.config.drift, {
      rules: query.rule,
      team: query.team,
      socialWorker: query.socialWorker,
      legalStatus: query.legalStatus,
      ageBand: query.ageBand,
      dueWithinDays: query.dueWithinDays,
    });
    return forRole(report, user.role);
  }

  @Get('children/:id/flags')
  @Roles('social_worker', 'panel_member', 'auditor', 'admin')
  @ApiOperation({
    summary: "A child's open flags, due-soon warnings and flag history (opened/closed) as at a date",
  })
  @ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
  async flags(@Param() { id }: ChildIdParam, @Query() query: ChildFlagsQuery) {
    await this.readYourWrites.waitFor(query.minPosition);
    const summary = this.engine.summary(id);
    if (!summary) {
      throw new NotFoundException(
        `No journey summary for child ${id}: unknown child, or not projected yet (pass minPosition)`,
      );
    }
    const asAt = query.asAt ?? todayInEngland();
    const { flags, dueSoon } = evaluateDrift(summary, asAt, this.config.drift);
    return {
      childId: id,
      childRef: summary.childRef,
      asAt,
      flags,
      dueSoon,
      history: flagHistory(summary, asAt, this.config.drift),
    };
  }
}
