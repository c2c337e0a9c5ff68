import { journeyStateOf, type JourneyEvent } from '@care-journey/journey';
import { driftConfig } from '@care-journey/projections';
import { NextReviewDue } from './next-review-due';

const CHILD = 'c-short-breaks';
const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId: CHILD,
    effectiveDate: '2024-01-02',
    childRef: 'LA-SB-1',
    name: 'Sam Example',
    dateOfBirth: '2014-03-02',
    sex: '1',
    ethnicity: 'WBRI',
    upn: 'A123456789012',
    uasc: false,
    relinquishedAtBirth: false,
    team: 'Disabled Children',
    socialWorker: 'sw-1',
  },
};
const careStarted = (effectiveDate: string, legalStatus: string): JourneyEvent => ({
  type: 'PeriodOfCareStarted',
  data: {
    childId: CHILD,
    effectiveDate,
    legalStatus,
    categoryOfNeed: 'N2',
    placement: { placementType: 'K2', provider: 'PR1', postcode: 'CB1 2AB', urn: 'SC123456', inArea: true },
  },
});
const careEnded = (effectiveDate: string): JourneyEvent => ({
  type: 'PeriodOfCareEnded',
  data: { childId: CHILD, effectiveDate, reason: 'E4A' },
});
const legalStatusChanged = (effectiveDate: string, legalStatus: string): JourneyEvent => ({
  type: 'LegalStatusChanged',
  data: { childId: CHILD, effectiveDate, legalStatus },
});

const nextReviewDue = (events: JourneyEvent[]) => new NextReviewDue().of(journeyStateOf(events));

describe('NextReviewDue', () => {
  it('given a child in care under C1, then the first review is due 20 working days after entry (bank holidays skipped)', () =>
    expect(nextReviewDue([registered, careStarted('2024-05-01', 'C1')])).toBe('2024-05-31'));
  it('given a child on an agreed series of short breaks (V3), then no review is due', () =>
    expect(nextReviewDue([registered, careStarted('2024-05-01', 'V3')])).toBeUndefined());
  it('given a child on short breaks with the agreements recorded (V4), then no review is due', () =>
    expect(nextReviewDue([registered, careStarted('2024-05-01', 'V4')])).toBeUndefined());
  it('given a period that started under C1 and is now V2, then a review is due', () =>
    expect(
      nextReviewDue([registered, careStarted('2024-05-01', 'C1'), legalStatusChanged('2024-06-01', 'V2')]),
    ).toBe(
      '2024-05-31', // 27 May 2024 is a bank holiday
    ));
  it('given short breaks that ended and a new period under C1, then the new period has its reviews', () =>
    expect(
      nextReviewDue([
        registered,
        careStarted('2024-05-01', 'V3'),
        careEnded('2024-05-05'),
        careStarted('2024-07-01', 'C1'),
      ]),
    ).toBe('2024-07-29'));
  it('given short breaks (V3) then a care order in the same period, then the first review is due 20 working days after the order', () =>
    expect(
      nextReviewDue([registered, careStarted('2025-01-06', 'V3'), legalStatusChanged('2025-06-02', 'C2')]),
    ).toBe('2025-06-30'));
  it('given short breaks then a care order and the authority counting from the period start, then the first review was due 20 working days after the first break', () =>
    expect(
      new NextReviewDue().of(
        journeyStateOf([registered, careStarted('2025-01-06', 'V3'), legalStatusChanged('2025-06-02', 'C2')]),
        driftConfig({ DR01: { afterShortBreaks: 'period_start' } }),
      ),
    ).toBe('2025-02-03'));
  it("given short breaks then a care order on 2 June 2025 and the council's extra bank holiday on 16 June, then the first review is due a working day later, 1 July", () =>
    expect(
      new NextReviewDue().of(
        journeyStateOf([registered, careStarted('2025-01-06', 'V3'), legalStatusChanged('2025-06-02', 'C2')]),
        driftConfig({ extraBankHolidays: ['2025-06-16'] }),
      ),
    ).toBe('2025-07-01'));
  it('given short breaks, a care order, then short breaks again, then no review is due', () =>
    expect(
      nextReviewDue([
        registered,
        careStarted('2025-01-06', 'V3'),
        legalStatusChanged('2025-06-02', 'C2'),
        legalStatusChanged('2025-08-01', 'V3'),
      ]),
    ).toBeUndefined());
  it('given no period of care, then no review is due', () =>
    expect(nextReviewDue([registered])).toBeUndefined());
});
