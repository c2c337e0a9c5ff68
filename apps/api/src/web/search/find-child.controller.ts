import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { csrfToken } from '../auth/csrf';
import { FORM_RECORDERS } from '../auth/web-user';
import { pageOfList } from '../html/pagination';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { RecentCache } from '../reading/recent-cache';
import { CHILD_FINDERS } from '../../children/queries/child-finders';
import { findChildren, type FoundChild } from '../../children/queries/find-children';
import { findChildPage } from './find-child.page';
import {
  findChildUrl,
  parseFindChildForm,
  parseFindChildQuery,
  type FindChildQuery,
} from './find-child.query';
import { credentialOf, openSearch, sealSearch } from './search-token';

/** Children per page of results. */
export const CHILDREN_PER_PAGE = 50;

/** Find a child by name or 903 reference, whether or not they have an open flag. */
@ApiExcludeController()
@Controller('panel')
@UseFilters(WebExceptionFilter)
@Roles(...CHILD_FINDERS)
export class FindChildController {
  /** Results by read-model version, day and search: paging does not search again. */
  private readonly found = new RecentCache<FoundChild[]>(16);

  constructor(
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
  ) {}

  @Get('children')
  async find(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const credential = credentialOf(request);
    const query = parseFindChildQuery(raw, (token) => openSearch(token, credential));
    return this.results(query, origin, request, reply);
  }

  /**
   * The form, sent by POST so that what was typed stays out of addresses (review s15 F8): answered
   * with a redirect to the results under the search sealed for this session (search-token.ts), or,
   * for a refused search, the form again with the error.
   */
  @Post('children')
  async search(
    @Body() body: unknown,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = parseFindChildForm(body);
    if (query.errors.length > 0) return this.results(query, origin, request, reply);
    const token = query.text === '' ? '' : sealSearch(query.text, credentialOf(request));
    return redirect(reply, findChildUrl(token));
  }

  private async results(
    query: FindChildQuery,
    origin: CommandOrigin,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<string> {
    const { user } = origin;
    const today = dateOfInstant(this.clock.now());
    const summaries = this.queries.summaries();
    const key = `${this.queries.version}|${today}|${query.text}`;
    // Cached for every user; a social worker scoped to their teams sees only children allocated to them now.
    const all = this.scope.visible(
      user,
      this.found.getOrCompute(key, () => findChildren(summaries, query.text, today)),
      (child) => child.team,
    );
    const list = pageOfList(all, query.page, CHILDREN_PER_PAGE);
    // The page names children: the search and whom it showed go in the read-access trail first.
    await this.trail.recordList(
      user,
      {
        view: 'search',
        route: '/panel/children',
        query: { q: query.text, page: list.page },
        childIds: list.items.map((child) => child.childId),
      },
      origin.correlationId,
    );
    return sendPage(
      reply,
      findChildPage({
        user,
        csrfToken: csrfToken(request, reply),
        query,
        // Links to pages of results and to the children carry the search sealed, never its words.
        searchToken: query.text === '' ? '' : sealSearch(query.text, credentialOf(request)),
        list,
        mayRegister: FORM_RECORDERS.includes(user.role),
      }),
    );
  }
}
