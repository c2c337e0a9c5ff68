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
