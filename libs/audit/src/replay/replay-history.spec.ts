import { correctedJourney } from '../testing/corrected-journey';
import { replayHistory } from './replay-history';

// Known-at instants between the recordings of the fixture (see testing/corrected-journey.ts).
const BEFORE_LATE_ENTRY = '2024-03-15T00:00:00Z'; // e4 not yet recorded
const BEFORE_CORRECTIONS = '2024-03-21T00:00:00Z'; // e4 recorded as U6 from 1 March
const AFTER_FIRST = '2024-04-10T00:00:00Z'; // e6: U5 from 1 March
const AFTER_SECOND = '2024-06-01T00:00:00Z'; // e7: U5 from 5 March

describe('replayHistory: a journey recorded out of order and corrected twice', () => {
  const events = correctedJourney();

  // [asAt, knownAt, current placement type, its start date]
  it.each([
    ['2024-02-20', BEFORE_LATE_ENTRY, 'U4', '2024-01-15'],
    ['2024-02-20', AFTER_SECOND, 'U4', '2024-01-15'],
    ['2024-03-03', BEFORE_LATE_ENTRY, 'U4', '2024-01-15'],
    ['2024-03-03', BEFORE_CORRECTIONS, 'U6', '2024-03-01'],
    ['2024-03-03', AFTER_FIRST, 'U5', '2024-03-01'],
    ['2024-03-03', AFTER_SECOND, 'U4', '2024-01-15'], // the move is now known to be later
    ['2024-03-31', BEFORE_LATE_ENTRY, 'U4', '2024-01-15'],
    ['2024-03-31', BEFORE_CORRECTIONS, 'U6', '2024-03-01'],
    ['2024-03-31', AFTER_FIRST, 'U5', '2024-03-01'],
    ['2024-03-31', AFTER_SECOND, 'U5', '2024-03-05'],
  ])(
    'Given the journey, When replayed as at %s as known at %s, Then the child is placed in %s since %s',
    (asAt, knownAt, type, since) => {
      const { state } = replayHistory(events, { asAt, knownAt });
      expect(state.currentPlacement).toMatchObject({ placementType: type, startDate: since });
    },
  );

  it('Given no knownAt, When replayed as at a date, Then every correction recorded so far applies', () => {
    const { state, entries } = replayHistory(events, { asAt: '2024-03-31' });
    expect(state.currentPlacement).toMatchObject({ placementType: 'U5', startDate: '2024-03-05' });
    expect(entries.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('Given no asAt, When replayed as known before the late entry, Then the record then holds no placement change', () => {
    const { state, knownEventIds } = replayHistory(events, { knownAt: BEFORE_LATE_ENTRY });
    expect(knownEventIds).toEqual(['e1', 'e2', 'e3', 'e5']);
    expect(state.placements.map((p) => p.placementType)).toEqual(['U4']);
    expect(state.reviews.map((r) => r.date)).toEqual(['2024-02-12', '2024-03-10']);
  });

  it('Given neither axis, When replayed, Then it is the journey as recorded today', () => {
    expect(replayHistory(events, {}).state.placements.map((p) => [p.placementType, p.startDate])).toEqual([
      ['U4', '2024-01-15'],
      ['U5', '2024-03-05'],
    ]);
  });

  it('Given the first correction only, Then the entry shows its original data and the correction that changed it', () => {
    const entry = replayHistory(events, { knownAt: AFTER_FIRST }).entries.find((e) => e.eventId === 'e4');
    expect(entry?.originalData).toMatchObject({ placement: { placementType: 'U6' } });
    expect(entry?.data).toMatchObject({ placement: { placementType: 'U5' }, effectiveDate: '2024-03-01' });
    expect(entry?.amendedBy).toEqual([
      expect.objectContaining({
        eventId: 'e6',
        recordedBy: 'tm-1',
        changes: [{ path: 'placement.placementType', from: 'U6', to: 'U5' }],
      }),
    ]);
  });

  it('lists entries in effective-date order, whatever order they were recorded in', () => {
    expect(
      replayHistory(events, { knownAt: BEFORE_CORRECTIONS }).entries.map((e) => e.effectiveDate),
    ).toEqual(['2024-01-10', '2024-01-15', '2024-02-12', '2024-03-01', '2024-03-10']);
  });

  it('Given a retraction, it applies only from when it was recorded', () => {
    const withRetraction = [
      ...events,
      {
        type: 'EntryRetracted',
        id: 'e8',
        recordedAt: '2024-06-10T09:00:00.000Z',
        recordedBy: 'tm-1',
        data: { childId: 'c1', effectiveDate: '2024-03-10', retractedEventId: 'e5', reason: 'duplicate' },
      },
    ] as typeof events;
    expect(replayHistory(withRetraction, { knownAt: AFTER_SECOND }).state.reviews).toHaveLength(2);
    expect(replayHistory(withRetraction, { knownAt: '2024-06-11T00:00:00Z' }).state.reviews).toHaveLength(1);
  });

  it('does not change the events it replays', () => {
    const copy = structuredClone(events);
    replayHistory(events, { asAt: '2024-03-03', knownAt: AFTER_FIRST });
    expect(events).toEqual(copy);
  });
});

describe('replayHistory: open drift flags', () => {
  const events = correctedJourney();

  it('Given two reviews but no permanence plan, Then as at 2024-03-31 only the no-plan-by-second-review flag is open', () => {
    const { drift } = replayHistory(events, { asAt: '2024-03-31' });
    expect(drift?.driftDate).toBe('2024-03-31');
    expect(drift?.flags.map((f) => [f.ruleId, f.dueDate])).toEqual([['DR04', '2024-03-10']]);
  });

  it('Given the record as known before the first review was recorded, Then the first-review flag is open', () => {
    const { drift } = replayHistory(events, { asAt: '2024-02-13', knownAt: '2024-02-13T10:00:00Z' });
    expect(drift?.flags.map((f) => f.ruleId)).toContain('DR01');
  });

  it('uses the knownAt date, or today, when no asAt is given', () => {
    expect(replayHistory(events, { knownAt: '2024-04-10T00:00:00Z' }).drift?.driftDate).toBe('2024-04-10');
    expect(replayHistory(events, {}, { today: '2024-07-01' }).drift?.driftDate).toBe('2024-07-01');
    expect(replayHistory(events, {}).drift).toBeUndefined();
  });
});
