import { journey } from '../testing/journey-builder';
import { stability, stabilityST1 } from './stability';

/** A small cohort at 31 March 2025, counted by hand (see each child's comment). */
function cohort() {
  return [
    // A: 3 placements in the year; in care < 2 years.
    journey('A')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2024-01-01')
      .move('2024-06-01')
      .move('2024-12-01'),
    // B: one placement since 2020, aged 9: stable on every measure.
    journey('B').registered('2015-06-01', { dateOfBirth: '2015-06-01' }).startCare('2020-01-01'),
    // C: 3 placements within the 2 years, only 1 in the last year; current placement < 2 years.
    journey('C')
      .registered('2012-01-01', { dateOfBirth: '2012-01-01' })
      .startCare('2022-01-01')
      .move('2023-06-01')
      .move('2024-01-01'),
    // D: short breaks: excluded everywhere.
    journey('D')
      .registered('2012-01-01', { dateOfBirth: '2012-01-01' })
      .startCare('2024-06-01', 'V3')
      .move('2024-07-01')
      .move('2024-08-01'),
    // E: left care on 31 March: not looked after at 31 March.
    journey('E')
      .registered('2012-01-01', { dateOfBirth: '2012-01-01' })
      .startCare('2024-06-01')
      .move('2024-07-01')
      .move('2024-08-01')
      .endCare('2025-03-31'),
    // F: aged 17, one placement since 2020: not in ST3.
    journey('F').registered('2008-01-01', { dateOfBirth: '2008-01-01' }).startCare('2020-01-01'),
    // G: placed for adoption with a new family on 1 Oct 2024 after a placement since June 2022.
    journey('G')
      .registered('2019-01-01', { dateOfBirth: '2019-01-01' })
      .startCare('2021-01-01', 'C2', 'U3')
      .move('2022-06-01')
      .placedForAdoption('2024-10-01', 'A4'),
    // H: temporary placements are not moves.
    journey('H')
      .registered('2014-01-01', { dateOfBirth: '2014-01-01' })
      .startCare('2024-06-01')
      .temporary('2024-07-01')
      .backFromTemporary('2024-07-03')
      .temporary('2024-09-01')
      .backFromTemporary('2024-09-02'),
  ].map((b) => b.summary());
}

describe('placement stability as at 31 March 2025', () => {
  const [st1, st2, st3] = stability(cohort(), '2025-03-31');

  it('ST1: 1 of 6 children looked after had 3+ placements in the year', () => {
    expect(st1).toMatchObject({ measure: 'ST1', numerator: 1, denominator: 6, percentage: 16.7 });
    expect(st1.children.map((c) => c.childId).sort()).toEqual(['A', 'B', 'C', 'F', 'G', 'H']);
    expect(st1.children.find((c) => c.childId === 'A')).toMatchObject({
      counted: true,
      placements: 3,
      evidence: ['A-2', 'A-3', 'A-4'],
    });
    expect(st1.children.find((c) => c.childId === 'H')).toMatchObject({ counted: false, placements: 1 });
  });

  it('ST2: 1 of 4 children looked after 2+ years had 3+ placements in those 2 years', () => {
    expect(st2).toMatchObject({ measure: 'ST2', numerator: 1, denominator: 4, percentage: 25 });
    expect(st2.children.filter((c) => c.counted).map((c) => c.childId)).toEqual(['C']);
  });

  it('ST3: 2 of 3 under-16s looked after 2.5+ years were stable (one through an adoptive placement)', () => {
    expect(st3).toMatchObject({ measure: 'ST3', numerator: 2, denominator: 3, percentage: 66.7 });
    expect(
      st3.children
        .filter((c) => c.counted)
        .map((c) => c.childId)
        .sort(),
    ).toEqual(['B', 'G']);
  });

  it('Given each child listed, Then the dates the measure judges are given, so a sampled child can be checked without the event log (review s16-ofsted F7)', () => {
    expect(st1.children.find((c) => c.childId === 'A')).toMatchObject({
      placementStarts: ['2024-01-01', '2024-06-01', '2024-12-01'],
    });
    expect(st2.children.find((c) => c.childId === 'C')).toMatchObject({
      placementStarts: ['2022-01-01', '2023-06-01', '2024-01-01'],
    });
    const st3Of = (id: string) => st3.children.find((c) => c.childId === id);
    // B: same placement since 2020 (before 31 March 2023): counted.
    expect(st3Of('B')).toMatchObject({ counted: true, currentPlacementSince: '2020-01-01' });
    expect(st3Of('B')).not.toHaveProperty('combinedSince');
    // C: current placement since 1 Jan 2024 (after 31 March 2023): not counted.
    expect(st3Of('C')).toMatchObject({ counted: false, currentPlacementSince: '2024-01-01' });
    // G: placed for adoption 1 Oct 2024, the placement before from 1 June 2022: counted together.
    expect(st3Of('G')).toMatchObject({
      counted: true,
      currentPlacementSince: '2024-10-01',
      combinedSince: '2022-06-01',
    });
  });

  it('refuses a year that does not end on 31 March', () => {
    expect(() => stabilityST1(cohort(), '2025-04-30')).toThrow(/yearEnding must be a 31 March/);
  });

  it('gives a null percentage for an empty cohort', () => {
    expect(stabilityST1([], '2025-03-31')).toMatchObject({ numerator: 0, denominator: 0, percentage: null });
  });
});
