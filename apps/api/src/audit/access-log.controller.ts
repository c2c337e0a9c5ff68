import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ACCESS_LOG_READERS } from './access-log-readers';
import { AccessLogService, type AccessLogPage } from './access-log.service';
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
  @Roles(...ACCESS_LOG_READERS)
  @ApiOperation({
    summary:
      "Who read which child's case history, or a list naming children, when, which view and why; oldest first, a page at a time",
    description:
      'Filter by childId (its own reads and the searches and drift reports that named it; * for reads of many children), ' +
      'and by reader (readBy: a user id, exactly), and by UTC day (from/to inclusive). Paged by the log: `limit` entries (default 100, at most 1000) after the ' +
      "cursor `after`; pass the answer's `next` as `after` for the next page, until an answer has no `next`. A page " +
      'may hold fewer entries (even none) and still have a `next`: at most 10,000 trail entries are examined and ' +
      '20,000 child ids returned per request. Each entry has its `position` in the log. Roles: auditor, admin.',
  })
  @ApiOkResponse({
    description:
      '{ entries: [{ position, eventId, readAt, readBy, role, childId, view, reason?, query?, childIds? }], next? }',
  })
  async list(@Query() { childId, readBy, from, to, after, limit }: AccessLogQuery): Promise<AccessLogPage> {
    return this.accessLog.page(
      { childId, readBy, from, to },
      { after: after === undefined ? undefined : BigInt(after), limit },
    );
  }
}
