/**
 * One full projection rebuild in a process of its own, so its peak memory is the rebuild's and not
 * the bench's (which holds the cohort and earlier figures' garbage). Prints one JSON line:
 * {"seconds":…,"events":…,"threads":…,"cpuSeconds":…,"peakRssMb":…} with peakRssMb the process's VmHWM after the rebuild.
 */
import { peakRssOf } from '../support/child-process';
import { timeRebuild } from './rebuild';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: rebuild-process <event-store-file>');
  const run = await timeRebuild(file);
  const peakRssMb = peakRssOf(process.pid) || run.peakRssMb;
  // Exit once the line is out: nothing the rebuild left behind may keep the process (and the bench) waiting.
  process.stdout.write(
    `${JSON.stringify({
      seconds: run.seconds,
      events: run.events,
      threads: run.threads,
      cpuSeconds: run.cpuSeconds,
      peakRssMb,
    })}\n`,
    () => process.exit(0),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
