import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from './http-client';

/**
 * How long an e2e spec waits for its app to reach an outcome. Deadlines are in time, not in a
 * count of polls: a count of 200 polls of 25 ms was ~5 s, and the clean-clone CI runs two e2e
 * files side by side on a 2-core machine that other work loads to 20 and more, where a rebuild's
 * worker thread alone can take seconds to start. Jest's timeout is 60 s by default (jest.config.js);
 * a test that waits this long and does much else besides gives itself more (90_000).
 */
export const OUTCOME_DEADLINE_MS = 45_000;

/**
 * Reads until `reached` says the answer is an outcome, or the deadline passes; returns the last
 * answer either way, for the caller to assert on (so a miss fails naming what was seen).
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  reached: (answer: T) => boolean,
  { deadlineMs = OUTCOME_DEADLINE_MS, everyMs = 25 } = {},
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let answer = await read();
  while (!reached(answer) && Date.now() < deadline) {
    await sleep(everyMs);
    answer = await read();
  }
  return answer;
}

/**
 * A rebuild's states on its way to an outcome (libs/projections/src/engine/rebuild.ts): 'switching'
 * is the new generation being made current, still under way. Polling "while running" took it as the
 * outcome and failed the stop-28 CI; polling "until done" would wait out the deadline on 'failed'.
 */
const UNDER_WAY = new Set(['running', 'switching']);

/** GET /admin/rebuild until the rebuild is no longer under way: its outcome (done, failed, abandoned). */
export async function rebuildOutcome<P extends { state: string }>(
  api: Pick<ApiClient, 'get'>,
  admin: { token: string },
): Promise<P> {
  return pollUntil(
    async () => (await api.get<P>('/admin/rebuild', admin)).body,
    (progress) => !UNDER_WAY.has(progress.state),
  );
}
