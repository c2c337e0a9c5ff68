/** What the coordinator of a partitioned rebuild and its partition threads say to each other. */
import type { StoreConfig } from '@care-journey/event-store';
import type { DriftConfig } from '../rules/drift-config';

export interface PartitionSettings {
  /** How the thread opens the event store (a plain config: it crosses workerData). */
  eventStore: StoreConfig;
  readModelFile: string;
  generation: number;
  partition: number;
  partitions: number;
  /** The log is read up to this position (decimal: bigint does not cross workerData as is). */
  upTo: string;
  /** Events of this partition per batch. */
  batchSize: number;
  /** Most events a batch reads ahead to (RebuildBatch). */
  readAhead: number;
  drift: DriftConfig;
  /** The WriteLock's buffer, shared by every partition. */
  lock: SharedArrayBuffer;
}

export type PartitionMessage =
  /** After each batch: the partition's events applied so far and the last one's position. */
  | { kind: 'progress'; events: number; position: string }
  | { kind: 'done'; events: number }
  | { kind: 'failed'; message: string; stack?: string };
