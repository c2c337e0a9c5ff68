import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { badRequestBody } from './field-errors';
import { InvalidIfMatch, parseIfMatch, type IfMatch } from './if-match';

/** The parsed If-Match header; a malformed one is a 400 naming the header. */
export const IfMatchHeader = createParamDecorator((_data: unknown, ctx: ExecutionContext): IfMatch => {
  const request = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  try {
    return parseIfMatch(request.headers['if-match']);
  } catch (error) {
    if (!(error instanceof InvalidIfMatch)) throw error;
    throw new BadRequestException(
      badRequestBody([{ field: 'If-Match', rule: 'isRevision', message: error.message }]),
    );
  }
});
