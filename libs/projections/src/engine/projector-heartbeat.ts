/**
 * The worker projector's heartbeat (review s12-ops F3): apps/projector writes it into the read-model
 * file's `meta` every interval (CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS), so the API in worker mode, which
 * only reads the file, can tell a projector that runs from one that failed, stopped or is gone (killed,
 * hung, its host down): a heartbeat older than a few intervals (CARE_JOURNEY_PROJECTOR_STALE_INTERVALS)
 * is stale. One row for the file, not per generation: it is about the process.
 */
import type { ProjectorState } from './projector';
import type { ProjectorFailure } from './stuck-event';

export const HEARTBEAT_KEY = 'projector_heartbeat';

export const DEFAULT_HEARTBEAT_MS = 5_000;
/** Missed intervals after which a heartbeat is stale: one late beat under load is not an outage. */
export const DEFAULT_STALE_INTERVALS = 3;

export interface ProjectorHeartbeat {
  pid: number;
  host: string;
  /** The projector's state when it wrote this (`stopped`: it shut down). */
  state: ProjectorState;
  /** The failure it keeps retrying, if any (as in /health/projections' `failure`). */
  failure?: ProjectorFailure;
  /** The generation it projects into. */
  generation: number;
  /** How often it writes one (ms): staleness is counted in these. */
  intervalMs: number;
  /** When it wrote this (ISO). */
  updatedAt: string;
}

/** What a reader makes of the heartbeat: the projector's state as health reports it. */
export type WorkerProjectorState = 'running' | 'failed' | 'stopped' | 'stale';

export interface HeartbeatSeen {
  projector: WorkerProjectorState;
  /** The heartbeat it is judged from (absent: none was ever written to this file). */
  heartbeat?: ShownHeartbeat;
}

/** A heartbeat as health shows it: without the failure (health has its own `failure`), with its age. */
export interface ShownHeartbeat extends Omit<ProjectorHeartbeat, 'failure' | 'host'> {
  /** apps/projector's machine: GET /admin/projections only (/health/projections leaves it out). */
  host?: string;
  /** How old it was when read (ms). */
  ageMs: number;
  /** The age from which it is stale: CARE_JOURNEY_PROJECTOR_STALE_INTERVALS × its interval. */
  staleAfterMs: number;
}

/**
 * `stale` when there is no heartbeat or it is older than `staleIntervals` of its own interval (the
 * process is dead, hung, or never started on this file); else the state it wrote, `failed` also
 * while it keeps a failure it retries (between two retries it is briefly `running`), or when the
 * file holds the failure it stored since its last beat (`failureStored`: it stores that at once).
 */
export function heartbeatSeen(
  heartbeat: ProjectorHeartbeat | undefined,
  now: Date,
  staleIntervals: number,
  failureStored = false,
): HeartbeatSeen {
  if (heartbeat === undefined) return { projector: 'stale' };
  const { failure, ...shown } = heartbeat;
  const ageMs = Math.max(0, now.getTime() - Date.parse(heartbeat.updatedAt));
  const staleAfterMs = staleIntervals * heartbeat.intervalMs;
  const seen = { ...shown, ageMs, staleAfterMs };
  if (!(ageMs <= staleAfterMs)) return { projector: 'stale', heartbeat: seen };
  if (heartbeat.state === 'stopped') return { projector: 'stopped', heartbeat: seen };
  const failed = heartbeat.state === 'failed' || failure !== undefined || failureStored;
  return { projector: failed ? 'failed' : 'running', heartbeat: seen };
}
