import { loadStoreConfig, type SqliteWriterMode } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import type { EmmettConnection, EmmettEvent, EmmettSqlite } from '../support/load-peer';
import { loadPeer } from '../support/load-peer';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import type { Row } from '../support/row';
import { TempDb } from '../support/temp-db';
import { progress, timed } from '../support/timing';
import type { Template } from '../workload/templates';
import {
  childrenToReviewTargets,
  ReviewDates,
  type CohortChild,
  type ReviewTarget,
} from '../workload/review-targets';
import { EventEnvelopeFactory } from '../../apps/api/src/children/recording/event-envelope.factory';
import { JourneyRepository } from '../../apps/api/src/children/recording/journey.repository';
import { emmettStep, ourDeployedStep, ourStep, runLoops } from './peer-loop';
import { alternatedRounds, median, rateOf, type LoopResult } from './peer-rounds';
import type { Timed } from '../support/timing';
import { metered, type ProcessMeter } from '../support/process-meter';

/**
 * Emmett's loop and our 8 loops are measured this many times, alternated (peer-rounds.ts). Five,
 * not three: a round is well under a second, and with three one fsync stall moved the median
 * across the goal line (9.4× and 14.7× from the same build minutes apart, finding 29).
 */
const PEER_ROUNDS = 5;

/** Our loops run this many times Emmett's commands per round, on this many times its children. */
const OURS_PER_EMMETT = 5;

const toEmmett = (child: CohortChild): EmmettEvent[] =>
  child.events.map((e) => ({ type: e.type, data: e.data, metadata: { eventId: e.id, ...e.metadata } }));

/** Children written per transaction of ours while filling (set-up only, not timed). */
const FILL_BATCH = 500;

/**
 * Both stores get the same children (same event data and metadata, so the same row sizes): the
 * cohort's children in order up to the `count`th review target and at least `events` events.
 * Children are written as they are cloned and dropped, and only the targets' ids are kept: the rounds
 * run in this process, and the ~550 MB of children the fill once held made V8's major GCs (1.2 s of
 * marking on this thread) land in the rounds (finding 32).
 */
async function fill(
  peer: EmmettSqlite,
  templates: readonly Template[],
  count: number,
  events: number,
  ours: string,
  theirs: string,
): Promise<ReviewTarget[]> {
  const db = openRaw(ours, 'OFF');
  const insert = rawBatchInserter(db);
  const writeOurs = db.transaction((batch: CohortChild[]) =>
    batch.forEach((c) => insert(c.stream, 0, c.events)),
  );
  const connection = peer.sqliteConnection({ fileName: theirs });
  await connection.command('PRAGMA synchronous = OFF'); // set-up only; the timed runs use Emmett's own connections
  await peer.createEventStoreSchema(connection);
  const targets: ReviewTarget[] = [];
  let batch: CohortChild[] = [];
  const flush = async () => {
    writeOurs(batch);
    // One transaction per child (Emmett's appendToStream opens its own).
    for (const child of batch)
      await peer.appendToStream(connection, child.stream, 'journey', toEmmett(child));
    batch = [];
  };
  for (const { child, target } of childrenToReviewTargets(templates, count, events)) {
    if (target) targets.push({ childId: child.childId, stream: child.stream });
    batch.push(child);
    if (batch.length === FILL_BATCH) await flush();
  }
  await flush();
  connection.close();
  db.close();
  return targets;
}

/** The setting Emmett's connections run with (it only sets journal_mode = WAL). */
async function emmettSynchronous(peer: EmmettSqlite, file: string): Promise<string> {
  const connection: EmmettConnection = peer.sqliteConnection({ fileName: file });
  const row = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  const mode = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  connection.close();
  return `synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][row?.synchronous ?? -1] ?? '?'}, journal_mode=${mode?.journal_mode ?? '?'}`;
}

