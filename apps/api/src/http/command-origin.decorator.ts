import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { RefusedRequest } from '../auth/child-scope/refusal-trail';
import { USER_REQUEST_KEY } from '../auth/current-user.decorator';

/** Who sent a command, and the request it belongs to. */
export interface CommandOrigin {
  user: AuthenticatedUser;
  correlationId: string;
  /**
   * The HTTP request, when the command came through the API's own routes: a refusal the handler
   * makes on the decided state is then recorded in the read-access trail by the sender (the pages
   * record theirs through the scope's interceptor, and leave this out).
   */
  request?: RefusedRequest;
  /**
   * The HTTP request's id (X-Request-Id, printed on its request log line): the causationId of every
   * event the command records, in every stream (review s18-es F6). A fresh uuid when absent.
   */
  requestId?: string;
}

export const CORRELATION_HEADER = 'x-correlation-id';
export const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Correlation-Id when it is sane (it ends up in stored metadata), else a new one. */
export const Origin = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandOrigin => {
  const request = ctx.switchToHttp().getRequest<Record<string, unknown> & RefusedRequest>();
  const user = request[USER_REQUEST_KEY] as AuthenticatedUser | undefined;
  if (!user) throw new InternalServerErrorException('Origin used on a route without authentication');
  const header = request.headers[CORRELATION_HEADER];
  const correlationId =
    typeof header === 'string' && SAFE_CORRELATION_ID.test(header) ? header : randomUUID();
  const requestId = typeof request.id === 'string' ? request.id : undefined;
  return { user, correlationId, request, ...(requestId !== undefined && { requestId }) };
});
