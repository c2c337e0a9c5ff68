import { eventLabel } from './event-labels';

describe('eventLabel', () => {
  it.each([
    ['AnnualHealthOutcomesRecorded', 'Annual health outcomes recorded'],
    ['CareLeaverContactRecorded', 'Care leaver contact recorded'],
    ['PeriodOfCareStarted', 'Became looked after'],
  ])('Given a %s entry, when the panel lists it, then it reads "%s"', (type, label) => {
    expect(eventLabel(type)).toBe(label);
  });

  it('shows an unknown type as it is, and no inherited property as a label', () => {
    expect(eventLabel('SomethingNew')).toBe('SomethingNew');
    expect(eventLabel('toString')).toBe('toString');
  });
});
