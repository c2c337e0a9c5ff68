import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { mintToken } from '@care-journey/access';
import { Public, Roles } from '../../auth/roles.decorator';
import { secureCookies, sessionCookieName } from '../../auth/session-cookie';
import { SignInNotRecorded, SignInRecord } from '../../auth/recorded/sign-in-record';
import { newSessionId, SessionEnds } from '../../auth/session-ends';
import { sessionSeconds } from '../../auth/session-limits';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { appendCookie, csrfMatches, csrfToken, dropPreSessionToken } from './csrf';
import { type LoginFailure, loginPage } from './login.page';
import { FORM_NOT_SENT_PARAM, safeNext } from './safe-next';
import { setCookie } from './set-cookie';
import { UserDirectory } from './user-directory';
import { PAGE_READERS } from './web-user';

@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
export class LoginController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly users: UserDirectory,
    private readonly sessions: SessionEnds,
    private readonly signIns: SignInRecord,
  ) {}

  @Get('login')
  @Public()
  show(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('next') next?: string,
    @Query(FORM_NOT_SENT_PARAM) formNotSent?: string,
  ): string {
    return sendPage(
      reply,
      loginPage({
        csrfToken: csrfToken(request, reply),
        next: safeNext(next),
        formNotSent: formNotSent === '1',
        demo: this.users.demo,
        notice: this.users.notice,
      }),
    );
  }

  /**
   * A failed attempt is not recorded in the store: it is the access log's `POST /login 401` line
   * (with its request id and no user), and the rate limit counts it (security/login-rate-limit.ts).
   * Recording each would let anyone on the network write to the store as fast as the limit allows.
   */
  @Post('login')
  @Public()
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ): Promise<string> {
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const formValid = csrfMatches(request, body._csrf);
    const user = formValid ? this.users.authenticate(username, password) : undefined;
    const refuse = (failed: LoginFailure, status: number): string =>
      sendPage(
        reply,
        loginPage({
          csrfToken: csrfToken(request, reply),
          next: safeNext(body.next),
          demo: this.users.demo,
          notice: this.users.notice,
          username,
          failed,
        }),
        status,
      );
    if (!user) return refuse(formValid ? 'credentials' : 'form', 401);
    const seconds = sessionSeconds(this.config.sessionMinutes);
    // Whole seconds, as the token's `iat` and `exp` are: the record says exactly what the token does.
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    // Its own id, so signing out can end this session on the server (auth/session-ends.ts), and
    // the id the sign-in is recorded under (and revoked by).
    const sessionId = newSessionId();
    const session = { sessionId, userId: user.username, name: user.name, role: user.role, issuedAt };
    try {
      // Recorded first: a session whose sign-in is not in the store is never handed out.
      await this.signIns.record({
        ...session,
        expiresAt: new Date(issuedAt.getTime() + seconds * 1000),
        requestId: request.id,
      });
    } catch (error) {
      if (!(error instanceof SignInNotRecorded)) throw error;
      // Fails closed: no cookie, nothing changed; the page says to try again.
      return refuse('not-recorded', 503);
    }
    const token = mintToken({
      secret: this.config.jwtSecret,
      userId: user.username,
      role: user.role,
      name: user.name,
      hours: seconds / 3600,
      sessionId,
      issuedAt,
    });
    const secure = secureCookies(request);
    appendCookie(reply, setCookie(sessionCookieName(secure), token, { secure, maxAgeSeconds: seconds }));
    // The session's own form token takes over (csrf.ts): the one the sign-in form used is dropped.
    dropPreSessionToken(request, reply);
    return redirect(reply, safeNext(body.next));
  }

  @Post('logout')
  @Roles(...PAGE_READERS)
  async signOut(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    // Ended in the store first: a copy of the cookie is refused from now on, by every API process.
    // A bearer token without a session (an API client's) has nothing to end; it expires by itself.
    if (user.sessionId !== undefined) await this.sessions.end(user.sessionId, user);
    // Cleared with the name and flags it was set with (a browser ignores a `__Host-` one without Secure).
    const secure = secureCookies(request);
    appendCookie(reply, setCookie(sessionCookieName(secure), '', { secure, maxAgeSeconds: 0 }));
    dropPreSessionToken(request, reply);
    return redirect(reply, '/login');
  }

  @Get('panel')
  @Roles(...PAGE_READERS)
  home(@Res({ passthrough: true }) reply: FastifyReply): string {
    return redirect(reply, '/panel/drift');
  }
}
