import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeStream } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream, type JourneyCommand } from '@care-journey/journey';
import { Clock } from '../../infrastructure/clock';
import { EventEnvelopeFactory } from '../recording/event-envelope.factory';
import { JourneyRepository } from '../recording/journey.repository';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';
import { RecordJourneyCommand } from './record-journey.command';
import { recordJourneyHandler } from './testing/record-journey-handler';

// Review s18-es F2: recordedAt never goes back within a stream, whichever process's clock stamps it.
const CHILD = 'c-clocks';
const command = commandsFor(CHILD);
const register = command('RegisterChild', registrationBody({ childRef: 'LA-9', dateOfBirth: '2015-01-10' }));
const startCare = command('StartPeriodOfCare', {
  effectiveDate: '2023-02-06',
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
});

class PinnedClock extends Clock {
  constructor(private readonly at: string) {
    super();
  }
  override now(): string {
    return this.at;
  }
}

const AHEAD = '2025-06-30T10:05:00.000Z';
const BEHIND = '2025-06-30T10:00:00.000Z'; // five minutes behind, as META.now (the sender's stamp)

describe('RecordJourneyHandler: recordedAt is monotonic per stream', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recorded-at-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One API process on the store: its own repository (kept folds) and clock. */
  function processWithClock(at: string) {
    const repo = new JourneyRepository(store, new EventEnvelopeFactory());
    const handler = recordJourneyHandler(repo, { clock: new PinnedClock(at) });
    return (journeyCommand: JourneyCommand) =>
      handler.execute(
        new RecordJourneyCommand(
          journeyCommand,
          { kind: 'none' },
          { ...META, correlationId: 'c', causationId: 'k' },
        ),
      );
  }

  const stamps = async () =>
    ((await readWholeStream(store, journeyStream(CHILD))) ?? []).map((event) => event.metadata.recordedAt);

  it('Given a stream whose last event is recorded at T by a process ahead, When a process whose clock is behind records on a fresh read, Then its event is recorded at T + 1 ms', async () => {
    await processWithClock(AHEAD)(register);
    await processWithClock(BEHIND)(startCare);
    expect(await stamps()).toEqual([AHEAD, '2025-06-30T10:05:00.001Z']);
  });

  it('Given a process that recorded at T, When a command stamped before T is decided on its kept fold, Then its event is recorded at T + 1 ms', async () => {
    const record = processWithClock(AHEAD);
    await record(register); // no kept fold yet: a fresh read, stamped by the clock (AHEAD)
    await record(startCare); // on the kept fold, with the sender's stamp (META.now, BEHIND)
    expect(await stamps()).toEqual([AHEAD, '2025-06-30T10:05:00.001Z']);
  });

  it('Given a clock after the last event, When a command is recorded, Then the clock stamps it unchanged', async () => {
    await processWithClock(BEHIND)(register);
    await processWithClock(AHEAD)(startCare);
    expect(await stamps()).toEqual([BEHIND, AHEAD]);
  });
});
