import type { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldError } from './field-errors';

/**
 * The API's one rule for query strings: a route takes the parameters its query class declares,
 * and any other is a 400 naming it and the ones the route takes. A typo (`?asat=`) must not
 * silently give another answer (today's view instead of a past one).
 */

const NOT_CLASSES: readonly unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/** A route's whole query (`@Query()` with a class): the parameters the class declares, sorted; else undefined. */
export function acceptedQueryParams(metadata: ArgumentMetadata): string[] | undefined {
  const { type, data, metatype } = metadata;
  if (type !== 'query' || data !== undefined || !metatype || NOT_CLASSES.includes(metatype)) return undefined;
  let accepted = acceptedByClass.get(metatype);
  if (!accepted) {
    const declared = getMetadataStorage()
      .getTargetValidationMetadatas(metatype, '', true, false)
      .map((rule) => rule.propertyName);
    accepted = [...new Set(declared)].sort();
    acceptedByClass.set(metatype, accepted);
  }
  return accepted;
}

/** Read once per class: the rules of a class do not change after it is declared. */
const acceptedByClass = new WeakMap<object, string[]>();

/** One error per parameter the route does not take, in the order sent. */
export function unknownQueryParamErrors(query: unknown, accepted: readonly string[]): FieldError[] {
  if (typeof query !== 'object' || query === null) return [];
  const takes = accepted.length === 0 ? 'it takes none' : `it takes ${accepted.join(', ')}`;
  return Object.keys(query)
    .filter((name) => !accepted.includes(name))
    .map((name) => ({
      field: name,
      rule: 'whitelistValidation',
      message: `${name} is not a query parameter of this route; ${takes}`,
    }));
}

/** Only the declared parameters, to validate them on their own when unknown ones are reported. */
export function declaredOnly(query: object, accepted: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([name]) => accepted.includes(name)));
}

/** The query class of a route that takes no parameters: `@Query() _query: NoQueryParams`. */
export class NoQueryParams {}
