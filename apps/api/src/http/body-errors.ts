import { classAtPath, declaredFields } from './declared-fields';
import type { FieldError } from './field-errors';

/**
 * A command's body is one JSON object. An array, a string or `null` is said to be so, instead of
 * a list of its missing fields. No body at all is left to the rules (each required field says so).
 */
export function bodyShapeError(body: unknown): FieldError | undefined {
  if (body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body)))
    return undefined;
  const got = body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`;
  return {
    field: '(body)',
    rule: 'isObject',
    message: `the body must be a JSON object of fields, got ${got}`,
  };
}

/**
 * An unknown field names the object it was found in and the fields that object takes
 * (`placement.colour is not a field of placement; it takes inArea, placementType, …`).
 */
export function explainUnknownFields(errors: readonly FieldError[], dto: object): FieldError[] {
  return errors.map((error) => {
    if (error.rule !== 'whitelistValidation') return error;
    const parent = error.field.split('.').slice(0, -1);
    const type = classAtPath(dto, parent);
    const takes = type ? `; it takes ${declaredFields(type).join(', ')}` : '';
    const where = parent.length > 0 ? parent.join('.') : 'this request';
    return { ...error, message: `${error.field} is not a field of ${where}${takes}` };
  });
}
