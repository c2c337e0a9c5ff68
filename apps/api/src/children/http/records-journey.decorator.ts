import { applyDecorators, HttpCode, HttpStatus, UseGuards } from '@nestjs/common';
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
import { ChildScoped } from '../../auth/child-scope/child-scoped.decorator';
import { Roles } from '../../auth/roles.decorator';
import { BadRequestDto, ConflictDto, DomainRuleDto, ErrorDto } from '../../http/error-responses.dto';
import { ETagFromRevision } from '../../http/etag';
import { RefuseQueryParams } from '../../http/refuse-query-params.guard';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_RULE } from '../commands/idempotency-key';
import { RecordResultDto } from './record-result.dto';

/** Who records journey events. Auditors and panel members read only; reporting jobs never write. */
export const RECORDERS = ['social_worker', 'admin'] as const;
type Recorder = (typeof RECORDERS)[number];

/**
 * Everything a command endpoint has in common: who may call it, no query parameters, 201 with
 * the new revision in ETag, If-Match, Idempotency-Key, and the documented errors. `summary` says
 * what fact it records.
 */
export const RecordsJourney = (
  summary: string,
  { ifMatch = true, roles = [...RECORDERS] }: { ifMatch?: boolean; roles?: [Recorder, ...Recorder[]] } = {},
) =>
  applyDecorators(
    Roles(...roles),
    UseGuards(RefuseQueryParams),
    // The social worker scope: a command about a child out of it is a 404; the registration (the one
    // command without If-Match) may only name the worker's own teams.
    ChildScoped(ifMatch ? 'command' : 'registration'),
    HttpCode(HttpStatus.CREATED),
    ETagFromRevision(),
    ApiOperation({
      summary,
      description: `Roles: ${roles.join(', ')}. A rejected command records nothing.`,
    }),
    ApiCreatedResponse({
      type: RecordResultDto,
      description: 'Recorded; ETag carries the new stream revision',
    }),
    ApiBadRequestResponse({
      type: BadRequestDto,
      description:
        'Malformed body or header (If-Match, Idempotency-Key), or a query parameter (commands take none): every field and rule broken',
    }),
    ApiUnprocessableEntityResponse({
      type: DomainRuleDto,
      description:
        'A journey rule is broken: names the rule (or `idempotency-key-reused`: the key was used with another request)',
    }),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        `Your name for this command (${IDEMPOTENCY_KEY_RULE}), so you can send it again safely: ` +
        'the same key from the same user for the same child with the same body answers with what the first ' +
        'one recorded (same status, body, event ids and revision) and records nothing new, even after a ' +
        'server restart. The same key with another request is a 422 (rule `idempotency-key-reused`). ' +
        'A refused command records nothing, so sending it again is decided afresh.',
      example: '9b2f4c1e-review-2024-01-09',
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
