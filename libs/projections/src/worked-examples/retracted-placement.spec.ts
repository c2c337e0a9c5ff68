/**
 * Worked example: a correction retracts a placement recorded in error. Everything is computed as
 * known now: the retracted move never counts, so the DR05 flag it caused disappears from the
 * flags and the history, and ST1 counts one placement fewer.
 */
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';
import { stability } from '../measures/stability';

describe('worked examples: a correction that retracts a placement', () => {
  // X: in care 1 Apr 2024; moves 1 Jul and 1 Oct 2024: the third placement
  // in 12 months began 1 Oct, so DR05 is open from 1 Oct (due the day before: open after it).
  const moved = () =>
    journey('X')
      .registered('2014-01-01', { dateOfBirth: '2014-01-01' })
      .startCare('2024-04-01')
      .move('2024-07-01')
      .move('2024-10-01');

  it('as recorded: DR05 flag open from 1 Oct 2024; ST1 to 31 Mar 2025 counts 3 placements', () => {
    const s = moved().summary();
    expect(flagsOf(s, '2024-10-15', 'DR05')[0]).toMatchObject({
      dueDate: '2024-09-30',
      openedOn: '2024-10-01',
    });
    expect(stability([s], '2025-03-31')[0].children[0]).toMatchObject({ counted: true, placements: 3 });
  });

  it('the 1 Jul move (X-3) retracted on 1 Nov 2024: no flag then or now, no history, 2 placements', () => {
    const s = moved()
      .add('EntryRetracted', {
        effectiveDate: '2024-11-01',
        retractedEventId: 'X-3',
        reason: 'entered on the wrong child',
      })
      .summary();
    expect(s.periods[0].placements.map((run) => run.startEventId)).toEqual(['X-2', 'X-4']);
    expect(flagsOf(s, '2024-10-15', 'DR05')).toEqual([]);
    expect(historyOf(s, '2025-03-31', 'DR05')).toEqual([]);
    expect(stability([s], '2025-03-31')[0].children[0]).toMatchObject({
      counted: false,
      placements: 2,
      evidence: ['X-2', 'X-4'],
    });
  });
});
