/**
 * Care Journey benchmark: `npm run bench` (1,000,000 events), `-- --quick` (smoke run), `-- --scale`
 * (adds 1× vs 4×; `--scale-rounds N` runs of each size, default 2), `--events N`, `--no-http`, `--no-peer`,
 * `--only rebuild,drift,replay` (just those figures, after the baselines; names in support/options.ts).
 * Compiled by `npm run build` to dist/bench/run-bench.js. Every figure is printed with its baseline measured in this same run;
 * results also go to bench/results/<timestamp>.json. See bench/README.md.
 */
import { join } from 'node:path';
import {
  appendBatchedRow,
  appendConcurrentRow,
  appendSingleRow,
  authoritySeriesRow,
  driftReportRow,
  exportRow,
  httpRows,
  importRow,
  measureBaselines,
  readAllRow,
  rebuildRow,
  replayRow,
  scalingRows,
  seedAuthority,
  verifyChainsRow,
} from './figures';
import { driftApiRow } from './figures/drift-api';
import { peerRows } from './figures/peer';
import { BenchArgumentError, readBenchArgs } from './support/options';
import { rawSingleTxRound } from './support/raw-single-tx';
import { printTable, writeResults } from './support/report';
import type { Row } from './support/row';
import { progress } from './support/timing';
import { buildCohort } from './workload/cohort';

// From dist/bench/ or bench/: results always land in <repo>/bench/results, the peer in <repo>/bench/peer.
const repoRoot = __dirname.includes(join('dist', 'bench'))
  ? join(__dirname, '..', '..')
  : join(__dirname, '..');

async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  if ('help' in args) {
    process.stdout.write(args.help); // the usage only: nothing is built or measured
    return;
  }
  const { options } = args;
  const started = Date.now();
  console.log(
    `Care Journey bench: ${options.events.toLocaleString('en-GB')} events${options.quick ? ' (quick)' : ''}, node ${process.version}`,
  );
  const cohort = buildCohort(options.events);
  progress(
    `cohort: ${cohort.children.toLocaleString('en-GB')} children, ${cohort.events.toLocaleString('en-GB')} events`,
  );
  const wanted = (name: string): boolean => options.only === undefined || options.only.has(name);
  const needsAuthority = wanted('import') || wanted('export');
  const authority = needsAuthority
    ? await seedAuthority(options.quick ? 500 : 5_000)
    : { file: '', children: 0, events: 0, remove: () => undefined };
  const rows: Row[] = [];
  try {
    progress('baselines…');
    const singleCount = options.quick ? 1_000 : 5_000;
    const baselines = await measureBaselines(cohort, singleCount);
    rows.push(...baselines.rows);
    // Our event store vs raw better-sqlite3, each with its own raw run beside it (same rows, synchronous=FULL).
    if (wanted('append-batched')) rows.push(await appendBatchedRow(cohort));
    if (wanted('append-single')) rows.push(await appendSingleRow(cohort, singleCount));
    if (wanted('append-concurrent')) rows.push(await appendConcurrentRow(cohort, singleCount));
    if (wanted('read-all')) rows.push(await readAllRow(cohort));
    if (wanted('import')) rows.push(await importRow(authority, baselines.batchedInsertPerSecond));
    let http: number | undefined;
    if (options.http && wanted('http')) {
      const result = await httpRows(
        cohort.templates,
        options.quick ? 4 : 10,
        async () => (await rawSingleTxRound(baselines.singleRows)).perSecond,
        options.profileApiDir,
      );
      rows.push(...result.rows);
      http = result.at8;
    }
    if (wanted('rebuild')) rows.push(await rebuildRow(cohort.file, baselines.readParsePerSecond));
    if (wanted('drift'))
      rows.push(await driftReportRow(cohort.templates), await driftApiRow(cohort.templates));
    if (wanted('replay')) rows.push(await replayRow(cohort));
    if (wanted('verify')) rows.push(await verifyChainsRow(cohort));
    if (wanted('export')) rows.push(await exportRow(authority));
    if (wanted('authority'))
      rows.push(await authoritySeriesRow(cohort.templates, options.quick ? 500 : 5_000));
    if (options.peer && wanted('peer'))
      rows.push(...(await peerRows(cohort.templates, repoRoot, options.quick, http)));
    if (options.scale || options.only?.has('scale'))
      rows.push(...(await scalingRows(cohort, options.scaleRounds)));
  } finally {
    authority.remove();
    cohort.remove();
  }
  console.log('');
  printTable(rows);
  const workload = {
    children: cohort.children,
    events: cohort.events,
    distinctChildren: cohort.templates.length,
    authorityChildren: authority.children,
    authorityEvents: authority.events,
  };
  console.log(
    `\nresults written to ${writeResults(rows, options, workload, join(repoRoot, 'bench', 'results'))} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchArgumentError ? `run-bench: ${error.message}` : error);
  process.exit(1);
});
