import {
  BadRequestException,
  ConflictException,
  Controller,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mintToken } from '@care-journey/access';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { secureCookies, sessionCookieName, sessionCookieToken } from '../../auth/session-cookie';
import { SessionExtensions } from '../../auth/session-extensions';
import { sessionSeconds } from '../../auth/session-limits';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { formatClockTime } from '../html/format';
import { appendCookie, sessionFormToken } from './csrf';
import { extendSession } from './session-extension';
import { setCookie } from './set-cookie';
import { PAGE_READERS } from './web-user';

/** What the pages' session warning gets back (web/assets/session-warning-js.ts). */
export interface SessionExtended {
  /** False when the session was not due (more than EXTENDABLE_MINUTES_BEFORE_END left): left as it was. */
  extended: boolean;
  /** The session's end, ISO 8601. */
  endsAt: string;
  /** Seconds from this answer to the end: the page counts from it, so its own clock may be wrong. */
  endsInSeconds: number;
  /** The same, as the pages write it ("17:42", England's clock). */
  endsAtText: string;
  /** False once the session has reached its limit from sign-in: the next warning offers no button. */
  canExtendAgain: boolean;
  /** The new session token's form token: the page puts it in its forms (csrf.ts derives it from the cookie). */
  csrfToken: string;
}

export const NOT_A_PAGE_SESSION =
  "Only a signed-in page's session (its cookie) can be extended; an API token cannot";

/**
 * "Stay signed in" (WCAG 2.2.1): POST /session/extend gives the session a new token with the same
 * session id and sign-in time (`iat`) and a later end. Everything that makes a session valid is the
 * guards', before this runs, and is the same as for any page: the token verifies and has not
 * expired or been revoked, the session was not signed out, its user is still in the users file with
 * its role (else the session ends: 401), and the cookie's CSRF token is echoed (403). Then this
 * refuses a session at its limit from sign-in (409, reason `session-limit`), leaves one not due yet
 * as it is (session-extension.ts), records the extension (session-extensions.ts) and only then sets
 * the new cookie: a refusal changes nothing.
 * Answers JSON, read by the page's script; errors are the API's JSON errors.
 */
@ApiExcludeController()
@Controller('session')
export class SessionController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly extensions: SessionExtensions,
  ) {}

  @Post('extend')
  @HttpCode(200)
  @Roles(...PAGE_READERS)
  async extend(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionExtended> {
    const { sessionId, sessionTimes } = user;
    const cookieToken = request.headers.authorization === undefined ? sessionCookieToken(request) : undefined;
    if (cookieToken === undefined || sessionId === undefined || sessionTimes === undefined)
      throw new BadRequestException({ message: NOT_A_PAGE_SESSION, reason: 'not-a-session' });
    const nowMs = Date.now();
    const extension = extendSession(
      sessionTimes,
      Math.floor(nowMs / 1000),
      sessionSeconds(this.config.sessionMinutes),
    );
    if ('refused' in extension)
      throw new ConflictException({ message: extension.refused, reason: extension.reason });
    void reply.header('cache-control', 'no-store');
    // Not due yet: nothing to write, and the cookie the browser has stays.
    if (!extension.extended) return answer(extension, sessionFormToken(cookieToken), nowMs);
    const signedInAt = sessionTimes.signedInAt as number;
    const token = mintToken({
      secret: this.config.jwtSecret,
      userId: user.id,
      role: user.role,
      name: user.name,
      sessionId,
      // Kept: the limit, and `user … before …` revocations, count from when the password was typed.
      issuedAt: new Date(signedInAt * 1000),
      hours: (extension.endsAt - signedInAt) / 3600,
    });
    await this.extensions.record({ ...user, sessionId }, sessionTimes.endsAt, extension.endsAt);
    const secure = secureCookies(request);
    appendCookie(
      reply,
      setCookie(sessionCookieName(secure), token, {
        secure,
        maxAgeSeconds: extension.endsAt - Math.floor(nowMs / 1000),
      }),
    );
    return answer(extension, sessionFormToken(token), nowMs);
  }
}

function answer(
  { endsAt, canExtendAgain, extended }: { endsAt: number; canExtendAgain: boolean; extended: boolean },
  csrfToken: string,
  nowMs: number,
): SessionExtended {
  const end = new Date(endsAt * 1000);
  return {
    extended,
    endsAt: end.toISOString(),
    endsInSeconds: Math.max(0, Math.round((end.getTime() - nowMs) / 1000)),
    endsAtText: formatClockTime(end, new Date(nowMs)),
    canExtendAgain,
    csrfToken,
  };
}
