import {
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { childrenInScope } from '../../projections/children-in-scope';
import { JourneyQueries } from '../../projections/journey-queries';
import { mayReadPersonalData } from '../../auth/personal-data';
import { AuthorityMeasuresSource } from '../../authority/authority.providers';
import { csrfToken } from '../auth/csrf';
import { pageOfList } from '../html/pagination';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { RecentCache } from '../reading/recent-cache';
import { authoritySeries } from './authority-series';
import { indicatorChildren, isIndicatorId, type IndicatorChildren } from './indicator-children';
import { indicatorChildrenPage } from './indicator-children.page';
import { parseIndicatorQuery } from './indicator-children.query';
import { measuresData, parseMeasuresQuery, type MeasuresData } from './measures-data';
import { measuresPage } from './measures.page';
import { INDICATOR_PAGE_READERS, MEASURES_PAGE_READERS, readersOfIndicator } from './measure-readers';

/**
 * ST1–ST3 over time, time to permanence by route, the adoption scorecard, and the authority's
 * monthly series against its targets: charts with their tables. Each measure admits the roles of
 * its API route (/stability, /permanence, /scorecard): one list per measure, in measure-readers.ts.
 */
@ApiExcludeController()
@Controller('panel')
@UseFilters(WebExceptionFilter)
export class MeasuresController {
  /** Figures by read-model version and years: re-visiting the page does not re-measure. */
  private readonly figures = new RecentCache<MeasuresData>(8);
  /** An indicator's children by read-model version and year: paging does not re-measure. */
  private readonly behind = new RecentCache<IndicatorChildren>(16);

  /** Children shown per page of an indicator's list. */
  static readonly CHILDREN_PER_PAGE = 50;

  constructor(
    private readonly queries: JourneyQueries,
    private readonly authority: AuthorityMeasuresSource,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
  ) {}

  @Get('measures')
  @Roles(...MEASURES_PAGE_READERS)
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
    const data = this.figures.getOrCompute(key, () =>
      measuresData(summaries, query, this.authority.config.scorecard),
    );
    const series = await authoritySeries(this.authority, query.yearEnding, query.years, today);
    return sendPage(reply, measuresPage({ user, csrfToken: csrfToken(request, reply), query, data, series }));
  }

  /** The children behind one indicator (ST1–ST3, A1, A2, A3, A10), each linking to their page. */
  @Get('measures/:indicator')
  @Roles(...INDICATOR_PAGE_READERS)
  async childrenBehind(
    @Param('indicator') id: string,
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { user } = origin;
    if (!isIndicatorId(id))
      throw new NotFoundException(
        `There is no indicator ${id}: the measures page lists ST1, ST2, ST3, A1, A2, A3 and A10.`,
      );
    // The route admits the roles of either measure; the indicator's own measure decides.
    if (!readersOfIndicator(id).includes(user.role))
      throw new ForbiddenException(`The children behind ${id} are not open to the ${user.role} role.`);
    const today = dateOfInstant(this.clock.now());
    const query = parseIndicatorQuery(raw, today);
    const summaries = this.queries.summaries();
    const key = `${this.queries.version}|${id}|${query.yearEnding}`;
    const indicator = this.behind.getOrCompute(key, () =>
      indicatorChildren(summaries, id, query.yearEnding, this.authority.config.scorecard),
    );
    // The figure is the authority's; the children listed are the user's scope (a social worker: their teams').
    const { rows, childrenOutsideYourTeams } = childrenInScope(
      this.scope,
      user,
      indicator.children,
      (childId) => this.queries.summary(childId),
      today,
    );
    const list = pageOfList(rows, query.page, MeasuresController.CHILDREN_PER_PAGE);
    const showNames = mayReadPersonalData(user.role);
    // Names on the page are a read of those children: one trail entry (view measures, the page's
    // ids) before it is sent, as the JSON routes do. A reporting job's page has no names.
    if (showNames)
      await this.trail.recordList(
        user,
        {
          view: 'measures',
          route: `/panel/measures/${id}`,
          query: { indicator: id, yearEnding: query.yearEnding, page: list.page },
          childIds: list.items.map((child) => child.childId),
        },
        origin.correlationId,
      );
    return sendPage(
      reply,
      indicatorChildrenPage({
        user,
        csrfToken: csrfToken(request, reply),
        query,
        indicator,
        list,
        showNames,
        childrenOutsideYourTeams,
      }),
    );
  }
}
