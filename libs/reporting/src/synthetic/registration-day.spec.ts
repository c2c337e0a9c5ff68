import type { PlacementDetails } from '@care-journey/journey';
import type { DraftCommand } from './draft';
import { seededRandom } from './prng';
import { withRegistrationDay } from './registration-day';

const childId = 'c-1';
const p2: PlacementDetails = {
  placementType: 'P2',
  provider: 'PR4',
  postcode: 'CB1 2GF',
  urn: 'XXXXXXX',
  inArea: true,
};
const h5: PlacementDetails = { ...p2, placementType: 'H5' };
const start = (date: string, placement: PlacementDetails): DraftCommand => ({
  type: 'StartPeriodOfCare',
  childId,
  effectiveDate: date,
  legalStatus: 'V2',
  categoryOfNeed: 'N4',
  placement,
});
const end = (date: string): DraftCommand => ({
  type: 'EndPeriodOfCare',
  childId,
  effectiveDate: date,
  reason: 'E5',
});
const legal = (date: string): DraftCommand => ({
  type: 'ChangeLegalStatus',
  childId,
  effectiveDate: date,
  legalStatus: 'C1',
});
const move = (date: string, placement: PlacementDetails): DraftCommand => ({
  type: 'ChangePlacement',
  childId,
  effectiveDate: date,
  placement,
  reasonForChange: 'CARPL',
  sameCarer: false,
});
const ctx = (horizon = '2024-03-31') => ({ horizon, urns: seededRandom('spec', 'urns') });

/** The registration entries added: date, type, whether it has a real URN. */
const added = (before: DraftCommand[], after: DraftCommand[]) =>
  after
    .filter((d) => !before.includes(d))
    .map((d) => {
      if (d.type !== 'ChangePlacement') throw new Error(`unexpected ${d.type}`);
      expect(d).toMatchObject({ reasonForChange: 'PLACE', sameCarer: true });
      expect(d.placement).toMatchObject({ provider: 'PR4', postcode: 'CB1 2GF' });
      return [d.effectiveDate, d.placement.placementType, /^SC\d{6}$/.test(d.placement.urn ?? '')];
    });

describe('withRegistrationDay (28 October 2023)', () => {
  it('registers the setting of a child still in P2 that day: a same-carer change to H5 with a URN', () => {
    const timeline = [start('2023-06-01', p2), end('2024-01-10')];
    expect(added(timeline, withRegistrationDay(timeline, ctx()))).toEqual([['2023-10-28', 'H5', true]]);
  });
  it('records the URN of an H5 setting placed before registration opened, also for a child still in care', () => {
    const timeline = [start('2023-03-01', h5)];
    expect(added(timeline, withRegistrationDay(timeline, ctx()))).toEqual([['2023-10-28', 'H5', true]]);
  });
  it('keeps off a day another entry holds, and the last day of care and the day before', () => {
    const a = [start('2023-06-01', p2), legal('2023-10-28'), end('2024-01-10')];
    expect(added(a, withRegistrationDay(a, ctx()))).toEqual([['2023-10-27', 'H5', true]]);
    const b = [start('2023-06-01', p2), end('2023-10-29')];
    expect(added(b, withRegistrationDay(b, ctx()))).toEqual([['2023-10-27', 'H5', true]]);
  });
  it('keeps the entries in date order', () => {
    const timeline = [start('2023-06-01', p2), legal('2023-12-01'), end('2024-01-10')];
    const dates = withRegistrationDay(timeline, ctx()).map((d) =>
      'effectiveDate' in d ? d.effectiveDate : '',
    );
    expect(dates).toEqual(['2023-06-01', '2023-10-28', '2023-12-01', '2024-01-10']);
  });
  it('adds nothing when nothing has to change', () => {
    const cases = [
      [start('2023-06-01', p2), end('2023-10-28')], // P2 ends on the day
      [start('2023-06-01', p2), move('2023-10-28', { ...h5, urn: 'SC100200' })], // moved that day
      [start('2023-06-01', { ...h5, urn: 'SC100200' })], // registered already
      [start('2023-06-01', { ...h5, postcode: 'CF10 1EP' })], // in Wales: Ofsted does not register it
      [start('2023-06-01', { placementType: 'U6', provider: 'PR1', urn: 'SC100200' })],
      [start('2023-11-01', { ...h5, urn: 'SC100200' })], // starts after the day
    ];
    for (const timeline of cases) expect(withRegistrationDay(timeline, ctx())).toBe(timeline);
    const early = [start('2023-06-01', p2)];
    expect(withRegistrationDay(early, ctx('2023-09-30'))).toBe(early); // history ends before the day
  });
});

