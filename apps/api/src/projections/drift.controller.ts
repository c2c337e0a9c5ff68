import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  evaluateDrift,
  flagHistory,
  type DriftReport,
  type ProjectionEngine,
  type ReadModelConfig,
} from '@care-journey/projections';
import { childFlagsPoint, withSocialWorkerName } from '@care-journey/audit';
import { AccessLogRecorder } from '../audit/access-log.recorder';
import { ChildFlagsAsKnownService } from '../audit/child-flags-as-known.service';
import { mayReadPersonalData } from '../auth/personal-data';
import { ChildScope } from '../auth/child-scope/child-scope';
import { ChildScoped } from '../auth/child-scope/child-scoped.decorator';
import { Roles } from '../auth/roles.decorator';
import { ChildIdParam } from '../children/dto/child-id.param';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { badRequestBody } from '../http/field-errors';
import { driftCsv } from '../web/drift/drift-csv';
import { shownUntilRecorded } from '@care-journey/audit';
import { DRIFT_REPORT_READERS } from '../web/drift/drift-report-readers';
import { UserDirectory } from '../web/auth/user-directory';
import { asRecordedName, driftAsRecorded, type DriftAsRecorded } from '../web/drift/as-recorded';
import { csvName, driftProjection, type DriftProjection } from '../web/drift/projection';
import { incompleteMarker, readModelsServed, type ReadModelsServed } from '../web/drift/read-models-served';
import { csvReply, wantsCsv } from './csv/csv-response';
import { childFlagsCsv } from './csv/measures-csv';
import { ChildFlagsQuery, DriftReportQuery } from './dto/drift-report.query';
import { pageOf, type Paging } from './paging';
import { PROJECTION_ENGINE, READ_MODEL_CONFIG } from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';
import { ScopedDriftReports } from './scoped-drift-reports';
import { forRole } from './redact-names';
import { todayInEngland } from './today';

/** dueWithin is the name, dueWithinDays the first one shipped: both work, not both at once. */
function dueWithinOf(query: DriftReportQuery): number | undefined {
  if (
    query.dueWithin !== undefined &&
    query.dueWithinDays !== undefined &&
    query.dueWithin !== query.dueWithinDays
  ) {
    throw new BadRequestException(
      badRequestBody([
        {
          field: 'dueWithin',
          rule: 'notWithDueWithinDays',
          message: 'give dueWithin or dueWithinDays, not both',
        },
      ]),
    );
  }
  return query.dueWithin ?? query.dueWithinDays;
}

