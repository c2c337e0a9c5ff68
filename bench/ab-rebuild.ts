/**
 * A/B of a full rebuild (`care-journey rebuild`) between two builds, alternating A and B on the
 * same event store (a copy: the rebuild only reads it), each run in its own process for its peak
 * RSS. Prints wall time, CPU and peak RSS per run with the machine's load, then whether the last
 * A and B read models hold the same rows (a hash of every summary, change-log row and checkpoint).
 *
 *   node dist/bench/ab-rebuild.js --a /tmp/base --b . --store /tmp/copy.db [--rounds 3] [--threads 1]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Run {
  side: 'A' | 'B';
  wall: number;
  cpu: number;
  peakRssMb: number;
  load: string;
}

function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

const readModelFile = (side: string): string => `/tmp/ab-rebuild-${process.pid}-${side}.db`;

function removeFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function runOnce(side: 'A' | 'B', dir: string, store: string, threads: string): Run {
  const file = readModelFile(side);
  removeFile(file);
  const load = execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load/, 'load');
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, join(dir, 'bin/care-journey.js'), 'rebuild'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        CARE_JOURNEY_SQLITE_FILE: store,
        CARE_JOURNEY_READMODEL_FILE: file,
        CARE_JOURNEY_REBUILD_THREADS: threads,
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = result.stderr.split('\n').find((each) => each.startsWith('TIME '));
  if (result.status !== 0 || line === undefined)
    throw new Error(`${side} rebuild failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const [wall, user, system, rssKb] = line.slice(5).split(' ').map(Number);
  return { side, wall, cpu: user + system, peakRssMb: Math.round(rssKb / 1024), load };
}

/**
 * A hash of every row the served generation holds, in key order, through the sqlite3 shell (only
 * the event store and the read-model store open SQLite files in code); undefined without it.
 */
function tablesHash(file: string): string | undefined {
  const sql = (query: string): string =>
    execFileSync('sqlite3', ['-readonly', file, query], { encoding: 'utf8' }).trim();
  try {
    const generation = sql(`SELECT value FROM meta WHERE key = 'generation'`);
    const all = [
      `SELECT position, event_position, event_id FROM checkpoints WHERE generation = ${generation};`,
      `SELECT * FROM child_summaries_g${generation} ORDER BY child_id;`,
      `SELECT * FROM child_changes_g${generation} ORDER BY position, idx;`,
    ].join(' ');
    return execFileSync('sh', ['-c', 'sqlite3 -readonly "$0" "$1" | sha256sum', file, all], {
      encoding: 'utf8',
    }).split(' ')[0];
  } catch {
    return undefined;
  }
}

function main(): void {
  const sides = { A: resolve(option('a')), B: resolve(option('b')) };
  const store = resolve(option('store'));
  const rounds = Number(option('rounds', '3'));
  const threads = option('threads', '1');
  const runs: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    const order: ('A' | 'B')[] = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    for (const side of order) {
      const run = runOnce(side, sides[side], store, threads);
      runs.push(run);
      process.stdout.write(
        `${side} wall ${run.wall.toFixed(1)} s  cpu ${run.cpu.toFixed(1)} s  peak RSS ${run.peakRssMb} MB  (${run.load})\n`,
      );
    }
  }
  for (const side of ['A', 'B'] as const) {
    const mine = runs.filter((run) => run.side === side);
    const median = (values: number[]): number => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
    process.stdout.write(
      `${side} median: wall ${median(mine.map((r) => r.wall)).toFixed(1)} s, cpu ${median(mine.map((r) => r.cpu)).toFixed(1)} s, peak RSS ${median(mine.map((r) => r.peakRssMb))} MB\n`,
    );
  }
  const hashes = [tablesHash(readModelFile('A')), tablesHash(readModelFile('B'))];
  const same = hashes[0] === hashes[1];
  process.stdout.write(
    hashes[0] === undefined
      ? 'read models not compared (no sqlite3 shell)\n'
      : `read models ${same ? 'identical' : 'DIFFER'} (last A vs last B: ${hashes.join(' ')})\n`,
  );
  removeFile(readModelFile('A'));
  removeFile(readModelFile('B'));
  if (!same) process.exitCode = 1;
}

main();
