import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChildIdParam } from '../dto/child-id.param';
import { AmendEntryDto, RetractEntryDto } from '../dto/corrections.dto';
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
}
