import { BadRequestException } from '@nestjs/common';
import { badRequestBody } from '../http/field-errors';
import { MonthRangeError, WhatIfError } from '@care-journey/projections';

/** The library's input errors name a field and a rule: they become the API's usual 400. */
export async function asBadRequest<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MonthRangeError || error instanceof WhatIfError) {
      const rule = error instanceof MonthRangeError ? 'monthRange' : 'whatIf';
      throw new BadRequestException(badRequestBody([{ field: error.field, rule, message: error.message }]));
    }
    throw error;
  }
}
