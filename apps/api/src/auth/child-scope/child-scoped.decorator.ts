import { applyDecorators, SetMetadata, UseGuards, UseInterceptors } from '@nestjs/common';
import { ChildScopeGuard } from './child-scope.guard';
import { ScopeRefusalsInTrail } from './scope-refusals-in-trail.interceptor';

export const CHILD_SCOPED_KEY = 'care-journey:child-scoped';

/**
 * What a route's scope check looks at: `child`, the child named by the `:id` path parameter (reads,
 * and the pages' forms); `command`, that child too, for a route whose handler judges the scope again
 * on the state it decides on (the API's commands: the guard may pass on a kept fold without reading
 * the stream); `registration`, the `team` a new child is registered into.
 */
export type ChildScopedTarget = 'child' | 'command' | 'registration';

/**
 * Puts a route (or every route of a controller) under the social worker scope (ChildScope): a child
 * out of the user's scope answers 404 as an unknown child does, a registration into another team 400.
 */
export const ChildScoped = (target: ChildScopedTarget = 'child'): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(CHILD_SCOPED_KEY, target),
    UseGuards(ChildScopeGuard),
    // A command the handler refuses on the state it decided on is in the trail as the guard's are:
    // recorded by the API's command sender on command routes, by this interceptor on the pages'.
    ...(target === 'child' ? [UseInterceptors(ScopeRefusalsInTrail)] : []),
  );
