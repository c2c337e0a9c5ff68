/**
 * The edges of the national stability measures at 31 March 2025 (national definitions §3): ST3 is for
 * children "under 16" looked after "continuously ≥2.5 years" (since 30 September 2022 or earlier),
 * counted when in the same placement ≥2 years (since 31 March 2023), or placed for adoption where the
 * adoptive and preceding placement together last ≥2 years; ST2 is for children looked after 2+ years
 * (since 31 March 2023 or earlier); ST1 for every child looked after on 31 March.
 */
import { journey } from '../testing/journey-builder';
import { stabilityST1, stabilityST2, stabilityST3 } from './stability';

const D = '2025-03-31';
const idsOf = (measure: { children: { childId: string }[] }) => measure.children.map((c) => c.childId);
const countedIds = (measure: { children: { childId: string; counted: boolean }[] }) =>
  measure.children.filter((c) => c.counted).map((c) => c.childId);

describe('ST3: under 16 on 31 March', () => {
  const inCareSince2020 = (id: string, dateOfBirth: string) =>
    journey(id).registered('2015-01-01', { dateOfBirth }).startCare('2020-01-01').summary();

  it('Given a child in one placement since 2020 whose 16th birthday is 31 March 2025, When ST3 at 31 March 2025 is read, Then the child is not in it', () => {
    const st3 = stabilityST3([inCareSince2020('SIXTEEN', '2009-03-31')], D);
    expect(st3).toMatchObject({ denominator: 0, children: [] });
  });

  it('Given a child in one placement since 2020 whose 16th birthday is 1 April 2025, When ST3 at 31 March 2025 is read, Then the child is in it and counted', () => {
    const st3 = stabilityST3([inCareSince2020('FIFTEEN', '2009-04-01')], D);
    expect(st3).toMatchObject({ numerator: 1, denominator: 1 });
    expect(countedIds(st3)).toEqual(['FIFTEEN']);
  });
});

describe('ST3: looked after continuously for 2.5 years', () => {
  const startedOn = (id: string, start: string) =>
    journey(id).registered('2015-01-01', { dateOfBirth: '2015-01-01' }).startCare(start).summary();
  const st3 = stabilityST3([startedOn('ONEDGE', '2022-09-30'), startedOn('DAYLATE', '2022-10-01')], D);

  it('Given a child in care since 30 September 2022 (31 March 2025 less 30 months), When ST3 is read, Then the child is in it', () => {
    expect(idsOf(st3)).toContain('ONEDGE');
    expect(countedIds(st3)).toEqual(['ONEDGE']);
  });

  it('Given a child in care since 1 October 2022, a day short of 2.5 years, When ST3 is read, Then the child is not in it', () => {
    expect(idsOf(st3)).toEqual(['ONEDGE']);
    expect(st3.denominator).toBe(1);
  });
});

describe('ST3: placed for adoption, the adoptive and the previous placement together 2+ years', () => {
  const previousFrom = (id: string, previousStart: string) =>
    journey(id)
      .registered('2019-01-01', { dateOfBirth: '2019-01-01' })
      .startCare('2021-01-01', 'C2', 'U3')
      .move(previousStart)
      .placedForAdoption('2024-10-01', 'A4')
      .summary();
  const st3 = stabilityST3(
    [previousFrom('PREV24', '2023-03-31'), previousFrom('PREVSHORT', '2023-04-01')],
    D,
  );

  it('Given a child placed for adoption on 1 October 2024 whose previous placement began on 31 March 2023 (D less 24 months), When ST3 is read, Then the child is counted', () => {
    expect(st3.children.find((c) => c.childId === 'PREV24')).toMatchObject({ counted: true });
  });

  it('Given the previous placement began a day later, on 1 April 2023, When ST3 is read, Then the child is in the denominator and not counted', () => {
    expect(st3.children.find((c) => c.childId === 'PREVSHORT')).toMatchObject({ counted: false });
    expect(st3).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe('ST2: looked after for 2 years or more', () => {
  // Three placements in the 24 months up to 31 March 2025, so each child in ST2 is also counted.
  const startedOn = (id: string, start: string) =>
    journey(id)
      .registered('2012-01-01', { dateOfBirth: '2012-01-01' })
      .startCare(start)
      .move('2023-10-01')
      .move('2024-06-01')
      .summary();
  const st2 = stabilityST2([startedOn('TWOYEARS', '2023-03-31'), startedOn('DAYSHORT', '2023-04-01')], D);

  it('Given a child in care since 31 March 2023 (31 March 2025 less 24 months) with 3 placements since, When ST2 is read, Then the child is in it and counted', () => {
    expect(idsOf(st2)).toEqual(['TWOYEARS']);
    expect(st2).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('Given a child in care since 1 April 2023, a day short of 2 years, When ST2 is read, Then the child is not in it', () => {
    expect(idsOf(st2)).not.toContain('DAYSHORT');
  });
});

describe('ST1: looked after on 31 March', () => {
  it('Given a child who entered care on 31 March 2025, When ST1 for the year ending that day is read, Then the child is in the denominator with 1 placement', () => {
    const child = journey('LASTDAY').registered('2015-01-01', { dateOfBirth: '2015-01-01' }).startCare(D);
    const st1 = stabilityST1([child.summary()], D);
    expect(st1).toMatchObject({ numerator: 0, denominator: 1 });
    expect(st1.children[0]).toMatchObject({ childId: 'LASTDAY', placements: 1, periodStart: D });
  });
});
