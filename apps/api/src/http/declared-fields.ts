import { getMetadataStorage } from 'class-validator';

/** What a DTO class takes: the properties with a validation rule, the same test as `whitelist`. */
export function declaredFields(type: object): string[] {
  let fields = fieldsByClass.get(type);
  if (!fields) {
    const declared = getMetadataStorage()
      .getTargetValidationMetadatas(type as new () => object, '', true, false)
      .map((rule) => rule.propertyName);
    fields = [...new Set(declared)].sort();
    fieldsByClass.set(type, fields);
  }
  return fields;
}

/** Read once per class: the rules of a class do not change after it is declared. */
const fieldsByClass = new WeakMap<object, string[]>();

/** The DTO class at a dotted path below `type` (`placement` → PlacementDetailsDto), from the declared property types. */
export function classAtPath(type: object, path: readonly string[]): object | undefined {
  let current: object | undefined = type;
  for (const property of path) {
    const prototype = (current as { prototype?: object } | undefined)?.prototype;
    const next: unknown = prototype && Reflect.getMetadata('design:type', prototype, property);
    current = typeof next === 'function' && next !== Object && next !== Array ? next : undefined;
    if (!current) return undefined;
  }
  return current;
}
