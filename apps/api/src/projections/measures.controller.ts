import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  scorecard,
  stability,
  timeToPermanence,
  type ProjectionEngine,
  type Scorecard,
  type StabilityMeasure,
  type TimeToPermanence,
} from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { badRequestBody } from '../http/field-errors';
import { PermanenceQuery, ScorecardQuery, StabilityQuery } from './dto/measures.query';
import { PROJECTION_ENGINE } from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';
import { forRole } from './redact-names';

@ApiTags('measures')
@Roles('panel_member', 'auditor', 'reporting_job', 'admin')
@ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
@Controller()
export class MeasuresController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('stability')
  @ApiOperation({
    summary: 'Placement stability ST1/ST2/ST3 as at a 31 March, with the children behind each',
  })
  async stability(
    @Query() query: StabilityQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ yearEnding: string; measures: StabilityMeasure[] }> {
    await this.readYourWrites.waitFor(query.minPosition);
    return forRole(
      { yearEnding: query.yearEnding, measures: stability([...this.engine.summaries()], query.yearEnding) },
      user.role,
    );
  }

  @Get('permanence')
  @ApiOperation({
    summary: 'Days from entering care to each permanence milestone, by route, within [from, to]',
  })
  async permanence(
    @Query() query: PermanenceQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<TimeToPermanence> {
    if (query.from > query.to) {
      throw new BadRequestException(
        badRequestBody([
          {
            field: 'to',
            rule: 'notBeforeFrom',
            message: `to (${query.to}) must not be before from (${query.from})`,
          },
        ]),
      );
    }
    await this.readYourWrites.waitFor(query.minPosition);
    return forRole(timeToPermanence([...this.engine.summaries()], query.from, query.to), user.role);
  }

  @Get('scorecard')
  @ApiOperation({
    summary: 'Adoption scorecard A1/A2/A3/A10 for the three years ending a 31 March, with thresholds',
  })
  async scorecard(
    @Query() query: ScorecardQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Scorecard> {
    await this.readYourWrites.waitFor(query.minPosition);
    return forRole(scorecard([...this.engine.summaries()], query.periodEnding), user.role);
  }
}
