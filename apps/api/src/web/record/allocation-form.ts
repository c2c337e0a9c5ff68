import { sameTeam, type AllocationFact } from '@care-journey/projections';
import type { KnownAllocationNames } from '../../children/allocation/known-allocation-names';
import { AMENDED } from './correction-forms';
import type { FormField, RecordForm } from './form-definitions';

/** The allocation's fields offered as choices, by their name on the allocation form. */
type AllocationField = 'team' | 'socialWorker';

/**
 * The allocation form with its choices: the authority's teams and the social workers who can sign
 * in (the API refuses any other name, so there is nothing to type differently).
 */
export function allocationFormWithChoices(form: RecordForm, known: KnownAllocationNames): RecordForm {
  return withChoices(form, '', choicesOf(known));
}

/**
 * The amend form of a registration or an allocation with the same choices for its team and social
 * worker (`amendedData.team`, `amendedData.socialWorker`): the API refuses any other name in an
 * amendment too. The name the entry holds is offered as well when it is not one of them, marked
 * as recorded, so leaving it unchanged corrects only the other fields.
 */
export function amendFormWithChoices(
  form: RecordForm,
  recorded: Readonly<Record<string, unknown>>,
  known: KnownAllocationNames,
): RecordForm {
  const choices = choicesOf(known);
  const keepRecorded = (name: AllocationField, unknownWords: string) => {
    const value = recorded[name];
    if (typeof value !== 'string' || choices[name].some((choice) => choice.value === value)) return;
    const spelling = name === 'team' && choices.team.some((choice) => sameTeam(value, choice.value));
    choices[name] = [
      ...choices[name],
      { value, text: `${value} (as recorded${spelling ? '' : `: ${unknownWords}`})` },
    ];
  };
  keepRecorded('team', 'not one of the authority’s teams');
  keepRecorded('socialWorker', 'not a social worker who can sign in');
  return withChoices(form, AMENDED, choices);
}

type Choices = Record<AllocationField, { value: string; text: string }[]>;

const choicesOf = (known: KnownAllocationNames): Choices => ({
  team: known.teams.map((team) => ({ value: team, text: team })),
  socialWorker: known.socialWorkers.map((user) => ({
    value: user.username,
    text: `${user.name} (${user.username})`,
  })),
});

/** The form with its team and social worker fields (named `prefix` + field) as drop-downs of `choices`. */
function withChoices(form: RecordForm, prefix: string, choices: Choices): RecordForm {
  const choicesFor = (name: string) =>
    name === `${prefix}team`
      ? choices.team
      : name === `${prefix}socialWorker`
        ? choices.socialWorker
        : undefined;
  // The field keeps its label (the registration says "Allocated team"); a user-id hint no longer fits.
  const asSelect = (field: FormField): FormField => {
    const offered = choicesFor(field.name);
    return offered ? { kind: 'select', name: field.name, label: field.label, choices: offered } : field;
  };
  return { ...form, fields: form.fields.map(asSelect) };
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
