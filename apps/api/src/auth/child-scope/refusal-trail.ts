import { Injectable } from '@nestjs/common';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildOutOfScope, ChildRefInUse } from '../../children/application-errors';
import { CORRELATION_HEADER, SAFE_CORRELATION_ID } from '../../http/command-origin.decorator';
import type { AuthenticatedUser } from '../authenticated-user';
import { UserTeamScopes } from './user-team-scopes';

/** What the trail records of a refused request: its method, its route and its correlation id. */
export interface RefusedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
}

/** Why a request about a child was refused, as the trail names it. */
export type RefusalRule = 'socialWorkerScope' | 'child-ref-in-use' | 'upn-in-use';

/**
 * The read-access trail's record of refused requests about a child, so probing is seen as reads
 * are: the scope guard's own refusals, and the errors a command's handler raises on the state it
 * decided on (recordIfRefusal). Depends on no child's state, so the command sender can use it.
 */
@Injectable()
export class RefusalTrail {
  constructor(
    private readonly scopes: UserTeamScopes,
    private readonly trail: AccessLogRecorder,
  ) {}

  record(user: AuthenticatedUser, childId: string, request: RefusedRequest, rule: RefusalRule) {
    const header = request.headers[CORRELATION_HEADER];
    const query = { method: request.method, route: request.routeOptions?.url ?? '', rule };
    return this.trail.record(
      user,
      { childId, view: 'refused', query },
      typeof header === 'string' && SAFE_CORRELATION_ID.test(header) ? header : undefined,
    );
  }

  /**
   * Records `error` when it is one the trail keeps: ChildOutOfScope (the handler found the child
   * outside the user's scope on the state it decided on: a re-allocation the guard's kept fold had
   * not seen, or a registration naming another team's child), or a uniqueness refusal (a reference
   * or UPN another child holds: 409, kept, as the return needs each to name one child) answered to a
   * team-scoped social worker, which tells them some child, maybe outside their teams, holds it.
   * `routeChildId`: the child the route names (an amendment's); a registration's error names its own.
   */
  async recordIfRefusal(
    user: AuthenticatedUser,
    error: unknown,
    request: RefusedRequest,
    routeChildId: string | undefined,
  ): Promise<void> {
    const refused = this.refusal(user, error, routeChildId);
    if (refused) await this.record(user, refused.childId, request, refused.rule);
  }

  private refusal(
    user: AuthenticatedUser,
    error: unknown,
    routeChildId: string | undefined,
  ): { childId: string; rule: RefusalRule } | undefined {
    if (error instanceof ChildOutOfScope) return { childId: error.childId, rule: 'socialWorkerScope' };
    if (!(error instanceof ChildRefInUse || error instanceof UpnInUse) || this.scopes.of(user).all)
      return undefined;
    const childId = error.childId ?? routeChildId;
    if (childId === undefined) return undefined;
    return { childId, rule: error instanceof UpnInUse ? 'upn-in-use' : 'child-ref-in-use' };
  }
}
