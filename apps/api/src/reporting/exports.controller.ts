import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@care-journey/event-store';
import { dateInEngland } from '@care-journey/journey';
import {
  childIdsInReturn,
  findTable,
  inProgressWarning,
  notBegunMessage,
  return903ListRead,
  return903WithChildren,
  returnCsv,
  returnYearStatus,
  splitSelfCheck,
  TABLE_NAMES,
  tableCsv,
  validateReturn,
} from '@care-journey/reporting';
import { AccessLogRecorder } from '../audit/access-log.recorder';
import { Roles } from '../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { badRequestBody } from '../http/field-errors';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { refuseCheckpointAheadOfLog } from './checkpoint-ahead';
import { Export903Query } from './dto/export-903.query';

@ApiTags('reporting')
@Controller('exports')
export class ExportsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
  ) {}

  @Get('903')
  @Roles('reporting_job', 'admin')
  @ApiOperation({
    summary:
      'The SSDA903 return for a year: every table as CSV text in JSON, or one table as a CSV file (?table=episodes)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      '{ yearEnding, logPosition, warning?, selfCheck: { failures: [{ rule, table, child, field, message }], warnings: […] }, ' +
      'tables: { Header: "CHILD,SEX,…\\n…", … } }, or text/csv for one table (X-Care-Journey-Self-Check-Failures and ' +
      "-Warnings: the whole return's counts; a return with failures must not be submitted unseen). " +
      'X-Log-Position (and logPosition): the global position the return was built up to; pass it as atPosition to ' +
      'fetch the other tables of the same return. A year still running carries a warning (JSON `warning`, CSV header ' +
      'X-Care-Journey-Warning); a year not yet begun is a 400',
  })
  async return903(
    @Query() query: Export903Query,
    @Origin() origin: CommandOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const table = query.table === undefined ? undefined : findTable(query.table);
    if (query.table !== undefined && table === undefined) {
      throw new BadRequestException(
        badRequestBody([
          { field: 'table', rule: 'isTable', message: `table must be one of ${TABLE_NAMES.join(', ')}` },
        ]),
      );
    }
    const today = dateInEngland(this.clock.now());
    const status = returnYearStatus(query.yearEnding, today);
    if (status === 'not-begun')
      throw new BadRequestException(
        badRequestBody([
          { field: 'yearEnding', rule: 'yearHasBegun', message: notBegunMessage(query.yearEnding, today) },
        ]),
      );
    const warning = status === 'in-progress' ? inProgressWarning(query.yearEnding, today) : undefined;
    // One log position for the whole return (review s14 F5): the tables of one position agree.
    await refuseCheckpointAheadOfLog(this.store, query.atPosition, 'atPosition');
    const upTo =
      query.atPosition !== undefined ? BigInt(query.atPosition) : ((await this.store.headPosition()) ?? 0n);
    reply.header('x-log-position', upTo.toString());
    // The 903 carries children's dates of birth, UPNs and postcodes by law: this return goes to the
    // DfE as is, to reporting jobs too, so it is a read of every child in it, in the trail first.
    const read = await return903WithChildren(this.store, { yearEnding: query.yearEnding, upTo });
    const { tables } = read;
    await this.trail.recordList(
      origin.user,
      return903ListRead(
        '/exports/903',
        { yearEnding: query.yearEnding, table: query.table },
        childIdsInReturn(read, table === undefined ? undefined : [table]),
      ),
      origin.correlationId,
    );
    // The CLI's self-check, for a job on the API too (review s14 F6): the same rules, the same
    // warnings for a running year's end (F7).
    const selfCheck = splitSelfCheck(
      validateReturn(tables, {
        yearEnding: query.yearEnding,
        ...(status === 'in-progress' && { runningOn: today }),
      }),
    );
    if (table === undefined)
      return {
        yearEnding: query.yearEnding,
        logPosition: upTo.toString(),
        ...(warning && { warning }),
        selfCheck,
        tables: returnCsv(tables),
      };
    if (warning) reply.header('x-care-journey-warning', warning);
    reply
      .header('x-care-journey-self-check-failures', String(selfCheck.failures.length))
      .header('x-care-journey-self-check-warnings', String(selfCheck.warnings.length));
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${query.yearEnding}-${table}.csv"`);
    return tableCsv(tables, table);
  }
}
