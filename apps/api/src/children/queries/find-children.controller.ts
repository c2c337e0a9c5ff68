import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { dateOfInstant } from '@care-journey/journey';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { pageOf, type Paging } from '../../projections/paging';
import { CHILD_FINDERS } from './child-finders';
import { findChildren, type FoundChild } from './find-children';
import { FindChildrenQuery } from './find-children.query';

/** Find any registered child, flagged or not: the JSON side of the panel's "Find a child". */
@ApiTags('children')
@Controller('children')
export class FindChildrenController {
  constructor(
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly scope: ChildScope,
  ) {}

  @Get()
  @Roles(...CHILD_FINDERS)
  @ApiOperation({
    summary: 'Registered children by name or 903 reference (q), paged; every child without q',
    description:
      'Roles: social_worker, panel_member, auditor, admin (reporting_job: 403, it sees no names). ' +
      'Each child: childId, childRef, name, dateOfBirth, the start of the period of care open today ' +
      '(lookedAfterSince), team and socialWorker; no UPN or postcode. The exact reference first, then by name. ' +
      'Read from the read models: send minPosition to wait for your own registration. ' +
      'Each answer is a read of the children it names: recorded in the read-access trail (view search). ' +
      'A social worker under socialWorkerScope "team" (the default) finds only children allocated today to one of their teams.',
  })
  @ApiServiceUnavailableResponse({ description: 'minPosition not reached in time' })
  async find(
    @Query() query: FindChildrenQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<{ children: FoundChild[]; paging: Paging }> {
    await this.queries.waitFor(query.minPosition);
    // A social worker scoped to their teams finds only children allocated to them now.
    const found = this.scope.visible(
      origin.user,
      findChildren(this.queries.summaries(), query.q?.trim() ?? '', dateOfInstant(this.clock.now())),
      (child) => child.team,
    );
    const { items, paging } = pageOf(found, query.page, query.pageSize);
    // Names of children are being read: the trail gets the search and whom it showed, before the answer.
    await this.trail.recordList(
      origin.user,
      {
        view: 'search',
        route: '/children',
        query: { q: query.q?.trim(), page: paging.page, pageSize: paging.pageSize },
        childIds: items.map((child) => child.childId),
      },
      origin.correlationId,
    );
    return { children: items, paging };
  }
}
