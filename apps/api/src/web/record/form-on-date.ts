import { codesOf, isValidCode, type CalendarDate } from '@care-journey/journey';
import type { FormField, RecordForm } from './form-definitions';

/**
 * The form as it is offered on `date`: each list of codes keeps only the codes in force that day,
 * so withdrawn ones (placements P2 after October 2023, H5 and Z1 after March 2025 …) are not offered. A back-dated
 * entry that needs a withdrawn code is recorded through the API, where the journey judges the code
 * on the entry's own date.
 */
export function formOnDate(form: RecordForm, date: CalendarDate): RecordForm {
  return { ...form, fields: form.fields.map((field) => fieldOnDate(field, date)) };
}

function fieldOnDate(field: FormField, date: CalendarDate): FormField {
  if (field.kind !== 'code') return field;
  const codes = field.only ?? codesOf(field.list);
  return { ...field, only: codes.filter((code) => isValidCode(field.list, code, date)) };
}