/** The one projection both sides rebuild: per child, events seen and the latest effective date. */
function project(
  state: Map<string, { events: number; last: string }>,
  stream: string,
  data: Record<string, unknown>,
): void {
  const entry = state.get(stream) ?? { events: 0, last: '' };
  entry.events++;
  const date = typeof data.effectiveDate === 'string' ? data.effectiveDate : '';
  if (date > entry.last) entry.last = date;
  state.set(stream, entry);
}

async function rebuildOurs(file: string): Promise<number> {
  const store = new SqliteEventStore({ file });
  const state = new Map<string, { events: number; last: string }>();
  let n = 0;
  for await (const e of store.readAll()) {
    project(state, e.streamId, e.data);
    n++;
  }
  await store.close();
  return n;
}

async function rebuildEmmett(peer: EmmettSqlite, file: string): Promise<number> {
  const connection = peer.sqliteConnection({ fileName: file });
  const state = new Map<string, { events: number; last: string }>();
  let after = 0n;
  let n = 0;
  for (;;) {
    const batch = await peer.readMessagesBatch(connection, { after, batchSize: 1000 });
    for (const m of batch.messages) {
      project(state, String(m.metadata.streamName), m.data);
      n++;
    }
    if (!batch.areEventsLeft || batch.messages.length === 0) break;
    after = batch.currentGlobalPosition;
  }
  connection.close();
  return n;
}

/**
 * Who commits our side's groups: as deployed (loadStoreConfig: the writer thread unless
 * CARE_JOURNEY_SQLITE_WRITER=same-thread). Emmett's sqlite3 runs every statement on libuv's thread
 * pool, so its commits never block its event loop; our writer thread does the same for ours. The
 * row says which ran.
 */
function ourWriterMode(): SqliteWriterMode {
  const config = loadStoreConfig();
  return config.kind === 'sqlite' ? (config.writer ?? 'same-thread') : 'same-thread';
}

