import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useTempSqliteStore } from '../../../../../libs/event-store/src/testing/temp-sqlite-store.spec-helper';
import type { JourneyCommand } from '@care-journey/journey';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { EventEnvelopeFactory } from '../recording/event-envelope.factory';
import { JourneyRepository } from '../recording/journey.repository';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { AmendedUpnReservation } from './amended-upn.reservation';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';
import { recordJourneyHandler } from './testing/record-journey-handler';

const context = { ...META, correlationId: 'c', causationId: 'k' };
const a = commandsFor('child-a');
const b = commandsFor('child-b');
const amend = (correctedEventId: string, amendedData: Record<string, unknown>) =>
  b('AmendEntry', { correctedEventId, reason: 'UPN typo', amendedData });

describe('RecordJourneyHandler: an amended UPN is reserved like a registration’s (903 rule 444)', () => {
  const db = useTempSqliteStore('journey-amended-upn-', { synchronous: 'NORMAL' });
  let store: SqliteEventStore;
  /** One API process: its repository (kept folds) and a handler with both reservations. */
  const process = (upns: AmendedUpnReservation = new AmendedUpnReservation(store)) => {
    const handler = recordJourneyHandler(new JourneyRepository(store, new EventEnvelopeFactory()), {
      childRefs: new AmendedChildRefReservation(store),
      upns,
    });
    return (command: JourneyCommand): Promise<RecordResult> =>
      handler.execute(new RecordJourneyCommand(command, { kind: 'none' }, context));
  };
  let record: (command: JourneyCommand) => Promise<RecordResult>;
  let bRegistration: string;

  beforeEach(async () => {
    store = db.store;
    record = process();
    await record(a('RegisterChild', registrationBody({ childRef: 'ACC0002', upn: 'A100000000002' })));
    bRegistration = (
      await record(b('RegisterChild', registrationBody({ childRef: 'ACC0003', upn: 'A100000000003' })))
    ).events[0].id;
  });

  for (const [path, fresh] of [
    ['on the fold this process kept', false],
    ['in a new process (read first)', true],
  ] as const) {
    describe(path, () => {
      const recorder = () => (fresh ? process() : record);

      it('Given child A holds a UPN, When B amends its registration to it, Then 409 upn-in-use on amendedData.upn and nothing is written', async () => {
        const head = await store.headPosition();
        const refused = recorder()(amend(bRegistration, { upn: 'A100000000002' }));
        await expect(refused).rejects.toThrow(UpnInUse);
        await expect(refused).rejects.toMatchObject({
          response: { rule: 'upn-in-use', field: 'amendedData.upn' },
        });
        expect(await store.headPosition()).toBe(head);
      });

      it('Given nobody holds a UPN, When B amends to it, Then it is B’s: a registration naming it, or B’s old UPN, is refused', async () => {
        await recorder()(amend(bRegistration, { upn: 'A100000000008' }));
        const c = commandsFor('child-c');
        for (const upn of ['A100000000008', 'A100000000003'])
          await expect(
            record(c('RegisterChild', registrationBody({ childRef: 'ACC0010', upn }))),
          ).rejects.toThrow(UpnInUse);
      });
    });
  }

  it('Given a handler built without the UPN reservation, When B amends its UPN, Then it is refused rather than recorded unreserved', async () => {
    const head = await store.headPosition();
    await expect(
      process(AmendedUpnReservation.unavailable())(amend(bRegistration, { upn: 'A100000000009' })),
    ).rejects.toThrow(/cannot be reserved/);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given a handler built without the UPN reservation, When it records an ordinary command, Then it is recorded (only an amended UPN asks the reservation)', async () => {
    const bare = process(AmendedUpnReservation.unavailable());
    const started = await bare(
      b('StartPeriodOfCare', {
        effectiveDate: '2023-02-06',
        legalStatus: 'C1',
        categoryOfNeed: 'N1',
        placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
      }),
    );
    expect(started.events).toHaveLength(1);
  });
});
