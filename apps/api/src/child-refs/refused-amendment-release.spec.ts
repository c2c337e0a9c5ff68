/**
 * An amendment reserves its new 903 reference and UPN before it appends its journey event; when
 * that append is refused (here: another process writes to the child in between, under If-Match),
 * what it reserved is released again, by events chained into each registry stream, so a refused
 * amendment leaves nothing held and verify-store's cross-check finds nothing.
 */
import { verifyChain } from '@care-journey/audit';
import type { ExpectedRevision, RecordedEvent } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useTempSqliteStore } from '../../../../libs/event-store/src/testing/temp-sqlite-store.spec-helper';
import { childRefStream, type JourneyCommand, type JourneyEvent } from '@care-journey/journey';
import { RegistryCrossCheck, upnStream } from '@care-journey/registrations';
import { AmendedChildRefReservation } from '../children/commands/amended-child-ref.reservation';
import { AmendedUpnReservation } from '../children/commands/amended-upn.reservation';
import { RecordJourneyCommand, type RecordResult } from '../children/commands/record-journey.command';
import { recordJourneyHandler } from '../children/commands/testing/record-journey-handler';
import { EventEnvelopeFactory } from '../children/recording/event-envelope.factory';
import { JourneyRepository } from '../children/recording/journey.repository';
import type { RecordingContext } from '../children/recording/recording-context';
import { commandsFor, META, registrationBody } from '../children/testing/journey-commands';
import { ChildRefInUse, RevisionConflict } from '../children/application-errors';
import { UpnInUse } from './upn-in-use';

const context = { ...META, correlationId: 'c', causationId: 'k' };
const b = commandsFor('child-b');
const c = commandsFor('child-c');
/** Long after every reservation: the cross-check's settle window is past. */
const LATER = new Date('2025-07-30T10:00:00Z');
/** What the other process writes meanwhile: an amendment of the name alone (reserves nothing). */
const renamed = (registration: string) =>
  b('AmendEntry', {
    correctedEventId: registration,
    reason: 'name spelt wrongly',
    amendedData: { name: 'Sam Tailor' },
  });

/** A repository whose next append, once armed, first lets `meanwhile` write to the child. */
class InterruptedRepository extends JourneyRepository {
  meanwhile: (() => Promise<unknown>) | undefined;

  override async append(
    childId: string,
    events: readonly JourneyEvent[],
    expectedRevision: ExpectedRevision,
    recording: RecordingContext,
  ) {
    const meanwhile = this.meanwhile;
    this.meanwhile = undefined;
    await meanwhile?.();
    return super.append(childId, events, expectedRevision, recording);
  }
}

