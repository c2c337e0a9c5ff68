/**
 * The projector's container healthcheck (review s12-ops F15): reads the heartbeat this process
 * writes into the read-model file (heartbeat.ts) and judges it as the API does
 * (heartbeatSeen: stale after CARE_JOURNEY_PROJECTOR_STALE_INTERVALS of its interval, failed while it
 * retries a failure). Read-only: it opens the file without setting anything up, and an absent file
 * is unhealthy, not created.
 */
import { loadStoreConfig } from '@care-journey/event-store';
import {
  heartbeatSeen,
  loadReadModelConfig,
  readHeartbeatFromFile,
  type ProjectorHeartbeat,
} from '@care-journey/projections';

export interface HeartbeatCheck {
  healthy: boolean;
  /** One line for `docker inspect` / the orchestrator's log. */
  line: string;
}

export function checkHeartbeat(
  env: Record<string, string | undefined> = process.env,
  now: Date = new Date(),
): HeartbeatCheck {
  const config = loadReadModelConfig(env, loadStoreConfig(env));
  let heartbeat: ProjectorHeartbeat | undefined;
  try {
    heartbeat = readHeartbeatFromFile(config.file);
  } catch (error) {
    return { healthy: false, line: `cannot read ${config.file}: ${String(error)}` };
  }
  const seen = heartbeatSeen(heartbeat, now, config.heartbeat.staleIntervals);
  const age = seen.heartbeat
    ? ` (heartbeat ${seen.heartbeat.ageMs} ms old, stale after ${seen.heartbeat.staleAfterMs} ms)`
    : ' (no heartbeat)';
  return { healthy: seen.projector === 'running', line: `projector ${seen.projector}${age}` };
}
