import type { FormField } from './form-definitions';
import { normaliseFormDate } from './form-date';

/**
 * A submitted form → the JSON body the API would receive: dotted names nested, blank optional
 * fields left out, yes/no as booleans, numeric choices and whole-number texts as numbers, dates typed
 * day/month/year as YYYY-MM-DD (form-date.ts). Anything else passes through
 * untouched, so the API's validation judges exactly what was typed.
 */
export function formToBody(
  fields: readonly FormField[],
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = submitted[field.name];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === '') continue;
    setPath(body, field.name, convert(field, value));
  }
  return body;
}

function convert(field: FormField, value: unknown): unknown {
  if (field.kind === 'date' && typeof value === 'string') return normaliseFormDate(value);
  if (field.kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (
    (field.kind === 'choice' || field.kind === 'text') &&
    field.numeric &&
    typeof value === 'string' &&
    /^\d+$/.test(value)
  )
    return Number(value);
  if (field.kind === 'code' && typeof value === 'string') return value.toUpperCase();
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** The submitted strings, to refill the form after an error. */
export function formValues(
  fields: readonly FormField[],
  submitted: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => [f.name, typeof submitted[f.name] === 'string' ? (submitted[f.name] as string) : '']),
  );
}
