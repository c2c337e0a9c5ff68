/**
 * Care Journey benchmark: `npm run bench` (1,000,000 events) or `npm run bench -- --quick` (100,000).
 * Compiled by `npm run build` to dist/bench/run-bench.js. Results: table on stdout + bench/results/<timestamp>.json.
 */
import { join } from 'node:path';
import { allFigures } from './figures';
import type { BenchOptions, FigureResult } from './support/measurement';
import { printTable, writeResults } from './support/report';
import { runMeasurement } from './support/run-measurement';

async function main(): Promise<void> {
  const options: BenchOptions = { quick: process.argv.includes('--quick') };
  const results: FigureResult[] = [];
  for (const figure of allFigures(options)) {
    process.stdout.write(`running: ${figure.name} (${figure.events.toLocaleString('en-GB')} events)…\n`);
    results.push(await runMeasurement(figure));
  }
  console.log('');
  printTable(results);
  // From dist/bench/ or bench/: results always land in <repo>/bench/results.
  const repoRoot = __dirname.includes(join('dist', 'bench')) ? join(__dirname, '..', '..') : join(__dirname, '..');
  console.log(`\nresults written to ${writeResults(results, options, join(repoRoot, 'bench', 'results'))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
