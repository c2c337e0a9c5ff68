import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import type { ChangeRecord } from './change-record';
import { childView } from './child-view';
import { diffViews } from './diff-views';
import { clockOf } from './feed-clock';

/** The view after the builder's events so far, as at the feed clock (undefined before any). */
const viewOf = (b: JourneyBuilder) => {
  const asAt = clockOf(b.events);
  return asAt === undefined ? undefined : childView(b.summary(), asAt, DEFAULT_DRIFT_CONFIG);
};

/** Given a journey, when `record` adds entries, then these are the changes. */
function changesWhen(b: JourneyBuilder, record: (b: JourneyBuilder) => void): ChangeRecord[] {
  const before = viewOf(b);
  record(b);
  const after = viewOf(b);
  if (!after) throw new Error('nothing recorded');
  return diffViews(b.childId, before, after);
}

const kinds = (changes: ChangeRecord[]): string[] => changes.map((c) => c.kind);

describe('diffViews: what one event changed in a child view', () => {
  it('Given nothing, when a child is registered, then there is no change to report', () => {
    expect(changesWhen(journey('c'), (b) => b.registered('2024-01-01'))).toEqual([]);
  });

  it('Given a registered child, when care starts, then care.started carries the legal status and placement', () => {
    const b = journey('c').registered('2024-01-01');
    expect(changesWhen(b, (j) => j.startCare('2024-01-10', 'C2', 'U4'))).toEqual([
      {
        kind: 'care.started',
        childId: 'c',
        childRef: 'REF-c',
        asAt: '2024-01-10',
        key: '2024-01-10',
        data: { start: '2024-01-10', legalStatus: 'C2', categoryOfNeed: 'N1', placementType: 'U4' },
      },
    ]);
  });

  it('Given a child in care, when they move carer, then placement.changed; a same-carer change is no move', () => {
    const b = journey('c').registered('2024-01-01').startCare('2024-01-10').review('2024-02-01');
    const moved = changesWhen(b, (j) => j.move('2024-02-10', 'U5'));
    expect(moved).toEqual([
      expect.objectContaining({
        kind: 'placement.changed',
        key: '2024-01-10/2024-02-10',
        data: { periodStart: '2024-01-10', start: '2024-02-10', placementType: 'U5', placementNumber: 2 },
      }),
    ]);
    expect(changesWhen(b, (j) => j.move('2024-02-20', 'U6', true))).toEqual([]);
  });

  it('Given a first review left late, when it is held, then the flag opened and closed by the step', () => {
    const b = journey('c').registered('2024-01-01').startCare('2024-01-02');
    const changes = changesWhen(b, (j) => j.review('2024-03-01'));
    expect(kinds(changes)).toEqual(['flag.opened', 'flag.closed']);
    const [opened, closed] = changes;
    expect(opened).toMatchObject({ key: expect.stringMatching(/^DR01\//), asAt: '2024-03-01' });
    expect(opened.data).toMatchObject({ ruleId: 'DR01', dueDate: expect.any(String) });
    expect(closed.data).toMatchObject({ ruleId: 'DR01', closedOn: '2024-03-01', reason: 'step' });
  });

  it('Given a review overdue by the passage of time, when any later event arrives, then the flag is reported opened then', () => {
    const b = journey('c').registered('2024-01-01').startCare('2024-01-02');
    const changes = changesWhen(b, (j) => j.plan('2024-04-01', 'adoption'));
    expect(kinds(changes)).toEqual(['plan.set', 'flag.opened']);
    // Reported as at the event's date, with the day it really opened.
    expect(changes[1]).toMatchObject({
      asAt: '2024-04-01',
      data: { ruleId: 'DR01', openedOn: '2024-01-31' },
    });
  });

  it('Given an entry, when it is retracted, then the fact is withdrawn with what it said', () => {
    const b = journey('c').registered('2024-01-01').startCare('2024-01-10').move('2024-01-20', 'U5');
    const moveId = b.lastId;
    const changes = changesWhen(b, (j) =>
      j.add('EntryRetracted', { effectiveDate: '2024-01-20', retractedEventId: moveId, reason: 'error' }),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'change.withdrawn',
        withdrawn: 'placement.changed',
        key: '2024-01-10/2024-01-20',
        data: expect.objectContaining({ placementType: 'U5' }),
      }),
    ]);
  });

  it('Given two placements this year, when a third starts, then stability.changed says unstable (and DR05 opens later)', () => {
    const b = journey('c')
      .registered('2024-01-01')
      .startCare('2024-01-10')
      .review('2024-02-01')
      .move('2024-03-01');
    const changes = changesWhen(b, (j) => j.move('2024-05-01'));
    expect(changes.find((c) => c.kind === 'stability.changed')).toMatchObject({
      key: 'placements',
      data: { placements: 3, threshold: 3, months: 12, unstable: true },
    });
  });

  it('Given a child placed for adoption, then permanence.reached carries the days from entry', () => {
    const b = journey('c')
      .registered('2024-01-01')
      .startCare('2024-01-10')
      .review('2024-02-01')
      .adoptionDecision('2024-02-10')
      .placementOrder('2024-03-01')
      .match('2024-04-01');
    const changes = changesWhen(b, (j) => j.placedForAdoption('2024-04-20'));
    expect(changes.find((c) => c.kind === 'permanence.reached')).toMatchObject({
      key: '2024-01-10/adoption_move_in',
      data: {
        milestone: 'adoption_move_in',
        periodStart: '2024-01-10',
        date: '2024-04-20',
        daysFromEntry: 101,
      },
    });
  });

  it('Given a child in care, when they return home, then care.ended with the reason and the permanence milestone', () => {
    const b = journey('c').registered('2024-01-01').startCare('2024-01-10');
    expect(changesWhen(b, (j) => j.endCare('2024-01-15', 'E4A'))).toEqual([
      expect.objectContaining({
        kind: 'care.ended',
        key: '2024-01-10',
        data: { start: '2024-01-10', end: '2024-01-15', reason: 'E4A' },
      }),
      expect.objectContaining({
        kind: 'permanence.reached',
        data: {
          milestone: 'planned_return_home',
          periodStart: '2024-01-10',
          date: '2024-01-15',
          daysFromEntry: 5,
        },
      }),
    ]);
  });

  it('never carries the child name or date of birth', () => {
    const b = journey('c').registered('2024-01-01', { name: 'Ada Lovelace', dateOfBirth: '2015-12-10' });
    const changes = changesWhen(b, (j) => j.startCare('2024-01-10').review('2024-06-01'));
    expect(changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(changes)).not.toMatch(/Ada|Lovelace|2015-12-10/);
  });
});
