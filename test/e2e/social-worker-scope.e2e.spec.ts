/**
 * Social workers scoped to their teams (the authority setting socialWorkerScope, default "team"; the
 * users file gives each social worker their teams): a social worker reads and records only for
 * children whose current allocation is one of their teams. Any other child answers as an unknown
 * child does (404) on every child-scoped route, API and pages alike, and is left out of the search,
 * the drift report and its CSV, and the children listed behind the measures (whose figures stay the
 * authority's, with the count left out); registration only into their own teams. "authority" restores the
 * authority-wide access; the demo's two social workers split the teams. Real HTTP apps on real SQLite files, with a real users file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import type { JourneyCommand } from '@care-journey/journey';
import { seedStore } from '@care-journey/reporting';
import { parse } from 'csv-parse/sync';
import { RecordJourneyCommand } from '../../apps/api/src/children/commands/record-journey.command';
import { recordJourneyHandler } from '../../apps/api/src/children/commands/testing/record-journey-handler';
import { EventEnvelopeFactory } from '../../apps/api/src/children/recording/event-envelope.factory';
import { JourneyRepository } from '../../apps/api/src/children/recording/journey.repository';
import { hashPassword, type Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { normalise, ROUTE_ROLES } from './support/route-roles';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { OUTCOME_DEADLINE_MS } from './support/poll';
import { withEnv } from './support/with-env';

const NORTH = 'Children in Care North';
const SOUTH = 'Children in Care South';
const HASH = hashPassword('a-password-for-the-scope-users');

const USERS: { username: string; role: Role; teams?: string[] }[] = [
  { username: 'sw.north', role: 'social_worker', teams: [NORTH] },
  { username: 'sw.south', role: 'social_worker', teams: [SOUTH] },
  { username: 'pat', role: 'panel_member' },
  // With a users file, every bearer token's holder must be in it (revocable tokens, session 10).
  { username: 'admin-user', role: 'admin' },
  { username: 'auditor-user', role: 'auditor' },
];

const north = tokenFor('social_worker', 'sw.north');
const south = tokenFor('social_worker', 'sw.south');
const admin = tokenFor('admin');
const panel = tokenFor('panel_member', 'pat');
const auditor = tokenFor('auditor');

/** The app with these authority settings (CARE_JOURNEY_AUTHORITY) and the users file above. */
async function startScopedApp(dir: string, authority: object): Promise<TestApp> {
  const usersFile = join(dir, `users-${Object.keys(authority).join('-') || 'default'}.json`);
  writeFileSync(
    usersFile,
    JSON.stringify(USERS.map((u) => ({ ...u, name: u.username, passwordHash: HASH }))),
  );
  return withEnv({ CARE_JOURNEY_USERS: usersFile, CARE_JOURNEY_AUTHORITY: JSON.stringify(authority) }, () =>
    startTestApp(),
  );
}

let counter = 0;
/** A child registered and taken into care by `token`, allocated to `team` and `worker`. */
async function childIn(api: ApiClient, token: string, team: string, worker: string, name: string) {
  counter += 1;
  const registered = await api.post<{ childId: string }>(
    '/children',
    registerBody({ childRef: `SC-${counter}`, name, team, socialWorker: worker }),
    { token },
  );
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const { childId } = registered.body;
  const started = await api.post<{ globalPosition: string }>(
    `/children/${childId}/periods-of-care`,
    startCareBody,
    { token },
  );
  if (started.status !== 201) throw new Error(`start care failed: ${JSON.stringify(started.body)}`);
  return { childId, ref: `SC-${counter}`, position: started.body.globalPosition };
}

/** Every route about one child (`:id`), API and pages: what the scope must cover. */
const childRoutes = (app: TestApp) =>
  app.routes.filter(
    (route) =>
      (route.method === 'GET' || route.method === 'POST') &&
      /^\/(panel\/)?children\/:id(\/|$)/.test(route.url),
  );

