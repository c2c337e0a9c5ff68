import { randomUUID } from 'node:crypto';
import { StreamNotFound, type EventStore } from '@care-journey/event-store';

/** The demo's own stream: when its seeding began (with what options) and when it finished. */
export const DEMO_STREAM = 'demo-authority';
const STARTED = 'DemoSeedingStarted';
const FINISHED = 'DemoSeeded';

export interface DemoOptions {
  children: number;
  seed: string;
  years: number;
  yearEnding: string;
  recordedUntil: string;
  /** Who each team's children are allocated to (demo-social-workers.ts); absent in demos begun before it. */
  socialWorkerOfTeam?: Record<string, string>;
}

export type DemoProgress =
  { state: 'none' } | { state: 'started'; options: DemoOptions; revision: bigint } | { state: 'finished' };

export async function demoProgress(store: EventStore): Promise<DemoProgress> {
  let last: { type: string; data: unknown; revision: bigint } | undefined;
  try {
    for await (const event of store.readStream(DEMO_STREAM)) last = event;
  } catch (error) {
    if (error instanceof StreamNotFound) return { state: 'none' };
    throw error;
  }
  if (last?.type === FINISHED) return { state: 'finished' };
  if (last?.type === STARTED)
    return { state: 'started', options: last.data as DemoOptions, revision: last.revision };
  return { state: 'none' };
}

const metadata = () => ({
  recordedAt: new Date().toISOString(),
  recordedBy: 'care-journey demo',
  schemaVersion: 1,
});

export async function markDemoStarted(store: EventStore, options: DemoOptions): Promise<bigint> {
  const result = await store.appendToStream(
    DEMO_STREAM,
    [{ id: randomUUID(), type: STARTED, data: { ...options }, metadata: metadata() }],
    { expectedRevision: 'no_stream' },
  );
  return result.nextExpectedRevision;
}

export async function markDemoFinished(store: EventStore, after: bigint): Promise<void> {
  await store.appendToStream(
    DEMO_STREAM,
    [{ id: randomUUID(), type: FINISHED, data: {}, metadata: metadata() }],
    { expectedRevision: after },
  );
}
