import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createEventStore } from '@care-journey/event-store';
import { CAMBRIDGESHIRE, seedStore } from '@care-journey/reporting';
import { seedHistoryEnd, SEED_RECORDING_DAYS } from './seed-history-end';
import { heldCliWrites } from '../support/schema-writes-held';

const wholeNumber =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };

interface SeedOptions {
  children: number;
  seed: string;
  years: number;
  yearEnding: string;
  la: string;
}

/**
 * `care-journey seed`: writes a synthetic authority (deterministic for a seed) into the configured
 * event store (CARE_JOURNEY_STORE, CARE_JOURNEY_SQLITE_FILE …). Re-running with the same seed skips
 * children already written.
 */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Write a synthetic authority of looked-after children into the event store')
    .option('--children <n>', 'number of children', wholeNumber(1, 1_000_000), 200)
    .option('--seed <seed>', 'random seed (same seed, same authority)', 'care-journey')
    .option('--years <y>', 'years of history up to --year-ending', wholeNumber(1, 15), 3)
    .option(
      '--year-ending <date>',
      `last day of the history (YYYY-MM-DD), at least ${SEED_RECORDING_DAYS} days before today: nothing is recorded in the future`,
      '2025-03-31',
    )
    .option('--la <code>', 'ONS code of the authority', CAMBRIDGESHIRE)
    .action(async (options: SeedOptions) => {
      const held = heldCliWrites('seed');
      if (held !== undefined) {
        process.stderr.write(`${held}\n`);
        process.exitCode = 1;
        return;
      }
      const historyEnd = seedHistoryEnd(options.yearEnding, new Date());
      if (!historyEnd.ok) {
        process.stderr.write(`seed: ${historyEnd.message}\n`);
        process.exitCode = 1;
        return;
      }
      const store = await createEventStore();
      const bar = new SingleBar(
        { format: 'seed [{bar}] {value}/{total} children | {events} events | {rate} children/s' },
        Presets.shades_classic,
      );
      const started = Date.now();
      bar.start(options.children, 0, { events: 0, rate: '0' });
      try {
        const { recordedUntil } = historyEnd;
        const seeding = recordedUntil ? { ...options, recordedUntil } : options;
        const result = await seedStore(store, seeding, (p) => {
          const rate = (p.children / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
          bar.update(p.children, { events: p.events, rate });
        });
        bar.stop();
        process.stdout.write(
          `seeded ${result.children - result.skipped - result.refused - result.upnRefused} children (${result.events} events), skipped ${result.skipped} already present, in ${(result.elapsedMs / 1000).toFixed(1)} s\n`,
        );
        if (result.refused > 0)
          process.stdout.write(
            `not seeded: ${result.refused} children whose 903 reference (childRef) another child in this store already holds\n`,
          );
        if (result.upnRefused > 0)
          process.stdout.write(
            `not seeded: ${result.upnRefused} children whose UPN another child in this store already holds (rule upn-in-use: a UPN belongs to one child, 903 validation rule 444)\n`,
          );
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
