import { BadRequestException, Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import {
  careLeaverContactsDueOn,
  childRecord,
  contactsDueCsv,
  type ChildRecord,
} from '@care-journey/reporting';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { csrfToken } from '../auth/csrf';
import { refusedQuery } from '../drift/drift-query';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { LEAVING_CARE_READERS } from './leaving-care-readers';
import { leavingCarePage } from './leaving-care.page';
import { parseLeavingCareQuery, type LeavingCareQuery } from './leaving-care.query';
import { leavingCareView, worklistPage, type LeavingCareView } from './leaving-care.view';
import { mayHaveContactListed } from './worklist-candidates';

/**
 * The leaving care team's worklist (review s17 F4) as a page and a CSV: the care leavers in the
 * user's scope with a 903 OC3 contact due or missed by a day, by the rule the CLI's
 * `care-leaver-contacts` lists them by (careLeaverContactsDueOn), over each child's own stream.
 * The read models only choose whose streams to read (worklist-candidates.ts). The page shows
 * WORKLIST_ROWS_PER_PAGE rows at a time (`page`), its counts over the whole list; the CSV is every
 * row. Names and dates of birth: a list read in the trail (view careLeavers) before it is sent.
 */
@ApiExcludeController()
@Controller('panel')
@UseFilters(WebExceptionFilter)
@Roles(...LEAVING_CARE_READERS)
export class LeavingCareController {
  constructor(
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
  ) {}

  @Get('leaving-care')
  async page(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = parseLeavingCareQuery(raw, dateOfInstant(this.clock.now()));
    const model = { user: origin.user, csrfToken: csrfToken(request, reply), query };
    if (query.errors.length > 0) return sendPage(reply, leavingCarePage(model), 400);
    const view = await this.worklist(origin.user, query);
    const shown = worklistPage(view, query.page);
    // The page names only its own rows' young people; which page of how many, when there are more.
    await this.recordShown(
      origin,
      '/panel/leaving-care',
      query,
      shown.childIds,
      shown.pages > 1 ? shown.page : undefined,
    );
    return sendPage(reply, leavingCarePage({ ...model, view, shown }));
  }

  @Get('leaving-care.csv')
  async csv(
    @Query() raw: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = parseLeavingCareQuery(raw, dateOfInstant(this.clock.now()));
    if (query.errors.length > 0) throw new BadRequestException(refusedQuery(query.errors));
    const view = await this.worklist(origin.user, query);
    await this.recordShown(origin, '/panel/leaving-care.csv', query, view.childIds);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="care-leaver-contacts-${query.asAt}.csv"`)
      .header('cache-control', 'no-store');
    return contactsDueCsv(view.rows);
  }

  /** The rows for the user's scope (their teams' children today, as every list), from each candidate's stream. */
  private async worklist(user: AuthenticatedUser, query: LeavingCareQuery): Promise<LeavingCareView> {
    const today = dateOfInstant(this.clock.now());
    const records: ChildRecord[] = [];
    for (const summary of this.scope.summaries(user, this.queries.summaries(), today)) {
      if (!mayHaveContactListed(summary, query.asAt, query.missedSince)) continue;
      const record = childRecord((await this.queries.events(summary.childId)) ?? []);
      if (record) records.push(record);
    }
    const names = new Map(records.map((record) => [record.childId, record.registration.name]));
    const due = careLeaverContactsDueOn(records, query.asAt, query.missedSince);
    return leavingCareView(due, query.asAt, (childId) => names.get(childId));
  }

  /** The list names young people with their dates of birth: in the trail before it is sent, as the CLI's is. */
  private recordShown(
    { user, correlationId }: CommandOrigin,
    route: string,
    query: LeavingCareQuery,
    childIds: string[],
    page?: number,
  ): Promise<void> {
    return this.trail.recordList(
      user,
      {
        view: 'careLeavers',
        route,
        // A widened (or narrowed) list of missed contacts says so, as the CLI's entry does.
        query: {
          asAt: query.asAt,
          ...(query.missedSinceAsked && { missedSince: query.missedSince }),
          page,
        },
        childIds,
      },
      correlationId,
    );
  }
}
