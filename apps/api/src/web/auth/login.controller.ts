import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { mintToken } from '@care-journey/access';
import { Public, Roles } from '../../auth/roles.decorator';
import { secureCookies, sessionCookieName } from '../../auth/session-cookie';
import { newSessionId, SessionEnds } from '../../auth/session-ends';
import { sessionSeconds } from '../../auth/session-limits';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { appendCookie, csrfMatches, csrfToken, dropPreSessionToken } from './csrf';
import { loginPage } from './login.page';
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

  @Post('login')
  @Public()
  signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ): string {
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const formValid = csrfMatches(request, body._csrf);
    const user = formValid ? this.users.authenticate(username, password) : undefined;
    if (!user) {
      const model = {
        csrfToken: csrfToken(request, reply),
        next: safeNext(body.next),
        demo: this.users.demo,
        notice: this.users.notice,
      };
      const failed = formValid ? 'credentials' : 'form';
      return sendPage(reply, loginPage({ ...model, username, failed }), 401);
    }
    const seconds = sessionSeconds(this.config.sessionMinutes);
    const token = mintToken({
      secret: this.config.jwtSecret,
      userId: user.username,
      role: user.role,
      name: user.name,
      hours: seconds / 3600,
      // Its own id, so signing out can end this session on the server (auth/session-ends.ts).
      sessionId: newSessionId(),
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
