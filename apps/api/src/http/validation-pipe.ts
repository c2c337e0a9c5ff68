import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { badRequestBody, type BadRequestBody, type FieldError } from './field-errors';
import { bodyShapeError, explainUnknownFields } from './body-errors';
import { inheritedFieldNameErrors } from './inherited-field-names';
import { acceptedQueryParams, declaredOnly, dtoClass, unknownQueryParamErrors } from './query-params';
import { keepValidationRuleLookups } from './kept-validation-rules';
import { ruleShortcutOf } from './rule-shortcut';
import { ShortcutValidationPipe } from './validation-shortcut';

/**
 * The one ValidationPipe: unknown fields are refused (not silently dropped), and the 400
 * names every field and rule broken, nested fields by their dotted path. A class with a
 * validation shortcut (validation-shortcut.ts) is checked by it first; a flat body is checked by
 * its class's own rules first (rule-shortcut.ts; `ruleShortcuts: false` leaves every body to the
 * full run, for specs that compare the two). An unknown query parameter is refused with the
 * parameters the route takes (query-params.ts). Rule lookups are kept (kept-validation-rules.ts).
 */
export function createValidationPipe({
  ruleShortcuts = true,
}: { ruleShortcuts?: boolean } = {}): ValidationPipe {
  keepValidationRuleLookups();
  return new ApiValidationPipe(ruleShortcuts, {
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
        : Object.entries(constraints)
            // "must be an object" says it; class-validator's "nested property … either object or array" adds nothing.
            .filter(([rule]) => !(rule === 'nestedValidation' && 'isObject' in constraints))
            .map(([rule, message]) => ({ field, rule, message: withPath(message, error.property, field) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** class-validator names a nested field by its own name (`placementType must …`); the 400 names its path. */
const withPath = (message: string, property: string, field: string): string =>
  field !== property && message.startsWith(`${property} `)
    ? `${field}${message.slice(property.length)}`
    : message;

class ApiValidationPipe extends ShortcutValidationPipe {
  constructor(
    /** rule-shortcut.ts assumes the options createValidationPipe gives (whitelist, transform, no groups). */
    private readonly ruleShortcuts: boolean,
    options: ConstructorParameters<typeof ShortcutValidationPipe>[0],
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' ? dtoClass(metadata) : undefined;
    if (dto) return this.body(value, metadata, dto);
    const accepted = acceptedQueryParams(metadata);
    const unknown = accepted ? unknownQueryParamErrors(value, accepted) : [];
    if (!accepted || unknown.length === 0) {
      // A route that takes no parameters has nothing more to check.
      return accepted?.length === 0 ? {} : super.transform(value, metadata);
    }
    // The declared parameters are still checked, so one answer names everything wrong.
    const declared = await this.errorsOf(declaredOnly(value as object, accepted), metadata);
    throw new BadRequestException(badRequestBody([...unknown, ...declared]));
  }

  private async body(value: unknown, metadata: ArgumentMetadata, dto: object): Promise<unknown> {
    const shape = bodyShapeError(value);
    if (shape) throw new BadRequestException(badRequestBody([shape]));
    // A body the class's rules accept as it is (every key declared, every value flat) names no
    // inherited member, so the walk below (a design:type lookup a key) has nothing to find in it.
    const shortcut = this.ruleShortcuts ? ruleShortcutOf(dto as new () => object) : undefined;
    const accepted = shortcut?.(value);
    if (accepted !== undefined) return accepted;
    const inherited = inheritedFieldNameErrors(value, dto);
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const { errors } = error.getResponse() as BadRequestBody;
      if (!errors) throw error;
      const named = new Set(errors.map(({ field, rule }) => `${field} ${rule}`));
      const more = inherited.filter(({ field, rule }) => !named.has(`${field} ${rule}`));
      throw new BadRequestException(badRequestBody(explainUnknownFields([...errors, ...more], dto)));
    }
    if (inherited.length > 0)
      throw new BadRequestException(badRequestBody(explainUnknownFields(inherited, dto)));
    return transformed;
  }

  private async errorsOf(value: unknown, metadata: ArgumentMetadata): Promise<FieldError[]> {
    try {
      await super.transform(value, metadata);
      return [];
    } catch (error) {
      if (error instanceof BadRequestException) return (error.getResponse() as BadRequestBody).errors ?? [];
      throw error;
    }
  }
}
