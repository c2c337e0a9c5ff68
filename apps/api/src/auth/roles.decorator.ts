import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BEARER_AUTH } from '../docs/swagger';
import type { Role } from '@care-journey/access';

export const ROLES_KEY = 'care-journey:roles';
export const PUBLIC_KEY = 'care-journey:public';
export const IDENTIFIES_KEY = 'care-journey:identifies';

/**
 * The roles admitted to a route (or every route of a controller). The global guard refuses
 * any route that declares neither @Roles nor @Public, so a forgotten declaration fails closed.
 * The roles also appear in the OpenAPI document.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(BEARER_AUTH),
    ApiUnauthorizedResponse({ description: 'No token, or an expired, badly signed or wrong-audience token' }),
    ApiForbiddenResponse({ description: `Roles allowed: ${roles.join(', ')}` }),
  );

/** Open to anyone, without a token: health checks and the API documentation only. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * Open to anyone like @Public, but a caller who sends a valid token (or a live session cookie) is
 * identified (OptionalUser), so the route can show more to the signed in: the health probes keep
 * log positions from anonymous callers (review D13). A missing, bad or signed-out token is simply
 * anonymous here, never a 401: a load balancer's probe must not depend on it.
 */
export const PublicShowingMoreWhenSignedIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(IDENTIFIES_KEY, true));
