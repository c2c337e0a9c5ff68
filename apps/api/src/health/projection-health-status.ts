import { HttpStatus } from '@nestjs/common';
import type { ApiProjectionLag } from '../projections/live-projection';

/**
 * The HTTP status of GET /health/projections (review s12-ops F11): 503 while the projector is
 * failed, so a monitor that only looks at the status alerts; the body is the same either way, so
 * one that parses it still finds `projector` and `failure`. Failed means the projector (or its
 * thread) is in `failed`, or it keeps a failure it is retrying: the lag already reports `failed`
 * then in every mode (steady-projector-state.ts); the failure is checked here too, so the probe
 * never flaps to 200 whatever reports the state.
 */
export function projectionHealthStatus(
  lag: ApiProjectionLag,
): HttpStatus.OK | HttpStatus.SERVICE_UNAVAILABLE {
  const failed = lag.projector === 'failed' || lag.failure !== undefined;
  return failed || notProjecting(lag) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
}

/**
 * Worker mode (review s12-ops F3): apps/projector's heartbeat is stale (the process is gone, hung,
 * or never started on this file) or says it stopped: nothing keeps the read models up to date. An
 * inline or thread projector is `stopped` only while the API itself shuts down.
 */
function notProjecting(lag: ApiProjectionLag): boolean {
  return lag.projector === 'stale' || (lag.mode === 'worker' && lag.projector === 'stopped');
}
