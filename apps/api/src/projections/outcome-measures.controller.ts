import { BadRequestException, Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  scorecard,
  stability,
  stabilityAsAt,
  timeToPermanence,
  type AuthorityConfig,
  type ProjectionEngine,
  type StabilityMeasure,
  type TimeToPermanence,
} from '@care-journey/projections';
import { AccessLogRecorder } from '../audit/access-log.recorder';
import { AUTHORITY_CONFIG } from '../authority/authority.providers';
import { idsShown, type ListRead } from '@care-journey/audit';
import { ChildScope } from '../auth/child-scope/child-scope';
import { mayReadPersonalData } from '../auth/personal-data';
import { Roles } from '../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { badRequestBody } from '../http/field-errors';
import { Clock } from '../infrastructure/clock';
import { dateInEngland } from '@care-journey/journey';
import { notAfterToday } from '../web/measures/not-after-today';
import { PERMANENCE_READERS, SCORECARD_READERS, STABILITY_READERS } from '../web/measures/measure-readers';
import { childrenInScope, OUTSIDE_YOUR_TEAMS_HEADER } from './children-in-scope';
import { scopedScorecard, type ScopedScorecard } from './scoped-scorecard';
import { csvReply, wantsCsv } from './csv/csv-response';
import { permanenceCsv, scorecardCsv, stabilityCsv } from './csv/measures-csv';
import { PermanenceQuery, ScorecardQuery, StabilityQuery } from './dto/measures.query';
import { pageOf, type Paging } from './paging';
import { PROJECTION_ENGINE } from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';
import { forRole } from './redact-names';

const badRequest = (field: string, rule: string, message: string) =>
  new BadRequestException(badRequestBody([{ field, rule, message }]));

type PagedMeasure = StabilityMeasure & { paging: Paging; childrenOutsideYourTeams: number };

/** The lists' scope, in each route's OpenAPI text. */
const SCOPED_LISTS =
  'The figures are the authority\'s (every child); a social worker under socialWorkerScope "team" is listed only the children allocated today to their teams, and `childrenOutsideYourTeams` says how many of the figure\'s children are left out (0 for every other reader; CSV: the `children-outside-your-teams` header, and the file name ends `-your-teams` when some are). ';

/** A CSV of a list some of whose children were left out says so in its name as well as in the header. */
const csvName = (name: string, outside: number): string => (outside > 0 ? `${name}-your-teams` : name);

/**
 * The outcome measures over the read models: stability, permanence, the scorecard (the authority's
 * own indicators are authority/measures.controller.ts; the panel's pages web/measures/). Each route
 * admits the roles of its panel pages (web/measures/measure-readers.ts): one list per measure.
 */
