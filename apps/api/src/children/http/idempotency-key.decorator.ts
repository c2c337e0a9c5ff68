import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { badRequestBody } from '../../http/field-errors';
import {
  IDEMPOTENCY_KEY_HEADER,
  InvalidIdempotencyKey,
  parseIdempotencyKey,
} from '../commands/idempotency-key';

/** The Idempotency-Key header (undefined when absent); a malformed one is a 400 naming the header. */
export const IdempotencyKeyHeader = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => {
    const request = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    try {
      return parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    } catch (error) {
      if (!(error instanceof InvalidIdempotencyKey)) throw error;
      throw new BadRequestException(
        badRequestBody([{ field: IDEMPOTENCY_KEY_HEADER, rule: 'isIdempotencyKey', message: error.message }]),
      );
    }
  },
);
