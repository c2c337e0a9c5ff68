import { writeFileSync } from 'node:fs';
import { ageInYearsOn } from '@care-journey/journey';
import { dirname, join } from 'node:path';
import { LIST_READ_LIMIT_VARIABLE } from '../../apps/api/src/security/list-read-rate-limit';
import { ApiUnderLoad, type BenchReader } from '../http/api-under-load';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import type { Row } from '../support/row';
import { TempDb } from '../support/temp-db';
import { percentile, progress } from '../support/timing';
import type { Template } from '../workload/templates';
import { AS_AT, childrenToOpenCases, OPEN_CASES } from './drift-report';

const READERS: readonly BenchReader[] = ['social_worker', 'admin'];
const RUNS = 60;
const WARMUP = 5;
/** Enough list reads for every request of every reader, none refused with 429. */
const BUDGET = `${(RUNS + WARMUP) * 8}/${(RUNS + WARMUP) * 8}`;
export const DRIFT_PATH = `/drift-report?asAt=${AS_AT}`;

/** What a reader waited for: p50 and p95 of its requests, and what its answer held. */
export interface ReaderTimes {
  reader: BenchReader;
  p50: number;
  p95: number;
  /** p95 of the same read asked again at once (the API's recent reports answer it). */
  repeatP95: number;
  /** Children in the report (`paging.total`) and on the page the API sent. */
  total: number;
  onPage: number;
  bytes: number;
}

/** The goal holds only if it holds for every reader: the slowest reader's p95 is judged. */
export function slowestReader(times: readonly ReaderTimes[]): ReaderTimes {
  if (times.length === 0) throw new RangeError('no readers');
  return times.reduce((slow, t) => (t.p95 > slow.p95 ? t : slow));
}

/** What the answer held, from its JSON (`children` on the page, `paging.total` over all). */
export function answerShape(body: string): { total: number; onPage: number } {
  const answer = JSON.parse(body) as { children?: unknown[]; paging?: { total?: number } };
  if (!Array.isArray(answer.children) || typeof answer.paging?.total !== 'number')
    throw new Error(`the drift report's answer has no children or paging.total: ${body.slice(0, 200)}`);
  return { total: answer.paging.total, onPage: answer.children.length };
}

/**
 * The cohort's children up to OPEN_CASES open on AS_AT, open and closed, written as the API's store;
 * returns the open children too (each takes one review to change the report).
 */
function writeStore(
  templates: readonly Template[],
  file: string,
): { children: number; events: number; open: OpenChild[] } {
  const db = openRaw(file, 'OFF');
  const insert = rawBatchInserter(db);
  let children = 0;
  let events = 0;
  const open: OpenChild[] = [];
  try {
    db.transaction(() => {
      for (const c of childrenToOpenCases(templates, OPEN_CASES, AS_AT)) {
        insert(c.child.stream, 0, c.child.events);
        children++;
        events += c.child.events.length;
        if (c.open) open.push({ childId: c.child.childId, dateOfBirth: c.summary.dateOfBirth });
      }
    })();
  } finally {
    db.close();
  }
  return { children, events, open };
}

/** A child looked after on AS_AT, as a review for it must name it (PN0 exactly under 4). */
export interface OpenChild {
  childId: string;
  dateOfBirth?: string;
}

/** Round k's change: a review for the k-th open child, the day after the cohort's horizon (AS_AT). */
export function changeFor(open: readonly OpenChild[], k: number): { path: string; body: object } {
  if (open.length === 0) throw new RangeError('no open children to change');
  const child = open[k % open.length];
  const effectiveDate = dayAfter(AS_AT, 1 + Math.floor(k / open.length));
  const underFour = child.dateOfBirth !== undefined && ageInYearsOn(child.dateOfBirth, effectiveDate) < 4;
  return {
    path: `/children/${child.childId}/reviews`,
    body: { effectiveDate, participation: underFour ? 'PN0' : 'PN1' },
  };
}

