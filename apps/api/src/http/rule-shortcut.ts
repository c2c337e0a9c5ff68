import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage as transformerRules } from 'class-transformer/cjs/storage';
import {
  getMetadataStorage,
  ValidationTypes,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { ValidationShortcut } from './validation-shortcut';

type Rule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type DtoClass = new () => object;

/** A rule as the check calls it: its validators resolved once (class-validator asks its container each time). */
interface CheckedRule {
  rule: Rule;
  validators: ValidatorConstraintInterface[];
}

interface PropertyCheck {
  name: string;
  /** IsOptional / ValidateIf: when any says no, the property's rules are skipped. */
  conditions: ((object: object, value: unknown) => boolean)[];
  /** IsDefined and the custom rules (all must pass, so their order does not matter). */
  rules: CheckedRule[];
}

interface Compiled {
  /** The rules it was compiled from: another answer from the storage means rules were added since. */
  from: readonly Rule[];
  accept: ValidationShortcut | undefined;
}

const SUPPORTED = new Set<string>([
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.WHITELIST,
]);

const compiled = new WeakMap<DtoClass, Compiled>();

/**
 * A validation shortcut (validation-shortcut.ts) derived from a DTO class's own class-validator
 * rules, for the pipe of createValidationPipe (whitelist, forbidNonWhitelisted, transform, no groups):
 * it accepts a flat JSON object — every key a declared field, every value a string, number or
 * boolean — when each of the class's rules passes on it, and returns the instance class-transformer
 * would build (`new Dto()`, the keys assigned in the order sent). Anything else (a nested object, an
 * array, null, an unknown key, a broken rule) is left to the full run, which words the 400. A class
 * with a nested or async rule, or with class-transformer decorators, gets no shortcut.
 * class-transformer + class-validator cost ~9% of the API's main thread a command (#9); this check
 * calls the same validators on the same instance without the machinery around them.
 */
export function ruleShortcutOf(dto: DtoClass): ValidationShortcut | undefined {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false, undefined);
  let known = compiled.get(dto);
  if (known?.from !== rules) compiled.set(dto, (known = { from: rules, accept: compile(dto, rules) }));
  return known.accept;
}

function compile(dto: DtoClass, rules: readonly Rule[]): ValidationShortcut | undefined {
  if (rules.length === 0 || !rules.every(isCheckable) || usesTransformer(dto, rules)) return undefined;
  const byName = new Map<string, PropertyCheck>();
  for (const rule of rules) {
    let property = byName.get(rule.propertyName);
    if (!property)
      byName.set(rule.propertyName, (property = { name: rule.propertyName, conditions: [], rules: [] }));
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION)
      property.conditions.push(rule.constraints[0] as PropertyCheck['conditions'][number]);
    else if (rule.type !== ValidationTypes.WHITELIST) property.rules.push(checked(rule));
  }
  const declared = new Set(byName.keys());
  if (!copiesEveryField(dto, declared)) return undefined;
  const properties = [...byName.values()];
  return (value) => accepted(dto, declared, properties, value);
}

/** Checked the way ValidationExecutor checks it, for a value that is not an array, a Set or a Map. */
const isCheckable = (rule: Rule): boolean =>
  SUPPORTED.has(rule.type) &&
  (rule.type !== ValidationTypes.CONDITIONAL_VALIDATION || typeof rule.constraints[0] === 'function') &&
  (rule.groups?.length ?? 0) === 0 &&
  !(
    rule.constraintCls &&
    getMetadataStorage()
      .getTargetValidatorConstraints(rule.constraintCls)
      .some((c) => c.async)
  );

const checked = (rule: Rule): CheckedRule => ({
  rule,
  validators: getMetadataStorage()
    .getTargetValidatorConstraints(rule.constraintCls)
    .map((constraint) => constraint.instance as ValidatorConstraintInterface),
});

/** Whether class-transformer would do more than copy a declared field (a @Type, @Transform, @Expose or @Exclude). */
function usesTransformer(dto: DtoClass, rules: readonly Rule[]): boolean {
  if (transformerRules.getStrategy(dto) !== 'none') return true;
  if (transformerRules.getExposedMetadatas(dto).length > 0) return true;
  if (transformerRules.getExcludedMetadatas(dto).length > 0) return true;
  return rules.some(
    ({ propertyName }) =>
      transformerRules.findTypeMetadata(dto, propertyName) !== undefined ||
      transformerRules.findTransformMetadatas(dto, propertyName, TransformationType.PLAIN_TO_CLASS).length >
        0,
  );
}

/**
 * class-transformer skips a key the class's prototype has an accessor without a setter for, or whose
 * value on a new instance is a function; a declared field that is either gets no shortcut.
 */
function copiesEveryField(dto: DtoClass, declared: ReadonlySet<string>): boolean {
  const probe = new dto() as Record<string, unknown>;
  for (const name of declared) {
    const descriptor = Object.getOwnPropertyDescriptor(dto.prototype, name);
    if ((descriptor && !descriptor.set) || probe[name] instanceof Function) return false;
    // Nest's pipe deletes these from the value before class-transformer sees it.
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') return false;
  }
  return true;
}

const isFlatValue = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function accepted(
  dto: DtoClass,
  declared: ReadonlySet<string>,
  properties: readonly PropertyCheck[],
  value: unknown,
): object | undefined {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return undefined;
  const sent = value as Record<string, unknown>;
  const instance = new dto() as Record<string, unknown>;
  for (const key of Object.keys(sent)) {
    if (!declared.has(key) || !isFlatValue(sent[key])) return undefined;
    instance[key] = sent[key];
  }
  // The whitelist looks at the instance: a field the class sets without a rule is refused.
  for (const key of Object.keys(instance)) if (!declared.has(key)) return undefined;
  for (const property of properties) {
    const field = instance[property.name];
    let validate = true;
    for (const condition of property.conditions) validate = condition(instance, field) && validate;
    if (!validate) continue;
    for (const { rule, validators } of property.rules) {
      if (rule.validateIf && !rule.validateIf(instance, field)) continue;
      for (const validator of validators) if (!passes(validator, rule, instance, field)) return undefined;
    }
  }
  return instance;
}

function passes(
  validator: ValidatorConstraintInterface,
  rule: Rule,
  object: object,
  value: unknown,
): boolean {
  const args: ValidationArguments = {
    targetName: object.constructor.name,
    property: rule.propertyName,
    object,
    value,
    constraints: rule.constraints,
  };
  // Anything but a plain yes (a promise, a truthy value) is left to the full run.
  return validator.validate(value, args) === true;
}
