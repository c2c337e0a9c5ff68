import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ChildScoped } from '../../auth/child-scope/child-scoped.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { personalDataViewOf } from '../../auth/personal-data';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { ErrorDto } from '../../http/error-responses.dto';
import { ETagFromRevision } from '../../http/etag';
import { NoQueryParams } from '../../http/query-params';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChildIdParam } from '../dto/child-id.param';
import { EventsPageQuery } from '../dto/events-page.query';
import { RegisterChildDto } from '../dto/register-child.dto';
import type { ChildView } from '../queries/child-view';
import type { EventsPage } from '../queries/events-page';
import { GetChildEventsQuery } from '../queries/get-child-events.query';
import { GetChildQuery } from '../queries/get-child.query';
import { ChildViewDto, EventsPageDto } from './child-view.dto';
import { idempotentChildId } from '../recording/idempotency';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

@ApiTags('children')
@Controller('children')
export class ChildrenController {
  constructor(
    private readonly sender: JourneyCommandSender,
    private readonly queryBus: QueryBus,
    private readonly trail: AccessLogRecorder,
  ) {}

  @Post()
  @RecordsJourney('Register a child (starts the journey; the answer names the child id)', { ifMatch: false })
  async register(
    @Body() { childId, ...body }: RegisterChildDto,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordResult> {
    // A keyed registration without an id gets one named after the user and key, so its retry finds it.
    const id =
      childId ??
      (idempotencyKey === undefined ? randomUUID() : idempotentChildId(origin.user.id, idempotencyKey));
    const result = await this.sender.send(
      'RegisterChild',
      id,
      body,
      { kind: 'none' },
      origin,
      idempotencyKey,
    );
    void reply.header('Location', `/children/${id}`);
    return result;
  }

  @Get(':id')
  @Roles('social_worker', 'panel_member', 'auditor', 'reporting_job', 'admin')
  @ChildScoped()
  @ETagFromRevision()
  @ApiOperation({
    summary: 'The child now: in care or not, legal status, placement, plan, next review due, adoption steps',
    description:
      'Roles: social_worker, panel_member, auditor, admin; panel_member without UPN and with postcodes as districts; reporting_job without name, date of birth, UPN or home postcode. Recorded in the read-access trail (view summary), for every role.',
  })
  @ApiOkResponse({ type: ChildViewDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async getChild(
    @Param() { id }: ChildIdParam,
    @Query() _query: NoQueryParams,
    @Origin() { user, correlationId }: CommandOrigin,
  ): Promise<ChildView> {
    const view = personalDataViewOf(user.role);
    const child: ChildView = await this.queryBus.execute(new GetChildQuery(id, view));
    // A read of the child, in the trail before it is sent, so a feed of ids cannot gather them
    // unseen: name and date of birth (UPN and postcodes too for full views); a reporting job's
    // redacted view too, which is pseudonymised personal data (id, reference, sex, ethnicity,
    // placement: review s15 F2), so every role's read is recorded alike.
    await this.trail.record(
      user,
      { childId: id, view: 'summary', query: { route: '/children/:id' } },
      correlationId,
    );
    return child;
  }

  @Get(':id/events')
  @Roles('social_worker', 'auditor', 'admin')
  @ChildScoped()
  @ETagFromRevision()
  @ApiOperation({
    summary: "The child's events as stored, oldest first, paged",
    description: 'Roles: social_worker, auditor, admin.',
  })
  @ApiOkResponse({ type: EventsPageDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async getEvents(
    @Param() { id }: ChildIdParam,
    @Query() { page, pageSize }: EventsPageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EventsPage> {
    const events: EventsPage = await this.queryBus.execute(new GetChildEventsQuery(id, page, pageSize));
    // The stored case record (names, correction reasons): in the read-access trail before it is sent.
    await this.trail.record(user, {
      childId: id,
      view: 'events',
      query: { page: String(page), pageSize: String(pageSize) },
    });
    return events;
  }
}
