/**
 * An A/B of the live projector's work per event between two builds, in one process (see
 * projector/interleaved-projectors.ts). The store is an HTTP figure's, kept by
 * `ab-http --keep-store FILE`: its tail holds the commands, each child's first review warming up.
 *   node dist/bench/ab-http.js --rounds 1 --seconds 10 --keep-store /tmp/http.db
 *   node dist/bench/ab-projector.js --store /tmp/http.db --a-dist /tmp/old/dist
 * Prints each round's CPU per event for A and B and the median of the per-round ratios B/A.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { median } from './support/alternating-runs';
import { interleavedProjectors, loadBuild } from './projector/interleaved-projectors';

const wholeNumber = (flag: string) => (raw: string) => {
  if (!/^[1-9]\d*$/.test(raw))
    throw new InvalidArgumentError(`${flag} must be a whole number ≥ 1, got ${raw}`);
  return Number(raw);
};

interface Options {
  store: string;
  aDist?: string;
  bDist?: string;
  batch: number;
  timed: number;
  warm: number;
  rounds: number;
}

async function main(): Promise<void> {
  const options = new Command('ab-projector')
    .description("A/B of the live projector's CPU per event between two builds, batches in turn")
    .requiredOption(
      '--store <file>',
      'an event store whose tail is the commands to time (ab-http --keep-store)',
    )
    .option('--a-dist <dir>', "A's dist directory (another build); default this build's")
    .option('--b-dist <dir>', "B's dist directory; default this build's")
    .option(
      '--batch <n>',
      'events per batch, as the live projector takes them under load',
      wholeNumber('--batch'),
      8,
    )
    .option('--timed <n>', 'events timed, the last of the store', wholeNumber('--timed'), 1_000)
    .option(
      '--warm <n>',
      'events before them applied live-sized first (each target child once)',
      wholeNumber('--warm'),
      2_000,
    )
    .option('--rounds <n>', 'rounds, each on fresh read models', wholeNumber('--rounds'), 3)
    .showHelpAfterError()
    .parse()
    .opts<Options>();
  // This file is dist/bench/ab-projector.js: this build's dist is one level up.
  const own = resolve(__dirname, '..');
  const builds = [
    loadBuild(resolve(options.aDist ?? own)),
    loadBuild(resolve(options.bDist ?? own)),
  ] as const;
  const ratios: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'cj-ab-projector-'));
    try {
      const result = await interleavedProjectors([builds[0], builds[1]], {
        storeFile: resolve(options.store),
        dir,
        batch: options.batch,
        timed: options.timed,
        warm: options.warm,
      });
      const [a, b] = result.cpuUsPerEvent;
      ratios.push(b / a);
      console.log(
        `round ${round}: A ${a.toFixed(1)} µs/event, B ${b.toFixed(1)} µs/event, B/A ${(b / a).toFixed(3)} (${result.events} events, batches of ${options.batch})`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`B/A median ${median(ratios).toFixed(3)} over ${ratios.length} rounds`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
