import {
  HttpException,
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { USER_REQUEST_KEY } from '../auth/current-user.decorator';
import { ListReadLimiter, listReadLimiterOf } from './list-read-rate-limit';

/**
 * Takes one list read from the caller's budget before a list route runs (after the guard has
 * established who they are); past the budget, 429 with Retry-After and nothing is read or
 * recorded. An interceptor rather than a guard: it must run after authentication, which every
 * global guard does not promise.
 */
@Injectable()
export class ListReadRateLimitInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (!ListReadLimiter.covers(request.method, request.routeOptions.url)) return next.handle();
    const user = (request as unknown as Record<string, AuthenticatedUser | undefined>)[USER_REQUEST_KEY];
    const limiter = listReadLimiterOf(request.server);
    if (user === undefined || limiter === undefined) return next.handle();
    const wait = limiter.take(user.id);
    if (wait === 0) return next.handle();
    void http.getResponse<FastifyReply>().header('retry-after', String(wait));
    const { capacity, refillPerMinute } = limiter.settings;
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message:
          `Too many lists of children read: each user may read ${capacity} at once, then ${refillPerMinute} a minute ` +
          `(every one is recorded in the read-access trail); try again in ${wait} seconds.`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
