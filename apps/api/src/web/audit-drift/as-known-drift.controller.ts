import { BadRequestException, Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateInEngland } from '@care-journey/journey';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { AuthorityDriftService } from '../../audit/authority-drift.service';
import { DriftReadsAt } from '../../audit/drift-reads-at';
import { mayReadPersonalData } from '../../auth/personal-data';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { csrfToken } from '../auth/csrf';
import { UserDirectory } from '../auth/user-directory';
import { pageOfList } from '../html/pagination';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { AUDIT_DRIFT_READERS } from '../../audit/audit-drift-readers';
import { driftCsv } from '../drift/drift-csv';
import { refusedQuery } from '../drift/drift-query';
import { rulesNotChecked } from '../drift/rule-meanings';
import { asKnownDriftPage } from './as-known-drift.page';
import { AS_KNOWN_DRIFT_CSV, asKnownCsvName, parseAsKnownDriftQuery } from './as-known-drift.query';

/** Children per page. */
export const ROWS_PER_PAGE = 100;

/** The auditor's page: the authority's drift report as at a date, as known at an instant. */
@ApiExcludeController()
@Controller('panel/audit')
@UseFilters(WebExceptionFilter)
@Roles(...AUDIT_DRIFT_READERS)
export class AsKnownDriftController {
  constructor(
    private readonly reports: AuthorityDriftService,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly readsAt: DriftReadsAt,
    private readonly users: UserDirectory,
  ) {}

  @Get('drift')
  async report(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = parseAsKnownDriftQuery(raw, dateInEngland(this.clock.now()));
    const model = { user: origin.user, csrfToken: csrfToken(request, reply), query };
    if (query.errors.length > 0) return sendPage(reply, asKnownDriftPage(model), 400);
    const report = await this.reports.report(query.point, { rules: query.rule && [query.rule] });
    const rows = pageOfList(report.children, query.page, ROWS_PER_PAGE);
    // The page names these children: in the read-access trail (ids, never names) before it is sent.
    await this.trail.recordList(
      origin.user,
      {
        view: 'drift',
        route: '/panel/audit/drift',
        query: { ...query.point, rule: query.rule, reason: query.reason, page: rows.page },
        childIds: rows.items.map((row) => row.childId),
      },
      origin.correlationId,
    );
    // When knownAt is a live read's instant (copied from the trail): what that report was built from.
    const readsAt = await this.readsAt.find(query.point.knownAt);
    // Today's display names beside the usernames allocated then (the log records no names).
    return sendPage(
      reply,
      asKnownDriftPage({
        ...model,
        report,
        rows,
        readsAt,
        notChecked: rulesNotChecked(this.reports.drift),
        workerName: this.workerName,
      }),
    );
  }

  /**
   * Every matching child as CSV, with the live drift CSV's columns (social_worker_name, then days_open, last: today's
   * display name for the worker allocated as known then). The evidence column gives event ids: the
   * replay keeps no summaries to word them from. A bad query is a 400 and no file.
   */
  @Get('drift.csv')
  async csv(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = parseAsKnownDriftQuery(raw, dateInEngland(this.clock.now()));
    if (query.errors.length > 0) throw new BadRequestException(refusedQuery(query.errors));
    const report = await this.reports.report(query.point, { rules: query.rule && [query.rule] });
    // The file names every matching child: in the read-access trail (ids, never names) before it is sent.
    await this.trail.recordList(
      origin.user,
      {
        view: 'drift',
        route: AS_KNOWN_DRIFT_CSV,
        query: { ...query.point, rule: query.rule, reason: query.reason, format: 'csv' },
        childIds: report.children.map((row) => row.childId),
      },
      origin.correlationId,
    );
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${asKnownCsvName(query)}"`)
      .header('cache-control', 'no-store');
    const names = mayReadPersonalData(origin.user.role);
    return driftCsv(report.children, query.point.asAt, names, undefined, this.workerName);
  }

  private readonly workerName = (username: string): string | undefined => this.users.nameOf(username);
}
