import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { currentSchemaVersion, journeyStream, type JourneyEventType } from '@care-journey/journey';
import { registerExport903Command } from './export-903.command';

/** Recording metadata of a `type` event, at its type's current schema version. */
const metadataOf = (type: JourneyEventType) => ({
  recordedAt: '2024-06-01T00:00:00Z',
  recordedBy: 'spec',
  schemaVersion: currentSchemaVersion(type),
});

/** A child registered (UPN, date of birth, home postcode) and, when `start` is given, in care from then. */
async function child(store: SqliteEventStore, childId: string, childRef: string, start?: string) {
  await store.appendToStream(
    journeyStream(childId),
    [
      {
        id: `${childId}-0`,
        type: 'ChildRegistered',
        data: {
          childId,
          effectiveDate: '2024-04-01',
          childRef,
          name: 'Trail Child',
          dateOfBirth: '2015-06-14',
          sex: '2',
          ethnicity: 'WBRI',
          upn: 'A123456789012',
          homePostcode: 'CB1 2AB',
          uasc: false,
          relinquishedAtBirth: false,
          team: 'North',
          socialWorker: 'sw',
        },
        metadata: metadataOf('ChildRegistered'),
      },
      ...(start === undefined
        ? []
        : [
            {
              id: `${childId}-1`,
              type: 'PeriodOfCareStarted',
              data: {
                childId,
                effectiveDate: start,
                legalStatus: 'C1',
                categoryOfNeed: 'N1',
                placement: {
                  placementType: 'U6',
                  provider: 'PR1',
                  postcode: 'CB4 1AA',
                  urn: 'SC123456',
                  inArea: true,
                },
                previousPermanence: { code: 'Z1' },
              },
              metadata: metadataOf('PeriodOfCareStarted'),
            },
          ]),
    ],
    { expectedRevision: 'any' },
  );
}

describe('care-journey export-903 records the return in the read-access trail', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-export-trail-'));
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = join(dir, 'events.db');
    process.exitCode = undefined;
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  const exportYear = async (...extra: string[]): Promise<void> => {
    const program = new Command().exitOverride();
    registerExport903Command(program);
    await program.parseAsync([
      'node',
      'care-journey',
      'export-903',
      '--year-ending',
      '2025-03-31',
      '--out',
      join(dir, 'out'),
      ...extra,
    ]);
  };

  const trail = async (): Promise<RecordedEvent[]> => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll({ filter: { streamPrefixes: ['access-log-'] } }))
      events.push(event);
    await store.close();
    return events;
  };

  it('Given two children in care and one never looked after, When the return is exported, Then one operator entry names the two in it', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await child(store, 'c1', 'CJ0001', '2024-05-10');
    await child(store, 'c2', 'CJ0002', '2024-07-01');
    await child(store, 'c3', 'CJ0003');
    await store.close();

    await exportYear('--by', 'carol');

    const entries = await trail();
    expect(entries.map((e) => [e.type, e.data, e.metadata.recordedBy])).toEqual([
      [
        'CaseHistoryRead',
        {
          childId: '*',
          role: 'operator',
          view: 'export903',
          query: { route: 'care-journey export-903', yearEnding: '2025-03-31', out: join(dir, 'out') },
          childIds: ['c1', 'c2'],
        },
        'carol',
      ],
    ]);
  });

  it('Given no --by, When exported, Then the reader is the OS user', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await child(store, 'c1', 'CJ0001', '2024-05-10');
    await store.close();

    await exportYear();

    expect((await trail()).map((e) => e.metadata.recordedBy)).toEqual([userInfo().username]);
  });

  it('Given the return already in the folder and no --force, When exported again, Then nothing is written or recorded the second time', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await child(store, 'c1', 'CJ0001', '2024-05-10');
    await store.close();
    await exportYear();
    expect(await trail()).toHaveLength(1);

    await exportYear();
    expect(process.exitCode).toBe(1);
    expect(await trail()).toHaveLength(1);

    process.exitCode = undefined;
    await exportYear('--force');
    expect(await trail()).toHaveLength(2);
  });
});