const pathOf = (url: string, childId: string) =>
  url.replace(':id', childId).replace(':form', 'review').replace(/\?.*$/, '');

describe('social workers see and record only their teams’ children (socialWorkerScope "team", the default)', () => {
  let dir: string;
  let app: TestApp;
  let api: ApiClient;
  let northChild: { childId: string; ref: string };
  let southChild: { childId: string; ref: string };
  let position: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-scope-'));
    // No socialWorkerScope: the default must be the team scope.
    app = await startScopedApp(dir, {});
    api = apiClient(app.baseUrl);
    northChild = await childIn(api, north, NORTH, 'sw.north', 'Nora Northcote');
    const made = await childIn(api, south, SOUTH, 'sw.south', 'Sid Southgate');
    southChild = made;
    position = made.position;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Every child-scoped route (API and pages) called by the North social worker about `childId`
   * answers exactly as for an unknown child: 404 with the same body (or 403 on a route that is not a
   * social worker's at all).
   */
  const answersAsUnknownChild = async (childId: string): Promise<void> => {
    const routes = childRoutes(app);
    const unknownId = 'f0000000-0000-4000-8000-000000000000';
    for (const route of routes) {
      const expectation = normalise(ROUTE_ROLES[`${route.method} ${route.url}`]);
      const call = (id: string) =>
        api.send(route.method, pathOf(route.url, id), route.method === 'POST' ? {} : undefined, {
          token: north,
        });
      const refused = await call(childId);
      const unknown = await call(unknownId);
      const where = `${route.method} ${route.url}`;
      if (!expectation.roles.includes('social_worker')) {
        // Not a social worker's route at all (verify, bundle): the role answer, as before.
        expect({ where, status: refused.status }).toEqual({ where, status: 403 });
        continue;
      }
      expect({ where, status: refused.status }).toEqual({ where, status: 404 });
      // The pages' sign-out form carries a fresh CSRF token on every answer: not part of the comparison.
      const same = (body: unknown, id: string) =>
        JSON.stringify(body)
          .split(id)
          .join('<id>')
          .replace(/name=\\"_csrf\\" value=\\"[^\\]*\\"/g, 'name="_csrf"');
      expect({ where, body: same(refused.body, childId) }).toEqual({
        where,
        body: same(unknown.body, unknownId),
      });
    }
  };

  it('Given a child of team South, When a North social worker calls every child-scoped route (API and pages), Then each answers exactly as for an unknown child: 404', async () => {
    const routes = childRoutes(app);
    // Sanity: the API's reads and commands and the pages are all here.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /children/:id',
        'GET /children/:id/events',
        'GET /children/:id/history',
        'GET /children/:id/flags',
        'POST /children/:id/reviews',
        'POST /children/:id/allocation',
        'GET /panel/children/:id',
        'GET /panel/children/:id/record/:form',
        'POST /panel/children/:id/record/:form',
      ]),
    );
    await answersAsUnknownChild(southChild.childId);
    // Nothing was recorded for the South child by any of those commands.
    const events = await api.get<{ totalEvents: string }>(
      `/children/${southChild.childId}/events?pageSize=1`,
      {
        token: auditor,
      },
    );
    expect(events.body.totalEvents).toBe('2');
  });

  it('Given a child of team South whose registration an admin withdrew as made in error, When the North social worker opens it on every child-scoped route, Then each answers as for an unknown child (404), as any other South child does, and nothing is recorded', async () => {
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'SC-WD', name: 'Wanda Withdrawn', team: SOUTH, socialWorker: 'sw.south' }),
      { token: south },
    );
    expect(registered.status).toBe(201);
    const { childId } = registered.body;
    const withdrawn = await api.post(
      `/children/${childId}/corrections/retract-registration`,
      { reason: 'Registered twice: the same child as SC-1' },
      { token: admin },
    );
    expect(withdrawn.status).toBe(201);
    // Those who may read any child see it as withdrawn: it is there to be refused.
    const seen = await api.get<{ registrationWithdrawn: unknown }>(`/children/${childId}`, {
      token: auditor,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.registrationWithdrawn).toMatchObject({ by: 'admin-user' });

    await answersAsUnknownChild(childId);
    const events = await api.get<{ totalEvents: string }>(`/children/${childId}/events?pageSize=1`, {
      token: auditor,
    });
    expect(events.body.totalEvents).toBe('2');
  });

  it('Given the same routes, When the South social worker (and the panel) read the South child, Then they are answered', async () => {
    for (const path of [
      `/children/${southChild.childId}`,
      `/children/${southChild.childId}/events`,
      `/children/${southChild.childId}/history`,
      `/children/${southChild.childId}/chronology`,
      `/children/${southChild.childId}/flags?minPosition=${position}`,
      `/panel/children/${southChild.childId}`,
      `/panel/children/${southChild.childId}/record/review`,
    ])
      expect({ path, status: (await api.get(path, { token: south })).status }).toEqual({ path, status: 200 });
    expect((await api.get(`/children/${southChild.childId}`, { token: panel })).status).toBe(200);
    expect((await api.get(`/children/${northChild.childId}`, { token: admin })).status).toBe(200);
  });

  it('Given a refused read, Then it is in the read-access trail: who asked for which child, on which route', async () => {
    await api.get(`/children/${southChild.childId}`, { token: north });
    const trail = await api.get<{
      entries: { readBy: string; view: string; query?: Record<string, string> }[];
    }>(`/audit/access-log?childId=${southChild.childId}`, { token: auditor });
    expect(trail.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          readBy: 'sw.north',
          view: 'refused',
          query: { method: 'GET', route: '/children/:id', rule: 'socialWorkerScope' },
        }),
      ]),
    );
  });

  it('Given children of both teams, When the North social worker searches and reads the drift report, Then only North children are listed (API, pages, CSV); the panel still sees both', async () => {
    const found = await api.get<{ children: { childId: string }[] }>(`/children?minPosition=${position}`, {
      token: north,
    });
    expect(found.body.children.map((c) => c.childId)).toEqual([northChild.childId]);
    const byName = await api.get<{ children: unknown[] }>('/children?q=sid', { token: north });
    expect(byName.body.children).toEqual([]);

    const drift = await api.get<{ children: { childId: string }[] }>(
      `/drift-report?minPosition=${position}`,
      {
        token: north,
      },
    );
    expect(drift.body.children.map((c) => c.childId)).toEqual([northChild.childId]);
    const csv = await api.get<string>('/drift-report', { token: north, headers: { accept: 'text/csv' } });
    expect(csv.body).toContain(northChild.ref);
    expect(csv.body).not.toContain(southChild.ref);

    for (const page of ['/panel/children', '/panel/drift', '/panel/drift.csv']) {
      const body = String((await api.get(page, { token: north })).body);
      expect({ page, north: body.includes(northChild.ref) || body.includes('Nora Northcote') }).toEqual({
        page,
        north: true,
      });
      expect({ page, south: body.includes(southChild.ref) || body.includes('Sid Southgate') }).toEqual({
        page,
        south: false,
      });
    }

    const panelFound = await api.get<{ children: { childId: string }[] }>('/children', { token: panel });
    expect(panelFound.body.children.map((c) => c.childId).sort()).toEqual(
      [northChild.childId, southChild.childId].sort(),
    );
  });

  it('Given the North social worker, When they register a child into South, Then 400 ownTeam on team and nothing is recorded; the form offers North only', async () => {
    const refused = await api.post<{ errors: { field: string; rule: string; message: string }[] }>(
      '/children',
      registerBody({ childRef: 'SC-OWN', team: SOUTH, socialWorker: 'sw.south' }),
      { token: north },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'team',
        rule: 'ownTeam',
        message: `team must be one of your teams (${NORTH}), not "${SOUTH}": a social worker registers children into their own teams`,
      },
    ]);
    const found = await api.get<{ children: unknown[] }>('/children?q=SC-OWN', { token: admin });
    expect(found.body.children).toEqual([]);

    const form = String((await api.get('/panel/children/new', { token: north })).body);
    expect(form).toContain(`<option value="${NORTH}"`);
    expect(form).not.toContain(`<option value="${SOUTH}"`);
  });

  it('Given a South child, When the North social worker registers a child under its id, Then the answer is the scope’s 404 (not "already registered"), nothing is recorded and the refusal is in the trail', async () => {
    const refused = await api.post(
      '/children',
      registerBody({
        childId: southChild.childId,
        childRef: 'SC-PROBE',
        team: NORTH,
        socialWorker: 'sw.north',
      }),
      { token: north },
    );
    const unknownId = 'f0000000-0000-4000-8000-00000000000a';
    const unknown = await api.get(`/children/${unknownId}`, { token: north });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body).split(southChild.childId).join('<id>')).toBe(
      JSON.stringify(unknown.body).split(unknownId).join('<id>'),
    );
    // The South worker, whose child it is, is still told it is registered (no secret to keep).
    const own = await api.post<{ rule: string }>(
      '/children',
      registerBody({
        childId: southChild.childId,
        childRef: 'SC-PROBE',
        team: SOUTH,
        socialWorker: 'sw.south',
      }),
      { token: south },
    );
    expect({ status: own.status, rule: own.body.rule }).toEqual({
      status: 422,
      rule: 'child-already-registered',
    });
    const events = await api.get<{ totalEvents: string }>(
      `/children/${southChild.childId}/events?pageSize=1`,
      {
        token: auditor,
      },
    );
    expect(events.body.totalEvents).toBe('2');
    const trail = await api.get<{
      entries: { readBy: string; view: string; query?: Record<string, string> }[];
    }>(`/audit/access-log?childId=${southChild.childId}`, { token: auditor });
    expect(trail.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          readBy: 'sw.north',
          view: 'refused',
          query: { method: 'POST', route: '/children', rule: 'socialWorkerScope' },
        }),
      ]),
    );
  });

  it('Given a South child’s reference and UPN, When the North social worker registers a child with either, Then the uniqueness refusal (409) stands and is in the trail under the id being registered', async () => {
    const southBody = registerBody({ childRef: southChild.ref });
    const probes = [
      {
        id: 'f0000000-0000-4000-8000-0000000000b1',
        body: { childRef: southChild.ref },
        rule: 'child-ref-in-use',
      },
      {
        id: 'f0000000-0000-4000-8000-0000000000b2',
        body: { childRef: 'SC-UPNP', upn: southBody.upn },
        rule: 'upn-in-use',
      },
    ];
    for (const probe of probes) {
      const refused = await api.post<{ rule: string }>(
        '/children',
        registerBody({ childId: probe.id, team: NORTH, socialWorker: 'sw.north', ...probe.body }),
        { token: north },
      );
      expect({ rule: probe.rule, status: refused.status, got: refused.body.rule }).toEqual({
        rule: probe.rule,
        status: 409,
        got: probe.rule,
      });
      const trail = await api.get<{
        entries: { readBy: string; view: string; query?: Record<string, string> }[];
      }>(`/audit/access-log?childId=${probe.id}`, { token: auditor });
      expect({ rule: probe.rule, entries: trail.body.entries }).toEqual({
        rule: probe.rule,
        entries: [
          expect.objectContaining({
            readBy: 'sw.north',
            view: 'refused',
            query: { method: 'POST', route: '/children', rule: probe.rule },
          }),
        ],
      });
    }
  });

  it('Given the North social worker, When they register a child with the team left empty, Then 400 naming team as missing (the validation’s rule), not another team’s', async () => {
    const refused = await api.post<{ errors: { field: string; rule: string; message: string }[] }>(
      '/children',
      registerBody({ childRef: 'SC-NOTEAM', team: '', socialWorker: 'sw.north' }),
      { token: north },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'team', rule: 'isNotEmpty', message: 'team should not be empty' },
    ]);
  });

  it('Given a South child re-allocated to North, Then the North social worker sees it and the South one no longer does', async () => {
    const moved = await childIn(api, south, SOUTH, 'sw.south', 'Rory Reallocated');
    const allocation = await api.post<{ globalPosition: string }>(
      `/children/${moved.childId}/allocation`,
      { effectiveDate: '2023-03-01', team: NORTH, socialWorker: 'sw.north' },
      { token: south },
    );
    expect(allocation.status).toBe(201);
    expect((await api.get(`/children/${moved.childId}`, { token: north })).status).toBe(200);
    expect((await api.get(`/panel/children/${moved.childId}`, { token: north })).status).toBe(200);
    expect((await api.get(`/children/${moved.childId}`, { token: south })).status).toBe(404);
    const southFound = await api.get<{ children: { childId: string }[] }>(
      `/children?minPosition=${allocation.body.globalPosition}`,
      { token: south },
    );
    expect(southFound.body.children.map((c) => c.childId)).not.toContain(moved.childId);
    const northFound = await api.get<{ children: { childId: string }[] }>('/children', { token: north });
    expect(northFound.body.children.map((c) => c.childId)).toContain(moved.childId);
  });

  it('Given a South child, When the South social worker allocates it to North with the allocation form, Then the answer says it was recorded and where the child went (not Page not found), and the allocation is recorded', async () => {
    const moved = await childIn(api, south, SOUTH, 'sw.south', 'Fern Formmoved');
    const url = `${app.baseUrl}/panel/children/${moved.childId}/record/allocation`;
    let opened = await fetch(url, { headers: { authorization: `Bearer ${south}` } });
    // The form opens on the read models: a 404 until they hold the child (bounded wait).
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; opened.status === 404 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      opened = await fetch(url, { headers: { authorization: `Bearer ${south}` } });
    }
    const hidden = Object.fromEntries(
      [...(await opened.text()).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const sent = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${south}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...hidden,
        effectiveDate: '2023-03-01',
        team: NORTH,
        socialWorker: 'sw.north',
      }).toString(),
    });
    const page = await sent.text();
    expect(sent.status).toBe(200);
    expect(page).toContain('Allocation recorded');
    expect(page).toContain(
      `Fern Formmoved (${moved.ref}) is allocated to ${NORTH} (sw.north) from 1 March 2023`,
    );
    expect(
      (await api.get<{ allocation: unknown }>(`/children/${moved.childId}`, { token: north })).body
        .allocation,
    ).toMatchObject({
      team: NORTH,
      socialWorker: 'sw.north',
    });
  });

  it('Given a South child whose fold the API keeps, When another process re-allocates it to North, Then the South worker’s next command answers as for an unknown child (404), records nothing and is in the trail; the North worker’s is recorded', async () => {
    const moved = await childIn(api, south, SOUTH, 'sw.south', 'Oswin Otherprocess');
    const review = { effectiveDate: '2023-03-03', participation: 'PN0' };
    const first = await api.post(`/children/${moved.childId}/reviews`, review, { token: south });
    expect(first.status).toBe(201); // the API now keeps the child's fold, allocated to South
    // Another process (a second API, the CLI) on the same file: the API has not seen its write.
    const other = new SqliteEventStore({ file: app.sqliteFile, synchronous: 'NORMAL' });
    try {
      const handler = recordJourneyHandler(new JourneyRepository(other, new EventEnvelopeFactory()));
      const reallocate = {
        type: 'ChangeAllocation',
        childId: moved.childId,
        effectiveDate: '2023-03-04',
        team: NORTH,
        socialWorker: 'sw.north',
        now: new Date().toISOString(),
        recordedBy: 'admin-user',
      } as unknown as JourneyCommand;
      const context = {
        now: reallocate.now,
        recordedBy: 'admin-user',
        correlationId: 'other',
        causationId: 'other',
      };
      await handler.execute(new RecordJourneyCommand(reallocate, { kind: 'none' }, context));
    } finally {
      await other.close();
    }
    const unknownId = 'f0000000-0000-4000-8000-00000000000e';
    const again = { effectiveDate: '2023-05-30', participation: 'PN0' };
    const refused = await api.post(`/children/${moved.childId}/reviews`, again, {
      token: south,
      headers: { 'x-correlation-id': 'stale-fold-refusal' },
    });
    const unknown = await api.post(`/children/${unknownId}/reviews`, again, { token: south });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body).split(moved.childId).join('<id>')).toBe(
      JSON.stringify(unknown.body).split(unknownId).join('<id>'),
    );
    const trail = await api.get<{
      entries: { readBy: string; view: string; correlationId?: string; query?: Record<string, string> }[];
    }>(`/audit/access-log?childId=${moved.childId}`, { token: auditor });
    expect(trail.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          readBy: 'sw.south',
          view: 'refused',
          query: { method: 'POST', route: '/children/:id/reviews', rule: 'socialWorkerScope' },
        }),
      ]),
    );
    const recorded = await api.post(`/children/${moved.childId}/reviews`, again, { token: north });
    expect(recorded.status).toBe(201);
    const events = await api.get<{ totalEvents: string }>(`/children/${moved.childId}/events?pageSize=1`, {
      token: auditor,
    });
    // Registered, care started, the first review, the other process's re-allocation, North's review.
    expect(events.body.totalEvents).toBe('5');
  });

  it('Given a social worker token for an id in no users file, Then no child is theirs: 401 (access-changed) before any scope', async () => {
    const stranger = tokenFor('social_worker', 'not-in-the-file');
    expect((await api.get(`/children/${northChild.childId}`, { token: stranger })).status).toBe(401);
    expect((await api.get('/children', { token: stranger })).status).toBe(401);
  });
});

