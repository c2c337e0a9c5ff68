import { BadRequestException } from '@nestjs/common';
import { parsePointSpec, parseReplayPoint, type ReplayPoint } from '@care-journey/audit';
import { badRequestBody, type FieldError } from '../http/field-errors';
import { isInSupportedYears, SUPPORTED_YEARS_RULE, supportedYearsMessage } from '../http/supported-dates';
import type { DiffQuery } from './dto/diff.query';

/** Reads both sides of a diff from either parameter form; anything unclear is a 400 naming the field. */
export function diffPoints(query: DiffQuery): { from: ReplayPoint; to: ReplayPoint } {
  const errors: FieldError[] = [];
  const side = (
    name: 'from' | 'to',
    spec: string | undefined,
    asAt: string | undefined,
    knownAt: string | undefined,
  ): ReplayPoint => {
    const separate = asAt !== undefined || knownAt !== undefined;
    if (spec !== undefined && separate) {
      errors.push({
        field: name,
        rule: 'oneForm',
        message: `${name}: give either ${name}=… or ${name}AsAt/${name}KnownAt, not both`,
      });
      return {};
    }
    if (spec === undefined && !separate) {
      errors.push({
        field: name,
        rule: 'isDefined',
        message: `${name} is required: ${name}=asAt:YYYY-MM-DD and/or knownAt:<instant or YYYY-MM-DD>, or ${name}AsAt/${name}KnownAt`,
      });
      return {};
    }
    const parsed =
      spec !== undefined ? parsePointSpec(spec, name) : parseReplayPoint({ asAt, knownAt }, `${name}.`);
    if ('errors' in parsed) {
      errors.push(
        ...parsed.errors.map((e) => ({
          field: e.field,
          rule: 'replayPoint',
          message: `${e.field} ${e.rule}`,
        })),
      );
      return {};
    }
    // The API's one bound on dates (http/supported-dates.ts), on each part of the side.
    const outside = (['asAt', 'knownAt'] as const).filter((part) => !isInSupportedYears(parsed.point[part]));
    errors.push(
      ...outside.map((part) => ({
        field: `${name}.${part}`,
        rule: SUPPORTED_YEARS_RULE,
        message: supportedYearsMessage(`${name}.${part}`),
      })),
    );
    return parsed.point;
  };
  const from = side('from', query.from, query.fromAsAt, query.fromKnownAt);
  const to = side('to', query.to, query.toAsAt, query.toKnownAt);
  if (errors.length > 0) throw new BadRequestException(badRequestBody(errors));
  return { from, to };
}
