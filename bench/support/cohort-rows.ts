import type { NewEvent } from '@care-journey/event-store';
import { storedRows, type StoredRow } from './raw-sqlite';
import { withPeakRss } from './rss-sampler';

/** A cohort row as the raw baseline inserts it: [stream_id, revision, id, type, data, metadata], all stored strings. */
export type InsertRow = [string, number, string, string, string, string];

export const insertRow = (row: StoredRow): InsertRow => [row[1], row[2], row[3], row[4], row[5], row[6]];

/** The same row as a caller hands it to appendToStream (data and metadata as objects). */
export const toNewEvent = (row: InsertRow): NewEvent => ({
  id: row[2],
  type: row[3],
  data: JSON.parse(row[4]) as NewEvent['data'],
  metadata: JSON.parse(row[5]) as NewEvent['metadata'],
});

/** The first `count` rows of the seed file in log order (whole children first to last revision). */
export function firstRows(file: string, count: number): InsertRow[] {
  const rows: InsertRow[] = [];
  for (const row of storedRows(file)) {
    rows.push(insertRow(row));
    if (rows.length === count) break;
  }
  return rows;
}

/** `items` in arrays of `size` (the last one shorter), read lazily. */
export function* inGroups<T>(items: Iterable<T>, size: number): Generator<T[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be ≥ 1, got ${size}`);
  let group: T[] = [];
  for (const item of items) {
    group.push(item);
    if (group.length === size) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0) yield group;
}

/** The expected revision of an append whose first event is at `revision`: `no_stream` for a stream's first. */
export const expectedBefore = (revision: number): 'no_stream' | bigint =>
  revision === 0 ? 'no_stream' : BigInt(revision - 1);

/** Rows in log order, one array per run of rows of the same stream (the cohort is written child by child). */
export function* byStream(rows: Iterable<InsertRow>): Generator<InsertRow[]> {
  let child: InsertRow[] = [];
  for (const row of rows) {
    if (child.length > 0 && row[0] !== child[0][0]) {
      yield child;
      child = [];
    }
    child.push(row);
  }
  if (child.length > 0) yield child;
}

/**
 * Children's events interleaved as a live log has them: round r holds the r-th event of every child
 * that has one, in the children's order (a child with fewer events drops out of later rounds).
 */
export function byRevision<T>(children: readonly (readonly T[])[]): T[][] {
  const longest = Math.max(0, ...children.map((events) => events.length));
  return Array.from({ length: longest }, (_, r) =>
    children.filter((events) => r < events.length).map((events) => events[r]),
  );
}

/** Every row of the seed file as the raw baseline inserts it, in log order, read lazily. */
export function* insertRows(file: string): Generator<InsertRow> {
  for (const row of storedRows(file)) yield insertRow(row);
}

/**
 * Every row of the seed file in groups of `size`, in log order. Each group is given its own stream
 * (`bench-batch-<n>`, revisions 0…size-1) so that one appendToStream call can carry it; ids, types,
 * data and metadata are the cohort's, unchanged.
 */
export function* batchesAsStreams(file: string, size: number): Generator<InsertRow[]> {
  let batch: InsertRow[] = [];
  let n = 0;
  for (const row of storedRows(file)) {
    batch.push([`bench-batch-${n}`, batch.length, row[3], row[4], row[5], row[6]]);
    if (batch.length === size) {
      yield batch;
      batch = [];
      n++;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Runs `call` once per item of `items`; only the calls are timed (preparing each item, e.g. reading
 * it from the seed file, is not). Peak RSS is sampled over the whole loop.
 */
export async function timeCalls<T>(
  items: Iterable<T>,
  call: (item: T) => Promise<unknown> | unknown,
): Promise<{ seconds: number; peakRssMb: number }> {
  global.gc?.();
  const { result, peakRssMb } = await withPeakRss(async () => {
    let ns = 0n;
    for (const item of items) {
      const start = process.hrtime.bigint();
      await call(item);
      ns += process.hrtime.bigint() - start;
    }
    return Number(ns) / 1e9;
  });
  return { seconds: result, peakRssMb };
}
