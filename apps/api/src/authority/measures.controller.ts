import { BadRequestException, Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { dateOfInstant } from '@care-journey/journey';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessLogRecorder } from '../audit/access-log.recorder';
import { idsShown } from '@care-journey/audit';
import { ChildScope } from '../auth/child-scope/child-scope';
import { Roles } from '../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { ErrorDto } from '../http/error-responses.dto';
import { badRequestBody } from '../http/field-errors';
import { NoQueryParams } from '../http/query-params';
import { Clock } from '../infrastructure/clock';
import { childrenInScope, OUTSIDE_YOUR_TEAMS_HEADER } from '../projections/children-in-scope';
import { JourneyQueries } from '../projections/journey-queries';
import { asBadRequest } from './authority-errors';
import {
  childrenToCsv,
  dayWindow,
  seriesToCsv,
  type AuthorityConfig,
  type MeasuresRow,
} from '@care-journey/projections';
import { AUTHORITY_CONFIG, AuthorityMeasuresSource } from './authority.providers';
import { childrenFor, seesChildDetails } from './children-view';
import {
  AsAtQuery,
  ChildrenQuery,
  MeasureParam,
  SeriesQuery,
  WhatIfQuery,
  type Format,
} from './dto/measures.query';
import { firstDayOf, lastDayOf } from './dto/month-or-date';
import { endedMonths, notAfterToday } from '../web/measures/not-after-today';
import { whatIfProjection } from './what-if-projection';

const ALL = ['social_worker', 'panel_member', 'auditor', 'reporting_job', 'admin'] as const;
const CSV = 'text/csv; charset=utf-8';

/** Authority-wide measures for the commissioning board and members: wiring only, rules live in the library. */
@ApiTags('measures')
@Controller('measures')
export class MeasuresController {
  constructor(
    private readonly source: AuthorityMeasuresSource,
    private readonly clock: Clock,
    @Inject(AUTHORITY_CONFIG) private readonly config: AuthorityConfig,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
    private readonly queries: JourneyQueries,
  ) {}

  /** Today in England (Europe/London), as every other route: at 00:30 BST it is already the new day. */
  private today(): string {
    return dateOfInstant(this.clock.now());
  }

  /**
   * Figures up to a day after today are not known yet: 400 naming the field and the rule
   * notAfterToday, by the one check the other measures routes make (web/measures/not-after-today.ts).
   */
  private refuseNotEnded(field: string, lastDay: string): void {
    const refused = notAfterToday(field, lastDay, this.today());
    if (refused) throw new BadRequestException(badRequestBody([refused]));
  }

  @Get()
  @Roles(...ALL)
  @ApiOperation({
    summary:
      'The monthly series: looked after (and rate per 10,000), starts, ceases by route, placement mix, location and distance, reviews in time, plan by second review, 3+ placements, spend, targets',
    description:
      'One row per calendar month from `from` to `to` that has ended (a month ending after today, in England, is left out: GET /measures/as-at gives a month to date); stocks on the last day of the month, flows over the month. A `from` whose month has not ended (no month of the window has) is a 400, rule notAfterToday, naming `from`. format=csv gives one row a month, columns named after the JSON paths. Roles: all.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The series' })
  @ApiBadRequestResponse({ type: ErrorDto })
  async series(
    @Query() query: SeriesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    // No month of the window has ended: nothing to answer with, so refused by name (a year to come).
    this.refuseNotEnded('from', lastDayOf(query.from));
    const measures = await this.source.measures();
    const today = this.today();
    // A month not ended yet is left out: its figures would pass for the whole month's (not-after-today.ts).
    const rows = endedMonths(
      await asBadRequest(() => measures.monthlySeries(query.from, query.to, today)),
      today,
    );
    return this.respond(
      reply,
      query.format,
      { authority: this.authority(), from: query.from, to: query.to, rows },
      () => seriesToCsv(rows),
    );
  }

