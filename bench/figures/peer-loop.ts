import { randomUUID } from 'node:crypto';
import { readWholeStream } from '@care-journey/audit';
import type { NewEvent } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  evolveAll,
  journeyDecider,
  type JourneyCommand,
  type JourneyEvent,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import { RecordJourneyCommand } from '../../apps/api/src/children/commands/record-journey.command';
import { recordJourneyHandler } from '../../apps/api/src/children/commands/testing/record-journey-handler';
import type { JourneyRepository } from '../../apps/api/src/children/recording/journey.repository';
import type { EmmettConnection, EmmettEvent, EmmettSqlite, EmmettStore } from '../support/load-peer';
import { toStored } from '../support/stored';
import type { ReviewTarget } from '../workload/review-targets';
import { ReviewDates } from '../workload/review-targets';

/** One decide-and-append: read the child's stream, fold it, decide a review, append what was decided. */
export type Step = (child: ReviewTarget, command: JourneyCommand) => Promise<void>;

const metadataFor = (command: JourneyCommand) => ({
  recordedAt: command.now,
  recordedBy: command.recordedBy,
  schemaVersion: 1,
});

/**
 * Ours: SqliteEventStore's whole stream, folded by the domain's `evolveAll` (the same state as
 * `evolve` event by event, libs/journey evolve-sharing.spec), expected revision = the last revision
 * read (group commit batches concurrent loops).
 */
export function ourStep(store: SqliteEventStore): Step {
  return async (child, command) => {
    const stored = (await readWholeStream(store, child.stream)) ?? [];
    const state = evolveAll(stored.map(toStored));
    const events: NewEvent[] = journeyDecider.decide(command, state).map((e: JourneyEvent) => ({
      id: randomUUID(),
      type: e.type,
      data: e.data,
      metadata: metadataFor(command),
    }));
    await store.appendToStream(child.stream, events, {
      expectedRevision: stored[stored.length - 1].revision,
    });
  };
}

/**
 * Ours as the API runs a command (not like for like): the API's own RecordJourneyHandler on a
 * JourneyRepository — it decides on the fold the process kept (finding 23: no store read unless
 * the fold is behind), then the same decide, and appends at that revision, chaining the events
 * (audit hash) with a correlation and causation id, as every API command's events carry.
 */
export function ourDeployedStep(repository: JourneyRepository): Step {
  const handler = recordJourneyHandler(repository);
  return async (_child, command) => {
    await handler.execute(
      new RecordJourneyCommand(
        command,
        { kind: 'none' },
        {
          now: command.now,
          recordedBy: command.recordedBy,
          correlationId: randomUUID(),
          causationId: randomUUID(),
        },
      ),
    );
  };
}

const fromEmmett = (e: EmmettEvent): StoredJourneyEvent =>
  ({
    type: e.type,
    data: e.data,
    id: e.metadata?.eventId,
    recordedAt: e.metadata?.recordedAt,
    recordedBy: e.metadata?.recordedBy,
  }) as StoredJourneyEvent;

const emmettEvents = (command: JourneyCommand, read: EmmettEvent[]): EmmettEvent[] =>
  journeyDecider.decide(command, evolveAll(read.map(fromEmmett))).map((e: JourneyEvent) => ({
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: { eventId: randomUUID(), ...metadataFor(command) },
  }));

/**
 * Emmett through its store (`getSQLiteEventStore`): readStream of the whole stream, the same
 * `evolveAll`, the same decide, appendToStream at the version read. (Its aggregateStream is that read
 * plus a reduce with an evolve per event; readStream lets both sides fold with the same function.)
 * The store opens a connection for every call and closes it after, so when nothing else holds the
 * file open each close checkpoints the WAL into the database and deletes it (review s16 F1).
 */
export function emmettStep(store: EmmettStore): Step {
  return async (child, command) => {
    const { events: read, currentStreamVersion } = await store.readStream(child.stream);
    await store.appendToStream(child.stream, emmettEvents(command, read), {
      expectedStreamVersion: currentStreamVersion,
    });
  };
}

/**
 * Emmett on one long-lived connection: its exported `readStream(connection, …)` and
 * `appendToStream(connection, …)` (the functions its store calls inside), the same fold and decide.
 * A version conflict comes back as `success: false` (the store would throw): it is thrown here so the
 * loop counts it as an error.
 */
export function emmettConnectionStep(peer: EmmettSqlite, connection: EmmettConnection): Step {
  return async (child, command) => {
    const { events: read, currentStreamVersion } = await peer.readStream(connection, child.stream);
    const { success } = await peer.appendToStream(
      connection,
      child.stream,
      'journey',
      emmettEvents(command, read),
      { expectedStreamVersion: currentStreamVersion },
    );
    if (!success) throw new Error(`expected version ${currentStreamVersion} conflict on ${child.stream}`);
  };
}

/**
 * `loops` concurrent loops, each doing `perLoop` reviews one after another on its own children
 * (loop j takes targets j, j + loops, …), so loops never contend for a stream. `step` is shared by
 * every loop, or one per loop (loop j runs `step[j]`: Emmett's one connection per loop). With
 * `stopAfterErrors`, the loops take no new command once more than that many have failed (a
 * configuration already not working need not spend a busy timeout on each of the rest).
 */
export async function runLoops(
  targets: readonly ReviewTarget[],
  loops: number,
  perLoop: number,
  step: Step | readonly Step[],
  dates: ReviewDates,
  stopAfterErrors?: number,
): Promise<{ seconds: number; done: number; errors: number; firstError?: string }> {
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  if (Array.isArray(step) && step.length !== loops)
    throw new RangeError(`${step.length} steps for ${loops} loops`);
  const loop = async (j: number) => {
    const run: Step = Array.isArray(step) ? (step as readonly Step[])[j] : (step as Step);
    const mine = targets.filter((_, i) => i % loops === j);
    for (let k = 0; k < perLoop; k++) {
      if (stopAfterErrors !== undefined && errors > stopAfterErrors) break;
      const child = mine[k % mine.length];
      const command = {
        type: 'RecordReview',
        childId: child.childId,
        effectiveDate: dates.take(child.childId),
        participation: 'PN1',
        now: '2026-11-01T09:00:00.000Z',
        recordedBy: 'bench',
      } as JourneyCommand;
      try {
        await run(child, command);
        done++;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: loops }, (_, j) => loop(j)));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, done, errors, firstError };
}
