import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from './authenticated-user';
import { USER_REQUEST_KEY } from './current-user.decorator';
import type { Role } from '@care-journey/access';
import { RouteAccessReader } from './route-access';
import { sessionCookieToken } from './session-cookie';
import { SessionEnds } from './session-ends';
import { ACCESS_CHANGED, SessionUsers } from './session-users';
import { TokenVerifier } from './token-verifier';

export const SIGNED_OUT = 'This session was signed out: sign in again';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** Fastify's: https decides the session cookie's name (`__Host-` prefix). */
  protocol?: string;
  [USER_REQUEST_KEY]?: AuthenticatedUser;
}

/**
 * Global guard, secure by default: a route is open only with @Public; otherwise it needs a
 * valid bearer token (401) whose role the route lists in @Roles (403). A route that declares
 * no roles is refused to everyone, so forgetting @Roles can never expose data.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly routes: RouteAccessReader;

  constructor(
    reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly sessions: SessionEnds,
    private readonly users: SessionUsers,
  ) {
    this.routes = new RouteAccessReader(reflector);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const route = this.routes.of(context.getHandler(), context.getClass());
    const request = context.switchToHttp().getRequest<RequestLike>();
    if (route.open) {
      if (!route.identifies) return true;
      return this.identifyIfSignedIn(request).then(() => true);
    }

    const verified = this.verifier.authenticate(bearerToken(request));
    // A promise only for an API token not known yet to be recorded (CARE_JOURNEY_TOKENS=recorded).
    if (verified instanceof Promise)
      return verified.then((user) => this.authorize(request, route.roles, user));
    return this.authorize(request, route.roles, verified);
  }

  private authorize(
    request: RequestLike,
    allowed: Role[] | undefined,
    user: AuthenticatedUser,
  ): boolean | Promise<boolean> {
    request[USER_REQUEST_KEY] = user;
    // API clients' tokens carry no session: decided here, without a read.
    if (user.sessionId === undefined) return admit(user, allowed);
    const sessionId = user.sessionId;
    // A web session whose user's role changed, or who left the directory, ends now, for every
    // process (durably, as a sign-out does); its next requests are refused as signed out or changed.
    if (!this.stillHeldBy(user)) return this.endChanged(sessionId, user);
    // A web session (however its token is sent) must not have been signed out, in any process.
    return this.sessions.isEnded(sessionId).then((ended) => {
      if (ended) throw new UnauthorizedException(SIGNED_OUT);
      return admit(user, allowed);
    });
  }

  /** The directory still has the session's user, with the role the session signed in with. */
  private stillHeldBy(user: AuthenticatedUser): boolean {
    return this.users.currentRole(user.id) === user.role;
  }

  private async endChanged(sessionId: string, user: AuthenticatedUser): Promise<never> {
    try {
      await this.sessions.end(sessionId, user, 'access-changed');
    } catch {
      // The store cannot record it now: refused all the same, and checked again at the next request.
    }
    throw new UnauthorizedException(ACCESS_CHANGED);
  }

  /** On an open route: the caller when their credentials are valid and not signed out, else nobody. */
  private async identifyIfSignedIn(request: RequestLike): Promise<void> {
    try {
      const user = await this.verifier.authenticate(bearerToken(request));
      if (user.sessionId !== undefined && !this.stillHeldBy(user)) return;
      if (user.sessionId !== undefined && (await this.sessions.isEnded(user.sessionId))) return;
      request[USER_REQUEST_KEY] = user;
    } catch {
      // No token, a bad one (not recorded, when only recorded tokens are accepted), a session whose
      // access changed, or a store that cannot say whether the session ended: anonymous.
    }
  }
}

/** 403 unless the route lists the user's role; a route listing none is closed. */
function admit(user: AuthenticatedUser, allowed: Role[] | undefined): boolean {
  if (!allowed || allowed.length === 0)
    throw new ForbiddenException('This route declares no roles and is closed');
  if (!allowed.includes(user.role)) {
    throw new ForbiddenException(`Role ${user.role} may not do this; allowed: ${allowed.join(', ')}`);
  }
  return true;
}

function bearerToken(request: RequestLike): string {
  const header = request.headers['authorization'];
  // The web pages send no header: their session cookie carries the same JWT (apps/api/src/web).
  const cookieToken = header === undefined ? sessionCookieToken(request) : undefined;
  if (cookieToken) return cookieToken;
  if (typeof header !== 'string' || header.length === 0) {
    throw new UnauthorizedException('Missing Authorization header (expected "Bearer <token>")');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthorizedException('Authorization header must be "Bearer <token>"');
  return match[1];
}
