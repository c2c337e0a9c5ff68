import { AMENDED } from './correction-forms';
import type { FormField, RecordForm } from './form-definitions';
import type { FormError } from './record-form.page';

/** A refused form's message, placed: `field` is the form field it belongs beside, if the form has one. */
export interface PlacedFormError {
  field: string | undefined;
  message: string;
}

/**
 * The API's messages name its fields (`effectiveDate is required`, `placementType must be a 903
 * PLACE code: …`); the person filling in the form sees labels. The message's subject becomes the
 * label of the field it belongs to, and the rest of the message (the rule) is kept. Field names
 * anywhere else in the message are swapped too when they cannot be an English word (a dotted path
 * or camelCase); a plain word such as `reason` is swapped only as the subject.
 */
export function inFormWords(form: RecordForm, error: FormError): PlacedFormError {
  const field = error.field === undefined ? undefined : fieldOf(form, error.field);
  let message = error.message;
  const subject = field && subjectOf(message, error.field ?? field.name, field.name);
  if (field && subject !== undefined) message = `${labelInText(field)}${message.slice(subject.length)}`;
  for (const other of form.fields)
    for (const name of namesOf(other))
      if (isIdentifier(name)) message = message.replace(identifierPattern(name), labelInText(other));
  return { field: field?.name, message };
}

/**
 * The names a field goes by in the API's messages: its own, and for an amend form's field
 * (`amendedData.effectiveDate`) also the corrected entry's (`effectiveDate`), which the journey's
 * rules name when the amended entry breaks one.
 */
const namesOf = (field: FormField): string[] =>
  field.name.startsWith(AMENDED) ? [field.name, field.name.slice(AMENDED.length)] : [field.name];

/** The form field an error is about: its own, or for a whole nested object ("placement is required") its first. */
function fieldOf(form: RecordForm, name: string): FormField | undefined {
  return form.fields.find((f) => f.name === name) ?? form.fields.find((f) => f.name.startsWith(`${name}.`));
}

/** The API's name for the field at the start of the message, as the validator or the domain wrote it. */
function subjectOf(message: string, errorField: string, formField: string): string | undefined {
  const last = (path: string) => path.slice(path.lastIndexOf('.') + 1);
  const candidates = [
    formField,
    errorField,
    last(formField),
    last(errorField),
    `property ${last(errorField)}`,
  ];
  return candidates
    .sort((a, b) => b.length - a.length)
    .find((name) => message.startsWith(`${name} `) || message.startsWith(`${name}:`));
}

/** A question label reads in a sentence only in quotes: “Is it the same carer as before?” is required. */
const labelInText = (field: FormField): string =>
  field.label.endsWith('?') ? `“${field.label}”` : field.label;

/** `placement.postcode`, `effectiveDate`: names no sentence uses as a word. */
const isIdentifier = (name: string): boolean => name.includes('.') || /[a-z][A-Z]/.test(name);

const identifierPattern = (name: string): RegExp =>
  new RegExp(`(?<![\\w.])${name.replace(/\./g, '\\.')}(?![\\w.])`, 'g');
