import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiConfig } from '../config/api-config';
import type { AuthenticatedUser } from './authenticated-user';
import { JwtAuthGuard } from './jwt-auth.guard';
import { mintToken, type Role } from '@care-journey/access';
import { Public, PublicShowingMoreWhenSignedIn, Roles } from './roles.decorator';
import type { SessionEnds } from './session-ends';
import { ACCESS_CHANGED, type SessionUsers } from './session-users';
import { TokenVerifier } from './token-verifier';

const secret = 'guard-spec-secret-0123456789abcdefghijkl';

class Routes {
  @Public() open(): void {}
  @PublicShowingMoreWhenSignedIn() probe(): void {}
  @Roles('auditor') audited(): void {}
  undeclared(): void {}
}

function contextFor(
  handler: keyof Routes,
  authorization?: string,
): { context: ExecutionContext; request: Record<string, unknown> } {
  const request: Record<string, unknown> = { headers: authorization ? { authorization } : {} };
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

describe('JwtAuthGuard', () => {
  const endedSessions = new Set<string>();
  const lookups: string[] = [];
  const ends: { id: string; reason: string | undefined }[] = [];
  const sessions = {
    isEnded: (id: string) => {
      lookups.push(id);
      return Promise.resolve(endedSessions.has(id));
    },
    end: (id: string, _user: unknown, reason?: string) => {
      ends.push({ id, reason });
      endedSessions.add(id);
      return Promise.resolve();
    },
  } as unknown as SessionEnds;
  // The user directory now: u1 is an auditor unless a test says otherwise.
  const directory = new Map<string, Role>();
  const users: SessionUsers = { currentRole: (id: string) => directory.get(id) };
  const guard = new JwtAuthGuard(
    new Reflector(),
    new TokenVerifier({ jwtSecret: secret } as ApiConfig),
    sessions,
    users,
  );
  const bearer = (role: 'auditor' | 'panel_member') => `Bearer ${mintToken({ secret, userId: 'u1', role })}`;

  it('opens @Public routes without a token', () => {
    expect(guard.canActivate(contextFor('open').context)).toBe(true);
  });

  it('admits a listed role and puts the user on the request', () => {
    const { context, request } = contextFor('audited', bearer('auditor'));
    expect(guard.canActivate(context)).toBe(true);
    expect(request.user).toEqual({ id: 'u1', name: 'u1', role: 'auditor' });
  });

  it('401 without a token, 403 for another role', () => {
    expect(() => guard.canActivate(contextFor('audited').context)).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(contextFor('audited', bearer('panel_member')).context)).toThrow(
      ForbiddenException,
    );
  });

  it('fails closed: a route that declares no roles is refused even to a valid token', () => {
    expect(() => guard.canActivate(contextFor('undeclared', bearer('auditor')).context)).toThrow(
      /declares no roles/,
    );
  });

  describe('web sessions (tokens with a session id)', () => {
    const SESSION = '0b9e7a52-3c1d-4e8f-9a6b-2d4c6e8f0a1b';
    const session = (role: 'auditor' | 'panel_member' = 'auditor') =>
      `Bearer ${mintToken({ secret, userId: 'u1', role, sessionId: SESSION })}`;
    beforeEach(() => {
      endedSessions.clear();
      lookups.length = 0;
      ends.length = 0;
      directory.clear();
      directory.set('u1', 'auditor');
    });

    it('admits an open session after one lookup, and puts its id on the user', async () => {
      const { context, request } = contextFor('audited', session());
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(request.user).toEqual({
        id: 'u1',
        name: 'u1',
        role: 'auditor',
        sessionId: SESSION,
        // The session's sign-in and end, from its token: the pages say when it ends (session warning).
        sessionTimes: { signedInAt: expect.any(Number), endsAt: expect.any(Number) },
      });
      const { signedInAt, endsAt } = (request.user as AuthenticatedUser).sessionTimes!;
      expect(endsAt - signedInAt!).toBe(8 * 3600);
      expect(lookups).toEqual([SESSION]);
    });

    it('refuses a signed-out session with a 401 that says so, before looking at roles', async () => {
      endedSessions.add(SESSION);
      await expect(guard.canActivate(contextFor('audited', session()).context)).rejects.toThrow(
        new UnauthorizedException('This session was signed out: sign in again'),
      );
      await expect(guard.canActivate(contextFor('audited', session('panel_member')).context)).rejects.toThrow(
        UnauthorizedException,
      );
    });

    it("Given the user's role changed in the directory, When the session's next request comes, Then it is ended for good (401 saying why)", async () => {
      directory.set('u1', 'panel_member');
      await expect(guard.canActivate(contextFor('audited', session('auditor')).context)).rejects.toThrow(
        new UnauthorizedException(ACCESS_CHANGED),
      );
      expect(ends).toEqual([{ id: SESSION, reason: 'access-changed' }]);
      // Durable: put back as it was, the ended session stays ended.
      directory.set('u1', 'auditor');
      await expect(guard.canActivate(contextFor('audited', session('auditor')).context)).rejects.toThrow(
        new UnauthorizedException('This session was signed out: sign in again'),
      );
    });

    it('Given the user was removed from the directory, Then the session is refused and ended', async () => {
      directory.delete('u1');
      await expect(guard.canActivate(contextFor('audited', session()).context)).rejects.toThrow(
        ACCESS_CHANGED,
      );
      expect(ends).toEqual([{ id: SESSION, reason: 'access-changed' }]);
    });

    it('Given a store that cannot record the end, Then the request is still a 401, never a 500', async () => {
      directory.set('u1', 'panel_member');
      const failing = new JwtAuthGuard(
        new Reflector(),
        new TokenVerifier({ jwtSecret: secret } as ApiConfig),
        {
          end: () => Promise.reject(new Error('disk full')),
          isEnded: () => Promise.resolve(false),
        } as unknown as SessionEnds,
        users,
      );
      await expect(failing.canActivate(contextFor('audited', session()).context)).rejects.toThrow(
        new UnauthorizedException(ACCESS_CHANGED),
      );
    });

    it('Given a probe that shows more to the signed in, When a changed session calls it, Then it is anonymous', async () => {
      const same = contextFor('probe', session());
      await expect(guard.canActivate(same.context)).resolves.toBe(true);
      expect(same.request.user).toMatchObject({ id: 'u1', role: 'auditor' });
      directory.set('u1', 'panel_member');
      const changed = contextFor('probe', session());
      await expect(guard.canActivate(changed.context)).resolves.toBe(true);
      expect(changed.request.user).toBeUndefined();
    });

    it("never checks the directory for API clients' tokens: bearer tokens without a session are not in it", () => {
      directory.clear();
      expect(guard.canActivate(contextFor('audited', bearer('auditor')).context)).toBe(true);
    });

    it('never looks up a token without a session (API clients): answered without a read', () => {
      expect(guard.canActivate(contextFor('audited', bearer('auditor')).context)).toBe(true);
      expect(lookups).toEqual([]);
    });

    it('refuses a session id that our sign-in could not have minted', () => {
      const odd = `Bearer ${mintToken({ secret, userId: 'u1', role: 'auditor', sessionId: '../journey-x' })}`;
      expect(() => guard.canActivate(contextFor('audited', odd).context)).toThrow(
        /session id \(jti\) is malformed/,
      );
    });
  });
});
