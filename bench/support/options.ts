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

function onlyFigures(argv: readonly string[]): ReadonlySet<string> | undefined {
  const i = argv.indexOf('--only');
  if (i < 0) return undefined;
  const names = (argv[i + 1] ?? '').split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !(FIGURE_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0)
    throw new RangeError(`--only takes a comma list of ${FIGURE_NAMES.join(', ')}; got ${argv[i + 1]}`);
  return new Set(names);
}

function valueAfter(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--'))
    throw new RangeError(`${flag} takes a folder, got nothing`);
  return value;
}

function numberAfter(argv: readonly string[], flag: string, least: number): number | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < least)
    throw new RangeError(`${flag} must be a whole number ≥ ${least}, got ${argv[i + 1]}`);
  return value;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  return {
    quick,
    // The generator makes ~11 events per child over ten years: 1,000,000 events ≈ 90,000 children.
    events: numberAfter(argv, '--events', 1000) ?? (quick ? 22_000 : 1_000_000),
    scale: argv.includes('--scale'),
    scaleRounds: numberAfter(argv, '--scale-rounds', 1) ?? 2,
    http: !argv.includes('--no-http'),
    peer: !argv.includes('--no-peer'),
    only: onlyFigures(argv),
    profileApiDir: valueAfter(argv, '--profile-api'),
  };
}