describe('an amendment whose journey append is refused after it reserved leaves nothing held', () => {
  const db = useTempSqliteStore('refused-amendment-', { synchronous: 'NORMAL' });
  let store: SqliteEventStore;
  let repository: InterruptedRepository;
  let bRegistration: string;

  const handlerOn = (journeys: JourneyRepository) =>
    recordJourneyHandler(journeys, {
      childRefs: new AmendedChildRefReservation(store),
      upns: new AmendedUpnReservation(store),
    });
  /** Another API process (its own repository): the writer that gets in between. */
  const otherProcess = (command: JourneyCommand): Promise<RecordResult> =>
    handlerOn(new JourneyRepository(store, new EventEnvelopeFactory())).execute(
      new RecordJourneyCommand(command, { kind: 'none' }, context),
    );
  const eventsOf = async (stream: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) events.push(event);
    return events;
  };
  const mismatches = async () => {
    const check = new RegistryCrossCheck();
    for await (const event of store.readAll()) check.see(event);
    return check.mismatches(LATER).map((found) => `${found.rule} ${found.stream} ${found.childId}`);
  };

  beforeEach(async () => {
    store = db.store;
    repository = new InterruptedRepository(store, new EventEnvelopeFactory());
    bRegistration = (
      await otherProcess(b('RegisterChild', registrationBody({ childRef: 'ACC0003', upn: 'A100000000003' })))
    ).events[0].id;
  });

  for (const [path, fresh] of [
    ['on the fold this process kept', false],
    ['in a new process (read first)', true],
  ] as const) {
    it(`Given another process writes to the child between the reservations and the append (If-Match), When an amendment to a new reference and UPN is refused ${path}, Then both are released, chained, and free for another child`, async () => {
      const handler = handlerOn(repository);
      if (!fresh) await repository.load('child-b'); // the kept fold the attempt decides on
      const { revision } = await repository.load('child-b');
      repository.meanwhile = () => otherProcess(renamed(bRegistration));

      const amendment = b('AmendEntry', {
        correctedEventId: bRegistration,
        reason: 'reference and UPN typed wrongly',
        amendedData: { childRef: 'ACC0009', upn: 'A100000000009' },
      });
      await expect(
        handler.execute(
          new RecordJourneyCommand(amendment, { kind: 'revision', revision: revision as bigint }, context),
        ),
      ).rejects.toThrow(RevisionConflict);

      for (const stream of [childRefStream('ACC0009'), upnStream('A100000000009')]) {
        const events = await eventsOf(stream);
        expect(events.map((event) => event.type)).toEqual(
          stream.startsWith('upn-')
            ? ['UpnReserved', 'UpnReleased']
            : ['ChildRefReserved', 'ChildRefReleased'],
        );
        expect(events[1]).toMatchObject({ data: { childId: 'child-b' }, metadata: { correlationId: 'c' } });
        expect(verifyChain(events)).toMatchObject({ ok: true, checked: 2 });
      }
      expect(await mismatches()).toEqual([]);
      await expect(
        otherProcess(c('RegisterChild', registrationBody({ childRef: 'ACC0009', upn: 'A100000000009' }))),
      ).resolves.toMatchObject({ events: [{ type: 'ChildRegistered' }] });
    });
  }

  it('Given the child already held the amended reference (its own earlier one), When the amendment is refused, Then it stays the child’s: only what the attempt reserved is released', async () => {
    await otherProcess(
      b('AmendEntry', {
        correctedEventId: bRegistration,
        reason: 'new reference',
        amendedData: { childRef: 'ACC0004' },
      }),
    );
    const { revision } = await repository.load('child-b');
    repository.meanwhile = () => otherProcess(renamed(bRegistration));

    const back = b('AmendEntry', {
      correctedEventId: bRegistration,
      reason: 'back to the first reference',
      amendedData: { childRef: 'ACC0003' },
    });
    await expect(
      handlerOn(repository).execute(
        new RecordJourneyCommand(back, { kind: 'revision', revision: revision as bigint }, context),
      ),
    ).rejects.toThrow(RevisionConflict);

    expect((await eventsOf(childRefStream('ACC0003'))).map((event) => event.type)).toEqual([
      'ChildRefReserved',
    ]);
    expect(await mismatches()).toEqual([]);
    await expect(otherProcess(c('RegisterChild', registrationBody({ childRef: 'ACC0003' })))).rejects.toThrow(
      ChildRefInUse,
    );
  });

  it('Given another child takes the amended UPN between the reference’s reservation and the UPN’s, When the amendment is refused (upn-in-use), Then the reference it reserved is released too', async () => {
    const upns = new AmendedUpnReservation(store);
    const takeFirst = upns.check.bind(upns);
    upns.check = async (events, state) => {
      const checked = await takeFirst(events, state);
      await otherProcess(c('RegisterChild', registrationBody({ childRef: 'ACC0011', upn: 'A100000000009' })));
      return checked;
    };
    const handler = recordJourneyHandler(repository, {
      childRefs: new AmendedChildRefReservation(store),
      upns,
    });

    const amendment = b('AmendEntry', {
      correctedEventId: bRegistration,
      reason: 'reference and UPN typed wrongly',
      amendedData: { childRef: 'ACC0009', upn: 'A100000000009' },
    });
    await expect(
      handler.execute(new RecordJourneyCommand(amendment, { kind: 'none' }, context)),
    ).rejects.toThrow(UpnInUse);

    expect((await eventsOf(childRefStream('ACC0009'))).map((event) => event.type)).toEqual([
      'ChildRefReserved',
      'ChildRefReleased',
    ]);
    expect(await mismatches()).toEqual([]);
  });
});
