import { Controller, Get, NotFoundException, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG } from '@care-journey/projections';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { mayReadPersonalData } from '../../auth/personal-data';
import { Roles } from '../../auth/roles.decorator';
import { ChildIdParam } from '../../children/dto/child-id.param';
import { Clock } from '../../infrastructure/clock';
import { csrfToken } from '../auth/csrf';
import { FORM_RECORDERS, PAGE_READERS } from '../auth/web-user';
import { JourneyReadModel } from '../data/journey-read-model';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { recordForm } from '../record/form-definitions';
import { childJourney, parseReplayForm } from './child-journey';
import { childPage } from './child.page';

/** One child's journey: timeline, flags with evidence, entries; replayable as at / as known at. */
@ApiExcludeController()
@Controller('panel/children')
@UseFilters(WebExceptionFilter)
@Roles(...PAGE_READERS)
export class ChildController {
  constructor(
    private readonly journeys: JourneyReadModel,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async show(
    @Param() { id }: ChildIdParam,
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const events = await this.journeys.eventsOf(id);
    if (!events) throw new NotFoundException(`No child with id ${id}`);
    const form = parseReplayForm(query);
    const today = dateOfInstant(this.clock.now());
    const journey = childJourney(id, events, form.point, today, DEFAULT_DRIFT_CONFIG);
    const showNames = mayReadPersonalData(user.role);
    if (!showNames) journey.summary = { ...journey.summary, name: '', dateOfBirth: undefined };
    const recorded = typeof query.recorded === 'string' ? recordForm(query.recorded) : undefined;
    return sendPage(reply, childPage({
      user,
      csrfToken: csrfToken(request, reply),
      journey,
      form,
      showNames,
      today,
      mayRecord: FORM_RECORDERS.includes(user.role),
      notice: recorded ? `${recorded.title} recorded` : undefined,
    }));
  }
}
