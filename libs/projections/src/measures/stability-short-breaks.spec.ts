import { journey } from '../testing/journey-builder';
import { stability, stabilityAsAt } from './stability';

/**
 * A period of care that began on short breaks (V3) and went on under a care order: short breaks are
 * excluded from every stability figure (national-definitions §3 [E7]; rule book), so ST2's "looked
 * after for 2+ years" and ST3's "looked after continuously for 2.5+ years" run from the day the
 * child became looked after otherwise (spellsOffShortBreaks), and placements made on short breaks
 * are not counted.
 */
const born2015 = (id: string) => journey(id).registered('2015-01-01', { dateOfBirth: '2015-01-01' });
const childOf = (measure: { children: { childId: string }[] }, id: string) =>
  measure.children.find((child) => child.childId === id);

describe('ST2 and ST3 after short breaks', () => {
  // Short breaks from 1 Jun 2022 (U6), a care order from 1 Jun 2023, new carers 1 Sep 2023 and 1 Jan 2024.
  const orderIn2023 = () =>
    born2015('A')
      .startCare('2022-06-01', 'V3', 'U6')
      .legalStatus('2023-06-01', 'C2')
      .move('2023-09-01', 'U6')
      .move('2024-01-01', 'U6');

  it('Given short breaks from 2022 and a care order from 1 Jun 2023, When ST2 is taken at 31 March 2025, Then the child is not in it (looked after otherwise for under 2 years)', () => {
    const [st1, st2] = stability([orderIn2023().summary()], '2025-03-31');
    expect(st2).toMatchObject({ numerator: 0, denominator: 0 });
    expect(childOf(st1, 'A')).toMatchObject({ periodStart: '2023-06-01' });
  });

  it('Given the same child, When the running ST2 is taken to 31 May and to 30 Jun 2025, Then the child enters it 2 years after the care order, with the 3 placements made since', () => {
    const s = orderIn2023().summary();
    expect(stabilityAsAt([s], '2025-05-31')[1].denominator).toBe(0);
    expect(childOf(stabilityAsAt([s], '2025-06-30')[1], 'A')).toMatchObject({
      counted: true,
      placements: 3,
      periodStart: '2023-06-01',
      evidence: ['A-2', 'A-4', 'A-5'],
    });
  });

  it('Given short breaks from 2022 and a care order from 1 Mar 2023, When ST2 is taken at 31 March 2025, Then the child is in it from the order, the short-break carer counted once', () => {
    const s = born2015('B')
      .startCare('2022-06-01', 'V3', 'U6')
      .legalStatus('2023-03-01', 'C2')
      .move('2023-09-01', 'U6')
      .move('2024-01-01', 'U6')
      .summary();
    expect(childOf(stability([s], '2025-03-31')[1], 'B')).toMatchObject({
      counted: true,
      placements: 3,
      periodStart: '2023-03-01',
    });
  });

  it('Given a care order since 2020, then short breaks from Jan 2024 and a care order again from Mar 2024, When ST2 is taken at 31 March 2025, Then the return to short breaks ended the 2 years', () => {
    const s = born2015('C')
      .startCare('2020-01-01', 'C2', 'U6')
      .legalStatus('2024-01-01', 'V3')
      .legalStatus('2024-03-01', 'C2')
      .summary();
    const [st1, st2] = stability([s], '2025-03-31');
    expect(st2.denominator).toBe(0);
    expect(childOf(st1, 'C')).toMatchObject({ periodStart: '2024-03-01' });
  });

  it('Given an under-16 on short breaks from Jun 2021 and a care order from Dec 2022, When ST3 is taken at 31 March 2025, Then the child is not in it (looked after otherwise for under 2.5 years)', () => {
    const s = born2015('D')
      .startCare('2021-06-01', 'V3', 'U6')
      .move('2021-09-01', 'U6')
      .legalStatus('2022-12-01', 'C2')
      .summary();
    expect(stability([s], '2025-03-31')[2]).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it('Given an under-16 on short breaks from Jan 2021, a new carer on short breaks in Jun 2021 and a care order from Jun 2022, When ST3 is taken at 31 March 2025, Then the child is in it from the order, stable, with 1 placement counted', () => {
    const s = born2015('E')
      .startCare('2021-01-01', 'V3', 'U6')
      .move('2021-06-01', 'U6')
      .legalStatus('2022-06-01', 'C2')
      .summary();
    expect(childOf(stability([s], '2025-03-31')[2], 'E')).toMatchObject({
      counted: true,
      placements: 1,
      periodStart: '2022-06-01',
      evidence: ['E-3'],
    });
  });
});
