import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, FigureResult } from './measurement';

const rate = (n: number) => Math.round(n).toLocaleString('en-GB');

export function printTable(results: FigureResult[]): void {
  const rows = results.map((r) => [
    r.name,
    r.events.toLocaleString('en-GB'),
    rate(r.ours.eventsPerSecond),
    rate(r.baseline.eventsPerSecond),
    r.ratio.toFixed(2),
    `${r.ours.peakRssMb.toFixed(0)} / ${r.baseline.peakRssMb.toFixed(0)}`,
  ]);
  const header = ['figure', 'events', 'ours (events/s)', 'baseline (events/s)', 'ratio', 'peak RSS MB (ours / baseline)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.note) console.log(`* ${r.name}: ${r.note}`);
}

/** Writes bench/results/<timestamp>.json (gitignored) and returns its path. */
export function writeResults(results: FigureResult[], options: BenchOptions, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}.json`);
  const report = {
    at: new Date().toISOString(),
    quick: options.quick,
    node: process.version,
    cpus: cpus().length,
    platform: `${process.platform}-${process.arch}`,
    figures: results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
