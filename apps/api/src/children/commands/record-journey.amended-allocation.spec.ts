import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException } from '@nestjs/common';
import { readWholeStream } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream, type JourneyCommand } from '@care-journey/journey';
import type { AllocationNames } from '../allocation/allocation-names';
import { EventEnvelopeFactory } from '../recording/event-envelope.factory';
import { JourneyRepository } from '../recording/journey.repository';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';
import { recordJourneyHandler } from './testing/record-journey-handler';

const context = { ...META, correlationId: 'c', causationId: 'k' };
const child = commandsFor('child-a');
const amend = (correctedEventId: string, amendedData: Record<string, unknown>) =>
  child('AmendEntry', { correctedEventId, reason: 'keyed wrongly', amendedData });
const names = {
  known: () => ({
    teams: ['Children in Care North', 'Children in Care South'],
    socialWorkers: [{ username: 'sw.demo', name: 'Sam Worker (demo)' }],
  }),
} as unknown as AllocationNames;

describe('RecordJourneyHandler: an amended team or social worker is one the authority knows', () => {
  let dir: string;
  let store: SqliteEventStore;
  /** One API process: its repository (kept folds) and handler, knowing `known` names. */
  const process = (known: AllocationNames | 'unconfigured' = names) => {
    const repository = new JourneyRepository(store, new EventEnvelopeFactory());
    const reservation = new AmendedChildRefReservation(store);
    const handler =
      known === 'unconfigured'
        ? recordJourneyHandler(repository, { childRefs: reservation })
        : recordJourneyHandler(repository, { childRefs: reservation, allocationNames: known });
    return (command: JourneyCommand): Promise<RecordResult> =>
      handler.execute(new RecordJourneyCommand(command, { kind: 'none' }, context));
  };
  let record: (command: JourneyCommand) => Promise<RecordResult>;
  let registration: string;
  let allocation: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amended-allocation-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    record = process();
    // Given a registration and an allocation stored with names no longer configured (the handler
    // itself leaves a new allocation's names to the API's sender, so these stand for old entries)
    registration = (await record(child('RegisterChild', registrationBody()))).events[0].id;
    allocation = (
      await record(
        child('ChangeAllocation', { effectiveDate: '2023-03-01', team: 'Team 9', socialWorker: 'sw-009' }),
      )
    ).events[0].id;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const storedEvents = async () => (await readWholeStream(store, journeyStream('child-a'))) ?? [];
  const refusal = async (answer: Promise<unknown>) => {
    const error = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as { errors: { field: string; rule: string }[] };
  };

  for (const [path, fresh] of [
    ['on the fold this process kept', false],
    ['in a new process (read first)', true],
  ] as const) {
    describe(path, () => {
      const recorder = () => (fresh ? process() : record);

      it('When the registration is amended to a team the authority does not have, Then 400 knownTeam on amendedData.team and nothing is written', async () => {
        const head = await store.headPosition();
        const { errors } = await refusal(recorder()(amend(registration, { team: 'Children in Care East' })));
        expect(errors).toEqual([expect.objectContaining({ field: 'amendedData.team', rule: 'knownTeam' })]);
        expect(await store.headPosition()).toBe(head);
      });

      it('When the allocation is amended to a user id nobody signs in with as a social worker, Then 400 knownSocialWorker on amendedData.socialWorker and nothing is written', async () => {
        const head = await store.headPosition();
        const { errors } = await refusal(
          recorder()(amend(allocation, { team: 'Children in Care North', socialWorker: 'sw-999' })),
        );
        expect(errors).toEqual([
          expect.objectContaining({ field: 'amendedData.socialWorker', rule: 'knownSocialWorker' }),
        ]);
        expect(await store.headPosition()).toBe(head);
      });
    });
  }

  it('When the allocation is amended to a known team and worker typed another way, Then they are recorded as configured', async () => {
    await record(amend(allocation, { team: ' children in care  SOUTH', socialWorker: 'SW.Demo' }));
    const amended = (await storedEvents()).at(-1)!;
    expect(amended.type).toBe('EntryAmended');
    expect((amended.data as { amendedData: unknown }).amendedData).toEqual({
      team: 'Children in Care South',
      socialWorker: 'sw.demo',
    });
  });

  it('When only the date of an allocation stored with unknown names is amended, Then it is recorded (the stored names are not re-checked)', async () => {
    await record(amend(allocation, { effectiveDate: '2023-03-02' }));
    expect((await storedEvents()).at(-1)!.type).toBe('EntryAmended');
  });

  it('When an entry other than a registration or an allocation is amended, Then no allocation name is asked of it', async () => {
    await record(
      child('StartPeriodOfCare', {
        effectiveDate: '2023-02-06',
        legalStatus: 'C1',
        categoryOfNeed: 'N1',
        placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
      }),
    );
    const review = (
      await record(child('RecordReview', { effectiveDate: '2023-03-01', participation: 'PN0' }))
    ).events[0].id;
    await record(amend(review, { effectiveDate: '2023-03-02' }));
    expect((await storedEvents()).at(-1)!.type).toBe('EntryAmended');
  });

  it('Given a handler built without the configuration, When a team is amended, Then it is refused rather than recorded unchecked', async () => {
    const head = await store.headPosition();
    const { errors } = await refusal(
      process('unconfigured')(amend(registration, { team: 'Children in Care North' })),
    );
    expect(errors[0]).toMatchObject({ field: 'amendedData.team', rule: 'knownTeam' });
    expect(await store.headPosition()).toBe(head);
  });
});
