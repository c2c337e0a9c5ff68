import type { StoreConfig } from '@care-journey/event-store';
import type { DriftConfig, RebuildProgress, RunningRebuildSeen } from '@care-journey/projections';

/** What the API hands the rebuild thread (structured-cloned: plain data only). */
export interface RebuildThreadSettings {
  store: StoreConfig;
  readModelFile: string;
  batchSize: number;
  rebuildThreads: number;
  rebuildMinEventsPerThread: number;
  drift: DriftConfig;
}

/** What the rebuild thread tells the API; `threadId` is the thread the rebuild ran on. */
export type RebuildThreadMessage =
  | { kind: 'progress'; progress: RebuildProgress; threadId: number }
  | { kind: 'refused'; message: string; running: RunningRebuildSeen }
  | { kind: 'failed'; message: string };