export async function peerRows(
  templates: readonly Template[],
  repoRoot: string,
  quick: boolean,
  httpAt8: number | undefined,
): Promise<Row[]> {
  progress('peer: Emmett SQLite event store…');
  const loaded = loadPeer(repoRoot);
  if ('reason' in loaded) {
    console.log(`  peer figures skipped: ${loaded.reason}`);
    return [
      {
        figure: 'peer: Emmett SQLite',
        ours: 0,
        unit: '',
        peakRssMb: 0,
        notMeasured: `skipped: ${loaded.reason}`,
      },
    ];
  }
  const { peer } = loaded;
  const oursDb = new TempDb();
  const theirsDb = new TempDb();
  const rows: Row[] = [];
  try {
    // Commands per side and round: ours is faster, so it runs more of them (rates, not totals, are
    // compared). Each side reviews each of its children once a round: the loop reads and folds the
    // whole stream, so with more commands than children a side's streams grow as it runs, and ours
    // (5× the commands on the same children) slowed round by round while Emmett's rate held (finding 29).
    const emmettTotal = quick ? 120 : 600;
    const targets = await fill(
      peer,
      templates,
      emmettTotal * OURS_PER_EMMETT,
      quick ? 20_000 : 200_000,
      oursDb.file,
      theirsDb.file,
    );
    const durability = await emmettSynchronous(peer, theirsDb.file);
    const writer = ourWriterMode();
    const ours = new SqliteEventStore({ file: oursDb.file, writer });
    const theirs = peer.getSQLiteEventStore({ fileName: theirsDb.file });
    const oursDates = new ReviewDates();
    const theirDates = new ReviewDates();
    const emmettTargets = targets.slice(0, Math.ceil(targets.length / OURS_PER_EMMETT));
    // Emmett's store keeps one connection per instance and closes it after each call, so concurrent
    // calls fail (SQLITE_BUSY / SQLITE_MISUSE): one loop is its best configuration, and ours is compared with that.
    const meters = new Map<Timed<LoopResult>, ProcessMeter>();
    const emmettLoop = async () => {
      const { result, meter } = await metered(() =>
        timed(() => runLoops(emmettTargets, 1, emmettTotal, emmettStep(theirs), theirDates)),
      );
      meters.set(result, meter);
      return result;
    };
    const perCommit = new Map<Timed<LoopResult>, number>();
    const ourLoops = async (loops: number) => {
      const before = ours.commitStats();
      const { result: run, meter } = await metered(() =>
        timed(() =>
          runLoops(
            targets,
            loops,
            Math.ceil((emmettTotal * OURS_PER_EMMETT) / loops),
            ourStep(ours),
            oursDates,
          ),
        ),
      );
      meters.set(run, meter);
      const after = ours.commitStats();
      perCommit.set(
        run,
        (after.appends - before.appends) / Math.max(1, after.transactions - before.transactions),
      );
      return run;
    };
    const meterOf = (r: Timed<LoopResult>) => {
      const m = meters.get(r);
      return m === undefined
        ? ''
        : `, CPU ${((m.cpuSeconds / Math.max(1, r.result.done)) * 1e3).toFixed(2)} ms/command, GC ${m.gcMs.toFixed(0)} ms (${m.majorGcs} major), heap ${m.heapUsedMb.toFixed(0)} MB, main thread ${m.mainCpuSeconds.toFixed(2)} s on a core / ${m.mainRunQueueSeconds.toFixed(2)} s waiting for one / ${Math.max(0, r.result.seconds - m.mainCpuSeconds - m.mainRunQueueSeconds).toFixed(2)} s blocked`;
    };
    const errorsOf = (r: Timed<LoopResult>) =>
      `${r.result.errors} errors${r.result.firstError ? ` (${r.result.firstError})` : ''}`;
    const baselineName = `Emmett SQLite 1 loop (${durability}), same read → evolveAll → decide, same events`;
    // The rounds first, so both sides start them on streams of the same lengths (both start cold).
    progress(`peer: decide-and-append, Emmett 1 loop and ours 8 loops, alternated ${PEER_ROUNDS} times…`);
    const pairs = await alternatedRounds(PEER_ROUNDS, emmettLoop, () => ourLoops(8));
    // Ours with 1 loop after them, against the rounds' Emmett median.
    progress('peer: decide-and-append, ours, 1 loop…');
    const one = await ourLoops(1);
    const eRate = median(pairs.map((p) => rateOf(p.emmett)));
    const emmettNote = `Emmett: ${pairs.map((p) => `${p.emmett.result.done} commands ${rateOf(p.emmett).toFixed(0)}/s${meterOf(p.emmett)}, ${errorsOf(p.emmett)}`).join('; ')}`;
    const emmettRss = Math.max(...pairs.map((p) => p.emmett.peakRssMb));
    rows.push({
      figure: 'peer: decide-and-append in process, ours 1 loop',
      ours: rateOf(one),
      unit: 'commands/s',
      baseline: { name: `${baselineName} (median of ${PEER_ROUNDS} runs)`, value: eRate },
      ratio: rateOf(one) / eRate,
      peakRssMb: Math.max(one.peakRssMb, emmettRss),
      note: `ours (writer=${writer}): ${one.result.done} commands, ${(perCommit.get(one) ?? 0).toFixed(1)} appends per commit${meterOf(one)}, ${errorsOf(one)}`,
    });
    const ratio = median(pairs.map((p) => p.ratio));
    rows.push({
      figure: 'peer: decide-and-append in process, ours 8 loops',
      ours: median(pairs.map((p) => rateOf(p.ours))),
      unit: 'commands/s',
      baseline: { name: `${baselineName} (median of ${PEER_ROUNDS} runs)`, value: eRate },
      ratio,
      goal: '≥ 10× Emmett (median of the rounds’ ratios)',
      met: ratio >= 10,
      peakRssMb: Math.max(emmettRss, ...pairs.map((p) => p.ours.peakRssMb)),
      note:
        `${PEER_ROUNDS} rounds, Emmett and ours alternated, ratio per round ${pairs.map((p) => p.ratio.toFixed(1)).join(' / ')}; ` +
        `ours (writer=${writer}): ${pairs.map((p) => `${p.ours.result.done} commands ${rateOf(p.ours).toFixed(0)}/s, ${(perCommit.get(p.ours) ?? 0).toFixed(1)} appends per commit${meterOf(p.ours)}, ${errorsOf(p.ours)}`).join('; ')}; ${emmettNote}`,
    });
    // Beside the like-for-like rows, not instead of them: what differs is stated in the row.
    const repository = new JourneyRepository(ours, new EventEnvelopeFactory());
    // Emmett's children: fewer than the API keeps folds for (2,000), as for a running API's active
    // cases; with all of ours' (3,000 at the default size) the kept folds would be evicted and re-read.
    for (const child of emmettTargets) await repository.load(child.childId); // warm, as in a running API
    // Untimed commands first, so the repository's path is warm as the like-for-like loops' was.
    await runLoops(emmettTargets, 8, Math.ceil(emmettTotal / 8), ourDeployedStep(repository), oursDates);
    progress('peer: decide-and-append, ours as deployed (fold cache), 8 concurrent loops…');
    const deployedBefore = ours.commitStats();
    const d = await timed(() =>
      runLoops(
        emmettTargets,
        8,
        Math.ceil((emmettTotal * OURS_PER_EMMETT) / 8),
        ourDeployedStep(repository),
        oursDates,
      ),
    );
    const dRate = d.result.done / d.result.seconds;
    const deployedAfter = ours.commitStats();
    rows.push({
      figure: 'peer: decide-and-append, ours as deployed (fold cache), 8 loops',
      ours: dRate,
      unit: 'commands/s',
      baseline: {
        name: `Emmett SQLite 1 loop (${durability}), whole stream read and folded (median of ${PEER_ROUNDS} runs)`,
        value: eRate,
      },
      ratio: dRate / eRate,
      goal: 'ratio reported',
      peakRssMb: Math.max(d.peakRssMb, emmettRss),
      note: `not like for like (writer=${writer}): ours runs the API's RecordJourneyHandler on its JourneyRepository (per-process fold cache, Emmett's children, warmed with one load per child and a few untimed commands; decides on the kept fold, reading the store only when it is behind), appends hash-chained events with correlation and causation ids; ${d.result.done} commands, ${((deployedAfter.appends - deployedBefore.appends) / Math.max(1, deployedAfter.transactions - deployedBefore.transactions)).toFixed(1)} appends per commit, ${d.result.errors} errors${d.result.firstError ? ` (${d.result.firstError})` : ''}`,
    });
    if (httpAt8 !== undefined) {
      rows.push({
        figure: 'peer: our HTTP commands at 8 clients vs Emmett loop',
        ours: httpAt8,
        unit: 'commands/s',
        baseline: { name: 'Emmett SQLite, 1 loop in process, no HTTP', value: eRate },
        ratio: httpAt8 / eRate,
        goal: '≥ 10× Emmett',
        met: httpAt8 / eRate >= 10,
        peakRssMb: 0,
      });
    }
    await ours.close();
    progress('peer: rebuild of one projection…');
    const re = await timed(() => rebuildEmmett(peer, theirsDb.file));
    const ro = await timed(() => rebuildOurs(oursDb.file));
    rows.push({
      figure: 'peer: rebuild of one projection (events per child, last date)',
      ours: ro.result / ro.seconds,
      unit: 'events/s',
      baseline: {
        name: 'Emmett SQLite readMessagesBatch(1000), same projection',
        value: re.result / re.seconds,
      },
      ratio: ro.result / ro.seconds / (re.result / re.seconds),
      goal: 'ratio reported',
      peakRssMb: Math.max(ro.peakRssMb, re.peakRssMb),
      note: `${ro.result} events ours, ${re.result} Emmett`,
    });
    return rows;
  } finally {
    oursDb.remove();
    theirsDb.remove();
  }
}
