/**
 * evolve shares a state's history and event index with the state it came from (fold/journey-log).
 * A caller may keep any state and evolve it again: no state may see an event folded after it.
 */
import { decide } from './decide';
import { DomainRuleViolation } from './errors';
import type { JourneyEvent, StoredJourneyEvent } from './events';
import { evolve, evolveAll, foldJourney } from './evolve';
import { lastEventDateInCurrentPeriod } from './queries';
import { resolveCorrections } from './resolve-corrections';
import type { JourneyState } from './state';
import { stored } from './testing/decider-specification';
import { CHILD, careEnded, inCare, meta, placementChanged, reviewHeld } from './testing/fixtures';

const as = (id: string, event: JourneyEvent): StoredJourneyEvent => ({
  ...event,
  id,
  recordedAt: `${event.data.effectiveDate}T12:00:00Z`,
  recordedBy: 'sw-test',
});

const retract = (id: string, target: string, date: string): StoredJourneyEvent =>
  as(id, {
    type: 'EntryRetracted',
    data: { childId: CHILD, effectiveDate: date, retractedEventId: target, reason: 'wrong child' },
  });

const ids = (state: JourneyState) => state.history.map((e) => e.id);

/** What a state must look like: the same as a state folded from scratch from its own events. */
function expectFoldOf(state: JourneyState, events: readonly StoredJourneyEvent[]): void {
  const { history: _h, events: _e, ...fields } = foldJourney(resolveCorrections(events));
  expect(state).toMatchObject(fields);
  expect(state.history).toEqual(events);
  expect(Object.keys(state.events)).toEqual([...new Set(events.map((e) => e.id))]);
}

describe('evolve shares history between states without leaking later events', () => {
  const base = stored([...inCare, reviewHeld('2024-06-01')]);
  const a = as('a', placementChanged('2024-07-01'));
  const b = as('b', reviewHeld('2024-07-02'));

  it('evolving the same state twice gives two branches that do not see each other', () => {
    const start = evolveAll(base);
    const withA = evolve(start, a);
    const withB = evolve(start, b); // start is no longer at the end of the shared log: B copies
    const withAB = evolve(withA, b); // withA is: pushes in place

    expect(ids(start)).toEqual(['e1', 'e2', 'e3']);
    expect(start.events['a']).toBeUndefined();
    expect(start.events['b']).toBeUndefined();
    expect(start.placements).toHaveLength(1);
    expect(start.reviews).toHaveLength(1);

    expect(ids(withA)).toEqual(['e1', 'e2', 'e3', 'a']);
    expect(withA.events['b']).toBeUndefined();
    expect(ids(withB)).toEqual(['e1', 'e2', 'e3', 'b']);
    expect(withB.events['a']).toBeUndefined();
    expect(withB.placements).toHaveLength(1);
    expect(ids(withAB)).toEqual(['e1', 'e2', 'e3', 'a', 'b']);

    expectFoldOf(start, base);
    expectFoldOf(withA, [...base, a]);
    expectFoldOf(withB, [...base, b]);
    expectFoldOf(withAB, [...base, a, b]);
  });

  it('an older state read before and after later evolves answers the same', () => {
    const start = evolveAll(base);
    const before = JSON.stringify(start);
    const later = evolveAll([a, b, as('c', reviewHeld('2024-08-01'))], start);
    evolve(start, as('d', reviewHeld('2024-09-01')));
    expect(JSON.stringify(start)).toBe(before);
    expect(ids(later)).toEqual(['e1', 'e2', 'e3', 'a', 'b', 'c']);
  });

  it('a correction on one branch does not mark the entry corrected on the other or before', () => {
    const start = evolveAll([...base, a]);
    const retracted = evolve(start, retract('r', 'a', '2024-07-01'));
    const kept = evolve(start, b);

    expect(retracted.events['a']).toMatchObject({ retracted: true });
    expect(retracted.placements).toHaveLength(1);
    expect(start.events['a']).toMatchObject({ retracted: false });
    expect(kept.events['a']).toMatchObject({ retracted: false });
    expect(kept.events['r']).toBeUndefined();
    expect(kept.placements).toHaveLength(2);
    // Extending the retracted branch keeps the retraction; the others still do not see it.
    const after = evolve(retracted, as('c', reviewHeld('2024-08-01')));
    expect(after.events['a']).toMatchObject({ retracted: true });
    expect(evolve(kept, as('c', reviewHeld('2024-08-01'))).events['a']).toMatchObject({ retracted: false });
    expectFoldOf(after, [...base, a, retract('r', 'a', '2024-07-01'), as('c', reviewHeld('2024-08-01'))]);
  });

  it('a late entry on one branch refolds that branch only', () => {
    const start = evolveAll([...base, a]);
    const late = evolve(start, as('late', placementChanged('2024-06-15')));
    const onTime = evolve(start, b);
    expect(late.placements.map((p) => p.eventId)).toEqual(['e2', 'late', 'a']);
    expect(onTime.placements.map((p) => p.eventId)).toEqual(['e2', 'a']);
    expect(ids(onTime)).toEqual(['e1', 'e2', 'e3', 'a', 'b']);
  });

  it('decide on an older state does not see entries recorded on a later one', () => {
    const start = evolveAll(base);
    const later = evolve(start, a);
    const retractA = {
      type: 'RetractEntry',
      childId: CHILD,
      retractedEventId: 'a',
      reason: 'wrong child',
      ...meta(),
    } as const;
    expect(decide(retractA, later)).toHaveLength(1);
    expect(() => decide(retractA, start)).toThrow(DomainRuleViolation);
    const ended = evolve(later, as('end', careEnded('2024-07-05')));
    expect(lastEventDateInCurrentPeriod(later)).toBe('2024-07-01');
    expect(lastEventDateInCurrentPeriod(start)).toBe('2024-06-01');
    expect(ended.inCare).toBe(false);
  });

  it('a plain copy of a state (spread, JSON) evolves like the state itself', () => {
    const start = evolveAll(base);
    const spread = { ...start };
    const parsed = JSON.parse(JSON.stringify(start)) as JourneyState;
    for (const copy of [spread, parsed]) {
      expect(Array.isArray(copy.history)).toBe(true);
      const next = evolve(copy, a);
      expectFoldOf(next, [...base, a]);
      expect(copy.history).toHaveLength(3);
    }
    expectFoldOf(evolve(start, a), [...base, a]);
  });

  it('a copy (spread, Object.assign, structuredClone) carries plain fields only, not the shared log', () => {
    const start = evolveAll(base);
    const copies = [{ ...start }, Object.assign({}, start), structuredClone(start)];
    for (const copy of copies) {
      expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
      expect(Object.keys(copy)).toEqual(Object.keys(start));
      expect(copy).toEqual(start);
      // A copy's history is its own array: evolving the original does not change it.
      evolve(start, a);
      expect(copy.history).toHaveLength(3);
    }
  });
});

