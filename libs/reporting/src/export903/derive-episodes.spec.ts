import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { deriveEpisodes } from './derive-episodes';

const childId = 'c-1';
const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' };
const kin = { placementType: 'U3', provider: 'PR1', postcode: 'PE13 4RP', urn: 'SC100002' };

const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId,
    effectiveDate: '2023-01-01',
    childRef: 'C1',
    name: 'A Child',
    dateOfBirth: '2012-06-01',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'UN1',
    homePostcode: 'CB4 1UW',
    uasc: false,
    relinquishedAtBirth: false,
    team: 't',
    socialWorker: 's',
  },
};
const start = (effectiveDate: string, legalStatus = 'C1', placement = foster): JourneyEvent => ({
  type: 'PeriodOfCareStarted',
  data: {
    childId,
    effectiveDate,
    legalStatus,
    categoryOfNeed: 'N1',
    placement,
    previousPermanence: { code: 'Z1' },
  },
});
const ls = (effectiveDate: string, legalStatus: string): JourneyEvent => ({
  type: 'LegalStatusChanged',
  data: { childId, effectiveDate, legalStatus },
});
const move = (
  effectiveDate: string,
  placement: typeof foster,
  reasonForChange: string,
  sameCarer = false,
): JourneyEvent => ({
  type: 'PlacementChanged',
  data: { childId, effectiveDate, placement, reasonForChange, sameCarer },
});

describe('deriveEpisodes', () => {
  it('Given care with a legal change, a move, a temporary stay and a same-carer change, Then one episode per change', () => {
    const episodes = deriveEpisodes([
      registered,
      start('2023-05-01'),
      ls('2023-09-01', 'C2'),
      move('2024-01-10', kin, 'CREQB'),
      {
        type: 'TemporaryPlacementStarted',
        data: { childId, effectiveDate: '2024-06-01', placementType: 'T3' },
      },
      { type: 'TemporaryPlacementEnded', data: { childId, effectiveDate: '2024-06-15' } },
      move('2024-09-01', { ...kin, placementType: 'U1' }, 'PLACE', true),
      { type: 'PeriodOfCareEnded', data: { childId, effectiveDate: '2025-02-01', reason: 'E45' } },
    ]);
    expect(
      episodes.map((e) => [e.decom, e.rne, e.ls, e.place, e.dec, e.rec, e.reasonPlaceChange ?? '']),
    ).toEqual([
      ['2023-05-01', 'S', 'C1', 'U6', '2023-09-01', 'X1', ''],
      ['2023-09-01', 'L', 'C2', 'U6', '2024-01-10', 'X1', 'CREQB'],
      ['2024-01-10', 'P', 'C2', 'U3', '2024-06-01', 'X1', ''],
      ['2024-06-01', 'P', 'C2', 'T3', '2024-06-15', 'X1', ''],
      ['2024-06-15', 'P', 'C2', 'U3', '2024-09-01', 'X1', 'PLACE'],
      ['2024-09-01', 'T', 'C2', 'U1', '2025-02-01', 'E45', ''],
    ]);
    // The temporary stay keeps the usual placement's postcode and has no provider or URN.
    expect(episodes[3]).toMatchObject({
      placementPostcode: 'PE13 4RP',
      provider: undefined,
      urn: undefined,
      homePostcode: 'CB4 1UW',
    });
  });

  it('Given a legal status and a placement change on one day, Then one episode: B for a new carer, U for the same', () => {
    const b = deriveEpisodes([
      registered,
      start('2023-05-01'),
      ls('2023-08-01', 'C2'),
      move('2023-08-01', kin, 'CARPL'),
    ]);
    expect(b.map((e) => [e.decom, e.rne, e.ls, e.place])).toEqual([
      ['2023-05-01', 'S', 'C1', 'U6'],
      ['2023-08-01', 'B', 'C2', 'U3'],
    ]);
    expect(b[0].reasonPlaceChange).toBe('CARPL');
    const u = deriveEpisodes([
      registered,
      start('2023-05-01'),
      ls('2023-08-01', 'C2'),
      move('2023-08-01', { ...foster, placementType: 'U4' }, 'PLACE', true),
    ]);
    expect(u[1].rne).toBe('U');
  });

  it('Given a change on the day care started, Then the first episode simply carries it (no zero-day episode)', () => {
    const episodes = deriveEpisodes([registered, start('2023-05-01', 'L2'), ls('2023-05-01', 'C1')]);
    expect(episodes.map((e) => [e.decom, e.rne, e.ls, e.dec])).toEqual([
      ['2023-05-01', 'S', 'C1', undefined],
    ]);
  });

  it('Given care ended and started again on the same day, When the episodes are derived, Then the end closes the old period and the new one stays open', () => {
    // National definitions 1.1: a period runs to the first episode whose REC is not X1 and cannot
    // start and end on the same day (903 rule 355); a new episode needs the previous one ended (142).
    const episodes = deriveEpisodes([
      registered,
      start('2024-05-10'),
      { type: 'PeriodOfCareEnded', data: { childId, effectiveDate: '2024-08-01', reason: 'E4B' } },
      start('2024-08-01'),
    ]);
    expect(episodes.map((e) => [e.decom, e.rne, e.dec, e.rec])).toEqual([
      ['2024-05-10', 'S', '2024-08-01', 'E4B'],
      ['2024-08-01', 'S', undefined, undefined],
    ]);
  });

  it('Given a placement order and a placement for adoption with the foster carer, Then E1 by L, A5 by T, adopted E11', () => {
    const episodes = deriveEpisodes([
      registered,
      start('2023-05-01'),
      { type: 'AdoptionDecisionMade', data: { childId, effectiveDate: '2023-09-01' } },
      { type: 'PlacementOrderGranted', data: { childId, effectiveDate: '2023-11-01' } },
      { type: 'MatchedWithAdopters', data: { childId, effectiveDate: '2024-01-05' } },
      {
        type: 'PlacedForAdoption',
        data: {
          childId,
          effectiveDate: '2024-01-20',
          placement: { ...foster, placementType: 'A5' },
          sameCarer: true,
        },
      },
      { type: 'PeriodOfCareEnded', data: { childId, effectiveDate: '2024-06-30', reason: 'E11' } },
    ]);
    expect(episodes.map((e) => [e.decom, e.rne, e.ls, e.place, e.rec, e.reasonPlaceChange ?? ''])).toEqual([
      ['2023-05-01', 'S', 'C1', 'U6', 'X1', ''],
      ['2023-11-01', 'L', 'E1', 'U6', 'X1', 'PLACE'],
      ['2024-01-20', 'T', 'E1', 'A5', 'E11', ''],
    ]);
  });
});

