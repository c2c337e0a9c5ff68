import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './options';
import type { Row } from './row';

const num = (n: number): string =>
  n >= 100 ? Math.round(n).toLocaleString('en-GB') : n.toFixed(n >= 10 ? 1 : 2);

export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) =>
    r.notMeasured
      ? [r.figure, r.notMeasured, '', '', '', '', '']
      : [
          r.figure,
          `${num(r.ours)} ${r.unit}`,
          r.baseline ? num(r.baseline.value) : '',
          r.ratio === undefined ? '' : r.ratio.toFixed(2),
          r.goal ?? '',
          r.met === undefined ? '' : r.met ? 'yes' : 'NO',
          r.peakRssMb > 0 ? r.peakRssMb.toFixed(0) : '',
        ],
  );
  const header = ['figure', 'ours', 'baseline', 'ratio', 'goal', 'met?', 'peak RSS MB'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
  console.log('');
  for (const r of rows) {
    const against = r.baseline ? ` [baseline: ${r.baseline.name}]` : '';
    if (r.note || against) console.log(`* ${r.figure}: ${r.note ?? ''}${against}`);
  }
}

/** Writes bench/results/<timestamp>.json (gitignored) and returns its path. */
export function writeResults(
  rows: readonly Row[],
  options: BenchOptions,
  workload: Record<string, number>,
  dir: string,
): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}.json`);
  const report = {
    at: new Date().toISOString(),
    options,
    workload,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    platform: `${process.platform}-${process.arch}`,
    rows,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
