import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChildIdParam } from '../dto/child-id.param';
import { RecordAnnualHealthOutcomesDto, RecordCareLeaverContactDto } from '../dto/outcomes.dto';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

/** The 903 outcomes: annual health outcomes (OC2) and care leaver contacts (OC3). */
@ApiTags('outcomes')
@Controller('children/:id')
export class OutcomesController {
  constructor(private readonly sender: JourneyCommandSender) {}

  @Post('health-outcomes')
  @RecordsJourney('Record the annual health outcomes for a year ending 31 March (903 OC2)')
  recordAnnualHealthOutcomes(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordAnnualHealthOutcomesDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordAnnualHealthOutcomes', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('care-leaver-contacts')
  @RecordsJourney("Record a care leaver's contact around a 17th–21st birthday (903 OC3)")
  recordCareLeaverContact(
    @Param() { id }: ChildIdParam,
    @Body() body: RecordCareLeaverContactDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('RecordCareLeaverContact', id, body, ifMatch, origin, idempotencyKey);
  }
}
