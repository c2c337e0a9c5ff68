import {
  HttpException,
  HttpStatus,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { USER_REQUEST_KEY } from '../auth/current-user.decorator';
import { ListReadLimiter, listReadLimiterOf } from './list-read-rate-limit';

/**
 * Takes one list read from the caller's budget before a list route runs; past the budget, 429 with
 * Retry-After and nothing is read or recorded. A global guard registered right after the
 * authentication guard (AuthModule), so it runs after it and sees the user. Not an interceptor:
 * a global interceptor puts every request, commands included, through Nest's interceptor chain
 * (RxJS, and Node 20's deprecated AsyncResource.bind wrappers): ~0.1 ms of the main thread per
 * command (bench/README finding 35).
 */
@Injectable()
export class ListReadRateLimitGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (!ListReadLimiter.covers(request.method, request.routeOptions.url)) return true;
    const user = (request as unknown as Record<string, AuthenticatedUser | undefined>)[USER_REQUEST_KEY];
    const limiter = listReadLimiterOf(request.server);
    if (user === undefined || limiter === undefined) return true;
    const wait = limiter.take(user.id);
    if (wait === 0) return true;
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
