/**
 * The time-to-permanence "adoption move in" through a disrupted adoptive placement. The feed's
 * `permanence.reached` facts are the measure's milestones as at the child's clock
 * (measures/time-to-permanence.ts), and the measure counts the placement for adoption the child is
 * still in, or was in when adopted: a disrupted one no longer counts (docs/drift-rules.md, "Adoption
 * after a reversed decision"; the rule book's A1 is the move-in with the family that adopts). So the
 * move out withdraws the milestone and the move-in with the next family sends it with its own date:
 * no line is a repeat, and a consumer holds at every event the milestones the measure counts. Kept
 * instead, a consumer would go on counting the disrupted placement, for good if no family follows.
 */
import { summaryFromStream } from '../summary/build-summary';
import { timeToPermanence } from '../measures/time-to-permanence';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import type { ChangeRecord } from './change-record';
import { feedEvents, line } from './feed-of.spec-helper';

// In care from 5 January 2023, adoption planned, placement order 1 March, matched 1 February 2024,
// moved in with adopters on 1 April 2024 (452 days after entering care).
const placed = (): JourneyBuilder =>
  journey('a')
    .registered('2023-01-05')
    .startCare('2023-01-05')
    .review('2023-01-20')
    .plan('2023-02-01', 'adoption')
    .adoptionDecision('2023-02-10')
    .placementOrder('2023-03-01')
    .match('2024-02-01')
    .placedForAdoption('2024-04-01');

const moveIns = (changes: readonly ChangeRecord[]) =>
  changes.filter((c) => c.key.endsWith('/adoption_move_in')).map(line);

/** The measure's move-in rows for the child's events up to `count`, as at `asAt`. */
function measuredMoveIns(b: JourneyBuilder, count: number, asAt: string): string[] {
  const summary = summaryFromStream(b.childId, b.events.slice(0, count));
  return timeToPermanence([summary], '0001-01-01', asAt)
    .rows.filter((row) => row.milestone === 'adoption_move_in')
    .map((row) => `${row.date} ${row.days}`);
}

/** The move-in a consumer holds after applying every record up to each event. */
function heldMoveIns(changes: readonly ChangeRecord[][]): string[][] {
  let held: string | undefined;
  return changes.map((records) => {
    for (const c of records)
      if (c.key.endsWith('/adoption_move_in'))
        held = c.kind === 'change.withdrawn' ? undefined : `${c.data.date} ${c.data.daysFromEntry}`;
    return held === undefined ? [] : [held];
  });
}

describe('feed: an adoptive placement that disrupts (the time-to-permanence move-in)', () => {
  it('Given a move-in with adopters on 1 April 2024, When the child moves to a foster carer on 1 June and in with a new family on 1 September, Then the move-in is withdrawn at the move out and sent with the new date at the new move-in', () => {
    const fed = feedEvents(placed().move('2024-06-01', 'U4').placedForAdoption('2024-09-01'));
    expect(fed.map((f) => moveIns(f.changes)).slice(-3)).toEqual([
      ['permanence.reached 2023-01-05/adoption_move_in 2024-04-01'],
      ['change.withdrawn permanence.reached 2023-01-05/adoption_move_in 2024-04-01'],
      ['permanence.reached 2023-01-05/adoption_move_in 2024-09-01'],
    ]);
  });

  it('Given the same, Then after every event a consumer holds the move-in the measure counts as at that date (none between the move out and the new family)', () => {
    const b = placed().move('2024-06-01', 'U4').placedForAdoption('2024-09-01').adopted('2025-01-10');
    const fed = feedEvents(b);
    const measured = fed.map((f, i) => measuredMoveIns(b, i + 1, f.view.asAt));
    expect(heldMoveIns(fed.map((f) => f.changes))).toEqual(measured);
    expect(measured.slice(-5)).toEqual([
      ['2024-04-01 452'],
      [],
      ['2024-09-01 605'],
      ['2024-09-01 605'],
      ['2024-09-01 605'],
    ]);
  });

  it('Given the move-in, When the placement disrupts and the plan becomes long-term fostering (no family follows), Then the consumer holds no move-in, as the measure counts none', () => {
    const b = placed().move('2024-06-01', 'U4').plan('2024-07-01', 'long_term_fostering');
    const fed = feedEvents(b);
    const last = fed.at(-1);
    expect(heldMoveIns(fed.map((f) => f.changes)).at(-1)).toEqual([]);
    expect(measuredMoveIns(b, b.events.length, last?.view.asAt ?? '')).toEqual([]);
  });

  it('Given the move-in, When the child has a short stay elsewhere (a temporary placement) and comes back, Then nothing is withdrawn: the placement did not disrupt', () => {
    const fed = feedEvents(placed().temporary('2024-06-01').backFromTemporary('2024-06-05'));
    expect(fed.slice(-2).flatMap((f) => moveIns(f.changes))).toEqual([]);
    expect(fed.flatMap((f) => f.changes).some((c) => c.kind === 'change.withdrawn')).toBe(false);
  });
});
