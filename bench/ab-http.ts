/**
 * An alternated A/B of two API variants under the HTTP figure's load, in one sitting: both APIs run
 * side by side on copies of one seeded store, and short phases of load go to A and B in turn
 * (A,B then B,A …), so a slow moment of a shared machine falls on both. For a change whose effect is
 * smaller than the spread between whole bench runs (bench/README finding 39).
 *   node dist/bench/ab-http.js --b-env CARE_JOURNEY_SQLITE_WRITER=same-thread
 *   node dist/bench/ab-http.js --a-server /tmp/old/dist/bench/http/api-server.js   # another build as A
 * Prints each phase and, per variant, the median rate, p99 and CPU per command, and the median of the
 * per-round ratios B/A.
 */
import { Command, InvalidArgumentError } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { ApiUnderLoad, ReviewStore, type Measured } from './http/api-under-load';
import { catchUpNote } from './figures/http-commands';
import { alternatingOrder, median } from './support/alternating-runs';
import { progress } from './support/timing';
import { buildCohort } from './workload/cohort';

const wholeNumber = (flag: string) => (raw: string) => {
  if (!/^[1-9]\d*$/.test(raw))
    throw new InvalidArgumentError(`${flag} must be a whole number ≥ 1, got ${raw}`);
  return Number(raw);
};
const envPair = (raw: string, previous: Record<string, string> = {}) => {
  const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw);
  if (!match) throw new InvalidArgumentError(`expected NAME=value, got ${raw}`);
  return { ...previous, [match[1]]: match[2] };
};

interface AbOptions {
  aEnv?: Record<string, string>;
  bEnv?: Record<string, string>;
  aServer?: string;
  bServer?: string;
  rounds: number;
  seconds: number;
  clients: number;
  keepStore?: string;
}

const perCommand = (ms: number | undefined, r: Measured) =>
  ms === undefined || r.requests === 0 ? NaN : ms / r.requests;
const fixed = (value: number, digits: number) => (Number.isNaN(value) ? '–' : value.toFixed(digits));

async function main(): Promise<void> {
  const options = new Command('ab-http')
    .description('Alternated A/B of two API variants under the HTTP figure’s load')
    .option('--a-env <NAME=value>', 'environment for A (repeatable)', envPair)
    .option('--b-env <NAME=value>', 'environment for B (repeatable)', envPair)
    .option('--a-server <path>', "A's api-server.js (another build); default this build's")
    .option('--b-server <path>', "B's api-server.js; default this build's")
    .option('--rounds <n>', 'rounds (each one phase of A and one of B)', wholeNumber('--rounds'), 6)
    .option('--seconds <n>', 'seconds per phase', wholeNumber('--seconds'), 5)
    .option('--clients <n>', 'concurrent clients', wholeNumber('--clients'), 8)
    .option('--keep-store <file>', "a copy of A's store after the load, for ab-projector")
    .showHelpAfterError()
    .parse()
    .opts<AbOptions>();

  progress('A/B: generating the cohort and seeding one store…');
  const store = new ReviewStore(buildCohort(22_000).templates);
  const apis: ApiUnderLoad[] = [];
  const files: string[] = [];
  try {
    for (const [name, env, serverScript] of [
      ['A', options.aEnv, options.aServer],
      ['B', options.bEnv, options.bServer],
    ] as const) {
      files.push(store.copy(name));
      const api = await ApiUnderLoad.start({
        file: files[files.length - 1],
        targetsFile: store.targetsFile,
        env,
        serverScript,
      });
      apis.push(api);
      progress(`A/B: ${name} (${api.modes}${env ? `, ${JSON.stringify(env)}` : ''}) warming up…`);
      await api.warm(store.targets.length);
    }
    const results: Measured[][] = [[], []];
    for (const side of alternatingOrder(options.rounds)) {
      const r = await apis[side].load(options.clients, options.seconds);
      results[side].push(r);
      console.log(
        `${'AB'[side]}: ${r.perSecond.toFixed(0)} commands/s, p99 ${r.p99.toFixed(1)} ms, API CPU ${fixed(perCommand(r.apiCpuMs, r), 2)} ms/command (main ${fixed(perCommand(r.mainCpuMs, r), 2)})${catchUpNote(r)}`,
      );
    }
    const ratios = results[1].map((b, round) => b.perSecond / results[0][round].perSecond);
    for (const side of [0, 1] as const) {
      const rs = results[side];
      console.log(
        `${'AB'[side]} median: ${median(rs.map((r) => r.perSecond)).toFixed(0)} commands/s, p99 ${median(rs.map((r) => r.p99)).toFixed(1)} ms, main thread ${fixed(median(rs.map((r) => perCommand(r.mainCpuMs, r))), 2)} ms/command, API ${fixed(median(rs.map((r) => perCommand(r.apiCpuMs, r))), 2)}`,
      );
    }
    console.log(
      `B/A per round: ${ratios.map((r) => r.toFixed(2)).join(' / ')}; median ${median(ratios).toFixed(2)}; B ahead in ${ratios.filter((r) => r > 1).length} of ${ratios.length}`,
    );
  } finally {
    for (const api of apis) await api.stop();
    if (options.keepStore !== undefined && files.length > 0) {
      // The store's online backup: the copy holds what the WAL held too, in one file.
      const kept = new SqliteEventStore({ file: files[0] });
      await kept.backup(options.keepStore);
      await kept.close();
      progress(`A/B: A's store kept as ${options.keepStore}`);
    }
    store.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