describe('buildReturn (hand-built journey → 903 rows)', () => {
  it('Given a child in care across 1 April, Then the year clips the open episode and lists reviews in the year only', () => {
    const stream = [
      registered,
      start('2023-05-01'),
      ls('2023-09-01', 'C2'),
      { type: 'StatutoryReviewHeld', data: { childId, effectiveDate: '2024-03-01', participation: 'PN1' } },
      { type: 'StatutoryReviewHeld', data: { childId, effectiveDate: '2024-08-20', participation: 'PN6' } },
      move('2025-05-01', kin, 'CARPL'),
    ].map((e, i) => ({
      ...e,
      id: `e${i}`,
      recordedAt: '2025-06-01T10:00:00Z',
      recordedBy: 'sw',
    })) as Parameters<typeof childRecord>[0];
    const tables = buildReturn([childRecord(stream)!], { yearEnding: '2025-03-31' });
    expect(tables.Header).toEqual([
      { CHILD: 'C1', SEX: 'F', DOB: '01/06/2012', ETHNIC: 'WBRI', UPN: 'UN1', MOTHER: '0', MC_DOB: '' },
    ]);
    expect(tables.Episodes).toEqual([
      {
        CHILD: 'C1',
        DECOM: '01/09/2023',
        RNE: 'L',
        LS: 'C2',
        CIN: 'N1',
        PLACE: 'U6',
        PLACE_PROVIDER: 'PR1',
        DEC: '',
        REC: '',
        REASON_PLACE_CHANGE: '',
        HOME_POST: 'CB4 1UW',
        PL_POST: 'CB1 2GF',
        URN: 'SC100001',
      },
    ]);
    expect(tables.Reviews).toEqual([
      { CHILD: 'C1', DOB: '01/06/2012', REVIEW: '20/08/2024', REVIEW_CODE: 'PN6' },
    ]);
    expect(tables.OC2.map((r) => r.CHILD)).toEqual(['C1']);
    expect(tables.PrevPerm).toEqual([]);
  });
});
