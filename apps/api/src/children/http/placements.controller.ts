import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { IfMatchHeader } from '../../http/if-match.decorator';
import { JourneyCommandSender } from '../commands/journey-command.sender';
import type { RecordResult } from '../commands/record-journey.command';
import { ChildIdParam } from '../dto/child-id.param';
import { EndMissingEpisodeDto, StartMissingEpisodeDto } from '../dto/missing-episode.dto';
import {
  ChangePlacementDto,
  EndTemporaryPlacementDto,
  StartTemporaryPlacementDto,
} from '../dto/placement.dto';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RecordsJourney } from './records-journey.decorator';

/** Where the child lives: placement moves, temporary stays, missing episodes. */
@ApiTags('placements')
@Controller('children/:id')
export class PlacementsController {
  constructor(private readonly sender: JourneyCommandSender) {}

  @Post('placement-changes')
  @RecordsJourney('Move the child to a new placement')
  changePlacement(
    @Param() { id }: ChildIdParam,
    @Body() body: ChangePlacementDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('ChangePlacement', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('temporary-placements')
  @RecordsJourney('Start a temporary placement (T0–T4): hospital, holiday, respite')
  startTemporaryPlacement(
    @Param() { id }: ChildIdParam,
    @Body() body: StartTemporaryPlacementDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('StartTemporaryPlacement', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('temporary-placements/end')
  @RecordsJourney('End the temporary placement: back to the usual placement')
  endTemporaryPlacement(
    @Param() { id }: ChildIdParam,
    @Body() body: EndTemporaryPlacementDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('EndTemporaryPlacement', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('missing-episodes')
  @RecordsJourney('The child went missing (M) or away without authorisation (A)')
  startMissingEpisode(
    @Param() { id }: ChildIdParam,
    @Body() body: StartMissingEpisodeDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('StartMissingEpisode', id, body, ifMatch, origin, idempotencyKey);
  }

  @Post('missing-episodes/end')
  @RecordsJourney('The child is back: end the missing episode')
  endMissingEpisode(
    @Param() { id }: ChildIdParam,
    @Body() body: EndMissingEpisodeDto,
    @IfMatchHeader() ifMatch: IfMatch,
    @Origin() origin: CommandOrigin,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    return this.sender.send('EndMissingEpisode', id, body, ifMatch, origin, idempotencyKey);
  }
}
