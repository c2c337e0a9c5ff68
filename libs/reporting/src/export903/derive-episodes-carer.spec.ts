/**
 * A change of carer in the 903 episodes: RNE P is "change of placement and carer", so a move to
 * another carer (sameCarer false) starts an episode even when the new placement's type, provider,
 * postcode and URN are those of the old one; a same-carer change starts one only when a detail
 * changes (T, or U with a legal status change the same day). Arithmetic review 8, defect 1.
 */
import { join } from 'node:path';
import type { JourneyEvent, StoredJourneyEvent } from '@care-journey/journey';
import { stabilityST1, summaryFromStream } from '@care-journey/projections';
import { import903 } from '../import903/import903';
import { TempStores } from '../import903/temp-stores.fixture';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { deriveEpisodes } from './derive-episodes';
import { export903 } from './export903';
import { validateReturn } from './validate-return';
import { writeReturn } from './write-return';

const childId = 'c-carer';
const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB4 1AA', urn: 'SC123456' };

const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId,
    effectiveDate: '2023-01-01',
    childRef: 'RV8C',
    name: 'A Child',
    dateOfBirth: '2016-06-01',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'A123456789012',
    homePostcode: 'CB1 2AB',
    uasc: false,
    relinquishedAtBirth: false,
    team: 't',
    socialWorker: 's',
  },
};
const start = (effectiveDate: string, placement = foster, legalStatus = 'C2'): JourneyEvent => ({
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
const move = (effectiveDate: string, sameCarer: boolean, placement = foster): JourneyEvent => ({
  type: 'PlacementChanged',
  data: {
    childId,
    effectiveDate,
    placement,
    reasonForChange: sameCarer ? 'PLACE' : 'CARPL',
    sameCarer,
  },
});
const ls = (effectiveDate: string, legalStatus: string): JourneyEvent => ({
  type: 'LegalStatusChanged',
  data: { childId, effectiveDate, legalStatus },
});
const stored = (events: JourneyEvent[]): StoredJourneyEvent[] =>
  events.map((e, i) => ({
    ...e,
    id: `e${i}`,
    recordedAt: '2025-06-01T10:00:00Z',
    recordedBy: 'sw',
  })) as StoredJourneyEvent[];
const chain = (events: JourneyEvent[]) =>
  deriveEpisodes(events).map((e) => [e.decom, e.rne, e.ls, e.place, e.dec, e.rec, e.reasonPlaceChange ?? '']);

describe('903 episodes: a change of carer', () => {
  it('Given care in U6 and two moves to another carer with the same type, provider, postcode and URN, When the 2024/25 return is built, Then it holds three episodes S, P, P with CARPL, and the self-check names the 435 the validator raises', () => {
    // The reviewer's repro: periods-of-care 2024-01-15, placement-changes 2024-04-01 and 2024-10-01.
    const stream = stored([
      registered,
      start('2024-01-15'),
      move('2024-04-01', false),
      move('2024-10-01', false),
    ]);
    const tables = buildReturn([childRecord(stream)!], { yearEnding: '2025-03-31' });

    expect(
      tables.Episodes.map((r) => [
        r.DECOM,
        r.RNE,
        r.PLACE,
        r.PL_POST,
        r.URN,
        r.DEC,
        r.REC,
        r.REASON_PLACE_CHANGE,
      ]),
    ).toEqual([
      ['15/01/2024', 'S', 'U6', 'CB4 1AA', 'SC123456', '01/04/2024', 'X1', 'CARPL'],
      ['01/04/2024', 'P', 'U6', 'CB4 1AA', 'SC123456', '01/10/2024', 'X1', 'CARPL'],
      ['01/10/2024', 'P', 'U6', 'CB4 1AA', 'SC123456', '', '', ''],
    ]);
    // The DfE validator flags both P rows as 435 (placement change not shown in the data; measured
    // on this return): the self-check names them too, and nothing else.
    expect(
      validateReturn(tables, { yearEnding: '2025-03-31' }).map((f) => [f.rule, f.child, f.field]),
    ).toEqual([
      ['435', 'RV8C', 'PLACE'],
      ['435', 'RV8C', 'PLACE'],
    ]);
  });

  it('Given three carers within one year, all with the same placement details, When ST1 is measured and the return is built, Then both see three placements', () => {
    const stream = stored([
      registered,
      start('2024-05-01'),
      move('2024-08-01', false),
      move('2024-12-01', false),
    ]);
    const st1 = stabilityST1([summaryFromStream(childId, stream)], '2025-03-31');
    const tables = buildReturn([childRecord(stream)!], { yearEnding: '2025-03-31' });
    // Each placement of the year is an episode that started care (S) or changed the carer (P/B).
    const placementsInReturn = tables.Episodes.filter((r) => ['S', 'P', 'B'].includes(r.RNE));

    expect(st1.children.map((c) => [c.counted, c.placements])).toEqual([[true, 3]]);
    expect(placementsInReturn.map((r) => r.DECOM)).toEqual(['01/05/2024', '01/08/2024', '01/12/2024']);
  });

  it('Given a legal status change and a move to another carer with the same details on one day, Then one episode with RNE B', () => {
    expect(
      chain([
        registered,
        start('2024-01-15', foster, 'C1'),
        ls('2024-04-01', 'C2'),
        move('2024-04-01', false),
      ]),
    ).toEqual([
      ['2024-01-15', 'S', 'C1', 'U6', '2024-04-01', 'X1', 'CARPL'],
      ['2024-04-01', 'B', 'C2', 'U6', undefined, undefined, ''],
    ]);
  });

  it('Given a same-carer change that changes no detail, Then no episode; with a legal status change that day, Then L, not U', () => {
    expect(chain([registered, start('2024-01-15'), move('2024-04-01', true)])).toEqual([
      ['2024-01-15', 'S', 'C2', 'U6', undefined, undefined, ''],
    ]);
    expect(
      chain([
        registered,
        start('2024-01-15', foster, 'C1'),
        ls('2024-04-01', 'C2'),
        move('2024-04-01', true),
      ]),
    ).toEqual([
      ['2024-01-15', 'S', 'C1', 'U6', '2024-04-01', 'X1', ''],
      ['2024-04-01', 'L', 'C2', 'U6', undefined, undefined, ''],
    ]);
  });

  it('Given a same-carer change of URN or of type (the carer moves house, becomes long-term), Then RNE T', () => {
    expect(
      chain([
        registered,
        start('2024-01-15'),
        move('2024-04-01', true, { ...foster, urn: 'SC654321' }),
        move('2024-06-01', true, { ...foster, urn: 'SC654321', placementType: 'U4' }),
      ]),
    ).toEqual([
      ['2024-01-15', 'S', 'C2', 'U6', '2024-04-01', 'X1', 'PLACE'],
      ['2024-04-01', 'T', 'C2', 'U6', '2024-06-01', 'X1', 'PLACE'],
      ['2024-06-01', 'T', 'C2', 'U4', undefined, undefined, ''],
    ]);
  });

  it('Given a temporary placement, the return to the usual carer, then a move to another carer with the same details, Then T3 and the return by P without a reason, and the move by P with CARPL', () => {
    expect(
      chain([
        registered,
        start('2024-01-15'),
        {
          type: 'TemporaryPlacementStarted',
          data: { childId, effectiveDate: '2024-03-01', placementType: 'T3' },
        },
        { type: 'TemporaryPlacementEnded', data: { childId, effectiveDate: '2024-03-10' } },
        move('2024-05-01', false),
      ]),
    ).toEqual([
      ['2024-01-15', 'S', 'C2', 'U6', '2024-03-01', 'X1', ''],
      ['2024-03-01', 'P', 'C2', 'T3', '2024-03-10', 'X1', ''],
      ['2024-03-10', 'P', 'C2', 'U6', '2024-05-01', 'X1', 'CARPL'],
      ['2024-05-01', 'P', 'C2', 'U6', undefined, undefined, ''],
    ]);
  });

  it('Given placing for adoption with the foster carer (A5, same carer) and, after a disruption, with new adopters (A6), Then A5 by T and A6 by P', () => {
    const adoptive = { placementType: 'A6', provider: 'PR1', postcode: 'PE13 4RP', urn: 'SC100002' };
    const placed = (effectiveDate: string, placement: typeof foster, sameCarer: boolean): JourneyEvent => ({
      type: 'PlacedForAdoption',
      data: { childId, effectiveDate, placement, sameCarer },
    });
    expect(
      chain([
        registered,
        start('2023-05-01'),
        { type: 'PlacementOrderGranted', data: { childId, effectiveDate: '2023-11-01' } },
        placed('2024-01-20', { ...foster, placementType: 'A5' }, true),
        move('2024-04-01', false, foster),
        placed('2024-09-01', adoptive, false),
      ]),
    ).toEqual([
      ['2023-05-01', 'S', 'C2', 'U6', '2023-11-01', 'X1', ''],
      ['2023-11-01', 'L', 'E1', 'U6', '2024-01-20', 'X1', 'PLACE'],
      ['2024-01-20', 'T', 'E1', 'A5', '2024-04-01', 'X1', 'CARPL'],
      // Back to foster care with a new carer whose details match the first foster placement's.
      ['2024-04-01', 'P', 'E1', 'U6', '2024-09-01', 'X1', 'CARPL'],
      ['2024-09-01', 'P', 'E1', 'A6', undefined, undefined, ''],
    ]);
  });

  it('Given a V4 short-break agreement whose respite carer changes to one with the same details, Then a P episode inside the agreement', () => {
    expect(chain([registered, start('2024-01-15', foster, 'V4'), move('2024-02-01', false)])).toEqual([
      ['2024-01-15', 'S', 'V4', 'U6', '2024-02-01', 'X1', 'CARPL'],
      ['2024-02-01', 'P', 'V4', 'U6', undefined, undefined, ''],
    ]);
  });

  describe('round trip', () => {
    let temp: TempStores;
    beforeAll(() => (temp = new TempStores('cj-carer-rt-')));
    afterAll(() => temp.removeAll());

    it('Given a return whose P episodes keep the same placement details, When it is imported into a fresh store and exported again, Then the same rows come back', async () => {
      const stream = stored([
        registered,
        start('2024-04-15'),
        move('2024-07-01', false),
        move('2024-10-01', false),
      ]);
      const before = buildReturn([childRecord(stream)!], { yearEnding: '2025-03-31' });
      await writeReturn(before, join(temp.dir, 'returns', '2024-25'));

      const target = temp.open('target.db');
      const result = await import903(target, join(temp.dir, 'returns'), { now: '2025-06-01T09:00:00Z' });
      const after = await export903(target, { yearEnding: '2025-03-31' });

      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(after.Episodes.map((r) => r.RNE)).toEqual(['S', 'P', 'P']);
      expect(after.Episodes).toEqual(before.Episodes);
    });
  });
});
