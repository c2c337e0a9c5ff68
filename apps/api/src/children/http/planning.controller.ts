import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChildIdParam } from '../dto/child-id.param';
import { CompleteGoingHomeAuditDto, RecordReviewDto, SetPermanencePlanDto } from '../dto/review-and-plan.dto';
import { RecordStatutoryVisitDto } from '../dto/statutory-visit.dto';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

/** Reviews, the permanence plan, going-home audits and statutory visits. */
@ApiTags('planning')
@Controller('children/:id')
export class PlanningController {
  constructor(private readonly sender: JourneyCommandSender) {}

  @Post('reviews')
  @RecordsJourney('Record a statutory review')
  recordReview(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordReviewDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordReview', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('permanence-plan')
  @RecordsJourney('Set the permanence plan')
  setPermanencePlan(
    @Param() { id }: ChildIdParam,
    @Body() body: SetPermanencePlanDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('SetPermanencePlan', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('going-home-audits')
  @RecordsJourney('Record a completed going-home audit')
  completeGoingHomeAudit(
    @Param() { id }: ChildIdParam,
    @Body() body: CompleteGoingHomeAuditDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('CompleteGoingHomeAudit', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('visits')
  @RecordsJourney('Record a statutory visit (reg 28)')
  recordStatutoryVisit(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordStatutoryVisitDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordStatutoryVisit', id, body, ifMatch, origin, idempotencyKey);
  }
}
