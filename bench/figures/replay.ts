import { readWholeStream, replayHistory } from '@care-journey/audit';
import { type NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  ageOn,
  foldJourney,
  journeyStream,
  periodOfCareOn,
  type JourneyCommand,
} from '@care-journey/journey';
import { runJourney } from '@care-journey/reporting';
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import { copyId } from '../workload/clone-child';
import type { Cohort } from '../workload/cohort';
import type { Template } from '../workload/templates';
import { inGroups, insertRows, type InsertRow } from '../support/cohort-rows';
import { openRaw } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';
import { toStored } from '../support/stored';
import { percentile, progress, sampleMs, timed } from '../support/timing';
import type { Row } from '../support/row';
import { AS_AT } from './drift-report';

const LENGTH = 200;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A cohort child in care on AS_AT, aged 4–15, given monthly reviews until its stream holds 200 events. */
export function longChild(templates: readonly Template[]): { stream: string; events: NewEvent[] } {
  for (const template of templates) {
    const envelopes = template.json.map((text) => JSON.parse(text) as NewEvent);
    const state = foldJourney(envelopes.map(toStored));
    const age = ageOn(state, AS_AT);
    if (!periodOfCareOn(state, AS_AT) || age === undefined || age < 4 || age > 15) continue;
    const childId = copyId(template.childId, 0xbe7c4);
    const commands: JourneyCommand[] = Array.from({ length: LENGTH - envelopes.length }, (_, i) => {
      // After AS_AT nothing else is recorded: a review every third day never clashes; recorded that day.
      const date = addDays(AS_AT, 3 * (i + 1));
      return {
        type: 'RecordReview',
        childId: template.childId,
        effectiveDate: date,
        participation: 'PN1',
        now: `${date}T12:00:00.000Z`,
        recordedBy: 'bench',
      } as JourneyCommand;
    });
    try {
      const run = runJourney(
        template.childId,
        commands,
        (n) => `${template.childId.slice(0, 24)}${(0xe0000 + n).toString(16).padStart(12, '0')}`,
        {
          state,
          envelopes,
        },
      );
      const text = JSON.stringify(run.envelopes).split(template.childId).join(childId);
      const stream = journeyStream(childId);
      return {
        stream,
        events: chainEvents(chainTipAfter(stream, undefined), JSON.parse(text) as NewEvent[]),
      };
    } catch {
      continue;
    }
  }
  throw new Error('no cohort child could be given a 200-event stream');
}

/**
 * `rows` with `extra` spread through them: one extra after every `every` rows, any left over at the
 * end. So a child's events sit among other children's, as an authority's log holds a child's years.
 */
export function* spreadThrough<T>(rows: Iterable<T>, extra: readonly T[], every: number): Generator<T> {
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`every must be ≥ 1, got ${every}`);
  let next = 0;
  let since = 0;
  for (const row of rows) {
    yield row;
    if (++since === every && next < extra.length) {
      yield extra[next++];
      since = 0;
    }
  }
  yield* extra.slice(next);
}

/**
 * The cohort's log (its seed file, copied row by row, not timed) with the long child's events spread
 * evenly through it: the replay reads its stream from an authority-sized store, its rows on pages
 * among other children's, not from a file holding only that child (review s16 F12).
 */
function cohortStoreWith(cohort: Cohort, child: { stream: string; events: NewEvent[] }): TempDb {
  const temp = new TempDb();
  const db = openRaw(temp.file, 'OFF');
  try {
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const own: InsertRow[] = child.events.map((e, revision) => [
      child.stream,
      revision,
      e.id,
      e.type,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
    ]);
    const every = Math.max(1, Math.floor(cohort.events / own.length));
    const flush = db.transaction((rows: InsertRow[]) => {
      for (const row of rows) insert.run(...row);
    });
    for (const rows of inGroups(spreadThrough(insertRows(cohort.file), own, every), 10_000)) flush(rows);
    return temp;
  } finally {
    db.close();
  }
}

/** p50 and p95 of reading the child's stream from `file` and replaying it as at `asAt` (200 runs after 20). */
async function replaySamples(
  file: string,
  stream: string,
  asAt: string,
): Promise<{ first: number; p50: number; p95: number; peakRssMb: number }> {
  const store = new SqliteEventStore({ file });
  try {
    const run = async () => {
      const stored = (await readWholeStream(store, stream)) ?? [];
      const history = replayHistory(stored.map(toStored), { asAt });
      if (history.entries.length === 0) throw new Error('replay found nothing');
    };
    // The first read on a fresh connection: SQLite's page cache holds none of the child's pages yet.
    const [first] = await sampleMs(1, 0, run);
    const { result: samples, peakRssMb } = await timed(() => sampleMs(200, 20, run));
    return { first, p50: percentile(samples, 50), p95: percentile(samples, 95), peakRssMb };
  } finally {
    await store.close();
  }
}

/**
 * Reads one child's 200-event stream from a store holding the whole cohort and replays it as at a
 * date. The same child in a file of its own (the figure before session 17) is timed after it, for the note.
 */
export async function replayRow(cohort: Cohort): Promise<Row> {
  progress("replay as at a date (the long child among the cohort's streams)…");
  const child = longChild(cohort.templates);
  const asAt = child.events[Math.floor(child.events.length * 0.75)].data.effectiveDate as string;
  const big = cohortStoreWith(cohort, child);
  const alone = new TempDb();
  try {
    const inCohort = await replaySamples(big.file, child.stream, asAt);
    const solo = new SqliteEventStore({ file: alone.file });
    try {
      await solo.appendToStream(child.stream, child.events, { expectedRevision: 'no_stream' });
    } finally {
      await solo.close();
    }
    const inOwnFile = await replaySamples(alone.file, child.stream, asAt);
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    return {
      figure: `child replay as at a date, ${child.events.length} events (p95)`,
      ours: inCohort.p95,
      unit: 'ms',
      goal: '< 5 ms',
      met: inCohort.p95 < 5,
      peakRssMb: Math.max(inCohort.peakRssMb, inOwnFile.peakRssMb),
      note:
        `read the stream + replayHistory as at ${asAt} (with drift on that date), from a store of the cohort's ${cohort.events} events and ${cohort.children} children with the child's events spread evenly through the log (one every ~${Math.floor(cohort.events / child.events.length)} events): ` +
        `p50 ${ms(inCohort.p50)}, p95 ${ms(inCohort.p95)} (200 runs after 20; the first on a fresh connection ${ms(inCohort.first)}); ` +
        `the same child in a file of its own (as before session 17): p50 ${ms(inOwnFile.p50)}, p95 ${ms(inOwnFile.p95)}, first ${ms(inOwnFile.first)}`,
    };
  } finally {
    big.remove();
    alone.remove();
  }
}
