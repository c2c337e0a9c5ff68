/**
 * The API keeps folded states between commands (its fold cache) and decides and evolves on them
 * again and again, so decide and evolve must never change a state they are given — nor the dated
 * lists and log a state made by evolve keeps out of sight (fold/journey-log). Every state here is
 * frozen deep before anything else runs on it: a write to any of it throws (specs run in strict
 * mode), and what each state reads as must not change.
 */
import { decide } from './decide';
import { DomainRuleViolation } from './errors';
import type { JourneyEvent, StoredJourneyEvent } from './events';
import { evolve, evolveAll } from './evolve';
import { historyOf, listsOf } from './fold/journey-log';
import { initialState, type JourneyState } from './state';
import { amendEntry, retractEntry } from './testing/correction-commands';
import { stored } from './testing/decider-specification';
import { episodeCommands } from './testing/episode-commands';
import {
  CHILD,
  careEnded,
  fosterU6,
  inCare,
  legalStatusChanged,
  meta,
  placementChanged,
  reviewHeld,
} from './testing/fixtures';

/** Freezes the value and everything reachable from it (a getter's value included). */
function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  Object.freeze(value);
}

/** A state, its kept dated lists and its history, all frozen. */
function frozen(state: JourneyState): JourneyState {
  deepFreeze(state);
  deepFreeze(listsOf(state));
  deepFreeze(historyOf(state));
  return state;
}

const visit = (id: string, date: string): StoredJourneyEvent =>
  ({
    type: 'StatutoryVisitRecorded',
    data: { childId: CHILD, effectiveDate: date, seenAlone: true },
    id,
    recordedAt: `${date}T12:00:00Z`,
    recordedBy: 'sw-test',
  }) as StoredJourneyEvent;

// In order, then a late placement (a refold), a retraction (a correction) and entries after them.
const journey: StoredJourneyEvent[] = stored([
  ...inCare,
  reviewHeld('2024-06-01'),
  placementChanged('2024-07-01'),
  legalStatusChanged('2024-08-01', 'C2'),
  reviewHeld('2024-09-01'),
  placementChanged('2024-06-15', fosterU6),
  {
    type: 'EntryRetracted',
    data: { childId: CHILD, effectiveDate: '2024-09-01', retractedEventId: 'e3', reason: 'wrong child' },
  } as JourneyEvent,
  reviewHeld('2024-10-01'),
  careEnded('2025-01-10'),
]);

const { move, review, endCare } = episodeCommands();
/** Commands that read every part of a state: dated entries, corrections, the end of care. */
const commands = [
  review('2024-11-01'),
  move('2024-11-02', fosterU6),
  retractEntry('e4'),
  amendEntry('e5', { effectiveDate: '2024-07-02' }),
  endCare('2024-12-01'),
  {
    type: 'RecordReview',
    childId: CHILD,
    effectiveDate: '2025-02-01',
    participation: 'PN1',
    ...meta(),
  } as const,
];

/** What a decision came to: its events, or the rule it broke. */
function decided(command: (typeof commands)[number], state: JourneyState): unknown {
  try {
    return decide(command, state);
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.rule;
    throw error;
  }
}

describe('decide and evolve never change a state they are given', () => {
  it('Given every state of a journey frozen deep, When each decides and evolves, Then nothing throws and each answers as an unfrozen fold does', () => {
    // Unfrozen: the reference answers.
    const plain = journey.map((_, n) => evolveAll(journey.slice(0, n + 1)));
    const expected = plain.map((state) => commands.map((command) => decided(command, state)));

    // Frozen: each state frozen as soon as it is made, then evolved on (in place or, for an
    // older state, by copying its log) and decided on.
    const states: JourneyState[] = [];
    let state = frozen(initialState);
    for (const event of journey) {
      state = frozen(evolve(state, event));
      states.push(state);
    }
    const snapshots = states.map((s) => JSON.stringify(s));

    states.forEach((s, n) => {
      expect(commands.map((command) => decided(command, s))).toEqual(expected[n]);
      const branch = frozen(evolve(s, visit(`v${n}`, '2025-03-01')));
      expect(JSON.stringify(branch)).toBe(
        JSON.stringify(evolveAll([...journey.slice(0, n + 1), visit(`v${n}`, '2025-03-01')])),
      );
    });
    expect(states.map((s) => JSON.stringify(s))).toEqual(snapshots);
    expect(states.map((s) => JSON.stringify(s))).toEqual(plain.map((s) => JSON.stringify(s)));
  });

  it('Given a state made by evolve, Then what it keeps out of sight is in no copy of it, and a copy folds on the same', () => {
    const state = evolveAll(journey);
    expect(Object.getOwnPropertySymbols(state)).toEqual([]);
    const copy = { ...state };
    expect(copy).toEqual(state);
    expect(Object.keys(copy)).toEqual(Object.keys(state));
    expect(structuredClone(state)).toEqual(copy);
    const next = visit('v', '2025-03-01');
    expect(JSON.stringify(evolve(frozen(copy), next))).toBe(JSON.stringify(evolve(state, next)));
  });
});