@ApiTags('measures')
@ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
@ApiProduces('application/json', 'text/csv')
@Controller()
export class OutcomeMeasuresController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly readYourWrites: ReadYourWrites,
    private readonly trail: AccessLogRecorder,
    private readonly clock: Clock,
    @Inject(AUTHORITY_CONFIG) private readonly authority: AuthorityConfig,
    private readonly scope: ChildScope,
  ) {}

  /**
   * The rows of a figure's children the user may see (a social worker: their teams' children), with
   * the count left out: the figures stay the authority's (children-in-scope.ts).
   */
  private inScope<T extends { childId: string }>(origin: CommandOrigin, rows: readonly T[]) {
    const today = dateInEngland(this.clock.now());
    return childrenInScope(this.scope, origin.user, rows, (id) => this.engine.summary(id), today);
  }

  /**
   * A year, period or date after today (in England) has not ended: its figures would pass for the
   * whole period's. Refused by name, as the panel's measures pages refuse it (not-after-today.ts).
   */
  private refuseNotEnded(field: string, date: string | undefined): void {
    const refused = notAfterToday(field, date, dateInEngland(this.clock.now()));
    if (refused) throw new BadRequestException(badRequestBody([refused]));
  }

  /**
   * Children listed by name are a read of each of them: one read-access trail entry (view measures,
   * the ids shown) before the answer. Reporting jobs get no names, so nothing is recorded for them.
   */
  private recordShown(
    origin: CommandOrigin,
    request: FastifyRequest,
    query: ListRead['query'],
    lists: readonly (readonly { childId: string }[])[],
  ): Promise<void> {
    if (!mayReadPersonalData(origin.user.role)) return Promise.resolve();
    return this.trail.recordList(
      origin.user,
      { view: 'measures', route: request.routeOptions.url ?? '', query, childIds: idsShown(lists) },
      origin.correlationId,
    );
  }

  @Get('stability')
  @Roles(...STABILITY_READERS)
  @ApiOperation({
    summary:
      'Placement stability ST1/ST2/ST3 for the year ending a 31 March (yearEnding), or as a running figure for the months up to any date (asAt), with the children behind each',
    description:
      "JSON: each measure's children paged (`page`, `pageSize`; totals in the measure's `paging`). " +
      '`Accept: text/csv`: one line per child behind each measure (not paged). ' +
      "Every role, as the panel's stability figures and `/panel/measures/ST1`–`ST3`; names for every role but reporting_job, " +
      'and a list with names is recorded in the read-access trail (view measures, the ids shown). ' +
      SCOPED_LISTS +
      'A year, period or date after today (in England) has not ended: 400, rule notAfterToday, naming the field.',
  })
  async stability(
    @Query() query: StabilityQuery,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ yearEnding?: string; asAt?: string; measures: PagedMeasure[] } | string> {
    const { user } = origin;
    const { yearEnding, asAt } = query;
    if ((yearEnding === undefined) === (asAt === undefined)) {
      throw badRequest(
        'yearEnding',
        'exactlyOneOfYearEndingAsAt',
        'give exactly one of yearEnding (a 31 March) or asAt (any date)',
      );
    }
    this.refuseNotEnded(yearEnding ? 'yearEnding' : 'asAt', yearEnding ?? asAt);
    await this.readYourWrites.waitFor(query.minPosition);
    const summaries = [...this.engine.summaries()];
    const figures = yearEnding ? stability(summaries, yearEnding) : stabilityAsAt(summaries, asAt as string);
    const measures = figures.map((m) => {
      const { rows, childrenOutsideYourTeams } = this.inScope(origin, m.children);
      return { ...m, children: [...rows], childrenOutsideYourTeams };
    });
    const asked = { yearEnding, asAt };
    if (wantsCsv(accept)) {
      await this.recordShown(
        origin,
        request,
        { ...asked, format: 'csv' },
        measures.map((m) => m.children),
      );
      const outside = this.inScope(
        origin,
        figures.flatMap((m) => m.children),
      ).childrenOutsideYourTeams;
      const name = yearEnding ? `stability-year-ending-${yearEnding}` : `stability-to-${asAt}`;
      void reply.header(OUTSIDE_YOUR_TEAMS_HEADER, String(outside));
      return csvReply(reply, csvName(name, outside), stabilityCsv(measures, mayReadPersonalData(user.role)));
    }
    const paged = measures.map((m) => {
      const { items, paging } = pageOf(m.children, query.page, query.pageSize);
      return { ...m, children: items, paging };
    });
    const page = { page: paged[0]?.paging.page, pageSize: paged[0]?.paging.pageSize };
    await this.recordShown(
      origin,
      request,
      { ...asked, ...page },
      paged.map((m) => m.children),
    );
    return forRole({ ...(yearEnding ? { yearEnding } : { asAt }), measures: paged }, user.role);
  }

  @Get('permanence')
  @Roles(...PERMANENCE_READERS)
  @ApiOperation({
    summary: 'Days from entering care to each permanence milestone, by route, within [from, to]',
    description:
      'JSON: `byMilestone` over every row, `rows` paged (`page`, `pageSize`; totals in `paging`). `Accept: text/csv`: every row. ' +
      "Every role, as the panel's time-to-permanence table; names for every role but reporting_job, " +
      'and a list with names is recorded in the read-access trail (view measures, the ids shown). ' +
      SCOPED_LISTS +
      'A year, period or date after today (in England) has not ended: 400, rule notAfterToday, naming the field.',
  })
  async permanence(
    @Query() query: PermanenceQuery,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(TimeToPermanence & { paging: Paging; childrenOutsideYourTeams: number }) | string> {
    if (query.from > query.to) {
      throw badRequest('to', 'notBeforeFrom', `to (${query.to}) must not be before from (${query.from})`);
    }
    this.refuseNotEnded('to', query.to);
    await this.readYourWrites.waitFor(query.minPosition);
    const { user } = origin;
    const all = timeToPermanence([...this.engine.summaries()], query.from, query.to);
    // byMilestone stays over every child (the authority's figure); the rows are the user's scope.
    const { rows, childrenOutsideYourTeams } = this.inScope(origin, all.rows);
    const report = { ...all, rows: [...rows], childrenOutsideYourTeams };
    const asked = { from: query.from, to: query.to };
    if (wantsCsv(accept)) {
      await this.recordShown(origin, request, { ...asked, format: 'csv' }, [report.rows]);
      void reply.header(OUTSIDE_YOUR_TEAMS_HEADER, String(childrenOutsideYourTeams));
      return csvReply(
        reply,
        csvName(`permanence-${query.from}-${query.to}`, childrenOutsideYourTeams),
        permanenceCsv(report, mayReadPersonalData(user.role)),
      );
    }
    const { items, paging } = pageOf(report.rows, query.page, query.pageSize);
    await this.recordShown(origin, request, { ...asked, page: paging.page, pageSize: paging.pageSize }, [
      items,
    ]);
    return forRole({ ...report, rows: items, paging }, user.role);
  }

  @Get('scorecard')
  @Roles(...SCORECARD_READERS)
  @ApiOperation({
    summary: 'Adoption scorecard A1/A2/A3/A10 for the three years ending a 31 March, with thresholds',
    description:
      'JSON: indicators over every child, `children` paged (`page`, `pageSize`; totals in `paging`). `Accept: text/csv`: one line per child. ' +
      "Every role, as the panel's scorecard and `/panel/measures/A1`–`A10`; names for every role but reporting_job, " +
      'and a list with names is recorded in the read-access trail (view measures, the ids shown). ' +
      SCOPED_LISTS +
      'A year, period or date after today (in England) has not ended: 400, rule notAfterToday, naming the field.',
  })
  async scorecard(
    @Query() query: ScorecardQuery,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(ScopedScorecard & { paging: Paging }) | string> {
    this.refuseNotEnded('periodEnding', query.periodEnding);
    await this.readYourWrites.waitFor(query.minPosition);
    const { user } = origin;
    const card = scopedScorecard(
      scorecard([...this.engine.summaries()], query.periodEnding, this.authority.scorecard),
      (rows) => this.inScope(origin, rows),
    );
    const asked = { periodEnding: query.periodEnding };
    if (wantsCsv(accept)) {
      await this.recordShown(origin, request, { ...asked, format: 'csv' }, [card.children]);
      void reply.header(OUTSIDE_YOUR_TEAMS_HEADER, String(card.childrenOutsideYourTeams));
      return csvReply(
        reply,
        csvName(`scorecard-${query.periodEnding}`, card.childrenOutsideYourTeams),
        scorecardCsv(card, mayReadPersonalData(user.role)),
      );
    }
    const { items, paging } = pageOf(card.children, query.page, query.pageSize);
    await this.recordShown(origin, request, { ...asked, page: paging.page, pageSize: paging.pageSize }, [
      items,
    ]);
    return forRole({ ...card, children: items, paging }, user.role);
  }
}
