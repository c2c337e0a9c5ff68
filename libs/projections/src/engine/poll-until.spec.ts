import { LONGEST_POLL_MS, pollUntil, type PollClock } from './poll-until';

/** A clock that only moves when pollUntil sleeps: each pause is recorded, none waits. */
function fakeClock(): PollClock & { pauses: number[]; at: number } {
  const clock = {
    at: 0,
    pauses: [] as number[],
    now: () => clock.at,
    sleep: (ms: number) => {
      clock.pauses.push(ms);
      clock.at += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

describe('pollUntil: how a read waits for the read models (read-your-writes, the drift report)', () => {
  it('Given the awaited entry is applied 3 ms in, When waiting, Then it is seen by 3 ms (1 + 2), not after a 25 ms pause', async () => {
    const clock = fakeClock();
    expect(await pollUntil(() => clock.at >= 3, 1_000, clock)).toBe(true);
    expect(clock.pauses).toEqual([1, 2]);
    expect(clock.at).toBe(3);
  });

  it('Given it is never applied, When waiting 200 ms, Then pauses double to 25 ms, the last cut to the deadline, and the answer is false at it', async () => {
    const clock = fakeClock();
    expect(await pollUntil(() => false, 200, clock)).toBe(false);
    expect(clock.pauses.slice(0, 6)).toEqual([1, 2, 4, 8, 16, LONGEST_POLL_MS]);
    expect(Math.max(...clock.pauses)).toBe(LONGEST_POLL_MS);
    expect(clock.pauses.reduce((sum, ms) => sum + ms, 0)).toBe(200);
    expect(clock.at).toBe(200);
  });

  it('Given it is already applied, When waiting, Then true at once, with no pause; an asynchronous check is awaited', async () => {
    const clock = fakeClock();
    expect(await pollUntil(() => Promise.resolve(true), 1_000, clock)).toBe(true);
    expect(clock.pauses).toEqual([]);
  });
});