describe('socialWorkerScope "authority": every social worker reads and records for every child, as before', () => {
  let dir: string;
  let app: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-scope-authority-'));
    app = await startScopedApp(dir, { socialWorkerScope: 'authority' });
    api = apiClient(app.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a South child, When the North social worker reads, records, searches and registers into South, Then all are answered', async () => {
    const southChild = await childIn(api, north, SOUTH, 'sw.south', 'Sid Southgate');
    expect((await api.get(`/children/${southChild.childId}`, { token: north })).status).toBe(200);
    expect((await api.get(`/panel/children/${southChild.childId}`, { token: north })).status).toBe(200);
    const review = await api.post(
      `/children/${southChild.childId}/reviews`,
      { effectiveDate: '2023-03-02', participation: 'PN0' },
      { token: north },
    );
    expect(review.status).toBe(201);
    const found = await api.get<{ children: { childId: string }[] }>(
      `/children?minPosition=${String((review.body as { globalPosition: string }).globalPosition)}`,
      { token: north },
    );
    expect(found.body.children.map((c) => c.childId)).toEqual([southChild.childId]);
    const drift = await api.get<{ children: { childId: string }[] }>('/drift-report', { token: north });
    expect(drift.body.children.map((c) => c.childId)).toEqual([southChild.childId]);
  });
});

