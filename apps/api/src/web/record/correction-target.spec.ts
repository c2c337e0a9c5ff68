import { storedJourneyEvents, type JourneyEvent } from '@care-journey/journey';
import { CORRECTION_FORMS } from './correction-forms';
import { correctableEntry, correctionFormFor, describeEntry } from './correction-target';

const CHILD = 'c1';
const dated = (type: string, effectiveDate: string, data: Record<string, unknown> = {}) =>
  ({ type, data: { childId: CHILD, effectiveDate, ...data } }) as unknown as JourneyEvent;
const events = storedJourneyEvents([
  dated('ChildRegistered', '2024-05-01', { childRef: 'LA-1', name: 'A', dateOfBirth: '2015-03-02' }),
  dated('StatutoryReviewHeld', '2024-06-01', { participation: 'PN1' }),
  dated('EntryAmended', '2024-06-03', {
    correctedEventId: 'e2',
    reason: 'Wrong date',
    amendedData: { effectiveDate: '2024-06-03' },
  }),
  dated('PermanencePlanSet', '2024-07-01', { route: 'adoption' }),
  dated('EntryRetracted', '2024-07-01', { retractedEventId: 'e4', reason: 'Wrong child' }),
]);

describe('correctableEntry: the entry a correction form is about', () => {
  it('Given an amended entry, then it is found as it stands after the amendment', () => {
    expect(correctableEntry(events, 'e2')?.data.effectiveDate).toBe('2024-06-03');
  });

  it('Given the revision the form was opened on, then the entry as it stood then', () => {
    expect(correctableEntry(events, 'e2', 1n)?.data.effectiveDate).toBe('2024-06-01');
    expect(correctableEntry(events, 'e4', 3n)?.type).toBe('PermanencePlanSet');
  });

  it('Given a correction, a withdrawn entry or no entry, then none', () => {
    for (const id of ['e3', 'e4', 'e9', undefined, ['e2']])
      expect(correctableEntry(events, id)).toBeUndefined();
  });

  it('Given the registration, then the child’s details are corrected on its own fields', () => {
    const registration = correctableEntry(events, 'e1')!;
    const form = correctionFormFor(CORRECTION_FORMS[0], registration);
    expect(form.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'amendedData.childRef',
        'amendedData.dateOfBirth',
        'amendedData.name',
        'reason',
      ]),
    );
  });

  it('the amend form offers the codes in force on the entry’s date; the entry is described in the page’s words', () => {
    const entry = correctableEntry(events, 'e2')!;
    const form = correctionFormFor(CORRECTION_FORMS[0], entry);
    const participation = form.fields.find((f) => f.name === 'amendedData.participation');
    expect(participation?.kind === 'code' && participation.only).toContain('PN1');
    expect(describeEntry(entry)).toMatch(/^Review held, 3 June 2024: participation PN1/);
  });

  it('the amend form still offers the code the entry holds when its form does not record it (E11: adopted)', () => {
    const adopted = storedJourneyEvents([
      dated('ChildRegistered', '2024-05-01', { childRef: 'LA-1', name: 'A', dateOfBirth: '2015-03-02' }),
      dated('PeriodOfCareEnded', '2024-06-01', { reason: 'E11' }),
    ]);
    const form = correctionFormFor(CORRECTION_FORMS[0], correctableEntry(adopted, 'e2')!);
    const reason = form.fields.find((f) => f.name === 'amendedData.reason');
    expect(reason?.kind === 'code' && reason.only).toContain('E11');
    expect(reason?.kind === 'code' && reason.only).toContain('E4A');
  });
});
