import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { AuthorityMeasuresSource } from '../../authority/authority.providers';
import { csrfToken } from '../auth/csrf';
import { PAGE_READERS } from '../auth/web-user';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { RecentCache } from '../reading/recent-cache';
import { authoritySeries } from './authority-series';
import { measuresData, parseMeasuresQuery, type MeasuresData } from './measures-data';
import { measuresPage } from './measures.page';

/**
 * ST1–ST3 over time, time to permanence by route, the adoption scorecard, and the authority's
 * monthly series against its targets: charts with their tables.
 */
@ApiExcludeController()
@Controller('panel')
@UseFilters(WebExceptionFilter)
@Roles(...PAGE_READERS)
export class MeasuresController {
  /** Figures by read-model version and years: re-visiting the page does not re-measure. */
  private readonly figures = new RecentCache<MeasuresData>(8);

  constructor(
    private readonly queries: JourneyQueries,
    private readonly authority: AuthorityMeasuresSource,
    private readonly clock: Clock,
  ) {}

  @Get('measures')
  async show(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const today = dateOfInstant(this.clock.now());
    const query = parseMeasuresQuery(raw, today);
    const summaries = this.queries.summaries();
    const key = `${this.queries.version}|${query.yearEnding}|${query.years}`;
    const data = this.figures.getOrCompute(key, () => measuresData(summaries, query));
    const series = await authoritySeries(this.authority, query.yearEnding, query.years, today);
    return sendPage(reply, measuresPage({ user, csrfToken: csrfToken(request, reply), query, data, series }));
  }
}
