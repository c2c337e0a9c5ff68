import type { StoredJourneyEvent } from '@care-journey/journey';
import { allocationFormWithChoices, amendFormWithChoices, currentAllocationValues } from './allocation-form';
import { formBySlug } from './correction-forms';
import { correctionFormFor, type CorrectableEntry } from './correction-target';
import { RECORD_FORMS } from './form-definitions';

const known = {
  teams: ['Children in Care North', 'Children in Care South'],
  socialWorkers: [{ username: 'sw.demo', name: 'Sam Worker (demo)' }],
};
const form = allocationFormWithChoices(
  RECORD_FORMS.find((f) => f.slug === 'allocation')!,
  known,
);
const field = (name: string, f = form) => f.fields.find((x) => x.name === name);

describe('the allocation form', () => {
  it('offers the authority’s teams and the social workers as choices', () => {
    expect(field('team')).toMatchObject({
      kind: 'select',
      choices: [
        { value: 'Children in Care North', text: 'Children in Care North' },
        { value: 'Children in Care South', text: 'Children in Care South' },
      ],
    });
    expect(field('socialWorker')).toMatchObject({
      kind: 'select',
      choices: [{ value: 'sw.demo', text: 'Sam Worker (demo) (sw.demo)' }],
    });
  });

  it('opens on the current allocation, as the choices spell it', () => {
    const current = {
      date: '2026-01-05',
      eventId: 'e1',
      team: 'children in care north',
      socialWorker: 'SW.DEMO',
    };
    expect(currentAllocationValues(form, current, known).values).toEqual({
      team: 'Children in Care North',
      socialWorker: 'sw.demo',
    });
  });

  it('leaves a name no longer known to choose, and says what is recorded', () => {
    const current = { date: '2026-01-05', eventId: 'e1', team: 'Old Team', socialWorker: 'sw-017' };
    const { form: shown, values } = currentAllocationValues(form, current, known);
    expect(values).toEqual({});
    expect(field('team', shown)?.hint).toContain('Recorded now: Old Team');
    expect(field('socialWorker', shown)?.hint).toContain('Recorded now: sw-017');
  });

  it('opens empty for a child never allocated', () => {
    expect(currentAllocationValues(form, undefined, known).values).toEqual({});
  });
});

describe('the amend form of an allocation', () => {
  const entry = (team: string, socialWorker: string) =>
    ({
      id: 'e1',
      type: 'AllocationChanged',
      data: { childId: 'c1', effectiveDate: '2025-01-06', team, socialWorker },
      recordedAt: '2025-01-06T10:00:00Z',
      recordedBy: 'sw.demo',
    }) as unknown as StoredJourneyEvent as CorrectableEntry;
  const amendForm = (team: string, socialWorker: string) => {
    const recorded = entry(team, socialWorker);
    return amendFormWithChoices(
      correctionFormFor(formBySlug('amend')!, recorded),
      recorded.data as unknown as Record<string, unknown>,
      known,
    );
  };

  it('offers the same teams and social workers as the allocation form', () => {
    const shown = amendForm('Children in Care South', 'sw.demo');
    expect(field('amendedData.team', shown)).toMatchObject({
      kind: 'select',
      choices: [
        { value: 'Children in Care North', text: 'Children in Care North' },
        { value: 'Children in Care South', text: 'Children in Care South' },
      ],
    });
    expect(field('amendedData.socialWorker', shown)).toMatchObject({
      kind: 'select',
      choices: [{ value: 'sw.demo', text: 'Sam Worker (demo) (sw.demo)' }],
    });
  });

  it('keeps a recorded name that is not known among the choices, marked as recorded, so other fields can be corrected alone', () => {
    const shown = amendForm('Old Team', 'sw-017');
    expect(field('amendedData.team', shown)).toMatchObject({
      choices: expect.arrayContaining([
        { value: 'Old Team', text: 'Old Team (as recorded: not one of the authority’s teams)' },
      ]),
    });
    expect(field('amendedData.socialWorker', shown)).toMatchObject({
      choices: expect.arrayContaining([
        { value: 'sw-017', text: 'sw-017 (as recorded: not a social worker who can sign in)' },
      ]),
    });
  });
});
