/**
 * Where the time of our 8 decide-and-append loops goes (finding 47's untested hypothesis: the main
 * thread and the writer thread take turns). Fills a store as the peer figure does (ours only), runs
 * `ourStep` in `--loops` loops, and records every group the store hands its writer: its size, when
 * it was sent and answered, and the main thread's event-loop utilisation while it was out.
 *   node dist/bench/figures/peer-timeline.js [--loops 8] [--commands 3000] [--rounds 3]
 * Prints, per round, the rate, the CPU per command, the appends per commit, the commit's wall time
 * (send to answer) and how busy the main thread was meanwhile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { loadStoreConfig } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';
import { makeCohortTemplates } from '../workload/cohort';
import { childrenToReviewTargets, ReviewDates, type ReviewTarget } from '../workload/review-targets';
import { ourStep, runLoops } from './peer-loop';

interface Traced {
  size: number;
  sent: number;
  answered: number;
  busy: number;
}

function fillOurs(file: string, count: number, events: number): ReviewTarget[] {
  const db = openRaw(file, 'OFF');
  const insert = rawBatchInserter(db);
  const targets: ReviewTarget[] = [];
  const write = db.transaction(() => {
    for (const { child, target } of childrenToReviewTargets(makeCohortTemplates(events), count, events)) {
      if (target) targets.push({ childId: child.childId, stream: child.stream });
      insert(child.stream, 0, child.events);
    }
  });
  write();
  db.close();
  return targets;
}

/** Wraps the store's writer (a private field) so every group's send and answer is timed. */
function trace(store: SqliteEventStore, into: Traced[]): void {
  const writer = (store as unknown as { writer: { commit(group: unknown[]): unknown } }).writer;
  const commit = writer.commit.bind(writer);
  writer.commit = (group: unknown[]) => {
    const sent = performance.now();
    const before = performance.eventLoopUtilization();
    const done = (): void => {
      const during = performance.eventLoopUtilization(before);
      into.push({ size: group.length, sent, answered: performance.now(), busy: during.utilization });
    };
    const result = commit(group);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };
}

/** CPU (user + system, ms) of each thread of this process, from /proc (Linux only; empty elsewhere). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      out.set(`${tid}:${name}`, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // clock ticks of 10 ms
    }
  } catch {
    // not Linux
  }
  return out;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  const o = new Command('peer-timeline')
    .option('--loops <n>', 'loops', Number, 8)
    .option('--commands <n>', 'commands per round', Number, 3000)
    .option('--rounds <n>', 'rounds', Number, 3)
    .parse()
    .opts<{ loops: number; commands: number; rounds: number }>();
  const temp = new TempDb();
  const targets = fillOurs(temp.file, o.commands, 20_000);
  const config = loadStoreConfig();
  const writer = config.kind === 'sqlite' ? (config.writer ?? 'same-thread') : 'same-thread';
  const store = new SqliteEventStore({
    file: temp.file,
    writer,
    ...(config.kind === 'sqlite' && {
      checkpoints: config.checkpoints,
      checkpointPages: config.checkpointPages,
    }),
  });
  const traced: Traced[] = [];
  trace(store, traced);
  const dates = new ReviewDates();
  const step = ourStep(store);
  await runLoops(targets, o.loops, 40, step, dates); // warm-up
  for (let round = 0; round < o.rounds; round++) {
    traced.length = 0;
    const threads = threadCpu();
    const cpu = process.cpuUsage();
    const elu = performance.eventLoopUtilization();
    const r = await runLoops(targets, o.loops, Math.ceil(o.commands / o.loops), step, dates);
    const used = process.cpuUsage(cpu);
    const perThread = [...threadCpu()]
      .map(([key, ms]) => [key, ms - (threads.get(key) ?? 0)] as const)
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([key, ms]) => `${key} ${(ms / r.done).toFixed(3)}`)
      .join(', ');
    const mainBusy = performance.eventLoopUtilization(elu);
    const sizes = new Map<number, number>();
    for (const t of traced) sizes.set(t.size, (sizes.get(t.size) ?? 0) + 1);
    const walls = traced.map((t) => t.answered - t.sent).sort((a, b) => a - b);
    const out = traced.reduce((s, t) => s + (t.answered - t.sent), 0);
    const gaps = traced.slice(1).map((t, i) => t.sent - traced[i].answered);
    const busyDuring = traced.reduce((s, t) => s + t.busy * (t.answered - t.sent), 0) / out;
    const wall = r.seconds * 1000;
    console.log(
      `round ${round + 1}: ${o.loops} loops (writer=${writer}), ${(r.done / r.seconds).toFixed(0)} commands/s, ` +
        `CPU ${((used.user + used.system) / 1000 / r.done).toFixed(3)} ms/command, ` +
        `main-thread busy ${((mainBusy.active / r.done) * 1).toFixed(3)} ms/command (ELU ${mainBusy.utilization.toFixed(2)}); ` +
        `${traced.length} commits, sizes ${[...sizes]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}; ` +
        `a commit out (send→answer) p50 ${pct(walls, 0.5).toFixed(2)} p90 ${pct(walls, 0.9).toFixed(2)} ms, ` +
        `${((out / wall) * 100).toFixed(0)}% of the wall time, main thread busy ${(busyDuring * 100).toFixed(0)}% of it; ` +
        `answer→next send p50 ${pct(
          [...gaps].sort((a, b) => a - b),
          0.5,
        ).toFixed(2)} ms; errors ${r.errors}; threads (ms/command): ${perThread}`,
    );
  }
  await store.close();
  temp.remove();
}

void main();
