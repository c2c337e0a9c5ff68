import type { StoredJourneyEvent } from '@care-journey/journey';
import { AMENDED, topLevel } from './correction-forms';
import type { RecordForm } from './form-definitions';
import type { FormError } from './record-form.page';

export type AmendedData =
  { ok: true; amendedData: Record<string, unknown> } | { ok: false; errors: FormError[] };

/**
 * The amend form's answers → the API's `amendedData`: only the entry's fields whose answer differs
 * from the entry as it stands (the API lays them over it), so the correction records what was
 * wrong and nothing else. An object the form shows only part of (a placement) is sent whole, the
 * parts it does not show kept as they are. Refused before sending, nothing recorded: answers that
 * change nothing, and a field left blank that the entry holds (an amendment lays fields over the
 * entry and cannot take one away: the entry is withdrawn and recorded again instead).
 */
export function amendedDataOf(
  form: RecordForm,
  entry: StoredJourneyEvent,
  body: Record<string, unknown>,
): AmendedData {
  const given = (body.amendedData ?? {}) as Record<string, unknown>;
  const data = entry.data as unknown as Record<string, unknown>;
  const shown = form.fields
    .filter((f) => f.name.startsWith(AMENDED))
    .map((f) => f.name.slice(AMENDED.length));
  const amendedData: Record<string, unknown> = {};
  const errors: FormError[] = [];
  for (const field of [...new Set(shown.map(topLevel))]) {
    const parts = shown
      .filter((name) => name.startsWith(`${field}.`))
      .map((name) => name.slice(field.length + 1));
    const value = parts.length > 0 ? wholeObject(data[field], given[field], parts) : given[field];
    if (value === undefined) {
      if (data[field] !== undefined)
        errors.push({
          field: shown
            .map((name) => `${AMENDED}${name}`)
            .find((name) => topLevel(name.slice(AMENDED.length)) === field)!,
          message: `${AMENDED}${field} cannot be left blank by a correction: it would keep its recorded value. Withdraw the entry and record it again without it`,
        });
      continue;
    }
    if (!sameValue(value, data[field])) amendedData[field] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (Object.keys(amendedData).length === 0)
    return {
      ok: false,
      errors: [
        {
          field: form.fields[0].name,
          message:
            'Nothing was changed: change the answers that are wrong, or withdraw the entry if it should not be there',
        },
      ],
    };
  return { ok: true, amendedData };
}

/** The object as answered, with the parts the form does not show kept from the entry. */
function wholeObject(recorded: unknown, answered: unknown, shownParts: readonly string[]): unknown {
  const kept = Object.fromEntries(
    Object.entries(isObject(recorded) ? recorded : {}).filter(([key]) => !shownParts.includes(key)),
  );
  if (!isObject(answered)) return Object.keys(kept).length > 0 ? kept : answered;
  return { ...kept, ...answered };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal as JSON, whatever the order of an object's keys. */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (!isObject(value)) return JSON.stringify(value) ?? 'undefined';
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}
