import { Command, InvalidArgumentError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { seedStore } from '@care-journey/reporting';

const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000)
    throw new InvalidArgumentError('must be a whole number from 0 to 100000');
  return n;
};

/** True when the log already holds at least one journey (a demo never seeds over real or earlier data). */
async function hasJourneys(store: EventStore): Promise<boolean> {
  for await (const _event of store.readAll({
    maxCount: 1,
    filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] },
  }))
    return true;
  return false;
}

async function seedIfEmpty(children: number, seed: string): Promise<void> {
  const store = await createEventStore();
  try {
    if (children === 0 || (await hasJourneys(store))) return;
    const bar = new SingleBar(
      { format: 'demo authority [{bar}] {value}/{total} children | {events} events' },
      Presets.shades_classic,
    );
    bar.start(children, 0, { events: 0 });
    const options = {
      children,
      seed,
      years: 4,
      yearEnding: demoHistoryEnd(),
      recordedUntil: new Date().toISOString(),
    };
    await seedStore(store, options, (p) => bar.update(p.children, { events: p.events }));
    bar.stop();
  } finally {
    await store.close();
  }
}

/**
 * The demo's history ends 45 days ago: recent enough that today's drift report is realistic, and
 * early enough that the entries that build a journey (recorded within 10 days) are in the past;
 * later write-ups (reviews, plans: up to 90 days late) are capped at the seeding moment
 * (`recordedUntil`), so nothing is stamped in the future.
 */
function demoHistoryEnd(): string {
  return new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `care-journey demo` (what `npm start` runs): on an empty store, writes a synthetic authority so
 * the panel's pages have something to show, then starts the API. A store with journeys is left as it is.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Start the API; on an empty store first write a synthetic demo authority (npm start)')
    .option('--children <n>', 'children in the demo authority (0: none)', wholeNumber, 2000)
    .option('--seed <seed>', 'random seed of the demo authority', 'demo')
    .action(async (options: { children: number; seed: string }) => {
      if (process.env.NODE_ENV === 'production') {
        throw new InvalidArgumentError('demo data is never written in production: use `care-journey serve`');
      }
      await seedIfEmpty(options.children, options.seed);
      const { startApi } = await import('../../../api/src/main');
      await startApi();
      process.stdout.write(
        '\nCare Journey demo: open http://localhost:' +
          (process.env.PORT ?? '3000') +
          '/login — users sw.demo, panel.demo, auditor.demo, reporting.demo, admin.demo; password care-journey-demo\n',
      );
    });
}
