import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { ChildOutOfScope } from '../../children/application-errors';
import type { AuthenticatedUser } from '../authenticated-user';
import { USER_REQUEST_KEY } from '../current-user.decorator';
import { ChildScope, type RefusedRequest } from './child-scope';

/**
 * A command the record handler refused because, on the state it decided on, the child is out of the
 * user's scope (ChildOutOfScope: a re-allocation the guard's kept fold had not seen) goes in the
 * read-access trail as the guard's own refusals do, then on to the client as the same 404.
 */
@Injectable()
export class ScopeRefusalsInTrail implements NestInterceptor {
  constructor(private readonly scope: ChildScope) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const request = context
          .switchToHttp()
          .getRequest<RefusedRequest & { [USER_REQUEST_KEY]?: AuthenticatedUser }>();
        const user = request[USER_REQUEST_KEY];
        if (!(error instanceof ChildOutOfScope) || !user) return throwError(() => error);
        return from(this.scope.recordRefused(user, error.childId, request)).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}
