import { HttpStatus } from '@nestjs/common';

/** One broken rule on one input field, as reported in every 400. */
export interface FieldError {
  /** Dotted path in the body (`placement.placementType`), or the header/query name. */
  field: string;
  /** The rule broken, e.g. `isIn`, `isCalendarDate`, `whitelistValidation`. */
  rule: string;
  message: string;
}

export interface BadRequestBody {
  statusCode: 400;
  error: 'Bad Request';
  message: string;
  errors: FieldError[];
}

export function badRequestBody(errors: FieldError[]): BadRequestBody {
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return {
    statusCode: HttpStatus.BAD_REQUEST,
    error: 'Bad Request',
    message: `Invalid request: ${fields}`,
    errors,
  };
}
