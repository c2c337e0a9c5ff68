import { SetMetadata } from '@nestjs/common';
import type { Role } from './role';

export const ROLES_KEY = 'care-journey:roles';
export const PUBLIC_KEY = 'care-journey:public';

/**
 * The roles admitted to a route (or every route of a controller). The global guard refuses
 * any route that declares neither @Roles nor @Public, so a forgotten declaration fails closed.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, without a token: health checks and the API documentation only. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
