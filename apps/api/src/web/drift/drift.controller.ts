import { BadRequestException, Controller, Get, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import { workingCalendar, type ProjectionEngine } from '@care-journey/projections';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { mayReadPersonalData } from '../../auth/personal-data';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { PROJECTION_ENGINE } from '../../projections/projection-engine.provider';
import { ScopedDriftReports } from '../../projections/scoped-drift-reports';
import { csrfToken } from '../auth/csrf';
import { UserDirectory } from '../auth/user-directory';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { driftCsv } from './drift-csv';
import { DRIFT_REPORT_READERS } from './drift-report-readers';
import { driftPage } from './drift.page';
import { parseDriftQuery, refusedQuery, type DriftQuery } from './drift-query';
import { driftView, type DriftView } from './drift-view';
import { asRecordedName } from './as-recorded';
import { csvName } from './projection';
import { incompleteMarker, readModelsServed, type ReadModelsServed } from './read-models-served';
import { ruleMeanings, rulesNotChecked } from './rule-meanings';

/** The panel's agenda: open flags as at a date, grouped by child (the API's /drift-report admits the same roles). */
@ApiExcludeController()
@Controller('panel')
@UseFilters(WebExceptionFilter)
@Roles(...DRIFT_REPORT_READERS)
export class DriftController {
  constructor(
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly users: UserDirectory,
    /** Reports by list of children, scope, date and filter (GET /drift-report's): re-sorting or paging does not re-evaluate. */
    private readonly reports: ScopedDriftReports,
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
    // GET /drift-report's report, kept per list, scope and today (scoped-drift-reports.ts): only a
    // child looked after on asAt, in the reader's scope by their allocation today. Its rows are shared
    // and frozen: the view sorts, filters and pages copies, never the rows.
    const { report: full, summaries } = this.reports.withSummaries(user, query.asAt, today, query.filter);
    // Names never leave the server for roles that may not see them (copies: the kept report keeps them).
    const report = mayReadPersonalData(user.role)
      ? full
      : { ...full, children: full.children.map((row) => ({ ...row, name: '' })) };
    return { query, view: driftView(report, summaries, query), served };
  }
}
