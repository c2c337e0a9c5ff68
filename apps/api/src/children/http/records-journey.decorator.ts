import { applyDecorators, HttpCode, HttpStatus, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { BadRequestDto, ConflictDto, DomainRuleDto, ErrorDto } from '../../http/error-responses.dto';
import { ETagInterceptor } from '../../http/etag.interceptor';
import { RecordResultDto } from './record-result.dto';

/** Who records journey events. Auditors and panel members read only; reporting jobs never write. */
export const RECORDERS = ['social_worker', 'admin'] as const;

/**
 * Everything a command endpoint has in common: who may call it, 201 with the new revision in
 * ETag, If-Match, and the documented errors. `summary` says what fact it records.
 */
export const RecordsJourney = (summary: string, { ifMatch = true }: { ifMatch?: boolean } = {}) =>
  applyDecorators(
    Roles(...RECORDERS),
    HttpCode(HttpStatus.CREATED),
    UseInterceptors(ETagInterceptor),
    ApiOperation({
      summary,
      description: `Roles: ${RECORDERS.join(', ')}. A rejected command records nothing.`,
    }),
    ApiCreatedResponse({
      type: RecordResultDto,
      description: 'Recorded; ETag carries the new stream revision',
    }),
    ApiBadRequestResponse({
      type: BadRequestDto,
      description: 'Malformed body: every field and rule broken',
    }),
    ApiUnprocessableEntityResponse({
      type: DomainRuleDto,
      description: 'A journey rule is broken: names the rule',
    }),
    ApiConflictResponse({
      type: ConflictDto,
      description: 'The child changed meanwhile (If-Match, or a concurrent write)',
    }),
    ApiServiceUnavailableResponse({
      type: ErrorDto,
      description: 'Event store unavailable; nothing recorded',
    }),
    ...(ifMatch
      ? [
          ApiNotFoundResponse({ type: ErrorDto, description: 'No such child' }),
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'The stream revision you decided against (the ETag you read); 409 if it has moved on',
            example: '"4"',
          }),
        ]
      : []),
  );