const dayAfter = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The drift report as a user waits for it (review s16 F12): `GET /drift-report` of the real API (its
 * own process, as the HTTP figure runs it) once its read models have caught up, as a social worker
 * (socialWorkerScope "team", in every team: the scope filter runs over every summary) and as an admin
 * (every child, names shown), requests alternated, one at a time, timed from sending to the answer's
 * last byte: auth, the scope filter, driftReport, paging, the read-access trail entry, JSON
 * serialisation and loopback HTTP. #9's p95 < 50 ms is judged here, on the slower reader.
 */
export async function driftApiRow(templates: readonly Template[]): Promise<Row> {
  progress('drift report through the API: seeding its store…');
  const temp = new TempDb();
  let api: ApiUnderLoad | undefined;
  try {
    const store = writeStore(templates, temp.file);
    const targetsFile = join(dirname(temp.file), 'targets.json');
    writeFileSync(targetsFile, '[]');
    // 2 readers x 2 reads x 65 rounds in a few seconds: past the default list-read budget (60 at once, 30 a minute) once
    // a report takes ~25 ms (session 18). The guard still runs and takes from a larger bucket.
    api = await ApiUnderLoad.start({
      file: temp.file,
      targetsFile,
      env: { [LIST_READ_LIMIT_VARIABLE]: BUDGET },
    });
    progress(`drift report through the API: ${store.children} children, read models catching up…`);
    if (!(await api.caughtUp(300_000))) throw new Error('the read models did not catch up within 300 s');
    // Each round first changes the report (a review for an open child, waited for until the read
    // models hold it), so every timed read works the report out afresh: the API keeps recent reports
    // until one of their children changes, and a read that only repeats the one before would time
    // that cache. The repeat is timed too, and printed, but the goal is judged on the fresh reads.
    const fresh = new Map<BenchReader, number[]>(READERS.map((r) => [r, []]));
    const repeat = new Map<BenchReader, number[]>(READERS.map((r) => [r, []]));
    const last = new Map<BenchReader, string>();
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const change = changeFor(store.open, i);
      await api.post(change.path, change.body);
      if (!(await api.caughtUp(60_000, 5)))
        throw new Error('the read models did not take a review within 60 s');
      for (const reader of i % 2 === 0 ? READERS : [...READERS].reverse()) {
        const first = await api.timedGet(DRIFT_PATH, reader);
        const again = await api.timedGet(DRIFT_PATH, reader);
        if (i >= WARMUP) {
          fresh.get(reader)?.push(first.ms);
          repeat.get(reader)?.push(again.ms);
        }
        last.set(reader, first.body);
      }
    }
    const times: ReaderTimes[] = READERS.map((reader) => {
      const ms = fresh.get(reader) ?? [];
      const body = last.get(reader) ?? '';
      return {
        reader,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        repeatP95: percentile(repeat.get(reader) ?? [], 95),
        ...answerShape(body),
        bytes: Buffer.byteLength(body),
      };
    });
    const slow = slowestReader(times);
    const each = times
      .map(
        (t) =>
          `${t.reader}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (asked again at once: p95 ${t.repeatP95.toFixed(1)} ms), ${t.total} children in the report, ${t.onPage} on the page sent, ${(t.bytes / 1024).toFixed(0)} KB`,
      )
      .join('; ');
    return {
      figure: `drift report through the API, GET /drift-report, ${store.open.length} open cases (p95 after a change, slower reader)`,
      ours: slow.p95,
      unit: 'ms',
      goal: 'p95 < 50 ms (every reader)',
      met: slow.p95 < 50,
      peakRssMb: api.peakRssMb(),
      note: `${RUNS} requests per reader after ${WARMUP}, alternated, one at a time, each after a review for an open child the read models had taken, as at ${AS_AT}; ${each}; the API (${api.modes}) on a store of ${store.children} children (${store.open.length} open on ${AS_AT}, the rest closed, as an authority's read models hold them), ${store.events} events; list-read budget ${BUDGET} (the guard runs; none refused); timed in the bench's process from sending to the last byte (auth, scope filter, driftReport, paging, read-access trail, JSON, loopback HTTP)`,
    };
  } finally {
    await api?.stop();
    temp.remove();
  }
}
