/**
 * Review D5: GET /audit/access-log is paged by the log's global position (`after` + `limit`,
 * `next` in the answer), so a long trail is never read or sent whole, and paging stays correct
 * while reads keep being recorded. The filters (childId, `*`, a child named in a list) apply per
 * page. Real HTTP app, real SQLite file.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Entry {
  position: string;
  eventId: string;
  childId: string;
  view: string;
  childIds?: string[];
}
interface Page {
  entries: Entry[];
  next?: string;
}

describe('GET /audit/access-log a page at a time', () => {
  let t: TestApp;
  let api: ApiClient;
  const ids: string[] = [];
  const auditor = { token: tokenFor('auditor', 'ann') };
  const worker = { token: tokenFor('social_worker', 'alice') };

  const page = async (query: string): Promise<Page> => {
    const response = await api.get<Page>(`/audit/access-log?${query}`, auditor);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Follows `next` until an answer has none (bounded: a runaway cursor fails the spec). */
  const allPages = async (query: string): Promise<Page[]> => {
    const pages: Page[] = [];
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const current = await page(`${query}${after === undefined ? '' : `&after=${after}`}`);
      pages.push(current);
      if (current.next === undefined) return pages;
      after = current.next;
    }
    throw new Error('paging did not end');
  };
  const readHistory = async (childId: string) =>
    expect((await api.get(`/children/${childId}/history?reason=paging`, auditor)).status).toBe(200);

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    let position = '0';
    for (const [i, name] of ['Pia Page', 'Pete Page'].entries()) {
      const registered = await api.post<{ childId: string; globalPosition: string }>(
        '/children',
        registerBody({ childRef: `PAG-${i + 1}`, name }),
        worker,
      );
      expect(registered.status).toBe(201);
      ids.push(registered.body.childId);
      position = registered.body.globalPosition;
    }
    // 5 reads of the first child, 2 of the second, then a search naming both.
    for (let i = 0; i < 5; i++) await readHistory(ids[0]);
    for (let i = 0; i < 2; i++) await readHistory(ids[1]);
    // minPosition: the search reads the read models, which must hold both registrations first.
    const search = await api.get<{ children: unknown[] }>(`/children?q=page&minPosition=${position}`, worker);
    expect(search.status).toBe(200);
    expect(search.body.children).toHaveLength(2);
  }, 60_000);
  afterAll(() => t.close());

  it('Given 8 entries, When read 3 at a time, Then pages of 3, 3, 2 in log order, the last without next', async () => {
    const whole = await page('limit=1000');
    expect(whole.entries).toHaveLength(8);
    expect(whole.next).toBeUndefined();
    const pages = await allPages('limit=3');
    expect(pages.map((p) => p.entries.length)).toEqual([3, 3, 2]);
    expect(pages[0].next).toBe(pages[0].entries[2].position);
    expect(pages.flatMap((p) => p.entries)).toEqual(whole.entries);
    const positions = whole.entries.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
  });

  it('Given reads recorded between two pages, Then the next page goes on where the first ended and includes them', async () => {
    const first = await page(`childId=${ids[1]}&limit=2`);
    expect(first.entries.map((e) => e.view)).toEqual(['history', 'history']);
    await readHistory(ids[1]); // the trail grows while the auditor pages
    const second = await page(`childId=${ids[1]}&limit=2&after=${first.next}`);
    // The search that named the child, then the new read: nothing skipped, nothing twice.
    expect(second.entries.map((e) => e.childId)).toEqual(['*', ids[1]]);
    expect(second.entries[0].childIds).toEqual(expect.arrayContaining(ids));
    expect(new Set([...first.entries, ...second.entries].map((e) => e.eventId)).size).toBe(4);
  });

  it('keeps the filters across pages: childId=* gives only reads of many children', async () => {
    const entries = (await allPages('childId=*&limit=1')).flatMap((p) => p.entries);
    expect(entries.map((e) => e.view)).toEqual(['search']);
  });

  it('uses a page of 100 by default', async () => {
    for (let i = 0; i < 95; i++) await readHistory(ids[0]);
    const first = await page('');
    expect(first.entries).toHaveLength(100);
    expect(first.next).toBe(first.entries[99].position);
    expect((await page(`after=${first.next}`)).entries.length).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['limit=0', 'limit', /at least 1/],
    ['limit=1001', 'limit', /at most 1000/],
    ['limit=ten', 'limit', /whole number/],
    ['after=-1', 'after', /global position/],
  ])('refuses %s with 400 naming the field', async (query, field, message) => {
    const refused = await api.get<{ errors: { field: string; message: string }[] }>(
      `/audit/access-log?${query}`,
      auditor,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
    );
  });
});
