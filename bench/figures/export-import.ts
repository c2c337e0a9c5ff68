import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store';
import * as reporting from '@care-journey/reporting';
import type { Row } from '../support/row';
import { TempDb } from '../support/temp-db';
import { progress, timed } from '../support/timing';
import { rawReadParse } from './baselines';
import { AUTHORITY_YEARS, type Authority } from './authority';

const LAST_YEAR = 2025;

/** 903 export of the authority for the last collection year, against raw read + parse of its log. */
export async function exportRow(authority: Authority): Promise<Row> {
  progress('903 export…');
  const store = new SqliteEventStore({ file: authority.file });
  try {
    await rawReadParse(authority.file); // warm: the first open also checkpoints the seeding's WAL
    const baseline = await rawReadParse(authority.file);
    const run = await timed(() => reporting.export903(store, { yearEnding: `${LAST_YEAR}-03-31` }));
    return {
      figure: `903 export, ${authority.children.toLocaleString('en-GB')}-child authority`,
      ours: run.seconds * 1000,
      unit: 'ms',
      baseline: { name: 'raw read + JSON.parse of its log (ms)', value: baseline.seconds * 1000 },
      ratio: baseline.seconds / run.seconds,
      goal: 'time reported (no target)',
      peakRssMb: run.peakRssMb,
      note: `${authority.events} events; ratio = baseline time / export time`,
    };
  } finally {
    await store.close();
  }
}

/** Writes the authority's returns for every year, then imports them into a fresh store (synchronous=FULL). */
export async function importRow(authority: Authority, batchedInsertPerSecond: number): Promise<Row> {
  const figure = `903 import, ${authority.children.toLocaleString('en-GB')} children × ${AUTHORITY_YEARS} returns`;
  // import903 is written by another engineer: measure it only if this build has it.
  const importer = (reporting as Partial<typeof reporting>).import903;
  if (typeof importer !== 'function')
    return {
      figure,
      ours: 0,
      unit: 'events/s',
      peakRssMb: 0,
      notMeasured: 'not yet measured: import903 not available',
    };
  progress('903 import (writing the returns first)…');
  const dir = mkdtempSync(join(tmpdir(), 'cj-bench-903-'));
  const source = new SqliteEventStore({ file: authority.file });
  const target = new TempDb();
  const store = new SqliteEventStore({ file: target.file });
  try {
    for (let year = LAST_YEAR - AUTHORITY_YEARS + 1; year <= LAST_YEAR; year++) {
      const tables = await reporting.export903(source, { yearEnding: `${year}-03-31` });
      await reporting.writeReturn(tables, join(dir, `${year - 1}-${String(year % 100).padStart(2, '0')}`));
    }
    const run = await timed(() => importer(store, dir, { now: '2025-06-01T09:00:00Z' }));
    const rate = run.result.events / run.seconds;
    const ratio = rate / batchedInsertPerSecond;
    return {
      figure,
      ours: rate,
      unit: 'events/s',
      baseline: { name: 'raw batched insert', value: batchedInsertPerSecond },
      ratio,
      goal: '≥ 0.5 × baseline',
      met: ratio >= 0.5,
      peakRssMb: run.peakRssMb,
      note: `${run.result.events} events for ${run.result.children.written} children from ${run.result.rows} rows in ${run.seconds.toFixed(1)} s (${run.result.children.rejected} children rejected); includes reading and checking the CSVs`,
    };
  } finally {
    await Promise.all([source.close(), store.close()]);
    target.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
