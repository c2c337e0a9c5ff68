import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { currentSchemaVersion, journeyStream, type JourneyEventType } from '@care-journey/journey';
import { registerCareLeaverContactsCommand } from './care-leaver-contacts.command';

const entry = (childId: string, n: number, type: JourneyEventType, data: Record<string, unknown>) => ({
  id: `${childId}-${n}`,
  type,
  data: { childId, ...data },
  metadata: {
    recordedAt: '2024-06-01T00:00:00Z',
    recordedBy: 'spec',
    schemaVersion: currentSchemaVersion(type),
  },
});

/** A young person born `dateOfBirth`, under V2 from 10/01/2023; left care E5 on `leftOn` when given. */
async function child(
  store: SqliteEventStore,
  childId: string,
  childRef: string,
  dateOfBirth: string,
  leftOn?: string,
) {
  await store.appendToStream(
    journeyStream(childId),
    [
      entry(childId, 0, 'ChildRegistered', {
        effectiveDate: '2023-01-01',
        childRef,
        name: 'Leaving Care',
        dateOfBirth,
        sex: '2',
        ethnicity: 'WBRI',
        upn: 'A123456789012',
        homePostcode: 'CB1 2AB',
        uasc: false,
        relinquishedAtBirth: false,
        team: 'North',
        socialWorker: 'sw',
      }),
      entry(childId, 1, 'PeriodOfCareStarted', {
        effectiveDate: '2023-01-10',
        legalStatus: 'V2',
        categoryOfNeed: 'N1',
        placement: {
          placementType: 'U6',
          provider: 'PR1',
          postcode: 'CB4 1AA',
          urn: 'SC123456',
          inArea: true,
        },
        previousPermanence: { code: 'Z1' },
      }),
      ...(leftOn ? [entry(childId, 2, 'PeriodOfCareEnded', { effectiveDate: leftOn, reason: 'E5' })] : []),
    ],
    { expectedRevision: 'any' },
  );
}

describe('care-journey care-leaver-contacts: the OC3 contacts due, authority-wide (review s17 F4)', () => {
  let dir: string;
  let out: string[];
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-care-leavers-'));
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = join(dir, 'events.db');
    out = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      out.push(String(text));
      return true;
    });
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('Given a care leaver with no contact (the review’s RVLC03) and a child still in care, When listed on 15/07/2024, Then the CSV has the care leaver’s 17th birthday due, and the trail names that child only', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await child(store, 'c1', 'RVLC03', '2007-06-01', '2024-01-10');
    await child(store, 'c2', 'INCARE', '2008-02-01');
    await store.close();

    const program = new Command().exitOverride();
    registerCareLeaverContactsCommand(program);
    await program.parseAsync([
      'node',
      'care-journey',
      'care-leaver-contacts',
      '--as-at',
      '2024-07-15',
      '--by',
      'carol',
    ]);

    expect(out.join('')).toBe(
      'child_ref,date_of_birth,age,birthday,last_day,status\nRVLC03,2007-06-01,17,2024-06-01,2024-09-01,due\n',
    );
    const reader = new SqliteEventStore({ file: join(dir, 'events.db') });
    const trail: RecordedEvent[] = [];
    for await (const event of reader.readAll({ filter: { streamPrefixes: ['access-log-'] } }))
      trail.push(event);
    await reader.close();
    expect(trail.map((e) => [e.data, e.metadata.recordedBy])).toEqual([
      [
        {
          childId: '*',
          role: 'operator',
          view: 'careLeavers',
          query: { route: 'care-journey care-leaver-contacts', asAt: '2024-07-15' },
          childIds: ['c1'],
        },
        'carol',
      ],
    ]);
  });

  // Review s17 diff F2: a missed 17th birthday in 2024 is in a return already made by November 2026.
  it('Given the same care leaver, When listed on 28/11/2026, Then the missed 17th (2024) is left out unless --missed-since widens the list, which the trail records', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await child(store, 'c1', 'RVLC03', '2007-06-01', '2024-01-10');
    await store.close();
    const list = async (...extra: string[]) => {
      out.length = 0;
      const program = new Command().exitOverride();
      registerCareLeaverContactsCommand(program);
      await program.parseAsync([
        'node',
        'care-journey',
        'care-leaver-contacts',
        '--as-at',
        '2026-11-28',
        ...extra,
      ]);
      return out.join('').split('\n').slice(1, -1);
    };
    expect(await list()).toEqual([
      'RVLC03,2007-06-01,18,2025-06-01,2025-09-01,missed',
      'RVLC03,2007-06-01,19,2026-06-01,2026-09-01,missed',
    ]);
    expect(await list('--missed-since', '2024-04-01')).toEqual([
      'RVLC03,2007-06-01,17,2024-06-01,2024-09-01,missed',
      'RVLC03,2007-06-01,18,2025-06-01,2025-09-01,missed',
      'RVLC03,2007-06-01,19,2026-06-01,2026-09-01,missed',
    ]);
    const reader = new SqliteEventStore({ file: join(dir, 'events.db') });
    const queries: unknown[] = [];
    for await (const event of reader.readAll({ filter: { streamPrefixes: ['access-log-'] } }))
      queries.push(event.data['query']);
    await reader.close();
    expect(queries).toEqual([
      { route: 'care-journey care-leaver-contacts', asAt: '2026-11-28' },
      { route: 'care-journey care-leaver-contacts', asAt: '2026-11-28', missedSince: '2024-04-01' },
    ]);
  });
});
