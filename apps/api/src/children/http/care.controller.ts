import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChangeAllocationDto } from '../dto/allocation.dto';
import { ChildIdParam } from '../dto/child-id.param';
import { ChangeLegalStatusDto, EndPeriodOfCareDto, StartPeriodOfCareDto } from '../dto/period-of-care.dto';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

/** Entering and leaving care, legal status and allocation. */
@ApiTags('care')
@Controller('children/:id')
export class CareController {
  constructor(private readonly sender: JourneyCommandSender) {}

  @Post('periods-of-care')
  @RecordsJourney('Start a period of care (the child becomes looked after)')
  startPeriodOfCare(
    @Param() { id }: ChildIdParam,
    @Body() body: StartPeriodOfCareDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('StartPeriodOfCare', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('periods-of-care/end')
  @RecordsJourney('End the current period of care')
  endPeriodOfCare(
    @Param() { id }: ChildIdParam,
    @Body() body: EndPeriodOfCareDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('EndPeriodOfCare', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('legal-status')
  @RecordsJourney('Change the legal status')
  changeLegalStatus(
    @Param() { id }: ChildIdParam,
    @Body() body: ChangeLegalStatusDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('ChangeLegalStatus', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('allocation')
  @RecordsJourney('Allocate the child to another team or social worker')
  changeAllocation(
    @Param() { id }: ChildIdParam,
    @Body() body: ChangeAllocationDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('ChangeAllocation', id, body, ifMatch, origin, idempotencyKey);
  }
}
