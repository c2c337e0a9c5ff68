import { sameTeam, type AllocationFact } from '@care-journey/projections';
import type { KnownAllocationNames } from '../../children/allocation/known-allocation-names';
import type { FormField, RecordForm } from './form-definitions';

/**
 * The allocation form with its choices: the authority's teams and the social workers who can sign
 * in (the API refuses any other name, so there is nothing to type differently).
 */
export function allocationFormWithChoices(form: RecordForm, known: KnownAllocationNames): RecordForm {
  const choices: Record<string, readonly { value: string; text: string }[]> = {
    team: known.teams.map((team) => ({ value: team, text: team })),
    socialWorker: known.socialWorkers.map((user) => ({
      value: user.username,
      text: `${user.name} (${user.username})`,
    })),
  };
  // The field keeps its label (the registration says "Allocated team"); a user-id hint no longer fits.
  const withChoices = (field: FormField): FormField =>
    choices[field.name]
      ? { kind: 'select', name: field.name, label: field.label, choices: choices[field.name] }
      : field;
  return { ...form, fields: form.fields.map(withChoices) };
}

/**
 * The form pre-filled with the child's allocation now, as the choices spell it. A team or worker
 * recorded under a name no longer known is left to choose, and said in the hint.
 */
export function currentAllocationValues(
  form: RecordForm,
  current: AllocationFact | undefined,
  known: KnownAllocationNames,
): { form: RecordForm; values: Record<string, string> } {
  if (!current) return { form, values: {} };
  const team = known.teams.find((name) => sameTeam(current.team, name));
  const worker = known.socialWorkers.find(
    (user) => user.username.toLowerCase() === current.socialWorker.toLowerCase(),
  );
  const hints: Record<string, string | undefined> = {
    team:
      team === undefined
        ? `Recorded now: ${current.team}, which is not one of the authority’s teams`
        : undefined,
    socialWorker:
      worker === undefined
        ? `Recorded now: ${current.socialWorker}, who is not a social worker who can sign in`
        : undefined,
  };
  return {
    form: {
      ...form,
      fields: form.fields.map((field) => (hints[field.name] ? { ...field, hint: hints[field.name] } : field)),
    },
    values: {
      ...(team !== undefined && { team }),
      ...(worker !== undefined && { socialWorker: worker.username }),
    },
  };
}
