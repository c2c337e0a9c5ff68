import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChildIdParam } from '../dto/child-id.param';
import { AmendEntryDto, RetractEntryDto, RetractRegistrationDto } from '../dto/corrections.dto';
import { AmendmentErrorsInterceptor } from './amendment-errors.interceptor';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

/** Corrections are new events pointing at the entry they correct; history is never edited. */
@ApiTags('corrections')
@Controller('children/:id/corrections')
export class CorrectionsController {
  constructor(private readonly sender: JourneyCommandSender) {}

  @Post('amend')
  @RecordsJourney('Amend an earlier entry (its full corrected data)')
  // A body refused by the pipe also gets amendedData's errors: one 400 names every problem.
  @UseInterceptors(AmendmentErrorsInterceptor)
  amend(
    @Param() { id }: ChildIdParam,
    @Body() body: AmendEntryDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('AmendEntry', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('retract')
  @RecordsJourney('Retract an entry recorded in error')
  retract(
    @Param() { id }: ChildIdParam,
    @Body() body: RetractEntryDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RetractEntry', id, body, ifMatch, origin, idempotencyKey);
  }

  /**
   * Admins only: a social worker who registered a child twice asks an admin, who checks that it is
   * the same child (the duplicate step on the web form warns first). Only a registration with no
   * other entries (422 registration-has-entries otherwise).
   */
  @Post('retract-registration')
  @RecordsJourney('Withdraw a registration made in error (nothing else recorded for the child)', {
    roles: ['admin'],
  })
  retractRegistration(
    @Param() { id }: ChildIdParam,
    @Body() body: RetractRegistrationDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RetractRegistration', id, body, ifMatch, origin, idempotencyKey);
  }
}
