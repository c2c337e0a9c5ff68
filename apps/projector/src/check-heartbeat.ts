/**
 * The projector's container healthcheck (review s12-ops F15): reads the heartbeat this process
 * writes into the read-model file (heartbeat.ts) and judges it as the API does
 * (heartbeatSeen: stale after CARE_JOURNEY_PROJECTOR_STALE_INTERVALS of its interval, failed while it
 * retries a failure). Read-only: it opens the file without setting anything up, and an absent file
 * is unhealthy, not created.
 */
import Database from 'better-sqlite3';
import { loadStoreConfig } from '@care-journey/event-store';
import {
  HEARTBEAT_KEY,
  heartbeatSeen,
  loadReadModelConfig,
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
    const db = new Database(config.file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(HEARTBEAT_KEY) as
        { value: string } | undefined;
      heartbeat = row && (JSON.parse(row.value) as ProjectorHeartbeat);
    } finally {
      db.close();
    }
  } catch (error) {
    return { healthy: false, line: `cannot read ${config.file}: ${String(error)}` };
  }
  const seen = heartbeatSeen(heartbeat, now, config.heartbeat.staleIntervals);
  const age = seen.heartbeat
    ? ` (heartbeat ${seen.heartbeat.ageMs} ms old, stale after ${seen.heartbeat.staleAfterMs} ms)`
    : ' (no heartbeat)';
  return { healthy: seen.projector === 'running', line: `projector ${seen.projector}${age}` };
}