describe('withRegistrationDay (1 April 2025: H5 leaves the code list, replaced by K3)', () => {
  const registeredH5: PlacementDetails = { ...h5, urn: 'SC100200' };
  const k3 = (date: string) => [date, 'K3', true];
  const later = ctx('2025-10-01');
  const temporary = (from: string, to: string): DraftCommand[] => [
    { type: 'StartTemporaryPlacement', childId, effectiveDate: from, placementType: 'T1' },
    { type: 'EndTemporaryPlacement', childId, effectiveDate: to },
  ];

  it('records the setting of a child still in H5 as K3 on 31 March 2025, same carer, keeping its URN', () => {
    const timeline = [start('2025-01-10', registeredH5), legal('2025-06-01')];
    const after = withRegistrationDay(timeline, later);
    expect(added(timeline, after)).toEqual([k3('2025-03-31')]);
    expect(after.map((d) => ('effectiveDate' in d ? d.effectiveDate : ''))).toEqual([
      '2025-01-10',
      '2025-03-31',
      '2025-06-01',
    ]);
  });
  it('does so after the 2023 registration of the same setting', () => {
    const timeline = [start('2023-03-01', h5)];
    expect(added(timeline, withRegistrationDay(timeline, later))).toEqual([
      ['2023-10-28', 'H5', true],
      k3('2025-03-31'),
    ]);
  });
  it('does so for a child leaving H5 on 1 April, so that no H5 episode is in the 2025/26 return', () => {
    const timeline = [
      start('2025-01-10', registeredH5),
      move('2025-04-01', { ...registeredH5, placementType: 'K2' }),
    ];
    expect(added(timeline, withRegistrationDay(timeline, later))).toEqual([k3('2025-03-31')]);
  });
  it('keeps off a temporary placement open on 31 March, and the last two days of care', () => {
    const away = [start('2025-01-10', registeredH5), ...temporary('2025-03-25', '2025-04-05')];
    expect(added(away, withRegistrationDay(away, later))).toEqual([k3('2025-03-24')]);
    const leaving = [start('2025-01-10', registeredH5), end('2025-04-01')];
    expect(added(leaving, withRegistrationDay(leaving, later))).toEqual([k3('2025-03-30')]);
  });
  it('records it on 1 April or later, before the next entry, when H5 began on 31 March', () => {
    const timeline = [start('2025-03-31', registeredH5), legal('2025-04-01'), end('2025-09-01')];
    const late = [start('2025-03-31', registeredH5), legal('2025-04-03')];
    expect(added(late, withRegistrationDay(late, later))).toEqual([k3('2025-04-01')]);
    expect(withRegistrationDay(timeline, later)).toBe(timeline); // no day left before the next entry
  });
  it('adds nothing when H5 ends by 31 March, or the history does', () => {
    const cases = [
      [start('2025-01-10', registeredH5), end('2025-03-31')],
      [start('2025-01-10', registeredH5), move('2025-03-31', { ...registeredH5, placementType: 'K2' })],
      [start('2025-01-10', { ...registeredH5, placementType: 'K3' })],
    ];
    for (const timeline of cases) expect(withRegistrationDay(timeline, later)).toBe(timeline);
    const early = [start('2025-01-10', registeredH5)];
    expect(withRegistrationDay(early, ctx('2025-03-31'))).toBe(early);
  });
});
