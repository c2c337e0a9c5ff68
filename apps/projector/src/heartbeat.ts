/**
 * The worker's heartbeat timer (review s12-ops F3): every interval it moves the projector to a
 * generation another process switched to (an idle log brings no event to notice it by), then writes
 * the heartbeat (pid, host, state, failure, generation, updatedAt) into the read-model file, where
 * the API in worker mode reads it. A heartbeat that cannot be written (disk full, the file locked)
 * is said once at ERROR, and once more when it can be again; the API meanwhile sees it go stale.
 */
import type { ProjectionEngine } from '@care-journey/projections';

export interface HeartbeatOptions {
  intervalMs: number;
  log: (message: string) => void;
  error: (message: string) => void;
}

export interface RunningHeartbeat {
  /** Stops the timer (a beat in progress finishes). */
  stop(): Promise<void>;
  /** Writes a last heartbeat, saying the projector stopped (best effort). */
  last(): void;
}

export function startHeartbeat(engine: ProjectionEngine, options: HeartbeatOptions): RunningHeartbeat {
  let failing = false;
  const write = (): void => {
    try {
      engine.writeHeartbeat(options.intervalMs);
      if (failing) options.log('heartbeat written again');
      failing = false;
    } catch (error) {
      if (!failing)
        options.error(
          `cannot write the heartbeat into the read-model file (the API will report the projector stale): ${String(error)}`,
        );
      failing = true;
    }
  };
  let beating: Promise<void> = Promise.resolve();
  const beat = (): void => {
    beating = engine
      .followServedGeneration()
      .catch((error: unknown) => options.error(`following the served generation: ${String(error)}`))
      .then(write);
  };
  write();
  const timer = setInterval(beat, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await beating;
    },
    last: write,
  };
}