  @Get('as-at')
  @Roles(...ALL)
  @ApiOperation({
    summary: 'Every measure as at a day: stocks on the day, flows over its month up to the day',
    description:
      'A day after today (in England) has not come: 400, rule notAfterToday, naming `date`. Roles: all.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiBadRequestResponse({ type: ErrorDto })
  async asAt(@Query() query: AsAtQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    this.refuseNotEnded('date', query.date);
    const row: MeasuresRow = (await this.source.measures()).asAt(query.date, this.today());
    return this.respond(reply, query.format, { authority: this.authority(), row }, () => seriesToCsv([row]));
  }

  @Get('settings')
  @Roles(...ALL)
  @ApiOperation({
    summary:
      'The settings in use: boundary, child population, distance, unit-cost tables and targets (for charts)',
    description: 'Roles: all.',
  })
  settings(@Query() _query: NoQueryParams): AuthorityConfig {
    return this.config;
  }

  // Figures only (placements a group holds on the day, unit costs, savings): no child is named or
  // listed, so every role reads it, as the series' placement mix, and nothing goes into the trail.
  // Until session 10 it refused social workers, who read the same mix on GET /measures.
  @Get('what-if')
  @Roles(...ALL)
  @ApiOperation({
    summary:
      'The weekly and annual saving (or cost) of moving placements from one group to another, at the unit costs of the day',
    description:
      'Figures only (counts and costs of placement groups), no child named or listed, so nothing is recorded in the read-access trail. ' +
      'A `date` after today (in England) is answered as a projection, not refused: the placements held today priced at the unit costs in force on `date`; the JSON carries `projection` (`from`: today, `assumes`). Roles: all.',
  })
  @ApiBadRequestResponse({ type: ErrorDto })
  async whatIf(@Query() query: WhatIfQuery): Promise<unknown> {
    const measures = await this.source.measures();
    const priced = await asBadRequest(() =>
      measures.whatIf(query.date, [{ from: query.from, to: query.to, count: query.count }]),
    );
    // A day to come is a projection from today's placements, and says so (what-if-projection.ts).
    const projection = whatIfProjection(query.date, this.today());
    return projection ? { ...priced, projection } : priced;
  }

  @Get(':measure/children')
  @Roles(...ALL)
  @ApiOperation({
    summary: 'The children behind one measure over a window, with what put each child there',
    description:
      '`from` and `to` take a day (YYYY-MM-DD) or a month (YYYY-MM: from its first day, to its last day, as in GET /measures). A `to` after today (in England; a month: its last day) has not ended: 400, rule notAfterToday, naming `to`. social_worker, panel_member, auditor and admin see names and references; reporting_job gets child ids only. ' +
      'The figure is the authority\'s (every child); a social worker under socialWorkerScope "team" is listed only the children allocated today to their teams, and `childrenOutsideYourTeams` (CSV: the `children-outside-your-teams` header) says how many of the figure\'s children are left out (0 for every other reader).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiBadRequestResponse({ type: ErrorDto })
  async children(
    @Param() { measure }: MeasureParam,
    @Query() query: ChildrenQuery,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const { user } = origin;
    this.refuseNotEnded('to', lastDayOf(query.to));
    // A month is the whole month, as the series reads it: from its first day to its last.
    const window = await asBadRequest(() => dayWindow(firstDayOf(query.from), lastDayOf(query.to)));
    const measures = await this.source.measures();
    const today = this.today();
    const all = measures.behind(measure, { ...window, today });
    // The figure is the authority's; the children listed are the user's scope (a social worker: their teams').
    const { rows, childrenOutsideYourTeams } = childrenInScope(
      this.scope,
      user,
      all.children,
      (id) => this.queries.summary(id),
      today,
    );
    const behind = {
      ...childrenFor(user.role, { ...all, children: [...rows] }),
      childrenOutsideYourTeams,
    };
    // Names and references shown are a read of each child: in the read-access trail before the answer.
    if (seesChildDetails(user.role))
      await this.trail.recordList(
        user,
        {
          view: 'measures',
          route: request.routeOptions.url ?? '/measures/:measure/children',
          query: { measure, from: query.from, to: query.to, format: query.format },
          childIds: idsShown([behind.children]),
        },
        origin.correlationId,
      );
    if (query.format === 'csv')
      void reply.header(OUTSIDE_YOUR_TEAMS_HEADER, String(childrenOutsideYourTeams));
    return this.respond(reply, query.format, behind, () =>
      childrenToCsv(behind.children, seesChildDetails(user.role)),
    );
  }

  private authority(): { la: string; name: string } {
    return { la: this.config.la, name: this.config.name };
  }

  private respond(
    reply: FastifyReply,
    format: Format | undefined,
    json: unknown,
    csv: () => string,
  ): unknown {
    if (format !== 'csv') return json;
    void reply.header('content-type', CSV);
    return csv();
  }
}
