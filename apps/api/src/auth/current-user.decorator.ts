import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';

export const USER_REQUEST_KEY = 'user';

/** The authenticated caller, put on the request by JwtAuthGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
    const request = ctx.switchToHttp().getRequest<Record<string, unknown>>();
    const user = request[USER_REQUEST_KEY] as AuthenticatedUser | undefined;
    // Only reachable on a @Public route, which must not ask for a user.
    if (!user) throw new InternalServerErrorException('CurrentUser used on a route without authentication');
    return user;
  },
);

/** The caller on a PublicShowingMoreWhenSignedIn route: undefined when anonymous. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser | undefined =>
    ctx.switchToHttp().getRequest<Record<string, unknown>>()[USER_REQUEST_KEY] as
      AuthenticatedUser | undefined,
);
