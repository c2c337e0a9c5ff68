import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream, type JourneyCommand } from '@care-journey/journey';
import type { TeamScope } from '../../auth/child-scope/team-scope';
import { ChildNotFound, ChildOutOfScope } from '../application-errors';
import { EventEnvelopeFactory } from '../recording/event-envelope.factory';
import { JourneyRepository } from '../recording/journey.repository';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';
import { RecordJourneyCommand } from './record-journey.command';
import { recordJourneyHandler } from './testing/record-journey-handler';

const CHILD = 'c-scope';
const command = commandsFor(CHILD);
const register = command('RegisterChild', registrationBody({ childRef: 'LA-S', team: 'South' }));
const review = (effectiveDate: string) => command('RecordReview', { effectiveDate, participation: 'PN0' });
const startCare = command('StartPeriodOfCare', {
  effectiveDate: '2023-02-06',
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
});
const reallocate = (team: string) =>
  command('ChangeAllocation', { effectiveDate: '2023-03-01', team, socialWorker: 'sw' });

const SOUTH: TeamScope = { all: false, teams: ['South'] };
const NORTH: TeamScope = { all: false, teams: ['north'] }; // spelt otherwise: compared as the team filter compares

/** One API process: its own connection, repository (kept folds) and handler. */
function openProcess(file: string) {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const repo = new JourneyRepository(store, new EventEnvelopeFactory());
  const handler = recordJourneyHandler(repo);
  let sequence = 0;
  const record = (journeyCommand: JourneyCommand, scope?: TeamScope) => {
    sequence += 1;
    const context = { ...META, correlationId: `c-${sequence}`, causationId: `k-${sequence}` };
    return handler.execute(new RecordJourneyCommand(journeyCommand, { kind: 'none' }, context, scope));
  };
  return { store, repo, record };
}

async function eventsOf(store: EventStore): Promise<string[]> {
  const types: string[] = [];
  for await (const event of store.readStream(journeyStream(CHILD))) types.push(event.type);
  return types;
}

describe('RecordJourneyHandler judges the sender’s team scope on the state it decides on', () => {
  let dir: string;
  let a: ReturnType<typeof openProcess>;
  let b: ReturnType<typeof openProcess>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'journey-scope-'));
    const file = join(dir, 'events.db');
    a = openProcess(file);
    b = openProcess(file);
    await a.record(register);
    await a.record(startCare);
  });
  afterEach(async () => {
    await a.store.close();
    await b.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a South child, When a South-scoped sender records (kept fold and fresh read alike), Then it is recorded', async () => {
    await expect(a.record(review('2023-03-03'), SOUTH)).resolves.toMatchObject({ revision: '2' });
    await expect(b.record(review('2023-05-30'), SOUTH)).resolves.toMatchObject({ revision: '3' });
  });

  it('Given a South child, When a North-scoped sender records, Then ChildOutOfScope (a ChildNotFound, in the same words) and nothing is recorded', async () => {
    const refused = a.record(review('2023-03-03'), NORTH);
    await expect(refused).rejects.toBeInstanceOf(ChildOutOfScope);
    await expect(refused).rejects.toBeInstanceOf(ChildNotFound);
    await expect(refused).rejects.toThrow(`No child with id ${CHILD}`);
    await expect(b.record(review('2023-03-03'), NORTH)).rejects.toBeInstanceOf(ChildOutOfScope);
    expect(await eventsOf(a.store)).toEqual(['ChildRegistered', 'PeriodOfCareStarted']);
  });

  it('Given process A keeps the child’s fold in South, When process B re-allocates it to North, Then a South sender on A is refused (the stale fold is confirmed on a read) and a North one is answered', async () => {
    await a.record(review('2023-03-03'), SOUTH); // A's fold: South, at revision 2
    await b.record(reallocate('North')); // A has not seen it
    expect(a.repo.keptState(CHILD)?.allocation?.team).toBe('South');
    await expect(a.record(review('2023-05-30'), SOUTH)).rejects.toBeInstanceOf(ChildOutOfScope);
    await expect(a.record(review('2023-05-30'), NORTH)).resolves.toMatchObject({ revision: '4' });
    expect(await eventsOf(b.store)).toEqual([
      'ChildRegistered',
      'PeriodOfCareStarted',
      'StatutoryReviewHeld',
      'AllocationChanged',
      'StatutoryReviewHeld',
    ]);
  });

  it('Given process A keeps the fold in South, When B re-allocates it to North, Then a North sender on A is answered: a fold out of scope is read again, not refused', async () => {
    await a.record(review('2023-03-03'), SOUTH);
    await b.record(reallocate('North'));
    await expect(a.record(review('2023-05-30'), NORTH)).resolves.toMatchObject({ revision: '4' });
  });

  it('Given a South-scoped sender, When it re-allocates its child to North, Then that is recorded (decided on the allocation before it) and its next command is refused', async () => {
    await expect(a.record(reallocate('North'), SOUTH)).resolves.toMatchObject({ revision: '2' });
    await expect(a.record(review('2023-05-30'), SOUTH)).rejects.toBeInstanceOf(ChildOutOfScope);
  });

  it('Given an unknown child, When a scoped sender records for it, Then ChildOutOfScope, as for any child out of scope', async () => {
    const other = commandsFor('c-nobody')('RecordReview', {
      effectiveDate: '2023-03-03',
      participation: 'PN0',
    });
    await expect(a.record(other, SOUTH)).rejects.toBeInstanceOf(ChildOutOfScope);
    // Unscoped (the default): the handler's own unknown-child answer.
    const unscoped: unknown = await a.record(other).catch((error: unknown) => error);
    expect(unscoped).toBeInstanceOf(ChildNotFound);
    expect(unscoped).not.toBeInstanceOf(ChildOutOfScope);
  });
});
