/**
 * Reads of children's personal data that the trail once missed (security review 2, D1–D4): the
 * read-model export of child summaries, the panel's children behind a measure, the child now
 * (`GET /children/:id`) and the record forms, and the 903 return; a child's flags and breach history
 * (`GET /children/:id/flags`, panel review F1); a page of the projection change feed (`GET /feed`,
 * session 16: data-protection known gap). Each leaves its entry in the
 * read-access trail (ids, never names); the same routes without personal data leave none. Real
 * HTTP app, real SQLite file.
 */
import type { Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { namedChildrenInCare } from './support/journey-setup';
import { ndjsonLines } from './support/ndjson-lines';
import { trailEntriesAfter, type TrailEntry as Entry } from './support/trail-entries';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const NAMES = ['Cora Trail', 'Cal Trail', 'Cleo Trail'];

describe('the read-access trail covers exports, measure drill-downs, the child now and record forms', () => {
  let t: TestApp;
  let api: ApiClient;
  const ids: string[] = [];
  let position = '0';
  const as = (role: Role, id = `${role}-coverage`) => ({ token: tokenFor(role, id) });

  /** Trail entries added by `read`, as an auditor lists the whole trail. */
  const entriesAfter = (read: () => Promise<unknown>): Promise<Entry[]> =>
    trailEntriesAfter(api, as('auditor', 'trail-reader').token, read);

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const made = await namedChildrenInCare(api, NAMES, 'COV');
    ids.push(...made.ids);
    position = made.position;
    // The read models hold every write before the pages are read (a reporting job's read: no entry).
    expect((await api.get(`/drift-report?minPosition=${position}`, as('reporting_job'))).status).toBe(200);
  }, 60_000);
  afterAll(() => t.close());

  describe('D1: GET /exports/read-models/:name', () => {
    it('Given an auditor exports the child summaries as CSV, Then one export entry names every child in it by id', async () => {
      const added = await entriesAfter(async () => {
        const csv = await api.get<string>('/exports/read-models/child-summaries?format=csv', as('auditor'));
        expect(csv.status).toBe(200);
        expect(csv.body).toContain('Cora Trail');
      });
      expect(added).toEqual([
        expect.objectContaining({
          readBy: 'auditor-coverage',
          role: 'auditor',
          childId: '*',
          view: 'export',
          query: { route: '/exports/read-models/child-summaries', format: 'csv' },
        }),
      ]);
      expect([...(added[0].childIds ?? [])].sort()).toEqual([...ids].sort());
      expect(JSON.stringify(added)).not.toMatch(/Cora|Cleo/);
    });

    it('records the NDJSON export for an admin too', async () => {
      const added = await entriesAfter(async () => {
        expect((await api.get('/exports/read-models/child-summaries', as('admin'))).status).toBe(200);
      });
      expect(added).toEqual([
        expect.objectContaining({
          role: 'admin',
          view: 'export',
          query: { route: '/exports/read-models/child-summaries', format: 'ndjson' },
        }),
      ]);
      expect(added[0].childIds).toHaveLength(ids.length);
    });

    it("records neither a reporting job's summaries (no names) nor the open flags (no names for anyone)", async () => {
      const added = await entriesAfter(async () => {
        const redacted = await api.get<string>('/exports/read-models/child-summaries', as('reporting_job'));
        expect(redacted.status).toBe(200);
        expect(redacted.body).not.toContain('Cora Trail');
        expect((await api.get('/exports/read-models/open-flags?format=csv', as('auditor'))).status).toBe(200);
      });
      expect(added).toEqual([]);
    });
  });

  describe("D2: the panel's children behind a measure, /panel/measures/:indicator", () => {
    it('Given a panel member opens ST1 for the year, Then one measures entry with the indicator, year, page and the ids shown', async () => {
      const added = await entriesAfter(async () => {
        const page = await api.get<string>('/panel/measures/ST1?yearEnding=2023-03-31', as('panel_member'));
        expect(page.status).toBe(200);
        expect(page.body).toContain('Cal Trail');
      });
      expect(added).toEqual([
        expect.objectContaining({
          role: 'panel_member',
          childId: '*',
          view: 'measures',
          query: { route: '/panel/measures/ST1', indicator: 'ST1', yearEnding: '2023-03-31', page: '1' },
        }),
      ]);
      expect([...(added[0].childIds ?? [])].sort()).toEqual([...ids].sort());
    });

    it("does not record a reporting job's page, which has no names", async () => {
      const added = await entriesAfter(async () => {
        const page = await api.get<string>('/panel/measures/ST1?yearEnding=2023-03-31', as('reporting_job'));
        expect(page.status).toBe(200);
        expect(page.body).not.toContain('Cal Trail');
      });
      expect(added).toEqual([]);
    });
  });

  describe('D3: the child now, GET /children/:id, and the record forms', () => {
    it("records each read of the child now for every role, one entry each (a reporting job's pseudonymised view too: review s15 F2)", async () => {
      for (const role of ['social_worker', 'panel_member', 'auditor', 'admin', 'reporting_job'] as const) {
        const added = await entriesAfter(async () => {
          const child = await api.get<{ child: { name?: string } }>(`/children/${ids[0]}`, as(role));
          expect(child.status).toBe(200);
          expect(child.body.child.name).toBe(role === 'reporting_job' ? undefined : 'Cora Trail');
        });
        expect(added).toEqual([
          expect.objectContaining({
            readBy: `${role}-coverage`,
            role,
            childId: ids[0],
            view: 'summary',
            query: { route: '/children/:id' },
          }),
        ]);
      }
    });

    it("Given a feed of ids, When each child is read, Then the trail has one summary entry per child and request, a reporting job's redacted view included; an unknown child none", async () => {
      const added = await entriesAfter(async () => {
        for (const id of ids) expect((await api.get(`/children/${id}`, as('panel_member'))).status).toBe(200);
        for (const id of ids)
          expect((await api.get(`/children/${id}`, as('reporting_job'))).status).toBe(200);
        expect((await api.get('/children/no-such-child', as('panel_member'))).status).toBe(404);
        expect((await api.get('/children/no-such-child', as('reporting_job'))).status).toBe(404);
      });
      expect(added.map((e) => [e.role, e.view, e.childId, e.readBy])).toEqual([
        ...ids.map((id) => ['panel_member', 'summary', id, 'panel_member-coverage']),
        ...ids.map((id) => ['reporting_job', 'summary', id, 'reporting_job-coverage']),
      ]);
    });

    it('records a correction form that pre-fills the registration (UPN, date of birth, postcode), and a plain record form', async () => {
      const events = await api.get<{ items: { id: string; type: string }[] }>(
        `/children/${ids[1]}/events`,
        as('auditor', 'events-reader'),
      );
      const registration = events.body.items.find((e) => e.type === 'ChildRegistered');
      expect(registration).toBeDefined();
      const amend = await entriesAfter(async () => {
        const form = await api.get<string>(
          `/panel/children/${ids[1]}/record/amend?entry=${registration?.id}`,
          as('social_worker'),
        );
        expect(form.status).toBe(200);
        expect(form.body).toContain('A123456789012');
      });
      expect(amend).toEqual([
        expect.objectContaining({
          role: 'social_worker',
          childId: ids[1],
          view: 'form',
          query: { form: 'amend', entry: registration?.id },
        }),
      ]);
      const review = await entriesAfter(async () => {
        expect((await api.get(`/panel/children/${ids[1]}/record/review`, as('admin'))).status).toBe(200);
      });
      expect(review).toEqual([
        expect.objectContaining({ role: 'admin', childId: ids[1], view: 'form', query: { form: 'review' } }),
      ]);
    });
  });

  describe("D5: a child's flags and flag history, GET /children/:id/flags (panel review F1)", () => {
    it('records each read, JSON and CSV, for every role that may read it, one flags entry each', async () => {
      for (const role of ['social_worker', 'panel_member', 'auditor', 'admin'] as const) {
        for (const format of ['json', 'csv'] as const) {
          const added = await entriesAfter(async () => {
            const flags = await api.get<{ childRef?: string } | string>(`/children/${ids[2]}/flags`, {
              ...as(role),
              headers: format === 'csv' ? { accept: 'text/csv' } : {},
            });
            expect(flags.status).toBe(200);
            if (format === 'json') expect(flags.body).toEqual(expect.objectContaining({ childId: ids[2] }));
            else expect(typeof flags.body).toBe('string');
          });
          expect(added).toEqual([
            expect.objectContaining({
              readBy: `${role}-coverage`,
              role,
              childId: ids[2],
              view: 'flags',
              query: {
                route: '/children/:id/flags',
                asAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
                format,
              },
            }),
          ]);
        }
      }
    });

    it("Given a panel member's web session cookie, When the flags are read as at a date, Then the read is in the child's trail with that date", async () => {
      const added = await entriesAfter(async () => {
        const flags = await api.get(`/children/${ids[2]}/flags?asAt=2024-01-31`, {
          headers: { cookie: `cj_session=${as('panel_member', 'panel-cookie').token}` },
        });
        expect(flags.status).toBe(200);
      });
      expect(added).toEqual([
        expect.objectContaining({
          readBy: 'panel-cookie',
          role: 'panel_member',
          childId: ids[2],
          view: 'flags',
          query: { route: '/children/:id/flags', asAt: '2024-01-31', format: 'json' },
        }),
      ]);
      const listed = await api.get<{ entries: Entry[] }>(
        `/audit/access-log?childId=${ids[2]}`,
        as('auditor'),
      );
      expect(listed.body.entries.some((e) => e.eventId === added[0].eventId)).toBe(true);
    });

    it('records nothing for a child that does not exist (404) or a reporting job, who may not read it (403)', async () => {
      const added = await entriesAfter(async () => {
        expect((await api.get('/children/no-such-child/flags', as('auditor'))).status).toBe(404);
        expect((await api.get(`/children/${ids[2]}/flags`, as('reporting_job'))).status).toBe(403);
      });
      expect(added).toEqual([]);
    });
  });

  describe('D4: the 903 return, GET /exports/903', () => {
    it('Given a reporting job takes the return, Then one export903 entry names the children in it', async () => {
      const added = await entriesAfter(async () => {
        const all = await api.get<{ tables: Record<string, string> }>(
          '/exports/903?yearEnding=2023-03-31',
          as('reporting_job'),
        );
        expect(all.status).toBe(200);
        // UPNs in the return (each child has its own: 903 rule 444).
        expect(all.body.tables.Header).toContain(registerBody({ childRef: 'COV-1' }).upn);
      });
      expect(added).toEqual([
        expect.objectContaining({
          readBy: 'reporting_job-coverage',
          role: 'reporting_job',
          childId: '*',
          view: 'export903',
          query: { route: '/exports/903', yearEnding: '2023-03-31' },
        }),
      ]);
      expect([...(added[0].childIds ?? [])].sort()).toEqual([...ids].sort());
    });

    it('records one table as a CSV file with the table asked for; a refused year records nothing', async () => {
      const one = await entriesAfter(async () => {
        expect((await api.get('/exports/903?yearEnding=2023-03-31&table=header', as('admin'))).status).toBe(
          200,
        );
      });
      expect(one).toEqual([
        expect.objectContaining({
          role: 'admin',
          view: 'export903',
          query: { route: '/exports/903', yearEnding: '2023-03-31', table: 'header' },
        }),
      ]);
      expect(one[0].childIds).toHaveLength(ids.length);
      const refused = await entriesAfter(async () => {
        const future = `${new Date().getUTCFullYear() + 2}-03-31`;
        expect((await api.get(`/exports/903?yearEnding=${future}`, as('reporting_job'))).status).toBe(400);
      });
      expect(refused).toEqual([]);
    });
  });

  describe('D6: GET /feed, the projection change feed (pseudonymised: child ids and references)', () => {
    type FeedLine = { childId?: string; checkpoint: string };
    const readFeed = async (query: string, role: Role) => {
      const response = await api.get<string>(`/feed?${query}`, as(role));
      expect(response.status).toBe(200);
      const lines = ndjsonLines<FeedLine>(response.body);
      const onPage = new Set(lines.flatMap((line) => (line.childId === undefined ? [] : [line.childId])));
      return { changes: lines.length - 1, onPage: [...onPage].sort(), checkpoint: lines.at(-1)!.checkpoint };
    };

    it('Given a reporting job reads a page of changes, Then one feed entry names every child on the page, by id', async () => {
      let page = { changes: 0, onPage: [] as string[], checkpoint: '' };
      const added = await entriesAfter(async () => {
        page = await readFeed('limit=1000', 'reporting_job');
      });
      expect(page.changes).toBeGreaterThan(0);
      expect(page.onPage).toEqual(expect.arrayContaining(ids));
      expect(added).toEqual([
        expect.objectContaining({
          readBy: 'reporting_job-coverage',
          role: 'reporting_job',
          childId: '*',
          view: 'feed',
          query: { route: '/feed', after: '0', limit: '1000', checkpoint: page.checkpoint },
        }),
      ]);
      expect([...(added[0].childIds ?? [])].sort()).toEqual(page.onPage);
      expect(JSON.stringify(added)).not.toMatch(/Cora|Cleo/);
    });

    it("names only the page's children: a page of one change names that change's child", async () => {
      let page = { changes: 0, onPage: [] as string[], checkpoint: '' };
      const added = await entriesAfter(async () => {
        page = await readFeed('limit=1', 'panel_member');
      });
      expect(page.changes).toBe(1);
      expect(added).toEqual([
        expect.objectContaining({ role: 'panel_member', view: 'feed', childIds: page.onPage }),
      ]);
      expect(page.onPage).toHaveLength(1);
    });

    it('Given a page with no changes (a poller at the head), Then nothing is recorded, as for /events', async () => {
      const { checkpoint } = await readFeed('limit=1000', 'auditor');
      const added = await entriesAfter(async () => {
        const empty = await readFeed(`after=${checkpoint}`, 'reporting_job');
        // (Its checkpoint may move on past trail entries the read models have passed since: no changes.)
        expect(empty.changes).toBe(0);
      });
      expect(added).toEqual([]);
    });
  });
});