@ApiTags('drift')
@Controller()
export class DriftController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
    private readonly readYourWrites: ReadYourWrites,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
    private readonly asKnown: ChildFlagsAsKnownService,
    private readonly users: UserDirectory,
    /** Reports kept per list of children, scope, today, date and filter, shared with the panel's page. */
    private readonly reports: ScopedDriftReports,
  ) {}

  // /drift is the name; /drift-report stays for the clients already using it.
  @Get(['drift', 'drift-report'])
  @Roles(...DRIFT_REPORT_READERS)
  @ApiOperation({
    summary: 'Open drift flags and due-soon warnings as at a date (no names for reporting jobs)',
    description:
      "Every role, as on the panel's drift page (web/drift/drift-report-readers.ts). " +
      'JSON: counts over every matching child, `children` paged (`page`, `pageSize`, totals in `paging`). ' +
      '`Accept: text/csv`: one line per flag or warning for every matching child (not paged). ' +
      'A report with names (every role but reporting_job) is recorded in the read-access trail (view drift, the ids shown). ' +
      'A social worker under socialWorkerScope "team" (the default) gets only children allocated today to one of their teams, counts included. ' +
      'An `asAt` after today (in England) is a projection, the flags open then if nothing else is recorded: the JSON carries `projection` (`from`: today, `assumes`) and the CSV file name says `projection`. ' +
      "Each child carries `socialWorkerName`, the allocated social worker's name in the users file (null when it has none), for roles that see names; the CSV has it as its last column, `social_worker_name`. " +
      'An `asAt` before today is the record as it stands now evaluated as at that date, entries recorded since included: the JSON carries `asRecorded` (`recordedUpTo`: today) and the CSV file name ends `-as-recorded-<today>`; the report as known then is `GET /audit/drift-report?knownAt=` (auditor, admin). ' +
      'The report is read from the read models: `readModels` says how far they had got (`position`, `head`, `behind`, `complete`). ' +
      'While they are behind the log (start-up catch-up, a rebuild, a realign) it waits briefly for them, then answers with what they hold, `complete: false` and `-incomplete` in the CSV file name; the trail entry keeps the same `readModels`. Pass `minPosition` to wait (bounded, else 503) for a position instead.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The report: counts by rule, and one row per child with flags or warnings' })
  @ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
  async report(
    @Query() query: DriftReportQuery,
    @Origin() origin: CommandOrigin,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<
    | (DriftReport & {
        paging: Paging;
        projection?: DriftProjection;
        asRecorded?: DriftAsRecorded;
        readModels: ReadModelsServed;
      })
    | string
  > {
    const { user } = origin;
    const dueWithinDays = dueWithinOf(query);
    await this.readYourWrites.waitFor(query.minPosition);
    // How far the read models have got, read just before the summaries (web/drift/read-models-served.ts).
    const readModels = await readModelsServed(this.engine);
    const today = todayInEngland();
    const asAt = query.asAt ?? today;
    // Only a child looked after on asAt can be in the report: the engine keeps those per date, so the
    // closed cases are not read (#9). Then a social worker scoped to their teams: only children
    // allocated to them today (counts included). The same report asked again is not worked out again
    // until one of those children changes (scoped-drift-reports.ts).
    const report = this.reports.report(user, asAt, today, {
      rules: query.rule,
      team: query.team,
      socialWorker: query.socialWorker,
      legalStatus: query.legalStatus,
      ageBand: query.ageBand,
      dueWithinDays,
    });
    const names = mayReadPersonalData(user.role);
    // Rows with names are a read of those children: in the read-access trail before the answer.
    const recordShown = (rows: readonly { childId: string }[], shape: Record<string, string | number>) =>
      names
        ? this.trail.recordList(
            user,
            {
              view: 'drift',
              route: request.routeOptions.url ?? '/drift-report',
              query: {
                asAt: report.asAt,
                rule: query.rule,
                team: query.team,
                socialWorker: query.socialWorker,
                legalStatus: query.legalStatus,
                ageBand: query.ageBand,
                dueWithinDays,
                ...shape,
              },
              childIds: rows.map((row) => row.childId),
              readModels,
            },
            origin.correlationId,
          )
        : Promise.resolve();
    if (wantsCsv(accept)) {
      await recordShown(report.children, { format: 'csv' });
      const body = driftCsv(
        report.children,
        report.asAt,
        names,
        (id) => this.engine.summary(id),
        (username) => this.users.nameOf(username),
      );
      const name = asRecordedName(csvName('drift', report.asAt, today), report.asAt, today);
      return csvReply(reply, `${name}${incompleteMarker(readModels)}`, body);
    }
    const paged = pageOf(report.children, query.page, query.pageSize);
    const { paging } = paged;
    // The social worker's display name from the users file, for roles that see names (review s15-iro F6).
    const items = names
      ? paged.items.map((row) => withSocialWorkerName(row, (username) => this.users.nameOf(username)))
      : paged.items;
    await recordShown(items, { page: paging.page, pageSize: paging.pageSize });
    // A date after today is answered as a projection, and says so (web/drift/projection.ts).
    const projection = driftProjection(report.asAt, today);
    // A date before today counts entries recorded since, and says so (web/drift/as-recorded.ts).
    const asRecorded = driftAsRecorded(report.asAt, today);
    return forRole(
      {
        ...report,
        ...(projection ? { projection } : {}),
        ...(asRecorded ? { asRecorded } : {}),
        readModels,
        children: items,
        paging,
      },
      user.role,
    );
  }

  @Get('children/:id/flags')
  @Roles('social_worker', 'panel_member', 'auditor', 'admin')
  @ChildScoped()
  @ApiOperation({
    summary: "A child's open flags, due-soon warnings and flag history (opened/closed) as at a date",
    description:
      '`Accept: text/csv`: one line per flag, warning and history entry. ' +
      "An `asAt` after today (in England) is a projection, as on the drift report: the JSON carries `projection` (`from`: today, `assumes`) and the CSV file name says `projection` (`flags-<ref>-projection-<date>.csv`); a flag's `daysOverdue` is counted to `asAt`. " +
      '`knownAt` (an instant with a zone, or a date: the end of that day in England): the flags as the entries recorded by then give them, replayed from the log as the drift report as known at does (`asAt` defaults to the day of knownAt in England); the JSON adds `knownAt`, `eventsKnown` and `judgedWith` (this build’s rules and today’s thresholds, not those in force at knownAt), the CSV file name `-known-<instant>`. ' +
      'Every role of this route may give knownAt, as on the case-history replay (GET /children/:id/history). ' +
      'The JSON adds `shownUntilRecorded` (with knownAt too, from the entries recorded by then): steps taken in time but recorded after their due date, so never a breach, whose flag every report showed overdue from `shownFrom` to `recordedOn` (docs/drift-rules.md); the CSV gives each as a `shown_until_recorded` line (opened_on the first day shown, closed_on the day the step was taken, recorded_on then corrected_on last). A step first recorded with a late date and corrected into time carries `correctedIntoTime` (`eventId`, `recordedOn`, `firstDate`, and `breachOnly: true` when the flag was never shown open, its basis recorded after the step): the flag history showed a breach until then. ' +
      'Every read is recorded in the read-access trail (view flags, with asAt, knownAt and format). Roles: social_worker, panel_member, auditor, admin.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
  async flags(
    @Param() { id }: ChildIdParam,
    @Query() query: ChildFlagsQuery,
    @Headers('accept') accept: string | undefined,
    @Origin() origin: CommandOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.readYourWrites.waitFor(query.minPosition);
    const today = todayInEngland();
    // knownAt (panel review F7): the flags from the entries recorded by then, replayed from the log.
    const view =
      query.knownAt === undefined
        ? await this.flagsNow(id, query.asAt ?? today)
        : await this.asKnown.flags(id, childFlagsPoint(query.knownAt, query.asAt), this.config.drift);
    const { asAt } = view;
    const csv = wantsCsv(accept);
    // The child's reference with their breach history: a read of the child, in the read-access
    // trail before it is sent, as the child's page and GET /children/:id are (every role here).
    await this.trail.record(
      origin.user,
      {
        childId: id,
        view: 'flags',
        query: {
          route: '/children/:id/flags',
          asAt,
          ...(query.knownAt !== undefined && { knownAt: query.knownAt }),
          format: csv ? 'csv' : 'json',
        },
      },
      origin.correlationId,
    );
    if (csv) return csvReply(reply, csvName(flagsCsvPrefix(view), asAt, today), childFlagsCsv(view));
    // A date after today is a projection, marked as the drift report marks it (web/drift/projection.ts).
    const projection = driftProjection(asAt, today);
    return projection ? { ...view, projection } : view;
  }

  /**
   * The flags from the read model: everything recorded, judged on asAt; and the steps held in time but
   * recorded late (review s16-ofsted F2), which need when each entry was recorded: the child's stream.
   */
  private async flagsNow(id: string, asAt: string) {
    const summary = this.engine.summary(id);
    if (!summary) {
      throw new NotFoundException(
        `No journey summary for child ${id}: unknown child, or not projected yet (pass minPosition)`,
      );
    }
    const { flags, dueSoon } = evaluateDrift(summary, asAt, this.config.drift);
    const byId = new Map((await this.asKnown.entries(id)).map((e) => [e.id, e]));
    return {
      childId: id,
      childRef: summary.childRef,
      asAt,
      flags,
      dueSoon,
      history: flagHistory(summary, asAt, this.config.drift),
      shownUntilRecorded: shownUntilRecorded(summary, asAt, this.config.drift, byId),
    };
  }
}

/** A file of flags as known at an instant says so: `flags-<ref>-known-<instant>-<asAt>.csv`. */
const flagsCsvPrefix = (view: { childRef: string; knownAt?: string }): string =>
  view.knownAt === undefined
    ? `flags-${view.childRef}`
    : `flags-${view.childRef}-known-${view.knownAt.replace(/[-:.]/g, '')}`;
