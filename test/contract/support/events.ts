import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '@care-journey/event-store';

/** A unique stream-name prefix per test, so suites can share one EventStoreDB. */
export function uniquePrefix(label: string): string {
  return `${label}${randomUUID().slice(0, 8)}-`;
}

export function newEvent(type = 'TestEvent', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'contract-suite', schemaVersion: 1 },
  };
}

export function newEvents(count: number, type = 'TestEvent'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

export async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

/** Events of the log after `from` whose stream starts with `prefix`. */
export function readPrefix(
  store: EventStore,
  prefix: string,
  from: bigint | undefined,
): Promise<RecordedEvent[]> {
  return collect(store.readAll({ fromPosition: from, filter: { streamPrefixes: [prefix] } }));
}

/**
 * Waits for `condition`, failing after `timeoutMs`. The default was 5 s: a subscription's delivery on
 * a writer thread or a polling reader can take longer than that on a 2-core machine at load 30
 * (the CI's, mid-session); a met wait ends at once, so only a failing one waits this long.
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function ids(events: readonly { id: string }[]): string[] {
  return events.map((event) => event.id);
}
