import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateNested,
  buildMessage,
  IsDefined,
  Matches,
  IsObject,
} from 'class-validator';
import { codesOf, isValidCalendarDate, type CodeListName } from '@care-journey/journey';
import { IsInSupportedYears } from '../../http/supported-dates';
import { IsPlainText } from './plain-text';

/**
 * Field decorators for the command DTOs: each pairs the validation rule with its OpenAPI
 * description and example, so the document cannot drift from what is enforced.
 */
interface FieldDoc {
  description: string;
  example?: unknown;
  optional?: boolean;
}

const documented = ({ description, example, optional }: FieldDoc, extra: Record<string, unknown> = {}) =>
  optional
    ? applyDecorators(ApiPropertyOptional({ description, example, ...extra }), IsOptional())
    : applyDecorators(ApiProperty({ description, example, ...extra }), IsDefined());

/**
 * A real calendar date, YYYY-MM-DD (2025-02-30 is refused), in the years the API takes
 * (supported-dates.ts: 1900–2100, its own rule so the answer says which was broken).
 */
export const IsCalendarDate = (): PropertyDecorator =>
  applyDecorators(
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isValidCalendarDate(value),
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must be a real calendar date, YYYY-MM-DD`,
        ),
      },
    }),
    IsInSupportedYears(),
  );

export const DateField = (doc: FieldDoc) =>
  applyDecorators(documented(doc, { type: String, format: 'date' }), IsCalendarDate());

/** One code of a national SSDA903 list; whether it is valid on the effective date is a domain rule (422). */
export const CodeField = (list: CodeListName, doc: FieldDoc, codes: readonly string[] = codesOf(list)) =>
  applyDecorators(
    documented(doc, { type: String, enum: [...codes] }),
    IsIn([...codes], { message: `$property must be a 903 ${list} code: ${codes.join(', ')}` }),
  );

/** One of a fixed set of values that is not a 903 list. */
export const OneOfField = (values: readonly (string | number)[], doc: FieldDoc) =>
  applyDecorators(
    documented(doc, { enum: [...values] }),
    IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }),
  );

/**
 * Free text: one line unless `lines` is 'multi' (a textarea's reason or finding), and never a
 * control, bidirectional-override or zero-width character (plain-text.ts).
 */
export const TextField = (doc: FieldDoc, maxLength = 200, lines: 'single' | 'multi' = 'single') =>
  applyDecorators(
    documented(doc, { type: String, maxLength }),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
    IsPlainText(lines === 'multi'),
  );

/** A UK postcode, or at least its district ("LS1 4AB", "LS1"): the same rule wherever one is recorded. */
export const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{2})?$/i;

export const PostcodeField = (doc: FieldDoc) =>
  applyDecorators(
    TextField(doc, 8),
    Matches(UK_POSTCODE, { message: '$property must be a UK postcode or its district' }),
  );

/**
 * The 903 CHILD reference: the authority's own id for the child, at most 10 characters, letters and
 * digits (with "-" or "_" between them), no spaces: it keys every 903 table, so "AC 9!" is refused
 * here rather than at the return.
 */
export const CHILD_REF = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const CHILD_REF_MAX_LENGTH = 10;

export const ChildRefField = (doc: FieldDoc) =>
  applyDecorators(
    TextField(doc, CHILD_REF_MAX_LENGTH),
    Matches(CHILD_REF, {
      message: `$property must be a 903 child reference (CHILD): letters, digits, "-" or "_", no spaces, starting with a letter or digit, at most ${CHILD_REF_MAX_LENGTH} characters`,
    }),
  );

export const BooleanField = (doc: FieldDoc) =>
  applyDecorators(documented(doc, { type: Boolean }), IsBoolean());

/**
 * One nested object: an array is refused too (ValidateNested alone would check its items and let
 * it through). @nestjs/swagger takes a function as a lazy type only when it is named `type`
 * (written `{ type: () => Dto }`); the caller's thunk has no name, so it would be read as a class
 * named '' and every property of this kind would point at `#/components/schemas/`.
 */
export const NestedField = (type: () => new () => object, doc: FieldDoc) =>
  applyDecorators(documented(doc, { type: () => type() }), IsObject(), ValidateNested(), Type(type));
