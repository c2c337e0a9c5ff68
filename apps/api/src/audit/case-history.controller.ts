import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseReplayPoint, type AuditKey } from '@care-journey/audit';
import { toJsonSafe } from '@care-journey/event-store';
import { ChildScoped } from '../auth/child-scope/child-scoped.decorator';
import { Roles } from '../auth/roles.decorator';
import { ChildIdParam } from '../children/dto/child-id.param';
import { Origin, type CommandOrigin } from '../http/command-origin.decorator';
import { ErrorDto } from '../http/error-responses.dto';
import { AUDIT_KEY } from './audit-key.provider';
import { CaseHistoryService, type Reader } from './case-history.service';
import { diffPoints } from './diff-points';
import { DiffQuery } from './dto/diff.query';
import { HistoryQuery, ReadReasonQuery } from './dto/history.query';

const reader = (origin: CommandOrigin, reason: string | undefined): Reader => ({
  user: origin.user,
  reason,
  correlationId: origin.correlationId,
});
const RECORDED =
  'Every call is recorded in the read-access trail (who, when, which child, the reason if given).';

/** A child's case history as at a date and as known at an instant; every read is itself recorded. */
@ApiTags('audit')
@Controller('children')
// Every route here is about one child (:id): the social worker scope applies to each.
@ChildScoped()
export class CaseHistoryController {
  constructor(
    private readonly histories: CaseHistoryService,
    @Inject(AUDIT_KEY) private readonly key: AuditKey,
  ) {}

  @Get(':id/history')
  @Roles('social_worker', 'panel_member', 'auditor', 'admin')
  @ApiOperation({
    summary:
      "The child's state, open drift flags, flag history (opened/closed) and the entries that produced them, as at a date and/or as known at an instant",
    description: `Corrections apply only from when they were recorded. ${RECORDED} Roles: social_worker, panel_member, auditor, admin.`,
  })
  @ApiOkResponse({ description: 'The replayed case history' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async history(
    @Param() { id }: ChildIdParam,
    @Query() query: HistoryQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<unknown> {
    // The DTO has checked both values; this normalises knownAt to UTC.
    const parsed = parseReplayPoint(query);
    const point = 'point' in parsed ? parsed.point : {};
    return toJsonSafe(await this.histories.history(id, point, reader(origin, query.reason)));
  }

  @Get(':id/history/diff')
  @Roles('social_worker', 'panel_member', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'What changed between two points, in plain terms: entries added, removed or corrected (by whom, when) and state fields',
    description: `Each side is from=asAt:YYYY-MM-DD / knownAt:<instant, or YYYY-MM-DD: the end of that day in England> / both joined by a comma, or fromAsAt, fromKnownAt (and the same for to). ${RECORDED}`,
  })
  @ApiOkResponse({ description: 'The changes, in order: entries then state fields' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async diff(
    @Param() { id }: ChildIdParam,
    @Query() query: DiffQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<unknown> {
    const { from, to } = diffPoints(query);
    return toJsonSafe(await this.histories.diff(id, from, to, reader(origin, query.reason)));
  }

  @Get(':id/chronology')
  @Roles('social_worker', 'panel_member', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'Every event in effective-date order: who recorded it, when, days late, and what later corrected or retracted it',
    description: `${RECORDED} Roles: social_worker, panel_member, auditor, admin.`,
  })
  @ApiOkResponse({ description: 'The chronology' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async chronology(
    @Param() { id }: ChildIdParam,
    @Query() query: ReadReasonQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<unknown> {
    return toJsonSafe(await this.histories.chronology(id, reader(origin, query.reason)));
  }

  @Get(':id/verify')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: "Checks the hash chain of the child's stream and reports the first broken link",
    description: `200 whether or not the chain holds: read ok and firstBroken. ${RECORDED} Roles: auditor, admin.`,
  })
  @ApiOkResponse({
    description: '{ childId, ok, checked, head, firstBroken?: { revision, eventId, reason } }',
  })
  @ApiNotFoundResponse({ type: ErrorDto })
  async verify(
    @Param() { id }: ChildIdParam,
    @Query() query: ReadReasonQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<unknown> {
    return toJsonSafe(await this.histories.verify(id, reader(origin, query.reason)));
  }

  @Get(':id/bundle')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'A signed, self-contained case-history bundle (events, metadata, chain, signature) for offline verification',
    description: `Verify with \`care-journey audit verify-bundle\`. ${RECORDED} Roles: auditor, admin.`,
  })
  @ApiOkResponse({ description: 'The bundle (docs/audit.md)' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async bundle(
    @Param() { id }: ChildIdParam,
    @Query() query: ReadReasonQuery,
    @Origin() origin: CommandOrigin,
  ): Promise<unknown> {
    return this.histories.bundle(id, reader(origin, query.reason), this.key);
  }
}
