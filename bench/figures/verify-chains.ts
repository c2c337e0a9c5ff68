import { readWholeStream, verifyChain } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import type { Cohort } from '../workload/cohort';
import { progress, timed } from '../support/timing';
import { rateRow, type Row } from '../support/row';

/** Reads every stream whole (readWholeStream), optionally verifying its hash chain. */
async function readStreams(file: string, streams: readonly string[], verify: boolean): Promise<number> {
  const store = new SqliteEventStore({ file });
  let events = 0;
  try {
    for (const stream of streams) {
      const stored = (await readWholeStream(store, stream)) ?? [];
      if (verify && !verifyChain(stored).ok) throw new Error(`hash chain of ${stream} does not verify`);
      events += stored.length;
    }
  } finally {
    await store.close();
  }
  return events;
}

/** Verifying every stream's hash chain, as a ratio to just reading the same streams the same way. */
export async function verifyChainsRow(cohort: Cohort): Promise<Row> {
  progress('hash-chain verification…');
  const read = await timed(() => readStreams(cohort.file, cohort.streams, false));
  const verified = await timed(() => readStreams(cohort.file, cohort.streams, true));
  const rate = verified.result / verified.seconds;
  const readRate = read.result / read.seconds;
  return rateRow(
    'hash-chain verification, every stream',
    rate,
    { name: 'readWholeStream of every stream, no verification', value: readRate },
    [read.peakRssMb, verified.peakRssMb],
    'ratio reported (no target)',
    `${verified.result} events in ${cohort.streams.length} streams: ${verified.seconds.toFixed(1)} s verified vs ${read.seconds.toFixed(1)} s read`,
  );
}
