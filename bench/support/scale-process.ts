/**
 * One measurement of the scaling figure in a Node process of its own, so that each size starts from
 * the same fresh process and its peak RSS is the measurement's own. The rebuild is the rebuild
 * figure's `timeRebuild`, in its own process as that figure runs it.
 * `scale-process <kind> <seed-file>` (kinds: KINDS) prints one JSON line:
 * {"seconds":…,"cpuSeconds":…,"peakRssMb":…,"readBytes":…,"writtenBytes":…} (and "appends" and
 * "transactions" for the child-shaped kinds) — CPU of the whole
 * process (all threads) during the measurement, which other processes on a shared machine disturb
 * far less than wall time, and the bytes it read and wrote through system calls meanwhile.
 */
import { rawBatchedInsert, rawReadParse } from '../figures/baselines';
import { ourChildAppend, rawChildInsert } from '../figures/child-append';
import { ourBatchedAppend } from '../figures/event-store';
import { timeRebuild } from '../figures/rebuild';
import { streamKeyedChildInsert } from '../figures/scaling-index-shapes';
import type { Cohort } from '../workload/cohort';
import { peakRssOf } from './child-process';
import { ioSince, processIo } from './process-io';

const KINDS = {
  // rawBatchedInsert reads nothing of the cohort but its seed file.
  insert: (file: string) => rawBatchedInsert({ file } as Cohort),
  append: ourBatchedAppend,
  'insert-children': rawChildInsert,
  'append-children': ourChildAppend,
  read: rawReadParse,
  rebuild: timeRebuild,
  // A probe, not in the figure: the child-shaped insert with stream-keyed indexes (scaling-index-shapes.ts).
  'insert-children-stream-key': streamKeyedChildInsert,
} as const;

const isKind = (kind: string | undefined): kind is keyof typeof KINDS =>
  kind !== undefined && Object.hasOwn(KINDS, kind);

async function main(): Promise<void> {
  const [kind, file] = process.argv.slice(2);
  if (!isKind(kind) || !file)
    throw new Error(`usage: scale-process ${Object.keys(KINDS).join('|')} <seed-file>`);
  const cpu = process.cpuUsage();
  const io = processIo();
  const run = await KINDS[kind](file);
  const used = process.cpuUsage(cpu);
  const { readBytes, writtenBytes } = ioSince(io);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const commits =
    'transactions' in run && 'appends' in run
      ? { appends: run.appends, transactions: run.transactions }
      : undefined;
  const peakRssMb = peakRssOf(process.pid) || run.peakRssMb;
  // Exit once the line is out: nothing left behind may keep the process (and the bench) waiting.
  process.stdout.write(
    `${JSON.stringify({ seconds: run.seconds, cpuSeconds, peakRssMb, readBytes, writtenBytes, ...commits })}\n`,
    () => process.exit(0),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
