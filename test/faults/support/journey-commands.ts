/** Commands that clash in interesting ways when many clients send them to the same child. */
export interface CommandCall {
  path: string;
  body: Record<string, unknown>;
}

/** Same date everywhere: whether a command holds depends only on the state, not on dates. */
const DAY = '2023-03-01';

/** Allocations name a configured team and a known social worker (the default authority's, the demo users'). */
const TEAMS = ['Children in Care North', 'Children in Care South', 'Children in Care Fenland'];

/**
 * Start and end of a missing episode depend on the state (one at a time), so a stale decision
 * must be refused or decided again; an allocation always holds, so it tests lost updates.
 */
export function randomCommand(random: () => number): CommandCall {
  const roll = random();
  if (roll < 0.35)
    return { path: 'missing-episodes', body: { effectiveDate: DAY, kind: random() < 0.5 ? 'M' : 'A' } };
  if (roll < 0.7) return { path: 'missing-episodes/end', body: { effectiveDate: DAY } };
  // Told apart from other allocations by the correlation id its sender gives, not by its team.
  return {
    path: 'allocation',
    body: { effectiveDate: DAY, team: TEAMS[Math.floor(random() * TEAMS.length)], socialWorker: 'sw.demo' },
  };
}

/** A small seeded generator, so a failing run can be replayed with the same choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}
