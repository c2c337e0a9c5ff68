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
import type { Template } from '../workload/templates';
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

/** Reads one child's 200-event stream from the store and replays it as at a date. */
export async function replayRow(templates: readonly Template[]): Promise<Row> {
  progress('replay as at a date…');
  const temp = new TempDb();
  const store = new SqliteEventStore({ file: temp.file });
  try {
    const child = longChild(templates);
    await store.appendToStream(child.stream, child.events, { expectedRevision: 'no_stream' });
    const asAt = child.events[Math.floor(child.events.length * 0.75)].data.effectiveDate as string;
    const run = async () => {
      const stored = (await readWholeStream(store, child.stream)) ?? [];
      const history = replayHistory(stored.map(toStored), { asAt });
      if (history.entries.length === 0) throw new Error('replay found nothing');
    };
    const { result: samples, peakRssMb } = await timed(() => sampleMs(200, 20, run));
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    return {
      figure: `child replay as at a date, ${child.events.length} events (p95)`,
      ours: p95,
      unit: 'ms',
      goal: '< 5 ms',
      met: p95 < 5,
      peakRssMb,
      note: `read the stream + replayHistory as at ${asAt} (with drift on that date): p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
    };
  } finally {
    await store.close();
    temp.remove();
  }
}
