import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { badRequestBody, type FieldError } from './field-errors';
import { ShortcutValidationPipe } from './validation-shortcut';

/**
 * The one ValidationPipe: unknown fields are refused (not silently dropped), and the 400
 * names every field and rule broken, nested fields by their dotted path. A class with a
 * validation shortcut (validation-shortcut.ts) is checked by it first.
 */
export function createValidationPipe(): ValidationPipe {
  return new ShortcutValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(badRequestBody(flattenValidationErrors(errors))),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    // A missing field breaks every rule on it; saying it is required is the one useful message.
    const own =
      'isDefined' in constraints
        ? [{ field, rule: 'isDefined', message: `${field} is required` }]
        : Object.entries(constraints).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
