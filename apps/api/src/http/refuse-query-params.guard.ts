import { BadRequestException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { badRequestBody } from './field-errors';
import { unknownQueryParamErrors } from './query-params';

/**
 * For routes that take no query parameters and have no query class to say so: the command
 * routes. `POST /children/:id/reviews?dryRun=true` must not record for real while the client
 * believes it asked for something else. Runs after authentication, before the body is read.
 */
@Injectable()
export class RefuseQueryParams implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { query } = context.switchToHttp().getRequest<{ query?: unknown }>();
    const errors = unknownQueryParamErrors(query, []);
    if (errors.length > 0) throw new BadRequestException(badRequestBody(errors));
    return true;
  }
}
