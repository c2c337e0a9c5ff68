import { BadRequestException, Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { ProjectionEngine, ReadModelConfig } from '@care-journey/projections';
import { READ_MODEL_COLUMNS, readModelRows } from '@care-journey/reporting';
import { AccessLogRecorder } from '../audit/access-log.recorder';
import { mayReadPersonalData } from '../auth/personal-data';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_ENGINE, READ_MODEL_CONFIG } from '../projections/projection-engine.provider';
import { todayInEngland } from '../projections/today';
import { GUARDED_CAST } from '../projections/csv/to-csv';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { badRequestBody } from '../http/field-errors';
import { AS_AT_READ_MODELS, ReadModelExportQuery, ReadModelParam } from './dto/read-model-export.query';

@ApiTags('reporting')
@Controller('exports/read-models')
export class ReadModelExportsController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
    private readonly trail: AccessLogRecorder,
  ) {}

  @Get(':name')
  @Roles('reporting_job', 'auditor', 'admin')
  @ApiOperation({
    summary: 'A whole read model (child-summaries, open-flags) as CSV or NDJSON; no names for reporting jobs',
    description:
      "X-Log-Position: the read models' checkpoint read before the rows (they hold at least the events up to it); " +
      'follow /feed with after=<it> to keep the snapshot up to date',
  })
  @ApiProduces('application/x-ndjson', 'text/csv')
  async exportReadModel(
    @Param() { name }: ReadModelParam,
    @Query() query: ReadModelExportQuery,
    @Origin() origin: CommandOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { user } = origin;
    // The summaries are today's state, not replayed: an asAt would be silently ignored, so it is refused.
    if (query.asAt !== undefined && !AS_AT_READ_MODELS.includes(name)) {
      throw new BadRequestException(
        badRequestBody([
          {
            field: 'asAt',
            rule: 'whitelistValidation',
            message: `asAt is not a query parameter of ${name}; it takes format (asAt is for ${AS_AT_READ_MODELS.join(', ')}: ${name} is the current state; a child's past view is /children/:id/history?asAt=)`,
          },
        ]),
      );
    }
    // Read before the rows (review s14 F5): they hold at least the events up to it, so a job can
    // follow /feed from this position (a line for a fact already held only sets it again).
    const position = this.engine.readModels.checkpoint()?.toString() ?? '0';
    reply.header('x-log-position', position);
    const rows = [
      ...readModelRows(name, this.engine.summaries(), {
        personal: mayReadPersonalData(user.role),
        asAt: query.asAt ?? todayInEngland(),
        drift: this.config.drift,
      }),
    ];
    // Every child by name and date of birth is a read of each of them: one trail entry before the
    // answer. Open flags carry no names, nor do a reporting job's rows, so those are not recorded.
    if (name === 'child-summaries' && mayReadPersonalData(user.role))
      await this.trail.recordList(
        user,
        {
          view: 'export',
          route: `/exports/read-models/${name}`,
          query: { format: query.format },
          childIds: rows.map((row) => String(row.childId)),
        },
        origin.correlationId,
      );
    if (query.format === 'csv') {
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`);
      return (
        stringify(rows, {
          header: true,
          columns: [...READ_MODEL_COLUMNS[name]],
          record_delimiter: '\n',
          // Recorded text (team, social worker, references) must never run as a formula.
          cast: GUARDED_CAST,
        }) || `${READ_MODEL_COLUMNS[name].join(',')}\n`
      );
    }
    reply.header('content-type', 'application/x-ndjson; charset=utf-8');
    return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  }
}
