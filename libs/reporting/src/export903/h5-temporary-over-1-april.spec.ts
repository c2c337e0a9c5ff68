/**
 * A child in H5 (semi-independent living) away in a temporary placement over 1 April 2025, when H5
 * left the 903 code list (K3 replaces it). The return is recorded with `reRecordedAs: 'K3'`: the
 * same setting in the new type (libs/journey withdrawn-placement-types.ts), so the 2025/26 return
 * has no H5 row (rule 146) and the return is RNE P from the temporary placement (rule 383).
 */
import { join } from 'node:path';
import { decide, evolveAll, type JourneyCommand, type StoredJourneyEvent } from '@care-journey/journey';
import { import903 } from '../import903/import903';
import { TempStores } from '../import903/temp-stores.fixture';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { export903 } from './export903';
import { validateReturn } from './validate-return';
import { writeReturn } from './write-return';

const childId = 'c-h5-away';
const NOW = '2025-06-01T10:00:00Z';
const recorded = { now: NOW, recordedBy: 'sw' };
const semiIndependent = { placementType: 'H5', provider: 'PR4', postcode: 'CB4 1UW', urn: '2771234' };

const commands = (returnAs?: string): JourneyCommand[] =>
  [
    {
      type: 'RegisterChild',
      childId,
      effectiveDate: '2024-11-01',
      childRef: 'H5AWAY',
      name: 'A Child',
      dateOfBirth: '2008-08-14',
      sex: '1',
      ethnicity: 'WBRI',
      upn: 'A123456789012',
      homePostcode: 'CB1 2AB',
      uasc: false,
      relinquishedAtBirth: false,
      team: 't',
      socialWorker: 's',
    },
    {
      type: 'StartPeriodOfCare',
      childId,
      effectiveDate: '2025-01-10',
      legalStatus: 'V2',
      categoryOfNeed: 'N1',
      placement: semiIndependent,
      previousPermanence: { code: 'Z1' },
    },
    { type: 'StartTemporaryPlacement', childId, effectiveDate: '2025-03-25', placementType: 'T1' },
    {
      type: 'EndTemporaryPlacement',
      childId,
      effectiveDate: '2025-04-03',
      ...(returnAs !== undefined && { reRecordedAs: returnAs }),
    },
  ].map((c) => ({ ...c, ...recorded }) as unknown as JourneyCommand);

/** Every command through the real decider, as the API records them. */
function journeyOf(list: JourneyCommand[]): StoredJourneyEvent[] {
  let state = evolveAll([]);
  const events: StoredJourneyEvent[] = [];
  for (const command of list) {
    const made = decide(command, state).map(
      (e, i) =>
        ({ ...e, id: `e${events.length + i}`, recordedAt: NOW, recordedBy: 'sw' }) as StoredJourneyEvent,
    );
    state = evolveAll(made, state);
    events.push(...made);
  }
  return events;
}

const rows = (yearEnding: string, stream: StoredJourneyEvent[]) =>
  buildReturn([childRecord(stream)!], { yearEnding }).Episodes.map((r) => [
    r.DECOM,
    r.RNE,
    r.PLACE,
    r.DEC,
    r.REC,
    r.URN,
  ]);

describe('903: H5 across a temporary placement spanning 1 April 2025', () => {
  it('Given the child in H5 and away in T1 from 25/03/2025, When the return on 03/04/2025 is recorded without reRecordedAs, Then it is refused (an H5 episode would start)', () =>
    expect(() => journeyOf(commands())).toThrow(/reRecordedAs K3/));

  it('Given the same return recorded as K3, When both years are exported, Then 2025/26 holds T1 then K3 by RNE P (no H5) and both self-checks pass', () => {
    const stream = journeyOf(commands('K3'));
    expect(rows('2025-03-31', stream)).toEqual([
      ['10/01/2025', 'S', 'H5', '25/03/2025', 'X1', '2771234'],
      ['25/03/2025', 'P', 'T1', '', '', ''],
    ]);
    expect(rows('2026-03-31', stream)).toEqual([
      ['25/03/2025', 'P', 'T1', '03/04/2025', 'X1', ''],
      ['03/04/2025', 'P', 'K3', '', '', '2771234'],
    ]);
    for (const yearEnding of ['2025-03-31', '2026-03-31'])
      expect(validateReturn(buildReturn([childRecord(stream)!], { yearEnding }), { yearEnding })).toEqual([]);
  });

  describe('round trip', () => {
    let temp: TempStores;
    beforeAll(() => (temp = new TempStores('cj-h5-away-rt-')));
    afterAll(() => temp.removeAll());

    it('Given both years exported, When they are imported into a fresh store and exported again, Then the same rows come back (the return read as re-recorded in K3)', async () => {
      const stream = journeyOf(commands('K3'));
      const before = {
        '2024-25': buildReturn([childRecord(stream)!], { yearEnding: '2025-03-31' }),
        '2025-26': buildReturn([childRecord(stream)!], { yearEnding: '2026-03-31' }),
      };
      for (const [folder, tables] of Object.entries(before))
        await writeReturn(tables, join(temp.dir, 'returns', folder));

      const target = temp.open('target.db');
      const result = await import903(target, join(temp.dir, 'returns'), { now: NOW });

      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect((await export903(target, { yearEnding: '2026-03-31' })).Episodes).toEqual(
        before['2025-26'].Episodes,
      );
      expect((await export903(target, { yearEnding: '2025-03-31' })).Episodes).toEqual(
        before['2024-25'].Episodes,
      );
    });
  });
});
