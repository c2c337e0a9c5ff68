/**
 * One raw baseline of the scaling figure in a Node process of its own, like the rebuild, so that
 * each size starts from the same fresh process and its peak RSS is the measurement's own.
 * `scale-process insert|read <seed-file>` prints one JSON line: {"seconds":…,"peakRssMb":…}.
 */
import { rawBatchedInsert, rawReadParse } from '../figures/baselines';
import type { Cohort } from '../workload/cohort';
import { peakRssOf } from './child-process';

async function main(): Promise<void> {
  const [kind, file] = process.argv.slice(2);
  if ((kind !== 'insert' && kind !== 'read') || !file)
    throw new Error('usage: scale-process insert|read <seed-file>');
  // rawBatchedInsert reads nothing of the cohort but its seed file.
  const run = kind === 'insert' ? await rawBatchedInsert({ file } as Cohort) : await rawReadParse(file);
  const peakRssMb = peakRssOf(process.pid) || run.peakRssMb;
  process.stdout.write(`${JSON.stringify({ seconds: run.seconds, peakRssMb })}\n`, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
