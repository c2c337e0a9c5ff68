import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AS_KNOWN_WORKER_NAMES,
  parseAsKnownPoint,
  withSocialWorkerName,
  type AsKnownPoint,
  type AuthorityDriftAsKnown,
} from '@care-journey/audit';
import type { DriftReportFilter } from '@care-journey/projections';
import { mayReadPersonalData } from '../auth/personal-data';
import { Roles } from '../auth/roles.decorator';
import { AUDIT_DRIFT_READERS } from './audit-drift-readers';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { ErrorDto } from '../http/error-responses.dto';
import { pageOf, type Paging } from '../projections/paging';
import { todayInEngland } from '../projections/today';
import { UserDirectory } from '../web/auth/user-directory';
import { AccessLogRecorder } from './access-log.recorder';
import { AuthorityDriftService } from './authority-drift.service';
import { AuthorityDriftQuery } from './dto/authority-drift.query';
import { DriftReadsAt, type DriftReadAt } from './drift-reads-at';

/** The route, as the trail names it. */
export const AUTHORITY_DRIFT_ROUTE = '/audit/drift-report';

/** The query's point: the DTO has checked both values, so this only applies the defaults. */
export function pointOf(query: AuthorityDriftQuery, today: string): AsKnownPoint {
  const parsed = parseAsKnownPoint(query, today);
  if ('errors' in parsed) throw new Error('unreachable: the DTO checks asAt and knownAt');
  return parsed.point;
}

export const filterOf = (query: AuthorityDriftQuery): DriftReportFilter => ({
  rules: query.rule,
  team: query.team,
  socialWorker: query.socialWorker,
  legalStatus: query.legalStatus,
  ageBand: query.ageBand,
  dueWithinDays: query.dueWithinDays,
});

/** The whole authority's drift report as it stood on a date, as known at an instant, replayed from the log. */
@ApiTags('audit')
@Controller('audit')
export class AuthorityDriftController {
  constructor(
    private readonly reports: AuthorityDriftService,
    private readonly trail: AccessLogRecorder,
    private readonly readsAt: DriftReadsAt,
    private readonly users: UserDirectory,
  ) {}

  @Get('drift-report')
  @Roles(...AUDIT_DRIFT_READERS)
  @ApiOperation({
    summary: "The authority's drift report as it stood on asAt, from only the events recorded by knownAt",
    description:
      "Every child's journey replayed from the event log, keeping the events recorded at or before knownAt (default: the end of asAt in England), " +
      'then judged on asAt with the live report’s rules and configured thresholds: as known now, it equals GET /drift-report?asAt. ' +
      '`judgedWith` names them (`rules: "this build"`, `ruleIds`, `thresholds`): they are this build’s and today’s, not those in force at knownAt. ' +
      'JSON, `children` paged (`page`, `pageSize`, totals in `paging`). Each page read is recorded in the read-access trail ' +
      '(view drift, the ids shown, never names). Roles: auditor, admin. ' +
      "Each child's `socialWorker` is the username allocated as known at knownAt, and `socialWorkerName` (as in GET /drift-report) that user's display name in the users file today " +
      '(null when it has none): names are not recorded in the event log, and `socialWorkerNameIs` says so. ' +
      "`liveReadsAtKnownAt`: the live drift report reads recorded at exactly knownAt (copy a trail entry's readAt), each with the `readModels` it was built from " +
      '(`position`, `head`, `behind`, `complete`): when a read was incomplete, the report shown then held only the events up to `position`, less than this replay.',
  })
  @ApiOkResponse({
    description: 'Counts by rule over every matching child, one page of children, and what was read',
  })
  @ApiBadRequestResponse({
    type: ErrorDto,
    description: 'A bad date, instant or filter: each field named with its rule',
  })
  async report(
    @Query() query: AuthorityDriftQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<
    AuthorityDriftAsKnown & { socialWorkerNameIs?: string; paging: Paging; liveReadsAtKnownAt: DriftReadAt[] }
  > {
    const point = pointOf(query, todayInEngland());
    const filter = filterOf(query);
    const report = await this.reports.report(point, filter);
    const paged = pageOf(report.children, query.page, query.pageSize);
    const { paging } = paged;
    // The allocated worker's display name, as the live report gives it (today's: the log has none).
    const names = mayReadPersonalData(origin.user.role);
    const items = names
      ? paged.items.map((row) => withSocialWorkerName(row, (username) => this.users.nameOf(username)))
      : paged.items;
    // A read of the children named on this page: in the trail before the answer.
    await this.trail.recordList(
      origin.user,
      {
        view: 'drift',
        route: AUTHORITY_DRIFT_ROUTE,
        query: {
          asAt: point.asAt,
          knownAt: point.knownAt,
          rule: query.rule,
          team: query.team,
          socialWorker: query.socialWorker,
          legalStatus: query.legalStatus,
          ageBand: query.ageBand,
          dueWithinDays: query.dueWithinDays,
          reason: query.reason,
          page: paging.page,
          pageSize: paging.pageSize,
        },
        childIds: items.map((row) => row.childId),
      },
      origin.correlationId,
    );
    // What the live report was built from at that instant, when knownAt is a read's instant.
    const liveReadsAtKnownAt = await this.readsAt.find(point.knownAt);
    return {
      ...report,
      children: items,
      ...(names && { socialWorkerNameIs: AS_KNOWN_WORKER_NAMES }),
      paging,
      liveReadsAtKnownAt,
    };
  }
}
