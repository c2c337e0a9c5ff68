import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ChildScopeGuard } from './child-scope.guard';

export const CHILD_SCOPED_KEY = 'care-journey:child-scoped';

/**
 * What a route's scope check looks at: `child`, the child named by the `:id` path parameter (reads
 * and commands about one child); `registration`, the `team` a new child is registered into.
 */
export type ChildScopedTarget = 'child' | 'registration';

/**
 * Puts a route (or every route of a controller) under the social worker scope (ChildScope): a child
 * out of the user's scope answers 404 as an unknown child does, a registration into another team 400.
 */
export const ChildScoped = (target: ChildScopedTarget = 'child'): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(CHILD_SCOPED_KEY, target), UseGuards(ChildScopeGuard));
