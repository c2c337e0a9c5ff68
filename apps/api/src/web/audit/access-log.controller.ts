import { BadRequestException, Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_LOG_READERS } from '../../audit/access-log-readers';
import { AccessLogService, type PositionedAccessLogEntry } from '../../audit/access-log.service';
import { MAX_ACCESS_LOG_PAGE } from '../../audit/dto/access-log.query';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { csrfToken } from '../auth/csrf';
import { refusedQuery } from '../drift/drift-query';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { accessLogCsv } from './access-log-csv';
import { accessLogPage } from './access-log.page';
import { accessLogUrl, parseAccessLogPageQuery } from './access-log.query';

/** Entries per page of the trail page. */
export const ENTRIES_PER_PAGE = 100;
/** Entries one CSV file holds at most; a longer trail continues from its Link header's address. */
export const CSV_MAX_ENTRIES = 10_000;

/**
 * The auditor's pages of the read-access trail: one child's reads (linked from the child's page)
 * or the whole authority's, filtered by child, reader and days, paged by the log's position as
 * GET /audit/access-log is (same service, same roles), and as CSV. Reading the trail is not itself
 * a read of a child: it holds ids, never names, as the API's answer does.
 */
@ApiExcludeController()
@Controller('panel/audit')
@UseFilters(WebExceptionFilter)
@Roles(...ACCESS_LOG_READERS)
export class AccessLogPageController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get('access-log')
  async page(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = await parseAccessLogPageQuery(raw);
    const model = {
      user: origin.user,
      csrfToken: csrfToken(request, reply),
      query,
      csvMaxEntries: CSV_MAX_ENTRIES,
    };
    if (query.errors.length > 0) return sendPage(reply, accessLogPage(model), 400);
    const trail = await this.accessLog.page(query.filter, {
      after: query.after === undefined ? undefined : BigInt(query.after),
      limit: ENTRIES_PER_PAGE,
    });
    return sendPage(reply, accessLogPage({ ...model, trail }));
  }

  @Get('access-log.csv')
  async csv(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = await parseAccessLogPageQuery(raw);
    if (query.errors.length > 0) throw new BadRequestException(refusedQuery(query.errors));
    const entries: PositionedAccessLogEntry[] = [];
    let after = query.after;
    // The service's own pages, each bounded, until the trail ends or the file is full.
    do {
      const part = await this.accessLog.page(query.filter, {
        after: after === undefined ? undefined : BigInt(after),
        limit: Math.min(MAX_ACCESS_LOG_PAGE, CSV_MAX_ENTRIES - entries.length),
      });
      entries.push(...part.entries);
      after = part.next;
    } while (after !== undefined && entries.length < CSV_MAX_ENTRIES);
    const { from, to } = query.filter;
    const name = [
      'access-log',
      from ?? 'start',
      to ?? 'now',
      ...(query.after ? [`after-${query.after}`] : []),
    ];
    if (after !== undefined)
      void reply.header(
        'link',
        `<${accessLogUrl(query.filter, after, '/panel/audit/access-log.csv')}>; rel="next"`,
      );
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name.join('-')}.csv"`)
      .header('cache-control', 'no-store');
    return accessLogCsv(entries);
  }
}
