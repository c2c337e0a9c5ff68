/**
 * Worked examples: what is and is not a placement move. A temporary placement (T0–T4) and a
 * change with the same carer are not moves, for DR05 and for the stability measures alike.
 */
import { journey } from '../testing/journey-builder';
import { flagsOf } from '../testing/drift-expectations';
import { stability, stabilityAsAt } from '../measures/stability';

describe('worked examples: a temporary placement and a same-carer change', () => {
  // P (events P-1…P-6): in care 1 Apr 2024 (P-2); temporary 1–10 Jun (P-3, P-4); same carer,
  // new placement type 1 Sep (P-5); new carer 1 Jan 2025 (P-6). Counted placements: the run
  // with the first carer (1 Apr 2024–31 Dec 2024) and the new carer's: 2, not 5.
  const p = journey('P')
    .registered('2014-01-01', { dateOfBirth: '2014-01-01' })
    .startCare('2024-04-01')
    .temporary('2024-06-01')
    .backFromTemporary('2024-06-10')
    .move('2024-09-01', 'U5', true)
    .move('2025-01-01')
    .summary();

  it('ST1 for the year to 31 Mar 2025: 2 placements (P-2, P-6), not counted', () => {
    const [st1] = stability([p], '2025-03-31');
    expect(st1.children[0]).toMatchObject({
      childId: 'P',
      counted: false,
      placements: 2,
      evidence: ['P-2', 'P-6'],
    });
  });

  it('DR05 agrees: never 3 placements in 12 months, so no flag', () => {
    for (const asAt of ['2024-06-05', '2024-09-02', '2025-01-02', '2025-03-31']) {
      expect(flagsOf(p, asAt, 'DR05')).toEqual([]);
    }
  });

  // Q: in care 1 Jan 2022 (aged 7); same carer, new placement type 1 Jun 2023; temporary 1–5 May
  // 2024. At 31 Mar 2025: looked after since on or before 30 Sep 2022 (2.5 years), under 16, and
  // with the same carer since 1 Jan 2022, on or before 31 Mar 2023 (2 years): counted in ST3.
  it('ST3: a same-carer change does not restart the two years', () => {
    const q = journey('Q')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2022-01-01')
      .move('2023-06-01', 'U5', true)
      .temporary('2024-05-01')
      .backFromTemporary('2024-05-05')
      .summary();
    const st3 = stability([q], '2025-03-31')[2];
    expect(st3).toMatchObject({ numerator: 1, denominator: 1 });
    expect(st3.children[0]).toMatchObject({ counted: true, placements: 1 });
    // The same child with a new carer on 1 Jun 2023 is not counted: 1 Jun 2023 > 31 Mar 2023.
    const moved = journey('Q')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2022-01-01')
      .move('2023-06-01')
      .summary();
    expect(stabilityAsAt([moved], '2025-03-31')[2].children[0]).toMatchObject({
      counted: false,
      placements: 2,
    });
  });
});
