import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '../authenticated-user';
import { USER_REQUEST_KEY } from '../current-user.decorator';
import { RefusalTrail, type RefusedRequest } from './refusal-trail';

type RequestLike = RefusedRequest & {
  [USER_REQUEST_KEY]?: AuthenticatedUser;
  params?: Record<string, string | undefined>;
};

/**
 * On the pages' child routes, an error a command's handler raises that the trail keeps
 * (RefusalTrail.recordIfRefusal) is recorded before it goes on to the page. The API's command
 * routes do not carry this interceptor: their sender records the same errors itself
 * (JourneyCommandSender), which keeps Nest's interceptor machinery off every command.
 */
@Injectable()
export class ScopeRefusalsInTrail implements NestInterceptor {
  constructor(private readonly refusals: RefusalTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const request = context.switchToHttp().getRequest<RequestLike>();
        const user = request[USER_REQUEST_KEY];
        if (!user) return throwError(() => error);
        return from(this.refusals.recordIfRefusal(user, error, request, request.params?.id)).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}
