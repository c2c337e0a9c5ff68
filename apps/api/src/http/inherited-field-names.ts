import { classAtPath, declaredFields } from './declared-fields';
import type { FieldError } from './field-errors';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fields named like a member every object inherits (`toString`, `hasOwnProperty`, `valueOf`) that
 * `dto` does not declare, nested objects by their declared class (`placement.toString`).
 * class-transformer skips such a key rather than copy it, so the whitelist never sees it and it
 * would be dropped without a word: it is refused here by name, as any other unknown field is.
 */
export function inheritedFieldNameErrors(value: unknown, dto: object, parent = ''): FieldError[] {
  if (!isPlainObject(value)) return [];
  const declared = declaredFields(dto);
  return Object.keys(value).flatMap((key): FieldError[] => {
    const field = parent ? `${parent}.${key}` : key;
    if (!declared.includes(key))
      return key in Object.prototype
        ? [{ field, rule: 'whitelistValidation', message: `property ${key} should not exist` }]
        : []; // any other unknown field is the whitelist's to refuse
    const nested = classAtPath(dto, [key]);
    return nested ? inheritedFieldNameErrors(value[key], nested, field) : [];
  });
}
