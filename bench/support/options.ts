import { Command, CommanderError, InvalidArgumentError } from 'commander';

/** Command-line options of the bench (`node dist/bench/run-bench.js --quick --scale`). */
export interface BenchOptions {
  quick: boolean;
  /** Events in the synthetic cohort (the 1× workload). */
  events: number;
  /** Also run the bulk figures at 4× the workload and print the ratio of times. */
  scale: boolean;
  /** `--scale-rounds N`: each size of the scaling figure is measured N times, alternating (default 2). */
  scaleRounds: number;
  http: boolean;
  peer: boolean;
  /** `--only rebuild,drift`: run just these figures (baselines always run); undefined = all. */
  only?: ReadonlySet<string>;
  /** `--profile-api DIR`: the HTTP figure's API process writes a V8 CPU profile there (finding 37). */
  profileApiDir?: string;
}

export const FIGURE_NAMES = [
  'append-batched',
  'append-single',
  'append-concurrent',
  'read-all',
  'import',
  'http',
  'rebuild',
  'drift',
  'replay',
  'verify',
  'export',
  'authority',
  'peer',
  'scale',
] as const;

/** A command line the bench refuses: run-bench.ts prints the message alone (no stack) and exits 1. */
export class BenchArgumentError extends RangeError {
  override readonly name = 'BenchArgumentError';
}

/** What the command line asked for: the usage (`--help`), or a run with these options. */
export type BenchArgs = { help: string } | { options: BenchOptions };

const wholeNumber =
  (flag: string, least: number) =>
  (raw: string): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < least)
      throw new InvalidArgumentError(`${flag} must be a whole number ≥ ${least}, got ${raw}`);
    return value;
  };

const figures = (raw: string): ReadonlySet<string> => {
  const names = raw.split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !(FIGURE_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(`--only takes a comma list of ${FIGURE_NAMES.join(', ')}; got ${raw}`);
  return new Set(names);
};

const folder = (raw: string): string => {
  if (raw.startsWith('--')) throw new InvalidArgumentError(`--profile-api takes a folder, got ${raw}`);
  return raw;
};

/** What each option takes, for the message when it is given nothing. */
const TAKES: Record<string, string> = {
  '--events': 'a whole number',
  '--scale-rounds': 'a whole number',
  '--only': `a comma list of ${FIGURE_NAMES.join(', ')}`,
  '--profile-api': 'a folder',
};

function benchCommand(): Command {
  return new Command('run-bench')
    .description(
      'Care Journey benchmark: every figure with its baseline measured in the same run; results also go to ' +
        'bench/results/<timestamp>.json (bench/README.md). Takes minutes: --quick for a smoke run.',
    )
    .option('--quick', 'a smoke run on a small workload (22,000 events unless --events)', false)
    .option(
      '--events <n>',
      'events in the synthetic cohort (default 1,000,000; quick 22,000)',
      wholeNumber('--events', 1000),
    )
    .option('--scale', 'also run the bulk figures at 4x the workload and print the ratio', false)
    .option('--scale-rounds <n>', 'runs of each size for --scale', wholeNumber('--scale-rounds', 1), 2)
    .option('--no-http', 'leave out the HTTP figure')
    .option('--no-peer', 'leave out the peer comparison')
    .option(
      '--only <figures>',
      `just these figures, after the baselines: ${FIGURE_NAMES.join(', ')}`,
      figures,
    )
    .option('--profile-api <folder>', "the HTTP figure's API process writes a V8 CPU profile there", folder)
    .helpOption('-h, --help', 'print this usage and run nothing')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
}

/**
 * Reads the bench's command line: `--help` gives the usage (nothing runs); an unknown flag, an
 * argument it does not take, or a bad value is refused with a BenchArgumentError naming it.
 */
export function readBenchArgs(argv: readonly string[]): BenchArgs {
  const command = benchCommand();
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')
      return { help: command.helpInformation() };
    const flag = /'(--[a-z-]+)/.exec(error.message)?.[1];
    if (error.code === 'commander.optionMissingArgument' && flag && TAKES[flag])
      throw new BenchArgumentError(`${flag} takes ${TAKES[flag]}, got nothing`);
    throw new BenchArgumentError(`${error.message.replace(/^error: /, '')} (--help lists the options)`);
  }
  const given = command.opts<{
    quick: boolean;
    events?: number;
    scale: boolean;
    scaleRounds: number;
    http: boolean;
    peer: boolean;
    only?: ReadonlySet<string>;
    profileApi?: string;
  }>();
  return {
    options: {
      quick: given.quick,
      // The generator makes ~11 events per child over ten years: 1,000,000 events ≈ 90,000 children.
      events: given.events ?? (given.quick ? 22_000 : 1_000_000),
      scale: given.scale,
      scaleRounds: given.scaleRounds,
      http: given.http,
      peer: given.peer,
      only: given.only,
      profileApiDir: given.profileApi,
    },
  };
}

/** The options of a run (`--help` is refused here: run-bench.ts asks readBenchArgs). */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const args = readBenchArgs(argv);
  if ('help' in args) throw new RangeError('--help asks for the usage, not a run');
  return args.options;
}
