/**
 * 903: statutory visits (reg 28) are not in the return (national-definitions §4 gives their
 * timescales; no 903 table holds them). A journey with visits, one on the day of a move and one
 * on the day care ends, exports the same tables and the same self-check as without them.
 */
import type { JourneyEvent, StoredJourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { validateReturn } from './validate-return';
import { specRegistration } from './testing/spec-registration';

const childId = 'c-visited';
const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' };
const journey: JourneyEvent[] = [
  {
    type: 'ChildRegistered',
    data: {
      childId,
      ...specRegistration({ childRef: 'VISIT1', effectiveDate: '2024-01-01', dateOfBirth: '2019-06-01' }),
    },
  },
  {
    type: 'PeriodOfCareStarted',
    data: {
      childId,
      effectiveDate: '2024-05-10',
      legalStatus: 'C1',
      categoryOfNeed: 'N1',
      placement: foster,
      previousPermanence: { code: 'Z1' },
    },
  },
  {
    type: 'PlacementChanged',
    data: {
      childId,
      effectiveDate: '2024-07-01',
      placement: { ...foster, placementType: 'U4', urn: 'SC100002' },
      reasonForChange: 'CARPL',
      sameCarer: false,
    },
  },
  { type: 'PeriodOfCareEnded', data: { childId, effectiveDate: '2025-01-15', reason: 'E4B' } },
];
const visit = (effectiveDate: string): JourneyEvent => ({
  type: 'StatutoryVisitRecorded',
  data: { childId, effectiveDate, seenAlone: true, visitNote: 'Settled' },
});
const visits = ['2024-05-15', '2024-07-01', '2024-08-10', '2025-01-15'].map(visit);

const storedAs = (events: JourneyEvent[]): StoredJourneyEvent[] =>
  events.map((e, i) => ({ ...e, id: `e${i}`, recordedAt: '2025-06-01T10:00:00Z', recordedBy: 'sw' }));

describe('903 export: statutory visits are not in the return', () => {
  const yearEnding = '2025-03-31';
  const without = buildReturn([childRecord(storedAs(journey))!], { yearEnding });
  const withVisits = buildReturn([childRecord(storedAs([...journey, ...visits]))!], { yearEnding });

  it('Given the same journey with and without visits, When the year is exported, Then every table is the same', () => {
    expect(withVisits.Episodes.map((e) => [e.DECOM, e.RNE, e.PLACE, e.DEC, e.REC])).toEqual([
      ['10/05/2024', 'S', 'U6', '01/07/2024', 'X1'],
      ['01/07/2024', 'P', 'U4', '15/01/2025', 'E4B'],
    ]);
    expect(withVisits).toEqual(without);
  });

  it('Given that return, When it is self-checked, Then visits add no failure', () =>
    expect(validateReturn(withVisits, { yearEnding })).toEqual(validateReturn(without, { yearEnding })));
});
