import type { JourneyEvent } from '@care-journey/journey';
import { scorecard, summaryFromStream } from '@care-journey/projections';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';

/**
 * The scorecard and the 903 read a reversed adoption decision with one rule (adoptionPathIndex):
 * A2's match is AD1's DATE_MATCH, and A1's move-in is the DECOM of the A3–A6 episode that ends in
 * the adoption order. The review's RV8N (re-matched) and RV8O (placement disrupted, new family).
 */
const childId = 'rv8';
const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB4 1AA', urn: 'SC123456', inArea: true };
const adopters = { ...foster, placementType: 'A6' };
const on = (type: string, effectiveDate: string, data: Record<string, unknown> = {}) =>
  ({ type, data: { childId, effectiveDate, ...data } }) as unknown as JourneyEvent;

const stream = (childRef: string, steps: JourneyEvent[]) =>
  [
    on('ChildRegistered', '2023-01-01', {
      childRef,
      name: 'A Child',
      dateOfBirth: '2022-02-02',
      sex: '2',
      ethnicity: 'WBRI',
      upn: 'UN1',
      homePostcode: 'CB1 2AB',
      uasc: false,
      relinquishedAtBirth: false,
      team: 'North',
      socialWorker: 'rev8',
    }),
    on('PeriodOfCareStarted', '2023-02-06', {
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      placement: foster,
      previousPermanence: { code: 'Z1' },
    }),
    on('AdoptionDecisionMade', '2023-05-02'),
    on('PlacementOrderGranted', '2023-07-03'),
    on('MatchedWithAdopters', '2023-09-01'),
    ...steps,
  ].map((e, i) => ({ ...e, id: `${childRef}-${i}`, recordedAt: '2025-01-06T10:00:00Z', recordedBy: 'sw' }));

const adopted = (date: string) => [
  on('AdoptionOrderGranted', date, {
    adoptedByFosterCarer: false,
    numberOfAdopters: 2,
    adopterSex: 'MF',
    adopterLegalStatus: 'L11',
  }),
  on('PeriodOfCareEnded', date, { reason: 'E11' }),
];

const RV8N = stream('RV8N', [
  on('AdoptionDecisionReversed', '2023-10-02', { reason: 'RD4' }),
  on('AdoptionDecisionMade', '2023-11-01'),
  on('MatchedWithAdopters', '2024-01-08'),
  on('PlacedForAdoption', '2024-03-04', { placement: adopters, sameCarer: false }),
  ...adopted('2024-10-07'),
]);
const RV8O = stream('RV8O', [
  on('PlacedForAdoption', '2023-10-02', { placement: adopters, sameCarer: false }),
  on('PlacementChanged', '2024-01-08', { placement: foster, reasonForChange: 'CREQO', sameCarer: false }),
  on('AdoptionDecisionReversed', '2024-01-08', { reason: 'RD4' }),
  on('AdoptionDecisionMade', '2024-02-05'),
  on('MatchedWithAdopters', '2024-04-01'),
  on('PlacedForAdoption', '2024-05-07', { placement: { ...adopters, provider: 'PR2' }, sameCarer: false }),
  ...adopted('2024-11-04'),
]);

const dmy = (date: string) => date.split('-').reverse().join('/');

describe('AD1 and the scorecard agree after a reversed adoption decision', () => {
  it.each([
    { ref: 'RV8N', events: RV8N, match: '2024-01-08', movedIn: '2024-03-04' },
    { ref: 'RV8O', events: RV8O, match: '2024-04-01', movedIn: '2024-05-07' },
  ])(
    'Given $ref adopted in 2024-25, When the 903 and the scorecard are built, Then DATE_MATCH is the scorecard match ($match) and the A6 episode that ends in the order starts on the move-in ($movedIn)',
    ({ ref, events, match, movedIn }) => {
      const tables = buildReturn([childRecord(events as Parameters<typeof childRecord>[0])!], {
        yearEnding: '2025-03-31',
      });
      const card = scorecard([summaryFromStream(childId, events as never)], '2025-03-31');
      expect(tables.AD1).toEqual([expect.objectContaining({ CHILD: ref, DATE_MATCH: dmy(match) })]);
      expect(card.children[0]).toMatchObject({ matched: match, movedIn });
      const adoptive = tables.Episodes.find((row) => row.REC === 'E11');
      expect(adoptive).toMatchObject({ PLACE: 'A6', DECOM: dmy(movedIn) });
    },
  );
});
