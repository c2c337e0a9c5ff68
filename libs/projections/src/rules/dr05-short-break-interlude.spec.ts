/**
 * A placement that goes on across a short-break interlude (C2, then V3, then C2 again, same carer
 * throughout) is in both counted parts of its period of care (periods-off-short-breaks.ts): DR05 and
 * ST1 count it once.
 */
import { stabilityST1 } from '../measures/stability';
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR05 with a placement spanning a short-break interlude', () => {
  // Placement A from 1 June 2024 under C2; on short breaks (V3) 1-15 August with A going on; back to
  // C2 on 15 August still with A; one move, to B, on 1 October 2024.
  const summary = journey('SB')
    .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
    .startCare('2024-06-01', 'C2')
    .legalStatus('2024-08-01', 'V3')
    .legalStatus('2024-08-15', 'C2')
    .move('2024-10-01')
    .summary();

  it('Given placement A across the interlude and one move to B, When DR05 is read on 1 October 2024 and 31 March 2025, Then no flag is open and none ever was (2 placements, not 3)', () => {
    expect(flagsOf(summary, '2024-10-01', 'DR05')).toEqual([]);
    expect(flagsOf(summary, '2025-03-31', 'DR05')).toEqual([]);
    expect(historyOf(summary, '2025-03-31', 'DR05')).toEqual([]);
  });

  it('Given the same journey, When ST1 for the year ending 31 March 2025 is read, Then it agrees: 2 placements, not counted', () => {
    const st1 = stabilityST1([summary], '2025-03-31');
    expect(st1.children).toEqual([
      expect.objectContaining({ childId: 'SB', placements: 2, counted: false, evidence: ['SB-2', 'SB-5'] }),
    ]);
  });
});