describe('the demo (no users file, default settings): sw.demo and sw.other.demo split the teams', () => {
  let app: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    app = await withEnv({ CARE_JOURNEY_USERS: undefined, CARE_JOURNEY_AUTHORITY: undefined }, () =>
      startTestApp(),
    );
    api = apiClient(app.baseUrl);
    await seedStore(app.store, { children: 40, seed: 'scope-demo' });
  }, 60_000);
  afterAll(() => app?.close());

  it('Given the synthetic authority, When each demo social worker lists children, Then sw.demo has the first team’s, sw.other.demo the rest, the panel all', async () => {
    const head = String(await app.store.headPosition());
    const list = async (token: string) =>
      (
        await api.get<{ children: { childId: string; team?: string }[] }>(
          `/children?pageSize=200&minPosition=${head}`,
          { token },
        )
      ).body.children;
    const all = await list(tokenFor('panel_member', 'panel.demo'));
    const mine = await list(tokenFor('social_worker', 'sw.demo'));
    const others = await list(tokenFor('social_worker', 'sw.other.demo'));
    expect(mine.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(mine.map((c) => c.team))).toEqual(new Set([NORTH]));
    expect(others.some((c) => c.team === NORTH)).toBe(false);
    expect(mine.length + others.length).toBe(all.length);
  });

  it('Given the measures, When sw.demo (North) reads the children behind each figure (API JSON and CSV, panel pages), Then only North children are listed, with the count of the rest; the figures and the panel’s lists are the authority’s', async () => {
    const head = String(await app.store.headPosition());
    const panelToken = tokenFor('panel_member', 'panel.demo');
    const sw = tokenFor('social_worker', 'sw.demo');
    const everyone = await api.get<{ children: { childId: string; team: string }[] }>(
      `/children?pageSize=200&minPosition=${head}`,
      { token: panelToken },
    );
    const teamOf = new Map(everyone.body.children.map((c) => [c.childId, c.team]));
    const now = new Date();
    const yearEnding = `${now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1}-03-31`;
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    // The authority's lists name the column childId, the read models' child_id.
    const csvIds = (csv: string) =>
      (parse(csv, { columns: true }) as Record<string, string>[]).map((row) => row.child_id ?? row.childId);
    const pageIds = (page: string) => [...page.matchAll(/data-child="([^"]+)"/g)].map((m) => m[1]);
    const outsideOnPage = (page: string) => {
      const said = /id="outside-your-teams">([\d,]+) child/.exec(page)?.[1];
      return said === undefined ? 0 : Number(said.replace(/,/g, ''));
    };
    type Read = { ids: string[]; outside: number; figure?: unknown };
    const lists: Record<string, (token: string) => Promise<Read>> = {};
    for (const measure of [
      'looked-after',
      'started',
      'ceased',
      'location',
      'spend',
      'three-plus-placements',
    ]) {
      const path = `/measures/${measure}/children?from=2000-01&to=${lastMonth}`;
      lists[path] = async (token) => {
        const { body } = await api.get<{
          figure: unknown;
          children: { childId: string }[];
          childrenOutsideYourTeams: number;
        }>(path, { token });
        return {
          ids: body.children.map((c) => c.childId),
          outside: body.childrenOutsideYourTeams,
          figure: body.figure,
        };
      };
      lists[`${path}&format=csv`] = async (token) => {
        const answer = await api.get<string>(`${path}&format=csv`, { token });
        return {
          ids: csvIds(answer.body),
          outside: Number(answer.headers.get('children-outside-your-teams')),
        };
      };
    }
    for (const id of ['ST1', 'ST2', 'ST3'] as const)
      lists[`/stability ${id}`] = async (token) => {
        const { body } = await api.get<{
          measures: {
            measure: string;
            numerator: number;
            denominator: number;
            children: { childId: string }[];
            childrenOutsideYourTeams: number;
          }[];
        }>(`/stability?yearEnding=${yearEnding}&pageSize=1000`, { token });
        const m = body.measures.find((x) => x.measure === id);
        if (!m) throw new Error(`no ${id}`);
        return {
          ids: m.children.map((c) => c.childId),
          outside: m.childrenOutsideYourTeams,
          figure: [m.numerator, m.denominator],
        };
      };
    lists['/stability csv'] = async (token) => {
      const answer = await api.get<string>(`/stability?yearEnding=${yearEnding}`, {
        token,
        headers: { accept: 'text/csv' },
      });
      return {
        ids: [...new Set(csvIds(answer.body))],
        outside: Number(answer.headers.get('children-outside-your-teams')),
      };
    };
    const permanence = `/permanence?from=2000-01-01&to=${yearEnding}`;
    lists[permanence] = async (token) => {
      const { body } = await api.get<{
        byMilestone: unknown;
        rows: { childId: string }[];
        childrenOutsideYourTeams: number;
      }>(`${permanence}&pageSize=1000`, { token });
      return {
        ids: [...new Set(body.rows.map((r) => r.childId))],
        outside: body.childrenOutsideYourTeams,
        figure: body.byMilestone,
      };
    };
    lists[`${permanence} csv`] = async (token) => {
      const answer = await api.get<string>(permanence, { token, headers: { accept: 'text/csv' } });
      return {
        ids: [...new Set(csvIds(answer.body))],
        outside: Number(answer.headers.get('children-outside-your-teams')),
      };
    };
    lists['/scorecard'] = async (token) => {
      const { body } = await api.get<{
        A1: { numerator: number; denominator: number; childIds: string[] };
        children: { childId: string }[];
        childrenOutsideYourTeams: number;
      }>(`/scorecard?periodEnding=${yearEnding}&pageSize=1000`, { token });
      // An indicator's childIds are children named too: the user's scope, as the rows.
      for (const id of body.A1.childIds) expect(body.children.map((c) => c.childId)).toContain(id);
      return {
        ids: body.children.map((c) => c.childId),
        outside: body.childrenOutsideYourTeams,
        figure: [body.A1.numerator, body.A1.denominator],
      };
    };
    lists['/scorecard csv'] = async (token) => {
      const answer = await api.get<string>(`/scorecard?periodEnding=${yearEnding}`, {
        token,
        headers: { accept: 'text/csv' },
      });
      return { ids: csvIds(answer.body), outside: Number(answer.headers.get('children-outside-your-teams')) };
    };
    for (const id of ['ST1', 'ST2', 'ST3', 'A1', 'A2', 'A3', 'A10'])
      lists[`/panel/measures/${id}`] = async (token) => {
        const page = String(
          (await api.get(`/panel/measures/${id}?yearEnding=${yearEnding}`, { token })).body,
        );
        const figures = /<div id="indicator-figures">[\s\S]*?<\/dl>/.exec(page)?.[0];
        return { ids: pageIds(page), outside: outsideOnPage(page), figure: figures };
      };

    let othersSeenByPanel = 0;
    let northSeenBySw = 0;
    for (const [where, read] of Object.entries(lists)) {
      const all = await read(panelToken);
      const mine = await read(sw);
      const north = all.ids.filter((id) => teamOf.get(id) === NORTH);
      const elsewhere = new Set(all.ids.filter((id) => teamOf.get(id) !== NORTH));
      othersSeenByPanel += elsewhere.size;
      northSeenBySw += mine.ids.length;
      expect({ where, teams: [...new Set(mine.ids.map((id) => teamOf.get(id)))] }).toEqual({
        where,
        teams: mine.ids.length ? [NORTH] : [],
      });
      expect({ where, mine: [...mine.ids].sort(), outside: mine.outside }).toEqual({
        where,
        mine: [...north].sort(),
        outside: elsewhere.size,
      });
      expect({ where, panelOutside: all.outside, figure: mine.figure }).toEqual({
        where,
        panelOutside: 0,
        figure: all.figure,
      });
    }
    // Not vacuous: the lists did hold other teams' children, and North ones.
    expect(othersSeenByPanel).toBeGreaterThan(0);
    expect(northSeenBySw).toBeGreaterThan(0);
  });
});
