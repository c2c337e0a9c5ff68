import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore } from '@care-journey/event-store';
import { ChildRefRegistry, ChildRefReleaseRefused } from '@care-journey/registrations';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { BadRequestDto, ConflictDto, ErrorDto } from '../http/error-responses.dto';
import { RefuseQueryParams } from '../http/refuse-query-params.guard';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { releaseRefusalAnswer } from './child-ref-release-errors';
import { ReleaseChildRefDto } from './release-child-ref.dto';

/** What a release recorded; revision and position as decimal strings. */
export interface ChildRefReleaseAnswer {
  childRef: string;
  childId: string;
  revision: string;
  globalPosition: string;
}

/** Admin repair of the 903 reference registry (libs/reporting child-ref-registry.ts). */
@ApiTags('admin')
@Controller('admin/child-refs')
export class ChildRefsController {
  private readonly registry: ChildRefRegistry;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly clock: Clock,
  ) {
    this.registry = new ChildRefRegistry(store);
  }

  @Post(':childRef/release')
  @Roles('admin')
  // A command: no query parameter (?dryRun=true must not release for real).
  @UseGuards(RefuseQueryParams)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Release a 903 child reference its holder never carried',
    description:
      'Role: admin. Appends ChildRefReleased {childRef, childId, reason} to child-ref-<REF>; the reference ' +
      'can then be reserved by a registration again. Its holder is an id that never became a child, or a child ' +
      'whose amendment reserved it and was never recorded. Refused (409, rule child-ref-holder-registered) when ' +
      "the holder's journey carries it (at its registration or by an amendment), and (409, rule " +
      'child-ref-hold-settling) when its reservation is under 10 minutes old or has no readable time, whoever ' +
      'holds it (a registration or amendment carrying it may still be being recorded; the message says when to ' +
      'retry). Nothing is edited or deleted; ' +
      'a refusal records nothing.',
  })
  @ApiParam({ name: 'childRef', description: '903 CHILD, compared ignoring case', example: 'LA-000123' })
  @ApiCreatedResponse({
    description: 'Released',
    schema: {
      example: {
        childRef: 'LA-000123',
        childId: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90',
        revision: '1',
        globalPosition: '5120',
      },
    },
  })
  @ApiBadRequestResponse({ type: BadRequestDto, description: 'Malformed childRef or missing reason' })
  @ApiNotFoundResponse({
    type: ErrorDto,
    description: 'No reservation of this reference (rule child-ref-not-reserved)',
  })
  @ApiConflictResponse({
    type: ConflictDto,
    description:
      'child-ref-holder-registered, child-ref-already-released, child-ref-changed or child-ref-hold-settling',
  })
  async release(
    @Param('childRef') childRef: string,
    @Body() { reason }: ReleaseChildRefDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ChildRefReleaseAnswer> {
    try {
      const released = await this.registry.release(childRef, reason, {
        recordedAt: this.clock.now(),
        recordedBy: user.id,
      });
      return {
        childRef: released.childRef,
        childId: released.childId,
        revision: released.nextExpectedRevision.toString(),
        globalPosition: released.globalPosition.toString(),
      };
    } catch (error) {
      throw error instanceof ChildRefReleaseRefused ? releaseRefusalAnswer(error) : error;
    }
  }
}
