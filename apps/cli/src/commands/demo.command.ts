import { Command, InvalidArgumentError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import { isProduction } from '@care-journey/access';
import { seedStore } from '@care-journey/reporting';
import { holdsJourneys } from '../support/holds-journeys';
import { demoProgress, markDemoFinished, markDemoStarted, type DemoOptions } from '../support/demo-marker';
import { demoSocialWorkerOfTeam } from '../support/demo-social-workers';

const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000)
    throw new InvalidArgumentError('must be a whole number from 0 to 100000');
  return n;
};

/**
 * Seeds the demo on a store with no journeys, and finishes a demo whose seeding was cut short (the
 * process stopped half-way: its start is recorded with its options, and children already written
 * are skipped). A store with journeys and no demo record is real or earlier data: left alone. The
 * children are allocated to the demo's social workers, by team (demo-social-workers.ts).
 */
export async function seedDemo(store: EventStore, children: number, seed: string): Promise<void> {
  if (children === 0) return;
  const progress = await demoProgress(store);
  if (progress.state === 'finished') return;
  if (progress.state === 'none' && (await holdsJourneys(store))) return;
  const options: DemoOptions =
    progress.state === 'started'
      ? progress.options
      : {
          children,
          seed,
          years: 4,
          yearEnding: demoHistoryEnd(),
          recordedUntil: new Date().toISOString(),
          socialWorkerOfTeam: demoSocialWorkerOfTeam(),
        };
  if (progress.state === 'started')
    process.stdout.write(
      'finishing the demo authority whose seeding was cut short (children written are kept)\n',
    );
  const started = progress.state === 'started' ? progress.revision : await markDemoStarted(store, options);
  const bar = new SingleBar(
    { format: 'demo authority [{bar}] {value}/{total} children | {events} events' },
    Presets.shades_classic,
  );
  bar.start(options.children, 0, { events: 0 });
  await seedStore(store, options, (p) => bar.update(p.children, { events: p.events }));
  bar.stop();
  await markDemoFinished(store, started);
}

async function seedIfEmpty(children: number, seed: string): Promise<void> {
  const store = await createEventStore();
  try {
    await seedDemo(store, children, seed);
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

/** Where the demo listens when HOST is not set: this machine only (its users and secret are public). */
export const DEMO_HOST = '127.0.0.1';

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
      if (isProduction(process.env)) {
        throw new InvalidArgumentError('demo data is never written in production: use `care-journey serve`');
      }
      // The demo's users and secret are public: it listens on this machine only unless HOST says otherwise.
      if (!process.env.HOST?.trim()) process.env.HOST = DEMO_HOST;
      const { checkedApiSettings, startApi } = await import('../../../api/src/main');
      // A wrong setting stops the demo before it writes anything, with its one line and no banner.
      // The demo is a development command: an explicit HOST beyond this machine is the operator's choice.
      // It also creates its store on a fresh clone (npm install && npm start).
      const settings = checkedApiSettings({ development: true, createStore: true });
      if (settings === undefined) return;
      await seedIfEmpty(options.children, options.seed);
      if (!(await startApi(settings))) return;
      process.stdout.write(
        '\nCare Journey demo: open http://localhost:' +
          (process.env.PORT ?? '3000') +
          '/login — users sw.demo (first team), sw.other.demo (the other teams), panel.demo, auditor.demo, reporting.demo, admin.demo; password care-journey-demo\n',
      );
    });
}
