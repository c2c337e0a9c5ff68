import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessLogEntry } from '@care-journey/audit';
import { Roles } from '../auth/roles.decorator';
import { badRequestBody } from '../http/field-errors';
import { AccessLogService } from './access-log.service';
import { AccessLogQuery } from './dto/access-log.query';

/**
 * The read-access trail, for auditors. Read-only: entries are written only as a side effect of
 * reading a case history or a list of children by name (search, drift report).
 */
@ApiTags('audit')
@Controller('audit')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get('access-log')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      "Who read which child's case history, or a list naming children, when, which view and why; oldest first",
    description:
      'Filter by childId (its own reads and the searches and drift reports that named it; * for reads of many children) ' +
      'and by UTC day (from/to inclusive). Roles: auditor, admin.',
  })
  @ApiOkResponse({
    description:
      '{ entries: [{ eventId, readAt, readBy, role, childId, view, reason?, query?, childIds? }] }',
  })
  async list(@Query() { childId, from, to }: AccessLogQuery): Promise<{ entries: AccessLogEntry[] }> {
    if (from !== undefined && to !== undefined && from > to) {
      throw new BadRequestException(
        badRequestBody([
          { field: 'to', rule: 'notBeforeFrom', message: `to (${to}) must not be before from (${from})` },
        ]),
      );
    }
    return { entries: await this.accessLog.list({ childId, from, to }) };
  }
}
