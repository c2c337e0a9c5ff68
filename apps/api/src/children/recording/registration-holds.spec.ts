import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeStream } from '@care-journey/audit';
import { WrongExpectedRevision } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefStream, type JourneyEvent } from '@care-journey/journey';
import { UpnRegistry } from '@care-journey/registrations';
import type { ChildRefCondition } from '../../child-refs/child-ref-hold';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildRefInUse } from '../application-errors';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { JourneyRepository } from './journey.repository';
import { RegistrationHolds } from './registration-holds';

const context = { now: new Date().toISOString(), recordedBy: 'sw', correlationId: 'c', causationId: 'k' };
const registration = (childId: string, childRef: string, upn: string): JourneyEvent =>
  ({
    type: 'ChildRegistered',
    data: {
      childId,
      effectiveDate: '2024-05-01',
      childRef,
      upn,
      name: 'A Child',
      dateOfBirth: '2015-03-02',
      sex: '2',
      ethnicity: 'AOTH',
      uasc: false,
      relinquishedAtBirth: false,
      team: 'North CLA',
      socialWorker: 'sw',
    },
  }) as JourneyEvent;
const review = { type: 'StatutoryReviewHeld', data: { childId: 'a' } } as unknown as JourneyEvent;

describe('RegistrationHolds: a registration’s 903 reference and UPN are held before its append', () => {
  let dir: string;
  let store: SqliteEventStore;
  let holds: RegistrationHolds;
  /** What each write was given, and what it answers. */
  let writes: (ChildRefCondition | undefined)[];
  const write = (onlyIf: ChildRefCondition | undefined) => {
    writes.push(onlyIf);
    return Promise.resolve('written');
  };
  /** Child a registered as LA-1 with the UPN, through a repository appending under these holds. */
  const registerA = (upn = 'A100000000002') =>
    new JourneyRepository(store, new EventEnvelopeFactory(), holds).append(
      'a',
      [registration('a', 'LA-1', upn)],
      'no_stream',
      context,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registration-holds-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    holds = new RegistrationHolds(store);
    writes = [];
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given events that register no child, When appended, Then they are written once with no condition and the store is neither read nor written', async () => {
    const reads = jest.spyOn(store, 'readStream');
    const appends = jest.spyOn(store, 'appendToStream');
    expect(holds.concerns([review])).toBe(false);
    await expect(holds.append([review], context, write)).resolves.toBe('written');
    expect(writes).toEqual([undefined]);
    expect(reads).not.toHaveBeenCalled();
    expect(appends).not.toHaveBeenCalled();
  });

  it('Given a free reference and UPN, When a child registers, Then both are reserved for it and it is written while the reference is held', async () => {
    expect(holds.concerns([registration('b', 'LA-2', 'A100000000009')])).toBe(true);
    await holds.append([registration('b', 'LA-2', 'A100000000009')], context, write);
    expect(writes).toEqual([{ stream: childRefStream('LA-2'), revision: 0n }]);
    expect(await new UpnRegistry(store).isFree('A100000000009', 'other')).toBe(false);
  });

  it('Given another child holds both the reference and the UPN, When a child registers with them, Then the reference is named first (ChildRefInUse) and nothing is written', async () => {
    await registerA();
    const head = await store.headPosition();
    await expect(holds.append([registration('b', 'la-1', 'A100000000002')], context, write)).rejects.toThrow(
      ChildRefInUse,
    );
    expect(writes).toEqual([]);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given another child holds only the UPN, When a child registers with it, Then UpnInUse and not even its free reference is reserved', async () => {
    await registerA();
    const head = await store.headPosition();
    await expect(holds.append([registration('b', 'LA-2', 'A100000000002')], context, write)).rejects.toThrow(
      UpnInUse,
    );
    expect(writes).toEqual([]);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given another registration takes the UPN between the check and the hold, When this one loses, Then it releases the reference it had just reserved and is refused', async () => {
    await registerA();
    // The race: the read-only check saw the UPN free; the hold then finds child a's.
    jest.spyOn(UpnRegistry.prototype, 'isFree').mockResolvedValueOnce(true);
    await expect(holds.append([registration('b', 'LA-2', 'A100000000002')], context, write)).rejects.toThrow(
      UpnInUse,
    );
    expect(writes).toEqual([]);
    const reference = await readWholeStream(store, childRefStream('LA-2'));
    expect(reference?.map((event) => `${event.type} ${String(event.data.childId)}`)).toEqual([
      'ChildRefReserved b',
      'ChildRefReleased b',
    ]);
  });

  it('Given the store refuses the write because the reference was released meanwhile, When it retries, Then the reference is held again (the UPN once) and the write repeated, up to three writes', async () => {
    const upnHolds = jest.spyOn(UpnRegistry.prototype, 'hold');
    const released = (onlyIf: ChildRefCondition | undefined) => {
      writes.push(onlyIf);
      return Promise.reject(new WrongExpectedRevision(onlyIf!.stream, String(onlyIf!.revision), 1n));
    };
    await expect(
      holds.append([registration('b', 'LA-2', 'A100000000009')], context, released),
    ).rejects.toThrow(WrongExpectedRevision);
    expect(writes).toHaveLength(3);
    expect(writes.every((onlyIf) => onlyIf?.stream === childRefStream('LA-2'))).toBe(true);
    expect(upnHolds).toHaveBeenCalledTimes(1);
  });

  it('Given a write refused for another stream, When it fails, Then it is not retried', async () => {
    const clash = (onlyIf: ChildRefCondition | undefined) => {
      writes.push(onlyIf);
      return Promise.reject(new WrongExpectedRevision('journey-b', 'no_stream', 0n));
    };
    await expect(holds.append([registration('b', 'LA-2', 'A100000000009')], context, clash)).rejects.toThrow(
      WrongExpectedRevision,
    );
    expect(writes).toHaveLength(1);
  });
});