describe('evolveAll is the fold of evolve, event by event', () => {
  const base = stored([...inCare, reviewHeld('2024-06-01')]);
  const a = as('a', placementChanged('2024-07-01'));
  const stream = [
    ...base,
    a,
    as('b', reviewHeld('2024-07-02')),
    as('late', placementChanged('2024-06-15')), // late: refolds
    as('c', reviewHeld('2024-08-01')),
    retract('r', 'a', '2024-07-01'), // correction: refolds
    as('d', reviewHeld('2024-08-02')),
    as('same-day', reviewHeld('2024-08-02')),
    as('end', careEnded('2024-09-01')),
  ];
  const oneByOne = (events: readonly StoredJourneyEvent[], from?: JourneyState) =>
    events.reduce(evolve, from ?? evolveAll([]));

  it('given a stream with late entries and a correction, then the same state, key for key and in the same order', () => {
    for (let n = 0; n <= stream.length; n++) {
      const events = stream.slice(0, n);
      expect(JSON.stringify(evolveAll(events))).toBe(JSON.stringify(oneByOne(events)));
      expect(evolveAll(events)).toEqual(oneByOne(events));
    }
  });

  it('given a state to start from (made by evolve, or a plain copy), then the same as evolving it on', () => {
    const start = evolveAll(stream.slice(0, 4));
    const before = JSON.stringify(start);
    for (const from of [start, { ...start }, JSON.parse(before) as JourneyState]) {
      const rest = stream.slice(4);
      expect(JSON.stringify(evolveAll(rest, from))).toBe(JSON.stringify(oneByOne(rest, from)));
    }
    expect(JSON.stringify(start)).toBe(before);
    expect(ids(evolve(start, as('x', reviewHeld('2024-10-01'))))).toEqual(['e1', 'e2', 'e3', 'a', 'x']);
  });

  it('given no events, then the state it started from', () => {
    const start = evolveAll(base);
    expect(evolveAll([], start)).toBe(start);
  });

  it('then decide on it answers as on the state folded one by one', () => {
    const retractB = {
      type: 'RetractEntry',
      childId: CHILD,
      retractedEventId: 'b',
      reason: 'wrong child',
      ...meta(),
    } as const;
    const events = stream.slice(0, 8);
    expect(decide(retractB, evolveAll(events))).toEqual(decide(retractB, oneByOne(events)));
  });
});
