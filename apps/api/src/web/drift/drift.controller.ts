import { BadRequestException, Controller, Get, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import {
  driftReport,
  workingCalendar,
  type DriftReport,
  type ProjectionEngine,
} from '@care-journey/projections';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { mayReadPersonalData } from '../../auth/personal-data';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { PROJECTION_ENGINE } from '../../projections/projection-engine.provider';
import { csrfToken } from '../auth/csrf';
import { UserDirectory } from '../auth/user-directory';
import { RecentCache } from '../reading/recent-cache';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { driftCsv } from './drift-csv';
import { DRIFT_REPORT_READERS } from './drift-report-readers';
import { driftPage } from './drift.page';
import { parseDriftQuery, refusedQuery, type DriftQuery } from './drift-query';
import { driftView, type DriftView } from './drift-view';
import { asRecordedName } from './as-recorded';
import { csvName } from './projection';
import { ListVersions } from './list-versions';
import { incompleteMarker, readModelsServed, type ReadModelsServed } from './read-models-served';
import { ruleMeanings, rulesNotChecked } from './rule-meanings';

/** The panel's agenda: open flags as at a date, grouped by child (the API's /drift-report admits the same roles). */
@ApiExcludeController()
@Controller('panel')
@UseFilters(WebExceptionFilter)
@Roles(...DRIFT_REPORT_READERS)
export class DriftController {
  /** Reports by list of children, scope, date and filter: re-sorting or paging does not re-evaluate. */
  private readonly reports = new RecentCache<DriftReport>(16);
  private readonly lists = new ListVersions();

  constructor(
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly users: UserDirectory,
  ) {}

  /** A social worker's name from the users file (review s15-iro F6); undefined for one it no longer has. */
  private readonly workerName = (username: string): string | undefined => this.users.nameOf(username);

  @Get('drift')
  async report(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { user } = origin;
    const { query, view, served } = await this.build(raw, user);
    await this.recordShown(origin, '/panel/drift', query, view.rows, { page: view.page }, served);
    return sendPage(
      reply,
      driftPage({
        user,
        csrfToken: csrfToken(request, reply),
        query,
        view,
        served,
        showNames: mayReadPersonalData(user.role),
        ruleMeanings: ruleMeanings(this.queries.drift),
        notChecked: rulesNotChecked(this.queries.drift),
        workerName: this.workerName,
        calendar: workingCalendar(this.queries.drift.extraBankHolidays),
      }),
    );
  }

  @Get('drift.csv')
  async csv(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { user } = origin;
    const { query, view, served } = await this.build({ ...raw, all: '1' }, user);
    if (query.errors.length > 0) throw new BadRequestException(refusedQuery(query.errors));
    await this.recordShown(origin, '/panel/drift.csv', query, view.matching, {}, served);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${asRecordedName(csvName('drift-report', query.asAt, query.today), query.asAt, query.today)}${incompleteMarker(served)}.csv"`,
      )
      .header('cache-control', 'no-store');
    return driftCsv(
      view.matching,
      query.asAt,
      mayReadPersonalData(user.role),
      (id) => this.queries.summary(id),
      this.workerName,
    );
  }

  /** Rows with names are a read of those children: recorded in the read-access trail before the page is sent. */
  private recordShown(
    { user, correlationId }: CommandOrigin,
    route: string,
    query: DriftQuery,
    rows: readonly { childId: string }[],
    shape: Record<string, number>,
    served: ReadModelsServed,
  ): Promise<void> {
    if (!mayReadPersonalData(user.role)) return Promise.resolve();
    return this.trail.recordList(
      user,
      {
        view: 'drift',
        route,
        query: { ...query.raw, asAt: query.asAt, ...shape },
        childIds: rows.map((row) => row.childId),
        readModels: served,
      },
      correlationId,
    );
  }

  private async build(
    raw: Record<string, unknown>,
    user: AuthenticatedUser,
  ): Promise<{ query: DriftQuery; view: DriftView; served: ReadModelsServed }> {
    const today = dateOfInstant(this.clock.now());
    const query = parseDriftQuery(raw, today);
    // How far the read models have got, read just before the summaries (read-models-served.ts).
    const served = await readModelsServed(this.engine);
    // As GET /drift-report reads them: only a child looked after on asAt can be in the report, and the
    // engine keeps those per date, so the closed cases are not read (#9, review s18-diff 6). The report
    // is cached per list, scope and today (a social worker scoped to their teams: only children
    // allocated to them today, so a dated re-allocation takes effect at midnight); the list is a new one
    // whenever one of its children changed.
    const lookedAfter = this.engine.summariesLookedAfterOn(query.asAt);
    const summaries = this.scope.summaries(user, lookedAfter, today);
    const key = `${this.lists.of(lookedAfter)}|${this.scope.cacheKey(user)}|${today}|${query.asAt}|${JSON.stringify(query.filter)}`;
    const full = this.reports.getOrCompute(key, () =>
      driftReport(summaries, query.asAt, this.queries.drift, query.filter),
    );
    // Names never leave the server for roles that may not see them (copies: the cached report keeps them).
    const report = mayReadPersonalData(user.role)
      ? full
      : { ...full, children: full.children.map((row) => ({ ...row, name: '' })) };
    return { query, view: driftView(report, summaries, query), served };
  }
}
