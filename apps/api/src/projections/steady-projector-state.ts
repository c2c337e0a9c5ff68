/**
 * The `projector` field as health reports it, the same in every mode (session 20): `failed` from a
 * failed batch until an attempt succeeds. Between two retries the projector (inline, or on the
 * thread) is `running` again while it keeps the failure, so its own state flips; apps/projector's
 * heartbeat already reads that as `failed` (projector-heartbeat.ts). `stopped` and `stale` are kept:
 * the API is shutting down, or nothing projects.
 */
export function steadyProjectorState<S extends string>(state: S, failure: unknown): S | 'failed' {
  return state === 'running' && failure !== undefined ? 'failed' : state;
}
