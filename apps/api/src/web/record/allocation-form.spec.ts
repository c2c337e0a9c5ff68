import { allocationFormWithChoices, currentAllocationValues } from './allocation-form';
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
