import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import {
  GrantAdoptionOrderDto,
  GrantPlacementOrderDto,
  PlaceForAdoptionDto,
  RecordAdoptionConsentDto,
  RecordAdoptionDecisionDto,
  RecordMatchDto,
  ReverseAdoptionDecisionDto,
} from '../dto/adoption.dto';
import { ChildIdParam } from '../dto/child-id.param';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

/** The adoption route, decision to order. */
@ApiTags('adoption')
@Controller('children/:id/adoption')
export class AdoptionController {
  constructor(private readonly sender: JourneyCommandSender) {}

  @Post('decision')
  @RecordsJourney('Agency decision that the child should be placed for adoption')
  recordDecision(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordAdoptionDecisionDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordAdoptionDecision', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('placement-order')
  @RecordsJourney('The court granted a placement order (legal status becomes E1)')
  grantPlacementOrder(
    @Param() { id }: ChildIdParam,
    @Body() body: GrantPlacementOrderDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('GrantPlacementOrder', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('consent')
  @RecordsJourney('Parental consent to placement for adoption (s19 ACA 2002)')
  recordConsent(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordAdoptionConsentDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordAdoptionConsent', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('reversal')
  @RecordsJourney('The child should no longer be placed for adoption')
  reverseDecision(
    @Param() { id }: ChildIdParam,
    @Body() body: ReverseAdoptionDecisionDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('ReverseAdoptionDecision', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('match')
  @RecordsJourney('Matched with prospective adopters')
  recordMatch(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordMatchDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordMatch', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('placement')
  @RecordsJourney('Placed for adoption (moved in with the adopters)')
  placeForAdoption(
    @Param() { id }: ChildIdParam,
    @Body() body: PlaceForAdoptionDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('PlaceForAdoption', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('order')
  @RecordsJourney('The court granted the adoption order: the period of care ends (E11/E12)')
  grantAdoptionOrder(
    @Param() { id }: ChildIdParam,
    @Body() body: GrantAdoptionOrderDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('GrantAdoptionOrder', id, body, ifMatch, origin, idempotencyKey);
  }
}
