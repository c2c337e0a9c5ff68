import type { ApiProjectionLag } from './live-projection';

/**
 * What an unauthenticated probe may see of the projections' health: positions, states, counts and
 * times, not error texts (nor the host name of another process's rebuild). A failed batch's or a dead thread's message can carry file paths, SQL or
 * an event's values; an admin reads them at GET /admin/projections.
 */
export function withoutErrorTexts(lag: ApiProjectionLag): ApiProjectionLag {
  const shown: ApiProjectionLag = { ...lag };
  if (lag.thread) {
    const { error, lastDeath, ...thread } = lag.thread;
    shown.thread = {
      ...thread,
      ...(error === undefined ? {} : { error: 'withheld: GET /admin/projections (admin) gives it' }),
      ...(lastDeath === undefined ? {} : { lastDeath: { at: lastDeath.at, error: 'withheld' } }),
    };
  }
  if (lag.failure?.error.detail !== undefined) {
    // The stuck event's place and the error's name stay: they carry no case data (stuck-event.ts).
    const { detail: _detail, ...error } = lag.failure.error;
    shown.failure = { ...lag.failure, error };
  }
  if (lag.rebuild?.error !== undefined) shown.rebuild = { ...lag.rebuild, error: 'withheld' };
  if (lag.rebuilding?.error !== undefined) shown.rebuilding = { ...lag.rebuilding, error: 'withheld' };
  // Another process's rebuild: the machine's name stays with the admin routes too.
  if (shown.rebuilding && 'host' in shown.rebuilding) {
    const { host: _host, ...rebuilding } = shown.rebuilding;
    shown.rebuilding = rebuilding;
  }
  // apps/projector's machine, likewise (its pid and times stay: no case data).
  if (shown.heartbeat) {
    const { host: _host, ...heartbeat } = shown.heartbeat;
    shown.heartbeat = heartbeat;
  }
  return shown;
}
