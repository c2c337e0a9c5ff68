import { BadRequestException, ConflictException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { RegistryReleaseRefused } from '@care-journey/registrations';
import { badRequestBody } from '../http/field-errors';

/**
 * A refused release (of a 903 reference or a UPN) as its HTTP answer: bad input 400 (every field
 * and rule), an unknown hold 404, a hold whose state forbids it 409; each names the field and the
 * rule. Nothing was recorded.
 */
export function releaseRefusalAnswer(refusal: RegistryReleaseRefused): Error {
  if (refusal.kind === 'invalid') return new BadRequestException(badRequestBody([...refusal.problems]));
  const [{ field, rule }] = refusal.problems;
  if (refusal.kind === 'not-found')
    return new NotFoundException({
      statusCode: HttpStatus.NOT_FOUND,
      error: 'Not Found',
      message: refusal.message,
      rule,
      field,
    });
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    message: refusal.message,
    rule,
    field,
  });
}
