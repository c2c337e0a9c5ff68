import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateInEngland } from '@care-journey/journey';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { AuthorityDriftService } from '../../audit/authority-drift.service';
import { DriftReadsAt } from '../../audit/drift-reads-at';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { csrfToken } from '../auth/csrf';
import { UserDirectory } from '../auth/user-directory';
import { pageOfList } from '../html/pagination';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { AUDIT_DRIFT_READERS } from '../../audit/audit-drift-readers';
import { asKnownDriftPage } from './as-known-drift.page';
import { parseAsKnownDriftQuery } from './as-known-drift.query';

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
    const workerName = (username: string) => this.users.nameOf(username);
    return sendPage(reply, asKnownDriftPage({ ...model, report, rows, readsAt, workerName }));
  }
}
