import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildOutOfScope, ChildRefInUse } from '../../children/application-errors';
import type { AuthenticatedUser } from '../authenticated-user';
import { USER_REQUEST_KEY } from '../current-user.decorator';
import { ChildScope, type RefusedRequest } from './child-scope';

type RequestLike = RefusedRequest & {
  [USER_REQUEST_KEY]?: AuthenticatedUser;
  params?: Record<string, string | undefined>;
};

/**
 * A command the record handler refused because, on the state it decided on, the child is out of the
 * user's scope (ChildOutOfScope: a re-allocation the guard's kept fold had not seen, or a
 * registration naming another team's child) goes in the read-access trail as the guard's own
 * refusals do, then on to the client as the same 404. So does a uniqueness refusal (a reference or
 * UPN another child holds: 409, kept, as the return needs each to name one child) answered to a
 * team-scoped social worker: it tells them some child, maybe outside their teams, holds it.
 */
@Injectable()
export class ScopeRefusalsInTrail implements NestInterceptor {
  constructor(private readonly scope: ChildScope) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const request = context.switchToHttp().getRequest<RequestLike>();
        const user = request[USER_REQUEST_KEY];
        const refused = user && this.refusal(user, error, request);
        if (!user || !refused) return throwError(() => error);
        return from(this.scope.recordRefused(user, refused.childId, request, refused.rule)).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }

  /** The child and rule to record for an error, or undefined when it is not one the trail keeps. */
  private refusal(user: AuthenticatedUser, error: unknown, request: RequestLike) {
    if (error instanceof ChildOutOfScope)
      return { childId: error.childId, rule: 'socialWorkerScope' as const };
    if (!(error instanceof ChildRefInUse || error instanceof UpnInUse) || this.scope.of(user).all)
      return undefined;
    // A registration's refusal names the id it was registering; an amendment's child is the route's.
    const childId = error.childId ?? request.params?.id;
    if (childId === undefined) return undefined;
    return {
      childId,
      rule: error instanceof UpnInUse ? ('upn-in-use' as const) : ('child-ref-in-use' as const),
    };
  }
}
