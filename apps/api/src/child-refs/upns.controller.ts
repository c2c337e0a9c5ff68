import { Body, Controller, HttpCode, HttpStatus, Inject, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore } from '@care-journey/event-store';
import { UpnRegistry, UpnReleaseRefused } from '@care-journey/registrations';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { BadRequestDto, ConflictDto, ErrorDto } from '../http/error-responses.dto';
import { RefuseQueryParams } from '../http/refuse-query-params.guard';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { releaseRefusalAnswer } from './child-ref-release-errors';
import { ReleaseUpnDto } from './release-upn.dto';

/** What a release recorded: the UPN's stream (never the UPN), revision and position as decimal strings. */
export interface UpnReleaseAnswer {
  upnStream: string;
  childId: string;
  revision: string;
  globalPosition: string;
}

/** Admin repair of the UPN registry (libs/registrations upn-registry.ts), as child-refs.controller.ts is the 903 reference's. */
@ApiTags('admin')
@Controller('admin/upns')
export class UpnsController {
  private readonly registry: UpnRegistry;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly clock: Clock,
  ) {
    this.registry = new UpnRegistry(store);
  }

  @Post('release')
  @Roles('admin')
  // A command: no query parameter (?dryRun=true must not release for real).
  @UseGuards(RefuseQueryParams)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Release a UPN its holder never carried',
    description:
      'Role: admin. Appends UpnReleased {childId, reason} to the UPN’s stream upn-<hash>; the UPN can then be ' +
      'reserved by another child. Its holder is an id that never became a child, or a child whose amendment ' +
      'reserved it and was never recorded (audit verify-store: held-but-never-carried). Refused (409, rule ' +
      "upn-holder-registered) when the holder's journey carries it (at its registration or by an amendment), and " +
      '(409, rule upn-hold-settling) when its reservation is under 10 minutes old or has no readable time, ' +
      'whoever holds it (a registration or amendment carrying it may still be being recorded; the message says ' +
      'when to retry). The UPN is sent in the body (personal data: never in a URL) and no answer ' +
      'holds it. Nothing is edited or deleted; a refusal records nothing.',
  })
  @ApiCreatedResponse({
    description: 'Released',
    schema: {
      example: {
        upnStream: 'upn-3f0c9a4e5d6b4c1e9a610b2f1c7d8e90aabbccdd',
        childId: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90',
        revision: '1',
        globalPosition: '5120',
      },
    },
  })
  @ApiBadRequestResponse({
    type: BadRequestDto,
    description: 'Malformed upn (invalid-upn), an unknown-UPN code (upn-unknown-code) or missing reason',
  })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No reservation of this UPN (rule upn-not-reserved)' })
  @ApiConflictResponse({
    type: ConflictDto,
    description: 'upn-holder-registered, upn-already-released, upn-changed or upn-hold-settling',
  })
  async release(
    @Body() { upn, reason }: ReleaseUpnDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UpnReleaseAnswer> {
    try {
      const released = await this.registry.release(upn, reason, {
        recordedAt: this.clock.now(),
        recordedBy: user.id,
      });
      return {
        upnStream: released.upnStream,
        childId: released.childId,
        revision: released.nextExpectedRevision.toString(),
        globalPosition: released.globalPosition.toString(),
      };
    } catch (error) {
      throw error instanceof UpnReleaseRefused ? releaseRefusalAnswer(error) : error;
    }
  }
}
