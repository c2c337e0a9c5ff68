/**
 * 903 export at the collection year's edges (1 April 2024 to 31 March 2025, both days in the year):
 * reviews held on either day are in the Reviews table; an episode or a missing spell that ends on
 * 31 March has its end written, one ending on 1 April has it blank; an episode or missing spell that
 * starts on 31 March is in the year.
 */
import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { specRegistration } from './testing/spec-registration';

type Data<T extends JourneyEvent['type']> = Omit<Extract<JourneyEvent, { type: T }>['data'], 'childId'>;
type Entry = { [T in JourneyEvent['type']]: [T, Data<T>] }[JourneyEvent['type']];

const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' };

/** A child registered on 1 January 2020, then the entries given, as the store holds them. */
function childOf(childRef: string, entries: Entry[]) {
  const registered: Entry = [
    'ChildRegistered',
    specRegistration({ childRef, effectiveDate: '2020-01-01', dateOfBirth: '2015-06-01' }),
  ];
  const events = [registered, ...entries].map(([type, data], i) => ({
    type,
    data: { childId: childRef, ...data },
    id: `${childRef}-${i}`,
    recordedAt: '2025-06-01T10:00:00Z',
    recordedBy: 'sw',
  }));
  const record = childRecord(events as Parameters<typeof childRecord>[0]);
  if (!record) throw new Error(`no 903 record for ${childRef}`);
  return record;
}

const startCare = (effectiveDate: string): Entry => [
  'PeriodOfCareStarted',
  {
    effectiveDate,
    legalStatus: 'C2',
    categoryOfNeed: 'N1',
    placement: foster,
    previousPermanence: { code: 'Z1' },
  },
];
const review = (effectiveDate: string): Entry => [
  'StatutoryReviewHeld',
  { effectiveDate, participation: 'PN1' },
];
const endCare = (effectiveDate: string): Entry => ['PeriodOfCareEnded', { effectiveDate, reason: 'E4A' }];
const missingFrom = (effectiveDate: string): Entry => ['MissingEpisodeStarted', { effectiveDate, kind: 'M' }];
const missingUntil = (effectiveDate: string): Entry => ['MissingEpisodeEnded', { effectiveDate }];

const yearEnding = '2025-03-31';

describe('903 Reviews at the edges of the year ending 31 March 2025', () => {
  const child = childOf('REV', [
    startCare('2023-01-01'),
    review('2024-03-31'),
    review('2024-04-01'),
    review('2025-03-31'),
    review('2025-04-01'),
  ]);
  const reviews = buildReturn([child], { yearEnding }).Reviews.map((r) => r.REVIEW);

  it('Given reviews on 1 April 2024 and 31 March 2025, When the year is exported, Then both are in the Reviews table', () => {
    expect(reviews).toEqual(['01/04/2024', '31/03/2025']);
  });

  it('Given reviews on 31 March 2024 and 1 April 2025, When the year is exported, Then neither is', () => {
    expect(reviews).not.toContain('31/03/2024');
    expect(reviews).not.toContain('01/04/2025');
  });
});

describe('903 Episodes at the edges of the year ending 31 March 2025', () => {
  it('Given care that ended on 31 March 2025, When the year is exported, Then the episode has DEC and REC', () => {
    const tables = buildReturn([childOf('ENDLAST', [startCare('2024-06-01'), endCare('2025-03-31')])], {
      yearEnding,
    });
    expect(tables.Episodes.map((e) => [e.DECOM, e.DEC, e.REC])).toEqual([
      ['01/06/2024', '31/03/2025', 'E4A'],
    ]);
  });

  it('Given care that ended on 1 April 2025, When the year is exported, Then the episode is open in it: DEC and REC blank', () => {
    const tables = buildReturn([childOf('ENDNEXT', [startCare('2024-06-01'), endCare('2025-04-01')])], {
      yearEnding,
    });
    expect(tables.Episodes.map((e) => [e.DECOM, e.DEC, e.REC])).toEqual([['01/06/2024', '', '']]);
  });

  it('Given care that began on 31 March 2025, When the year is exported, Then its episode is in the year', () => {
    const tables = buildReturn([childOf('STARTLAST', [startCare('2025-03-31')])], { yearEnding });
    expect(tables.Episodes.map((e) => [e.CHILD, e.DECOM, e.DEC])).toEqual([['STARTLAST', '31/03/2025', '']]);
    expect(tables.Header.map((h) => h.CHILD)).toEqual(['STARTLAST']);
  });
});

describe('903 Missing at the edges of the year ending 31 March 2025', () => {
  const missingOf = (childRef: string, entries: Entry[]) =>
    buildReturn([childOf(childRef, [startCare('2024-06-01'), ...entries])], { yearEnding }).Missing.map(
      (m) => [m.MIS_START, m.MIS_END],
    );

  it('Given a missing spell from 20 to 31 March 2025, When the year is exported, Then MIS_END is 31 March', () => {
    expect(missingOf('MISLAST', [missingFrom('2025-03-20'), missingUntil('2025-03-31')])).toEqual([
      ['20/03/2025', '31/03/2025'],
    ]);
  });

  it('Given a missing spell from 20 March to 1 April 2025, When the year is exported, Then MIS_END is blank', () => {
    expect(missingOf('MISNEXT', [missingFrom('2025-03-20'), missingUntil('2025-04-01')])).toEqual([
      ['20/03/2025', ''],
    ]);
  });

  it('Given a missing spell that began on 31 March 2025, When the year is exported, Then it is in the Missing table', () => {
    expect(missingOf('MISSTART', [missingFrom('2025-03-31')])).toEqual([['31/03/2025', '']]);
  });
});
