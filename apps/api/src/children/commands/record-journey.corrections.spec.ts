import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException } from '@nestjs/common';
import { readWholeStream } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefHolding, childRefStream, journeyStream, type JourneyCommand } from '@care-journey/journey';
import { ChildRefInUse } from '../application-errors';
import { EventEnvelopeFactory } from '../recording/event-envelope.factory';
import { JourneyRepository } from '../recording/journey.repository';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';
import { recordJourneyHandler } from './testing/record-journey-handler';

const context = { ...META, correlationId: 'c', causationId: 'k' };
const a = commandsFor('child-a');
const b = commandsFor('child-b');
const amend = (correctedEventId: string, amendedData: Record<string, unknown>) =>
  b('AmendEntry', { correctedEventId, reason: 'ref typo', amendedData });

describe('RecordJourneyHandler: amendments keep the entry’s field rules and reserve an amended childRef', () => {
  let dir: string;
  let store: SqliteEventStore;
  /** One API process: its repository (kept folds) and handler. */
  const process = (reservation = new AmendedChildRefReservation(store)) => {
    const handler = recordJourneyHandler(new JourneyRepository(store, new EventEnvelopeFactory()), {
      childRefs: reservation,
    });
    return (command: JourneyCommand): Promise<RecordResult> =>
      handler.execute(new RecordJourneyCommand(command, { kind: 'none' }, context));
  };
  let record: (command: JourneyCommand) => Promise<RecordResult>;
  let bRegistration: string;
  let bReview: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'journey-corrections-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    record = process();
    await record(a('RegisterChild', registrationBody({ childRef: 'ACC0002' })));
    bRegistration = (await record(b('RegisterChild', registrationBody({ childRef: 'ACC0003' })))).events[0]
      .id;
    await record(
      b('StartPeriodOfCare', {
        effectiveDate: '2023-02-06',
        legalStatus: 'C1',
        categoryOfNeed: 'N1',
        placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
      }),
    );
    bReview = (await record(b('RecordReview', { effectiveDate: '2023-03-01', participation: 'PN0' })))
      .events[0].id;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const holderOf = async (ref: string) => {
    const latest = ((await readWholeStream(store, childRefStream(ref))) ?? []).at(-1);
    const holding = latest && childRefHolding(latest);
    return holding?.held ? holding.childId : undefined;
  };

  for (const [path, fresh] of [
    ['on the fold this process kept', false],
    ['in a new process (read first)', true],
  ] as const) {
    describe(path, () => {
      const recorder = () => (fresh ? process() : record);

      it('Given child A holds ACC0002, When B amends its registration to acc0002, Then 409 on amendedData.childRef and nothing is written', async () => {
        const head = await store.headPosition();
        const refused = recorder()(amend(bRegistration, { childRef: 'acc0002' }));
        await expect(refused).rejects.toThrow(ChildRefInUse);
        await expect(refused).rejects.toMatchObject({
          response: { rule: 'child-ref-in-use', field: 'amendedData.childRef' },
        });
        expect(await store.headPosition()).toBe(head);
      });

      it('Given nobody holds ACC0008, When B amends its registration to it, Then it is reserved for B first, and B keeps ACC0003', async () => {
        await recorder()(amend(bRegistration, { childRef: 'ACC0008' }));
        expect(await holderOf('ACC0008')).toBe('child-b');
        expect(await holderOf('ACC0003')).toBe('child-b');
        const c = commandsFor('child-c');
        for (const ref of ['ACC0008', 'acc0003'])
          await expect(record(c('RegisterChild', registrationBody({ childRef: ref })))).rejects.toThrow(
            ChildRefInUse,
          );
      });

      it('Given a review, When amendedData gives notes, a bad code or 5,000 characters, Then 400 naming amendedData.<field> and nothing is written', async () => {
        const head = await store.headPosition();
        const refused = recorder()(
          amend(bReview, { effectiveDate: '2023-03-01', participation: 'PN9', notes: 'x'.repeat(5000) }),
        );
        await expect(refused).rejects.toThrow(BadRequestException);
        await expect(refused).rejects.toMatchObject({
          response: {
            errors: [
              expect.objectContaining({ field: 'amendedData.notes', rule: 'whitelistValidation' }),
              expect.objectContaining({ field: 'amendedData.participation', rule: 'isIn' }),
            ],
          },
        });
        expect(await store.headPosition()).toBe(head);
      });
    });
  }

  it('Given B registered on 2023-02-01, When B amends its dateOfBirth to after that, Then the refusal names amendedData.dateOfBirth and the rule, and nothing is written', async () => {
    const head = await store.headPosition();
    const refused = record(amend(bRegistration, { dateOfBirth: '2023-03-01' }));
    await expect(refused).rejects.toMatchObject({
      rule: 'date-before-birth',
      field: 'amendedData.dateOfBirth',
      message: expect.stringMatching(
        /^The registration on 1 February 2023 cannot be corrected like this: with amendedData\.dateOfBirth "2023-03-01", /,
      ),
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('Given a handler built without the reservation, When B amends its childRef, Then it is refused rather than recorded unreserved', async () => {
    const head = await store.headPosition();
    const bare = recordJourneyHandler(new JourneyRepository(store, new EventEnvelopeFactory()));
    await expect(
      bare.execute(
        new RecordJourneyCommand(amend(bRegistration, { childRef: 'ACC0009' }), { kind: 'none' }, context),
      ),
    ).rejects.toThrow(/cannot be reserved/);
    expect(await store.headPosition()).toBe(head);
    expect(await readWholeStream(store, journeyStream('child-b'))).toHaveLength(3);
  });
});
