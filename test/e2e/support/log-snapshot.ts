import type { EventStore } from '@care-journey/event-store';

/**
 * What the log holds besides the read-access trail, to check that a refused command recorded
 * nothing: reading the log as an admin (`GET /events`) is itself recorded in the trail.
 */
export async function logWithoutTrail(store: EventStore): Promise<string[]> {
  const events: string[] = [];
  for await (const event of store.readAll())
    if (!event.streamId.startsWith('access-log-'))
      events.push(`${event.globalPosition} ${event.streamId} ${event.type} ${JSON.stringify(event.data)}`);
  return events;
}
