import type { ArgumentMetadata } from '@nestjs/common';
import { declaredFields } from './declared-fields';
import type { FieldError } from './field-errors';

/**
 * The API's one rule for query strings: a route takes the parameters its query class declares,
 * and any other is a 400 naming it and the ones the route takes. A typo (`?asat=`) must not
 * silently give another answer (today's view instead of a past one).
 */

const NOT_CLASSES: readonly unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/** The DTO class of a whole body or query (`@Body()`, `@Query()` typed with a class), else undefined. */
export function dtoClass({ data, metatype }: ArgumentMetadata): object | undefined {
  return data === undefined && metatype && !NOT_CLASSES.includes(metatype) ? metatype : undefined;
}

/** A route's whole query (`@Query()` with a class): the parameters the class declares, sorted; else undefined. */
export function acceptedQueryParams(metadata: ArgumentMetadata): string[] | undefined {
  const dto = metadata.type === 'query' ? dtoClass(metadata) : undefined;
  return dto ? declaredFields(dto) : undefined;
}

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
