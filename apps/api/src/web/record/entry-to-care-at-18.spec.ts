import { storedJourneyEvents, type JourneyEvent } from '@care-journey/journey';
import { formsThatApply } from './forms-that-apply';

/** Review F5: the journey refuses a start of care on or after the 18th birthday, so the page does not offer it. */
const CHILD = 'c5';
const placement = { placementType: 'U4', provider: 'PR1', postcode: 'LS6 2AB', inArea: true };
// Born 26 November 2008: 18 on 26 November 2026; left care that day (E17).
const leftAt18: JourneyEvent[] = [
  {
    type: 'ChildRegistered',
    data: {
      childId: CHILD,
      effectiveDate: '2023-01-01',
      childRef: 'CJW005',
      name: 'Cal Weekday',
      dateOfBirth: '2008-11-26',
      sex: '1',
      ethnicity: 'WBRI',
      upn: 'UN1',
      uasc: false,
      relinquishedAtBirth: false,
      team: 'North CLA',
      socialWorker: 'sw-jones',
    },
  },
  {
    type: 'PeriodOfCareStarted',
    data: { childId: CHILD, effectiveDate: '2023-01-10', legalStatus: 'C2', categoryOfNeed: 'N1', placement },
  },
  { type: 'PeriodOfCareEnded', data: { childId: CHILD, effectiveDate: '2026-11-26', reason: 'E17' } },
];
const slugsOn = (today: string) => formsThatApply(storedJourneyEvents(leftAt18), today).map((f) => f.slug);

describe('entry to care and the 18th birthday', () => {
  it('Given a young person who left care at 18, When their page is read at 18, Then entry to care is not offered', () =>
    expect(slugsOn('2026-11-27')).not.toContain('entry-to-care'));

  it('Given the same young person read back when 17 and out of care, Then entry to care is offered', () => {
    const out = formsThatApply(storedJourneyEvents(leftAt18.slice(0, 1)), '2026-11-25').map((f) => f.slug);
    expect(out).toContain('entry-to-care');
  });
});
