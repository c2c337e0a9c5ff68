import { Controller, Get, NotFoundException, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import { workingCalendar } from '@care-journey/projections';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { eventsSeenBy } from '../../auth/events-seen-by';
import { mayReadPersonalData } from '../../auth/personal-data';
import { ChildScoped } from '../../auth/child-scope/child-scoped.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ChildIdParam } from '../../children/dto/child-id.param';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { csrfToken } from '../auth/csrf';
import { FORM_RECORDERS, PAGE_READERS } from '../auth/web-user';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { formBySlug } from '../record/correction-forms';
import { REGISTER_CHILD_FORM } from '../record/register-child.form';
import { formsThatApply } from '../record/forms-that-apply';
import { childJourney, parseReplayForm } from './child-journey';
import { childPage } from './child.page';
import { journeyWithoutPersonalData } from './journey-without-personal-data';
import { positionParam } from '../reading/position-param';
import { unknownPageParams } from '../reading/page-params';

/** The replay form's fields, and what a record form's redirect adds (read-your-writes, the notice). */
import { FOUND_PARAM, backLinkFrom } from './back-link';
import { UserDirectory } from '../auth/user-directory';

const PAGE_PARAMS = ['asAt', 'knownAt', 'position', 'recorded', FOUND_PARAM];

/** One child's journey: timeline, flags with evidence, entries; replayable as at / as known at. */
@ApiExcludeController()
@Controller('panel/children')
@UseFilters(WebExceptionFilter)
@Roles(...PAGE_READERS)
@ChildScoped()
export class ChildController {
  constructor(
    private readonly queries: JourneyQueries,
    private readonly trail: AccessLogRecorder,
    private readonly clock: Clock,
    private readonly users: UserDirectory,
  ) {}

  @Get(':id')
  async show(
    @Param() { id }: ChildIdParam,
    @Query() query: Record<string, unknown>,
    @Origin() origin: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { user } = origin;
    // After a form was recorded: the page must show it (read-your-writes, bounded, else 503).
    await this.queries.waitFor(positionParam(query.position));
    const stored = await this.queries.events(id);
    if (!stored) throw new NotFoundException(`No child with id ${id}`);
    // The same events the role reads at /children/:id/history (the panel: no UPN or full postcodes).
    const events = eventsSeenBy(user.role, stored);
    const replay = parseReplayForm(query);
    const form = {
      ...replay,
      errors: [...unknownPageParams(query, PAGE_PARAMS, 'replay-form'), ...replay.errors],
    };
    // The case history is being read: recorded in the access trail first, as the API does.
    await this.trail.record(
      user,
      { childId: id, view: 'history', query: { ...form.point, page: 'panel' } },
      origin.correlationId,
    );
    const today = dateOfInstant(this.clock.now());
    const showNames = mayReadPersonalData(user.role);
    const replayed = childJourney(
      id,
      events,
      form.point,
      today,
      this.queries.drift,
      this.queries.summary(id),
    );
    const journey = showNames ? replayed : journeyWithoutPersonalData(replayed);
    const recorded = typeof query.recorded === 'string' ? formBySlug(query.recorded) : undefined;
    return sendPage(
      reply,
      childPage({
        user,
        csrfToken: csrfToken(request, reply),
        journey,
        form,
        showNames,
        today,
        recordForms: FORM_RECORDERS.includes(user.role) ? formsThatApply(events, today) : [],
        mayCorrect: FORM_RECORDERS.includes(user.role),
        back: backLinkFrom(query),
        socialWorkerName: (id) => this.users.nameOf(id),
        calendar: workingCalendar(this.queries.drift.extraBankHolidays),
        notice: recorded
          ? `${recorded.title} recorded`
          : query.recorded === REGISTER_CHILD_FORM.slug
            ? 'Child registered'
            : undefined,
      }),
    );
  }
}
