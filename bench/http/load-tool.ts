import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type LoadTool = 'wrk' | 'autocannon';

/** What either load tool measured over a phase (latencies in ms). */
export interface LoadCounts {
  /** Responses received, 2xx or not. */
  requests: number;
  /** 2xx (acknowledged) responses per second: what a client could count as commands done. */
  perSecond: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  non2xx: number;
  errors: number;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The HTTP figure's load tool: wrk when it is on PATH (C: ~0.02 ms of CPU per request against
 * autocannon's ~0.2 ms, on the same cores as the API), else autocannon.
 * CARE_JOURNEY_BENCH_LOAD_TOOL=autocannon|wrk picks one (to compare them in one session).
 */
export function chooseLoadTool(env: NodeJS.ProcessEnv = process.env): LoadTool {
  const asked = env.CARE_JOURNEY_BENCH_LOAD_TOOL;
  if (asked === 'wrk' || asked === 'autocannon') return asked;
  if (asked !== undefined && asked !== '')
    throw new RangeError(`CARE_JOURNEY_BENCH_LOAD_TOOL must be wrk or autocannon, got ${asked}`);
  return onPath('wrk') ? 'wrk' : 'autocannon';
}
