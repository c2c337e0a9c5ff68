import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiConfig } from '../config/api-config';
import { JwtAuthGuard } from './jwt-auth.guard';
import { mintToken } from './mint-token';
import { Public, Roles } from './roles.decorator';
import type { SessionEnds } from './session-ends';
import { TokenVerifier } from './token-verifier';

const secret = 'guard-spec-secret-0123456789abcdefghijkl';

class Routes {
  @Public() open(): void {}
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
  const sessions = {
    isEnded: (id: string) => {
      lookups.push(id);
      return Promise.resolve(endedSessions.has(id));
    },
  } as unknown as SessionEnds;
  const guard = new JwtAuthGuard(
    new Reflector(),
    new TokenVerifier({ jwtSecret: secret } as ApiConfig),
    sessions,
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
    });

    it('admits an open session after one lookup, and puts its id on the user', async () => {
      const { context, request } = contextFor('audited', session());
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(request.user).toEqual({ id: 'u1', name: 'u1', role: 'auditor', sessionId: SESSION });
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
