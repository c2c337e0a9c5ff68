import { BadRequestException, Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  scorecard,
  stability,
  stabilityAsAt,
  timeToPermanence,
  type ProjectionEngine,
  type Scorecard,
  type StabilityMeasure,
  type TimeToPermanence,
} from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { mayReadPersonalData } from '../auth/personal-data';
import { Roles } from '../auth/roles.decorator';
import { badRequestBody } from '../http/field-errors';
import { csvReply, wantsCsv } from './csv/csv-response';
import { permanenceCsv, scorecardCsv, stabilityCsv } from './csv/measures-csv';
import { PermanenceQuery, ScorecardQuery, StabilityQuery } from './dto/measures.query';
import { pageOf, type Paging } from './paging';
import { PROJECTION_ENGINE } from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';
import { forRole } from './redact-names';

const badRequest = (field: string, rule: string, message: string) =>
  new BadRequestException(badRequestBody([{ field, rule, message }]));

type PagedMeasure = StabilityMeasure & { paging: Paging };

@ApiTags('measures')
@Roles('panel_member', 'auditor', 'reporting_job', 'admin')
@ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
@ApiProduces('application/json', 'text/csv')
@Controller()
export class MeasuresController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('stability')
  @ApiOperation({
    summary:
      'Placement stability ST1/ST2/ST3 for the year ending a 31 March (yearEnding), or as a running figure for the months up to any date (asAt), with the children behind each',
    description:
      "JSON: each measure's children paged (`page`, `pageSize`; totals in the measure's `paging`). " +
      '`Accept: text/csv`: one line per child behind each measure (not paged).',
  })
  async stability(
    @Query() query: StabilityQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ yearEnding?: string; asAt?: string; measures: PagedMeasure[] } | string> {
    const { yearEnding, asAt } = query;
    if ((yearEnding === undefined) === (asAt === undefined)) {
      throw badRequest(
        'yearEnding',
        'exactlyOneOfYearEndingAsAt',
        'give exactly one of yearEnding (a 31 March) or asAt (any date)',
      );
    }
    await this.readYourWrites.waitFor(query.minPosition);
    const summaries = [...this.engine.summaries()];
    const measures = yearEnding ? stability(summaries, yearEnding) : stabilityAsAt(summaries, asAt as string);
    if (wantsCsv(accept)) {
      const name = yearEnding ? `stability-year-ending-${yearEnding}` : `stability-to-${asAt}`;
      return csvReply(reply, name, stabilityCsv(measures, mayReadPersonalData(user.role)));
    }
    const paged = measures.map((m) => {
      const { items, paging } = pageOf(m.children, query.page, query.pageSize);
      return { ...m, children: items, paging };
    });
    return forRole({ ...(yearEnding ? { yearEnding } : { asAt }), measures: paged }, user.role);
  }

  @Get('permanence')
  @ApiOperation({
    summary: 'Days from entering care to each permanence milestone, by route, within [from, to]',
    description:
      'JSON: `byMilestone` over every row, `rows` paged (`page`, `pageSize`; totals in `paging`). `Accept: text/csv`: every row.',
  })
  async permanence(
    @Query() query: PermanenceQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(TimeToPermanence & { paging: Paging }) | string> {
    if (query.from > query.to) {
      throw badRequest('to', 'notBeforeFrom', `to (${query.to}) must not be before from (${query.from})`);
    }
    await this.readYourWrites.waitFor(query.minPosition);
    const report = timeToPermanence([...this.engine.summaries()], query.from, query.to);
    if (wantsCsv(accept)) {
      return csvReply(
        reply,
        `permanence-${query.from}-${query.to}`,
        permanenceCsv(report, mayReadPersonalData(user.role)),
      );
    }
    const { items, paging } = pageOf(report.rows, query.page, query.pageSize);
    return forRole({ ...report, rows: items, paging }, user.role);
  }

  @Get('scorecard')
  @ApiOperation({
    summary: 'Adoption scorecard A1/A2/A3/A10 for the three years ending a 31 March, with thresholds',
    description:
      'JSON: indicators over every child, `children` paged (`page`, `pageSize`; totals in `paging`). `Accept: text/csv`: one line per child.',
  })
  async scorecard(
    @Query() query: ScorecardQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(Scorecard & { paging: Paging }) | string> {
    await this.readYourWrites.waitFor(query.minPosition);
    const card = scorecard([...this.engine.summaries()], query.periodEnding);
    if (wantsCsv(accept)) {
      return csvReply(
        reply,
        `scorecard-${query.periodEnding}`,
        scorecardCsv(card, mayReadPersonalData(user.role)),
      );
    }
    const { items, paging } = pageOf(card.children, query.page, query.pageSize);
    return forRole({ ...card, children: items, paging }, user.role);
  }
}
