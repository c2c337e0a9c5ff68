import Database from 'better-sqlite3';
import { loadAuditKey, verifyBundle } from '@care-journey/audit';
import type { Role } from '@care-journey/access';
import { dateInEngland, endOfDateInEngland } from '@care-journey/journey';
import { apiClient, type ApiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Body = Record<string, unknown>;
interface RecordedRow {
  id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const sw = tokenFor('social_worker', 'sw-alice');
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
/** The UTC day this file began, before its first read was trailed (the access log filters by UTC day). */
const startedOnUtc = new Date().toISOString().slice(0, 10);

describe('auditing a case history over HTTP', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const eventIds: Record<string, string> = {};
  const between: Record<string, string> = {};

  const record = async (path: string, body: Body, name: string) => {
    const response = await api.post(`/children/${childId}${path}`, body, { token: sw });
    expect(response.status).toBe(201);
    eventIds[name] = (response.body as { events: { id: string }[] }).events[0].id;
    await pause();
    between[name] = new Date().toISOString();
    await pause();
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post(
      '/children',
      {
        effectiveDate: '2024-01-10',
        childRef: 'LA-77',
        name: 'Sam',
        dateOfBirth: '2015-06-01',
        sex: '1',
        ethnicity: 'WBRI',
        upn: 'A123456789012',
        uasc: false,
        relinquishedAtBirth: false,
        team: 'Children in Care Fenland',
        socialWorker: 'sw.demo',
      },
      { token: sw },
    );
    expect(registered.status).toBe(201);
    childId = (registered.body as { childId: string }).childId;
    await pause();
    await record(
      '/periods-of-care',
      {
        effectiveDate: '2024-01-15',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement: { placementType: 'U4', provider: 'PR1', inArea: true },
      },
      'care',
    );
    await record('/reviews', { effectiveDate: '2024-03-10', participation: 'PN1' }, 'review');
    // Recorded late: the move happened before the review that was recorded first.
    const move = {
      effectiveDate: '2024-03-01',
      placement: { placementType: 'U6', provider: 'PR1', inArea: true },
      reasonForChange: 'CARPL',
      sameCarer: false,
    };
    await record('/placement-changes', move, 'move');
    await record(
      '/corrections/amend',
      {
        correctedEventId: eventIds.move,
        reason: 'wrong placement type',
        amendedData: { ...move, placement: { ...move.placement, placementType: 'U5' } },
      },
      'firstCorrection',
    );
    await record(
      '/corrections/amend',
      {
        correctedEventId: eventIds.move,
        reason: 'moved on the 5th',
        amendedData: {
          ...move,
          effectiveDate: '2024-03-05',
          placement: { ...move.placement, placementType: 'U5' },
        },
      },
      'secondCorrection',
    );
  });
  afterAll(async () => t.close());

  const get = (path: string, role: Role = 'auditor') =>
    api.get<Body>(path, { token: tokenFor(role, `${role}-1`) });
  const placementAt = async (query: string) =>
    (
      (await get(`/children/${childId}/history?${query}`)).body.state as {
        currentPlacement?: { placementType: string; startDate: string };
      }
    ).currentPlacement;

  it('replays the child as at a date and as known at an instant', async () => {
    expect(await placementAt(`asAt=2024-03-03&knownAt=${between.review}`)).toMatchObject({
      placementType: 'U4',
    });
    expect(await placementAt(`asAt=2024-03-03&knownAt=${between.move}`)).toMatchObject({
      placementType: 'U6',
      startDate: '2024-03-01',
    });
    expect(await placementAt(`asAt=2024-03-03&knownAt=${between.firstCorrection}`)).toMatchObject({
      placementType: 'U5',
      startDate: '2024-03-01',
    });
    expect(await placementAt(`asAt=2024-03-03&knownAt=${between.secondCorrection}`)).toMatchObject({
      placementType: 'U4',
    });
    expect(await placementAt('asAt=2024-03-31')).toMatchObject({
      placementType: 'U5',
      startDate: '2024-03-05',
    });
  });

  it('diffs two points in plain terms, naming who corrected what', async () => {
    const response = await get(
      `/children/${childId}/history/diff?from=knownAt:${between.move}&toKnownAt=${between.secondCorrection}`,
    );
    expect(response.status).toBe(200);
    const corrected = (response.body.changes as { kind: string; text: string }[]).find(
      (c) => c.kind === 'entry-corrected',
    );
    expect(corrected?.text).toContain('placement type corrected from U6 to U5 by sw-alice');
    expect(corrected?.text).toContain('date corrected from 2024-03-01 to 2024-03-05 by sw-alice');
  });

  it('lists the chronology in effective-date order with lag and correction links', async () => {
    const entries = (await get(`/children/${childId}/chronology`, 'panel_member')).body as unknown as {
      eventId: string;
      lagDays: number;
      amendedBy: unknown[];
      revision: string;
    }[];
    const move = entries.find((e) => e.eventId === eventIds.move);
    expect(move?.amendedBy).toHaveLength(2);
    expect(move?.lagDays).toBeGreaterThan(0);
    expect(typeof move?.revision).toBe('string');
  });

  it('Given the move recorded for 1 March and amended to 5 March, When the chronology is read, Then the move stands on 5 March with its corrections, and says it was first recorded for 1 March and which amendment moved it when', async () => {
    const entries = (await get(`/children/${childId}/chronology`, 'auditor')).body as unknown as {
      eventId: string;
      effectiveDate: string;
      originalEffectiveDate?: string;
      dateAmendedBy?: { eventId: string; recordedAt: string; recordedBy: string };
    }[];
    expect(entries.map((e) => [e.effectiveDate, e.eventId]).filter(([date]) => date >= '2024-03-01')).toEqual(
      [
        ['2024-03-05', eventIds.move],
        ['2024-03-05', eventIds.firstCorrection],
        ['2024-03-05', eventIds.secondCorrection],
        ['2024-03-10', eventIds.review],
      ],
    );
    const move = entries.find((e) => e.eventId === eventIds.move);
    expect(move).toMatchObject({
      originalEffectiveDate: '2024-03-01',
      dateAmendedBy: { eventId: eventIds.secondCorrection, recordedBy: 'sw-alice' },
    });
    // Recorded after the first correction and before anything else was.
    expect(move!.dateAmendedBy!.recordedAt > between.firstCorrection).toBe(true);
    expect(move!.dateAmendedBy!.recordedAt < between.secondCorrection).toBe(true);
  });

  it('Given a bare date as knownAt on the history and both sides of the diff (review s16-ofsted F4), Then it is the end of that day in England, as /flags and the drift report as known take it', async () => {
    const today = dateInEngland(new Date().toISOString());
    const [byDate, byInstant] = await Promise.all([
      get(`/children/${childId}/history?asAt=2024-03-03&knownAt=${today}`),
      get(`/children/${childId}/history?asAt=2024-03-03&knownAt=${endOfDateInEngland(today)}`),
    ]);
    expect([byDate.status, byInstant.status]).toEqual([200, 200]);
    expect(byDate.body.state).toEqual(byInstant.body.state);
    const diff = await get(`/children/${childId}/history/diff?from=knownAt:2020-01-01&toKnownAt=${today}`);
    expect(diff.status).toBe(200);
  });

  it('refuses bad query values with a 400 naming the field', async () => {
    const bad = await get(`/children/${childId}/history?asAt=2024-02-30&knownAt=yesterday`);
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['asAt', 'knownAt']);
    const noSide = await get(`/children/${childId}/history/diff?from=asAt:2024-01-01`);
    expect(noSide.status).toBe(400);
    expect((noSide.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['to']);
    expect((await get(`/children/${childId}/history/diff?from=when:2024&to=asAt:2024-01-01`)).status).toBe(
      400,
    );
  });

  it('exports a signed bundle that verifies offline', async () => {
    const bundle = (await get(`/children/${childId}/bundle`)).body;
    expect(verifyBundle(bundle, loadAuditKey({}).key)).toMatchObject({
      ok: true,
      eventsChecked: 6,
      signature: 'valid',
    });
  });

  it('keeps history away from reporting jobs and the trail and bundles away from case workers', async () => {
    expect((await get(`/children/${childId}/history`, 'reporting_job')).status).toBe(403);
    expect((await get(`/children/${childId}/bundle`, 'social_worker')).status).toBe(403);
    expect((await get('/audit/access-log', 'social_worker')).status).toBe(403);
    expect((await get(`/children/no-such-child/history`)).status).toBe(404);
  });

  it('records every read by every role in the trail, which an auditor can list', async () => {
    for (const role of ['social_worker', 'panel_member', 'auditor', 'admin'] as const) {
      const response = await api.get(
        `/children/${childId}/history?asAt=2024-03-31&reason=${encodeURIComponent(`check by ${role}`)}`,
        { token: tokenFor(role, `${role}-trail`) },
      );
      expect(response.status).toBe(200);
    }
    const listed = await get(`/audit/access-log?childId=${childId}`, 'admin');
    expect(listed.status).toBe(200);
    const entries = listed.body.entries as {
      role: string;
      readBy: string;
      view: string;
      reason?: string;
      childId: string;
      query?: Body;
    }[];
    for (const role of ['social_worker', 'panel_member', 'auditor', 'admin']) {
      expect(entries).toContainEqual(
        expect.objectContaining({
          role,
          readBy: `${role}-trail`,
          view: 'history',
          childId,
          reason: `check by ${role}`,
          query: { asAt: '2024-03-31' },
        }),
      );
    }
    expect(entries.map((e) => e.view)).toEqual(
      expect.arrayContaining(['history', 'diff', 'chronology', 'bundle']),
    );
    // From the day the file began, not "today" alone: its reads may fall either side of midnight UTC.
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await get(`/audit/access-log?childId=${childId}&from=${startedOnUtc}&to=${today}`)).body.entries,
    ).toHaveLength(entries.length);
    expect((await get(`/audit/access-log?to=2000-01-01`)).body.entries).toEqual([]);
    expect((await get(`/audit/access-log?from=2024-02-01&to=2024-01-01`)).status).toBe(400);
  });

  it("records reads of the stored case record: a child's /events, and the whole log unredacted", async () => {
    const before = (await get(`/audit/access-log?childId=${childId}`, 'admin')).body.entries as unknown[];
    expect((await get(`/children/${childId}/events?pageSize=50`, 'social_worker')).status).toBe(200);
    const after = (await get(`/audit/access-log?childId=${childId}`, 'admin')).body.entries as Body[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ childId, role: 'social_worker', view: 'events' });

    const logReads = async (): Promise<Body[]> =>
      ((await get('/audit/access-log?childId=*', 'admin')).body.entries as Body[]).filter(
        (e) => e.view === 'log',
      );
    const logBefore = (await logReads()).length;
    expect((await api.get('/events?limit=5', { token: tokenFor('auditor', 'auditor-log') })).status).toBe(
      200,
    );
    // A reporting job's /events is pseudonymised, still personal data: a read of those children's
    // records too (review s15 F2; until then it was not recorded).
    expect((await api.get('/events?limit=5', { token: tokenFor('reporting_job', 'job-log') })).status).toBe(
      200,
    );
    const logAfter = await logReads();
    expect(logAfter).toHaveLength(logBefore + 2);
    expect(logAfter.slice(-2)).toMatchObject([
      { childId: '*', role: 'auditor', readBy: 'auditor-log', view: 'log', childIds: [childId] },
      { childId: '*', role: 'reporting_job', readBy: 'job-log', view: 'log', childIds: [childId] },
    ]);

    // A poller at the head catches up: the trail entry its last read wrote is not a read of anyone's
    // record, so reading past it records nothing and the checkpoint then stays put.
    const auditor = { token: tokenFor('auditor', 'auditor-poll') };
    let checkpoint = String((await t.store.headPosition()) ?? 0n);
    const checkpoints: string[] = [];
    for (let poll = 0; poll < 3; poll += 1) {
      const page = await api.get<string>(`/events?after=${checkpoint}`, auditor);
      expect(page.status).toBe(200);
      checkpoint = String(page.headers.get('x-next-checkpoint'));
      checkpoints.push(checkpoint);
    }
    expect(checkpoints[2]).toBe(checkpoints[1]);
    expect(checkpoints[1]).toBe(checkpoints[0]);
  });

  it('offers no way to write the trail through the API', async () => {
    const writes = t.routes.filter(
      (r) => r.url.includes('access-log') && r.method !== 'GET' && r.method !== 'HEAD',
    );
    expect(writes).toEqual([]);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await api.send(
        method,
        '/audit/access-log',
        { childId, role: 'auditor' },
        { token: tokenFor('admin') },
      );
      expect(response.status).toBe(404);
    }
  });

  it('verifies an untouched chain', async () => {
    expect((await get(`/children/${childId}/verify`)).body).toMatchObject({ childId, ok: true, checked: 6 });
  });

  describe('Given bytes of the SQLite file are changed behind the API', () => {
    const edit = (sql: string, ...params: unknown[]) => {
      const db = new Database(t.sqliteFile);
      try {
        return db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    };
    const rowOf = (id: string): RecordedRow => {
      const db = new Database(t.sqliteFile, { readonly: true });
      try {
        return db
          .prepare('SELECT id, revision, type, data, metadata FROM events WHERE id = ?')
          .get(id) as RecordedRow;
      } finally {
        db.close();
      }
    };
    const verify = async () =>
      (await get(`/children/${childId}/verify`)).body as {
        ok: boolean;
        checked: number;
        firstBroken?: { revision: string; eventId: string; reason: string };
      };
    /** Changes one byte of a column's JSON text (keeping it valid JSON) and returns a function that undoes it. */
    const flipByte = (
      id: string,
      column: 'data' | 'metadata',
      pattern: RegExp,
      replacement: string | ((match: string) => string),
    ) => {
      const before = rowOf(id)[column];
      const after =
        typeof replacement === 'string'
          ? before.replace(pattern, replacement)
          : before.replace(pattern, replacement);
      expect(after).not.toBe(before);
      expect(after.length).toBe(before.length);
      edit(`UPDATE events SET ${column} = ? WHERE id = ?`, after, id);
      return () => edit(`UPDATE events SET ${column} = ? WHERE id = ?`, before, id);
    };

    it.each([
      ['a data byte of the review', 'review', 'data', /PN1/, 'PN2'],
      ['the effective date of the late placement change', 'move', 'data', /2024-03-01/, '2024-03-02'],
      [
        'recordedBy in the metadata of the first correction',
        'firstCorrection',
        'metadata',
        /sw-alice/,
        'sw-alicf',
      ],
      [
        'the stored hash of the start of care',
        'care',
        'metadata',
        /"hash":"[0-9a-f]/,
        (m: string) => m.slice(0, -1) + (m.endsWith('0') ? '1' : '0'),
      ],
    ] as const)(
      'When %s is changed, Then /verify reports the first broken link at that event',
      async (_label, name, column, pattern, replacement) => {
        const undo = flipByte(eventIds[name], column, pattern, replacement);
        const result = await verify();
        undo();
        const revision = rowOf(eventIds[name]).revision;
        expect(result.ok).toBe(false);
        expect(result.firstBroken).toMatchObject({ eventId: eventIds[name], revision: String(revision) });
        expect(result.checked).toBe(revision);
        expect((await verify()).ok).toBe(true);
      },
    );

    it('When an event row is deleted, Then /verify reports the gap at the event after it', async () => {
      const row = rowOf(eventIds.review);
      const db = new Database(t.sqliteFile);
      const full = db.prepare('SELECT * FROM events WHERE id = ?').get(row.id) as Record<string, unknown>;
      db.prepare('DELETE FROM events WHERE id = ?').run(row.id);
      db.close();
      const result = await verify();
      const restore = new Database(t.sqliteFile);
      restore
        .prepare(
          `INSERT INTO events (${Object.keys(full).join(', ')}) VALUES (${Object.keys(full)
            .map(() => '?')
            .join(', ')})`,
        )
        .run(...Object.values(full));
      restore.close();
      expect(result.firstBroken).toMatchObject({
        revision: String(row.revision + 1),
        eventId: eventIds.move,
        reason: expect.stringContaining('missing'),
      });
      expect((await verify()).ok).toBe(true);
    });

    it('When a flipped byte is exported, Then the bundle fails offline verification at that event', async () => {
      const undo = flipByte(eventIds.review, 'data', /PN1/, 'PN3');
      const bundle = (await get(`/children/${childId}/bundle`)).body;
      undo();
      const result = verifyBundle(bundle, loadAuditKey({}).key);
      // Signed faithfully as stored, so only the chain exposes the edit.
      expect(result).toMatchObject({
        ok: false,
        signature: 'valid',
        firstBroken: { eventId: eventIds.review },
      });
    });
  });
});
