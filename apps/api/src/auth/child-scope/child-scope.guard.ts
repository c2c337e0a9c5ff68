import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { badRequestBody } from '../../http/field-errors';
import type { AuthenticatedUser } from '../authenticated-user';
import { USER_REQUEST_KEY } from '../current-user.decorator';
import { ChildScope } from './child-scope';
import type { RefusedRequest } from './refusal-trail';
import { CHILD_SCOPED_KEY, type ChildScopedTarget } from './child-scoped.decorator';

interface RequestLike extends RefusedRequest {
  params?: Record<string, string | undefined>;
  body?: unknown;
  [USER_REQUEST_KEY]?: AuthenticatedUser;
}

/**
 * Runs after the global authentication and role guards (a route's own guards always do). A child
 * out of the user's scope, like an unknown one, is "No child with id …" (404) on the API and the
 * pages alike, before any handler reads or records anything, so the answer never tells that the
 * child exists; the refusal is in the read-access trail.
 */
@Injectable()
export class ChildScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly scope: ChildScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const target = this.reflector.getAllAndOverride<ChildScopedTarget | undefined>(CHILD_SCOPED_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<RequestLike>();
    const user = request[USER_REQUEST_KEY];
    if (!target || !user) return true;
    if (target === 'registration') {
      const team = (request.body as Record<string, unknown> | undefined)?.team;
      const refusal = this.scope.registrationRefusal(user, team);
      if (refusal) throw new BadRequestException(badRequestBody([refusal]));
      return true;
    }
    const childId = request.params?.id;
    // A malformed id is the validation pipe's 400, whoever asks: it names no child.
    if (childId === undefined || !CHILD_ID_PATTERN.test(childId)) return true;
    const may =
      target === 'command' ? this.scope.mayRecord(user, childId) : this.scope.mayOpen(user, childId);
    if (await may) return true;
    await this.scope.recordRefused(user, childId, request);
    throw new NotFoundException(`No child with id ${childId}`);
  }
}
