/**
 * Property: for random journeys (the synthetic authority's generator, random seeds, commands run
 * through the real decider), read models built live event by event through the engine equal a
 * rebuild from scratch, and both equal the pure fold (summaryFromStream) and the pure rules
 * (evaluateDrift, driftReport) applied to each stream directly.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { type NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { addDays, fromStoredEnvelope, journeyStream } from '@care-journey/journey';
import {
  CAMBRIDGESHIRE,
  generateChild,
  runJourney,
  syntheticChildId,
  syntheticEventId,
} from '@care-journey/reporting';
import { ProjectionEngine } from '../engine/projection-engine';
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { driftReport } from '../rules/drift-report';
import { evaluateDrift } from '../rules/evaluate-drift';
import { summaryFromStream } from '../summary/build-summary';
import type { JourneySummary } from '../summary/journey-summary';
import { eventually, tempDir } from '../testing/log-fixtures';

const YEAR_ENDING = '2025-03-31';
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const byId = (summaries: Iterable<JourneySummary>) =>
  Object.fromEntries(
    [...summaries].map((s) => [s.childId, json(s)]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

/** Each child's events as the API would store them, from a seed. */
function journeys(seed: string, children: number): { childId: string; envelopes: NewEvent[] }[] {
  const options = { children, seed, years: 3, yearEnding: YEAR_ENDING, la: CAMBRIDGESHIRE };
  return Array.from({ length: children }, (_, i) => {
    const childId = syntheticChildId(seed, i);
    const { envelopes } = runJourney(childId, generateChild(options, i).commands, (n) =>
      syntheticEventId(childId, n),
    );
    return { childId, envelopes };
  });
}

describe('property: incremental projection = rebuild = pure rules on each stream', () => {
  it('holds for random synthetic journeys appended interleaved', async () => {
    let appended = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 * 366 }),
        async (seed, children, daysBack) => {
          const temp = tempDir('cj-prop-');
          const store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 2 });
          // batchSize 1: the live engine applies (and checkpoints) one event at a time.
          const live = new ProjectionEngine(store, {
            file: join(temp.dir, 'live.db'),
            mode: 'inline',
            batchSize: 1,
            restartDelayMs: 10,
          });
          const rebuilt = new ProjectionEngine(store, {
            file: join(temp.dir, 'rebuilt.db'),
            mode: 'worker',
            batchSize: 1000,
          });
          try {
            live.start();
            const streams = journeys(seed, children);
            // Interleaved, one event per append, as several social workers would record them.
            const longest = Math.max(...streams.map((s) => s.envelopes.length));
            for (let i = 0; i < longest; i++) {
              for (const s of streams) {
                const event = s.envelopes[i];
                if (event)
                  await store.appendToStream(journeyStream(s.childId), [event], { expectedRevision: 'any' });
              }
            }
            const head = await store.headPosition();
            await eventually(() => (live.checkpoint() ?? -1n) === head, 20_000);
            await rebuilt.rebuildAndWait();

            const pure: JourneySummary[] = [];
            for (const s of streams) {
              const stored = [];
              for await (const e of store.readStream(journeyStream(s.childId)))
                stored.push(fromStoredEnvelope(e, { positions: false }));
              pure.push(summaryFromStream(s.childId, stored));
            }
            expect(byId(live.summaries())).toEqual(byId(pure));
            expect(byId(rebuilt.summaries())).toEqual(byId(pure));
            expect(rebuilt.checkpoint()).toBe(live.checkpoint());

            const asAt = addDays(YEAR_ENDING, -daysBack);
            for (const summary of pure) {
              const fromEngine = live.summary(summary.childId) as JourneySummary;
              expect(json(evaluateDrift(fromEngine, asAt, DEFAULT_DRIFT_CONFIG))).toEqual(
                json(evaluateDrift(summary, asAt, DEFAULT_DRIFT_CONFIG)),
              );
            }
            expect(json(driftReport(live.summaries(), asAt, DEFAULT_DRIFT_CONFIG))).toEqual(
              json(driftReport(pure, asAt, DEFAULT_DRIFT_CONFIG)),
            );
            // The change feed too: event by event or in one rebuild, the same changes.
            const feed = (e: ProjectionEngine) => e.readModels.changesAfter(undefined, 100_000).changes;
            expect(feed(rebuilt)).toEqual(feed(live));
            expect(feed(live).length).toBeGreaterThan(0);
            appended += Number(head ?? 0n);
          } finally {
            await live.close();
            await rebuilt.close();
            await store.close();
            temp.remove();
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
    // Not a vacuous pass: the runs did project real journeys.
    expect(appended).toBeGreaterThan(12 * 10);
  }, 120_000);
});
