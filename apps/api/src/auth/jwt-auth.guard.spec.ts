import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiConfig } from '../config/api-config';
import { JwtAuthGuard } from './jwt-auth.guard';
import { mintToken } from './mint-token';
import { Public, Roles } from './roles.decorator';
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
  const guard = new JwtAuthGuard(new Reflector(), new TokenVerifier({ jwtSecret: secret } as ApiConfig));
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
});
