import { createHash } from 'node:crypto';
import { canonicalJson } from '@care-journey/audit';
import { export903, seedStore, tableCsv } from '@care-journey/reporting';
import { registerBody } from './support/journey-bodies';
import { apiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { OUTCOME_DEADLINE_MS } from './support/poll';

const parseNdjson = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('reporting endpoints (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let total = 0;
  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const seeded = await seedStore(t.store, { children: 25, seed: 'e2e-reporting', years: 2 });
    total = seeded.events;
  }, 60_000);
  afterAll(() => t.close());

  it('GET /exports/903 gives every table as CSV text, or one table as a CSV file', async () => {
    const all = await api.get<{ yearEnding: string; tables: Record<string, string> }>(
      '/exports/903?yearEnding=2025-03-31',
      { token: tokenFor('reporting_job') },
    );
    expect(all.status).toBe(200);
    const expected = await export903(t.store, { yearEnding: '2025-03-31' });
    expect(all.body.tables.Episodes).toBe(tableCsv(expected, 'Episodes'));
    expect(all.body.tables.Header.split('\n')[0]).toBe('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB');
    expect(Object.keys(all.body.tables)).toHaveLength(10);

    const one = await api.get<string>('/exports/903?yearEnding=2025-03-31&table=placed_for_adoption', {
      token: tokenFor('admin'),
    });
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(one.body).toBe(tableCsv(expected, 'PlacedAdoption'));
  });

  it('refuses a bad year or table with a 400 naming the field, and other roles with 403', async () => {
    const badTable = await api.get<{ errors: { field: string }[] }>(
      '/exports/903?yearEnding=2025-03-31&table=nope',
      { token: tokenFor('admin') },
    );
    expect(badTable.status).toBe(400);
    expect(badTable.body.errors).toEqual([expect.objectContaining({ field: 'table' })]);
    const badYear = await api.get<{ errors: { field: string }[] }>('/exports/903?yearEnding=2025-04-30', {
      token: tokenFor('admin'),
    });
    expect(badYear.status).toBe(400);
    expect(badYear.body.errors).toEqual([expect.objectContaining({ field: 'yearEnding' })]);
    const future = await api.get<{ errors: { field: string; rule: string }[] }>(
      `/exports/903?yearEnding=${new Date().getUTCFullYear() + 2}-03-31`,
      { token: tokenFor('reporting_job') },
    );
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'yearEnding', rule: 'yearHasBegun' }),
    ]);
    expect(
      (await api.get('/exports/903?yearEnding=2025-03-31', { token: tokenFor('social_worker') })).status,
    ).toBe(403);
    expect((await api.get('/events', { token: tokenFor('panel_member') })).status).toBe(403);
  });

  it('GET /events pages the log as NDJSON from a checkpoint; reporting jobs get no names, UPNs, full postcodes or dates of birth', async () => {
    const seen: Record<string, unknown>[] = [];
    let after = '';
    for (let page = 0; page < 100; page++) {
      const response = await api.get<string>(`/events?limit=50${after ? `&after=${after}` : ''}`, {
        token: tokenFor('reporting_job'),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = parseNdjson(
        typeof response.body === 'string' ? response.body : JSON.stringify(response.body),
      );
      const last = lines.pop() as { checkpoint: string };
      expect(response.headers.get('x-next-checkpoint')).toBe(last.checkpoint);
      seen.push(...lines);
      if (lines.length === 0) {
        // Its pages are in the read-access trail now (review s15 F2), entries of the log it does not
        // get: an empty page moves past the last one, and with nothing new after that it stays put.
        const again = await api.get<string>(`/events?limit=50&after=${last.checkpoint}`, {
          token: tokenFor('reporting_job'),
        });
        expect(again.headers.get('x-next-checkpoint')).toBe(last.checkpoint);
        break;
      }
      after = last.checkpoint;
    }
    expect(seen).toHaveLength(total);
    expect(seen.map((e) => e.globalPosition)).toEqual(
      [...seen.map((e) => e.globalPosition)].sort((a, b) => Number(a) - Number(b)),
    );
    const registered = seen
      .filter((e) => e.type === 'ChildRegistered')
      .map((e) => e.data as Record<string, unknown>);
    expect(registered.length).toBe(25);
    for (const data of registered) {
      expect(data).not.toHaveProperty('name');
      expect(data).not.toHaveProperty('upn');
      expect(data.dateOfBirth).toMatch(/^\d{4}-\d{2}$/);
      if (data.homePostcode !== undefined) expect(data.homePostcode).toMatch(/^[A-Z0-9]+$/);
    }
    expect(JSON.stringify(seen)).not.toMatch(/"postcode":"[A-Z0-9]+ [A-Z0-9]+"/);

    // Auditors see the whole log: each child's reference reservation (child-ref-<REF>), then its journey.
    const auditor = await api.get<string>('/events?limit=2', { token: tokenFor('auditor') });
    const [reserved, first] = parseNdjson(
      typeof auditor.body === 'string' ? auditor.body : JSON.stringify(auditor.body),
    );
    expect(reserved).toMatchObject({
      type: 'ChildRefReserved',
      streamId: expect.stringMatching(/^child-ref-/),
    });
    expect(seen.some((e) => e.type === 'ChildRefReserved')).toBe(false);
    expect(first.data).toHaveProperty('name');
    expect(first.data).toHaveProperty('upn');
  });

  it('GET /exports/read-models/:name gives whole read models as NDJSON or CSV, without names for reporting jobs', async () => {
    let rows: Record<string, unknown>[] = [];
    // The inline projector catches up with the seeded log in the background.
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; rows.length < 25 && Date.now() < deadline;) {
      const response = await api.get<string>('/exports/read-models/child-summaries', {
        token: tokenFor('reporting_job'),
      });
      expect(response.status).toBe(200);
      // The client parses one row as JSON and gives an empty answer (no rows yet) as undefined.
      const text = typeof response.body === 'string' ? response.body : (JSON.stringify(response.body) ?? '');
      rows = text.trim() === '' ? [] : parseNdjson(text);
      if (rows.length < 25) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(rows).toHaveLength(25);
    for (const row of rows) {
      expect(row.name).toBe('');
      expect(row.dateOfBirth).toMatch(/^\d{4}-\d{2}$/);
    }
    const csv = await api.get<string>('/exports/read-models/child-summaries?format=csv', {
      token: tokenFor('admin'),
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^childId,childRef,name,dateOfBirth,/);
    expect(lines).toHaveLength(26);
    const flags = await api.get<string>('/exports/read-models/open-flags?format=csv&asAt=2025-03-31', {
      token: tokenFor('auditor'),
    });
    expect(flags.status).toBe(200);
    expect(flags.body.split('\n')[0]).toBe('childId,childRef,ruleId,key,title,dueDate,openedOn,daysOverdue');
    expect((await api.get('/exports/read-models/nope', { token: tokenFor('admin') })).status).toBe(400);
  });

  it('refuses an impossible asAt on the read-model exports (400 isCalendarDate), and asAt where it does not apply', async () => {
    // Given the open-flags and child-summaries exports
    for (const query of ['asAt=2026-02-30', 'asAt=2026-13-01', 'asAt=2026-02-30&format=csv', 'asAt=abc']) {
      // When a reporting job asks for open flags as at a date that does not exist
      const response = await api.get<{ errors: { field: string; rule: string }[] }>(
        `/exports/read-models/open-flags?${query}`,
        { token: tokenFor('reporting_job') },
      );
      // Then it is a 400 naming the field and the rule, as /drift-report gives
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'asAt', rule: 'isCalendarDate' }),
      ]);
    }
    // And the summaries, which are today's state, refuse asAt rather than ignore it
    for (const asAt of ['2026-02-30', '2025-03-31']) {
      const summaries = await api.get<{ errors: { field: string; rule: string }[] }>(
        `/exports/read-models/child-summaries?asAt=${asAt}`,
        { token: tokenFor('reporting_job') },
      );
      expect(summaries.status).toBe(400);
      expect(summaries.body.errors).toEqual([
        expect.objectContaining({
          field: 'asAt',
          rule: expect.stringMatching(/isCalendarDate|whitelistValidation/),
        }),
      ]);
    }
    expect(
      (await api.get('/exports/read-models/open-flags?asAt=2024-02-29', { token: tokenFor('reporting_job') }))
        .status,
    ).toBe(200);
  });

  it('refuses a checkpoint that is not a position', async () => {
    const response = await api.get<{ errors: { field: string }[] }>('/events?after=abc', {
      token: tokenFor('admin'),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
  });

  // Last: it registers a child, which the counts above (the seeded log, the read models) do not hold.
  it('Given a registration sent with an Idempotency-Key, When a reporting job reads /events, Then its metadata carries no idempotency (no request hash to test guessed names against); an auditor sees the keyed hash, not the plain SHA-256 of the body', async () => {
    const head = String(await t.store.headPosition());
    const body = registerBody({ childRef: 'HP0001', name: 'Hash Probe', homePostcode: 'CB1 2AB' });
    const registered = await api.post<{ childId: string }>('/children', body, {
      token: tokenFor('admin'),
      headers: { 'idempotency-key': 'probe-key-1' },
    });
    expect(registered.status).toBe(201);
    const journeyEvent = (text: string) =>
      parseNdjson(text).find((e) => e.type === 'ChildRegistered') as {
        data: Record<string, unknown>;
        metadata: Record<string, unknown>;
      };
    const asReporting = journeyEvent(
      (await api.get<string>(`/events?after=${head}`, { token: tokenFor('reporting_job') })).body,
    );
    expect(asReporting.data).not.toHaveProperty('name');
    expect(asReporting.metadata).not.toHaveProperty('idempotency');
    expect(JSON.stringify(asReporting)).not.toContain('probe-key-1');
    expect(asReporting.metadata).toMatchObject({
      recordedBy: 'admin-user',
      schemaVersion: expect.any(Number),
    });

    const asAuditor = journeyEvent(
      (await api.get<string>(`/events?after=${head}`, { token: tokenFor('auditor') })).body,
    );
    const stored = asAuditor.metadata.idempotency as { key: string; requestHash: string };
    expect(stored.key).toBe('probe-key-1');
    expect(stored.requestHash).toMatch(/^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/);
    const { childId } = registered.body;
    const plain = createHash('sha256')
      .update(canonicalJson({ type: 'RegisterChild', childId, body: { ...body, childId } }))
      .digest('hex');
    expect(stored.requestHash).not.toContain(plain);
    expect(stored.requestHash).not.toContain(
      createHash('sha256')
        .update(canonicalJson({ type: 'RegisterChild', childId, body }))
        .digest('hex'),
    );
  });
});
