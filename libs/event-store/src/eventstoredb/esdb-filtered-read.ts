import { DEFAULT_BACKOFF } from '../backoff';
import type { AllFilter, ReadAllOptions, RecordedEvent } from '../event-store.port';
import type { EsdbClient } from './esdb-client';
import { EsdbCatchUpSubscription } from './esdb-subscription';

/** Whether a read of $all has a filter the server can apply (stream prefixes or event types). */
export function hasServerFilter(filter: AllFilter | undefined): filter is AllFilter {
  return (filter?.streamPrefixes?.length ?? 0) > 0 || (filter?.eventTypes?.length ?? 0) > 0;
}

/**
 * A filtered read of $all, filtered by the server (review s13 M5): the v6 client's readAll has no
 * filter, so a narrow read (one day's access log, one registry) would pull every event of every
 * child after `fromPosition` to the client. A catch-up subscription takes the server's filter (with
 * its checkpoints): it is read until caught up (servers from 23.10 send that signal) or `maxCount`,
 * then cancelled. Each event waits for the caller to take it, so the stream is flow-controlled like a
 * read. A failure ends the read with the error (a read is not retried: its caller is).
 */
export async function* serverFilteredRead(
  client: Pick<EsdbClient, 'subscribeToAll'>,
  options: ReadAllOptions & { filter: AllFilter },
): AsyncGenerator<RecordedEvent> {
  const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (wanted === 0) return;
  let offered: { event: RecordedEvent; taken: () => void } | undefined;
  let finished: { error?: unknown } | undefined;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    wake?.();
    wake = undefined;
  };
  const finish = (error?: unknown): void => {
    finished ??= error === undefined ? {} : { error };
    signal();
  };
  const subscription = new EsdbCatchUpSubscription(
    client,
    { fromPosition: options.fromPosition, filter: options.filter },
    {
      onEvent: (event) =>
        new Promise<void>((taken) => {
          offered = { event, taken };
          signal();
        }),
      onCaughtUp: () => finish(),
      onRetry: (error) => finish(error),
      onError: (error) => finish(error),
    },
    DEFAULT_BACKOFF,
    () => undefined,
  );
  try {
    let count = 0;
    while (count < wanted) {
      if (offered) {
        const { event, taken } = offered;
        offered = undefined;
        yield event;
        count += 1;
        taken();
        continue;
      }
      if (finished) {
        if (finished.error !== undefined) throw finished.error;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // The last event offered may still wait to be taken: let it go, then stop.
    offered?.taken();
    await subscription.stop();
  }
}
