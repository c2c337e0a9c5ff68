/**
 * 903: care ended and began again on the same day, as a store written before session 11 (or an
 * import) can hold. National definitions 1.1: a period of care runs to the first episode whose REC
 * is not X1 and cannot start and end on the same day (903 rules 142 and 355).
 */
import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { validateReturn } from './validate-return';
import { specRegistration } from './testing/spec-registration';

const childId = 'c-reentry';
const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' };
const events: JourneyEvent[] = [
  {
    type: 'ChildRegistered',
    data: {
      childId,
      ...specRegistration({ childRef: 'REVC', effectiveDate: '2024-01-01', dateOfBirth: '2019-06-01' }),
    },
  },
  ...['2024-05-10', '2024-08-01'].map((effectiveDate): JourneyEvent => ({
    type: 'PeriodOfCareStarted',
    data: {
      childId,
      effectiveDate,
      legalStatus: 'C1',
      categoryOfNeed: 'N1',
      placement: foster,
      previousPermanence: { code: 'Z1' },
    },
  })),
  { type: 'PeriodOfCareEnded', data: { childId, effectiveDate: '2024-08-01', reason: 'E4B' } },
];
// Recorded in the order a worker would: end first, then the new start.
const stream = [events[0], events[1], events[3], events[2]].map((e, i) => ({
  ...e,
  id: `e${i}`,
  recordedAt: '2025-06-01T10:00:00Z',
  recordedBy: 'sw',
})) as Parameters<typeof childRecord>[0];

describe('903 export: re-entry to care on the day care ended', () => {
  const yearEnding = '2025-03-31';
  const tables = buildReturn([childRecord(stream)!], { yearEnding });

  it('Given care ended E4B and began again on 1 August, When the year is exported, Then the first period ends that day and the second is open', () => {
    expect(tables.Episodes.map((e) => [e.DECOM, e.RNE, e.DEC, e.REC])).toEqual([
      ['10/05/2024', 'S', '01/08/2024', 'E4B'],
      ['01/08/2024', 'S', '', ''],
    ]);
  });

  it('Given that return, When it is self-checked, Then it names 388 and 431 as the validator does, not 142 or 355', () => {
    // The journey now refuses such a start (rules 431, 388); a store written before, or an import,
    // can still hold one, and the authority sees it before submission.
    expect(validateReturn(tables, { yearEnding }).map((f) => [f.rule, f.child])).toEqual([
      ['388', 'REVC'],
      ['431', 'REVC'],
    ]);
  });
});
