import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeStream, verifyChain } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream, type JourneyCommand } from '@care-journey/journey';
import { RecordJourneyCommand } from '../commands/record-journey.command';
import { recordJourneyHandler } from '../commands/testing/record-journey-handler';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';
import { EventEnvelopeFactory } from './event-envelope.factory';
import type { FoldedJourney, FoldedJourneyCache } from './folded-journey-cache';
import { JourneyRepository } from './journey.repository';
import type { RecordingContext } from './recording-context';

const CHILD = 'c-kept';
const command = commandsFor(CHILD);
const placement = (placementType: string, provider: string) => ({
  placementType,
  provider,
  postcode: 'LS1 4AB',
  inArea: true,
});

/** A whole adoption journey, with a late entry, an undefined field, keyed commands and a two-event order. */
const journey: { command: JourneyCommand; key?: string }[] = [
  {
    command: command('RegisterChild', registrationBody()),
  },
  {
    command: command('StartPeriodOfCare', {
      effectiveDate: '2023-02-06',
      legalStatus: 'C1',
      categoryOfNeed: 'N1',
      placement: placement('U6', 'PR1'),
    }),
  },
  // Stored without the undefined field (JSON): the kept fold must not hold it either.
  {
    command: command('RecordReview', { effectiveDate: '2023-05-30', participation: 'PN0', note: undefined }),
  },
  { command: command('RecordReview', { effectiveDate: '2023-03-02', participation: 'PN0' }) }, // late: refolds
  {
    command: command('SetPermanencePlan', { effectiveDate: '2023-04-20', route: 'adoption' }),
    key: 'k-plan',
  },
  { command: command('ChangeLegalStatus', { effectiveDate: '2023-05-02', legalStatus: 'C2' }) },
  { command: command('RecordAdoptionDecision', { effectiveDate: '2023-07-03' }), key: 'k-decision' },
  { command: command('RecordAdoptionDecision', { effectiveDate: '2023-07-03' }), key: 'k-decision' }, // retry
  { command: command('GrantPlacementOrder', { effectiveDate: '2023-09-04' }) },
  { command: command('RecordMatch', { effectiveDate: '2023-11-06' }) },
  {
    command: command('PlaceForAdoption', {
      effectiveDate: '2023-12-04',
      placement: placement('A6', 'PR1'),
      sameCarer: false,
    }),
  },
  {
    command: command('GrantAdoptionOrder', {
      effectiveDate: '2024-05-13',
      adoptedByFosterCarer: false,
      numberOfAdopters: 2,
      adopterSex: 'MF',
      adopterLegalStatus: 'L11',
      application: 'unopposed',
    }),
  },
  { command: command('RecordReview', { effectiveDate: '2023-08-01', participation: 'PN0' }) },
];

const keptFold = (repo: JourneyRepository): FoldedJourney | undefined =>
  (repo as unknown as { folds: FoldedJourneyCache }).folds.get(CHILD);

describe('JourneyRepository: the fold kept after an append equals a fresh fold of the stream', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-kept-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a whole journey recorded through the handler, Then after every command the kept fold is what a new process folds, and unkeyed one-event commands read nothing', async () => {
    const repo = new JourneyRepository(store, new EventEnvelopeFactory());
    const handler = recordJourneyHandler(repo);
    const reads = jest.spyOn(store, 'readStream');
    let withoutRead = 0;
    let behind = 0;
    for (const [index, { command: journeyCommand, key }] of journey.entries()) {
      const context: RecordingContext = {
        ...META,
        correlationId: `c-${index}`,
        causationId: `k-${index}`,
        ...(key !== undefined && { idempotency: { key, requestHash: `h-${key}` } }),
      };
      // After a keyed or two-event append the kept fold is marked behind: that command reads.
      const readBefore = repo.cached(CHILD) === undefined;
      reads.mockClear();
      const answer = await handler.execute(
        new RecordJourneyCommand(journeyCommand, { kind: 'none' }, context),
      );
      expect(answer.events.length).toBeGreaterThan(0);
      if (!readBefore) expect(reads).not.toHaveBeenCalled();

      const fresh = new JourneyRepository(store, new EventEnvelopeFactory());
      const loaded = await fresh.load(CHILD);
      expect(keptFold(repo)).toBeDefined();
      const kept = repo.cached(CHILD);
      if (kept) {
        // Deep, strict equality: state (history, positions, lists), revision, position, outcomes...
        expect(kept).toStrictEqual(loaded);
        // ...and the chain identity the next append links to.
        expect(keptFold(repo)).toStrictEqual(keptFold(fresh));
      } else {
        // Not current: an append of ours it could not fold in went past it; the next command reads.
        expect(keptFold(repo)!.revision).toBeLessThan(loaded.revision!);
        behind += 1;
      }
      if (!readBefore) withoutRead += 1;
    }
    // RegisterChild's fold comes from its append (no_stream); the keyed and two-event ones do not.
    expect({ withoutRead, behind }).toEqual({ withoutRead: 9, behind: 3 });
    reads.mockRestore();
    const events = (await readWholeStream(store, journeyStream(CHILD))) ?? [];
    expect(events).toHaveLength(journey.length); // the keyed retry recorded nothing; the order two events
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: events.length });
  });
});
