import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { JourneyQueries } from '../../apps/api/src/projections/journey-queries';
import { DEMO_PASSWORD } from '../../apps/api/src/web/auth/user-directory';
import { apiClient, type ApiClient } from './support/http-client';
import { moveBody } from './support/journey-bodies';
import { eventCount, newChild } from './support/journey-setup';
import { startTestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/** A form as the browser has it: where it posts and its fields, hidden ones included. */
interface OpenForm {
  action: string;
  fields: Record<string, string>;
}

interface PageAnswer {
  status: number;
  location: string | null;
  html: string;
}

/** The hidden inputs of the page's form that posts to `action` (the record form unless told). */
function hiddenFields(html: string, action = '/record/'): Record<string, string> {
  const forms = html.match(/<form method="post" action="[^"]*"[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => /action="([^"]*)"/.exec(f)?.[1].includes(action)) ?? '';
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
}

/** A placement change as a social worker fills it in on the form. */
const placementChange = (date: string, provider = 'PR4'): Record<string, string> => ({
  effectiveDate: date,
  'placement.placementType': 'U6',
  'placement.provider': provider,
  'placement.postcode': 'LS2 7AB',
  'placement.inArea': 'true',
  reasonForChange: 'CARPL',
  sameCarer: 'false',
});

/**
 * The record forms are exactly-once: each rendered form carries a key of its own, sent as the
 * command's Idempotency-Key. Signed in with a session cookie and CSRF token as a browser is, on
 * the real app over HTTP on a SQLite file (which outlives a restart of the app).
 */
describe('record forms: the same form sent again records once', () => {
  let dir: string;
  let file: string;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let api: ApiClient;
  let cookies: Map<string, string>;

  async function start(): Promise<void> {
    ({ app, baseUrl } = await startTestApp({ sqliteFile: file }));
    api = apiClient(baseUrl);
  }

  /** A browser's request: the cookies it holds, form-encoded body, redirects not followed. */
  async function browse(path: string, form?: Record<string, string>): Promise<PageAnswer> {
    const headers: Record<string, string> = {
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${baseUrl}${path}`, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    };
  }

  async function signIn(): Promise<void> {
    cookies = new Map();
    const login = await browse('/login');
    const signedIn = await browse('/login', {
      ...hiddenFields(login.html, '/login'),
      username: 'sw.demo',
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(303);
  }

  /** A child in care, in the read models (the forms are drawn from them). */
  async function childInCare(): Promise<string> {
    const childId = await newChild(api);
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    await app.get(JourneyQueries).waitFor(head?.toString());
    return childId;
  }

  async function openForm(childId: string, slug = 'placement-change'): Promise<OpenForm> {
    const page = await browse(`/panel/children/${childId}/record/${slug}`);
    expect(page.status).toBe(200);
    return { action: `/panel/children/${childId}/record/${slug}`, fields: hiddenFields(page.html) };
  }

  const send = (form: OpenForm, answers: Record<string, string>, override: Record<string, string> = {}) =>
    browse(form.action, { ...form.fields, ...answers, ...override });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-form-idempotency-'));
    file = join(dir, 'journeys.db');
    await start();
    await signIn();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const events = (childId: string) => eventCount(api, childId);

  it('draws a fresh key into every form it renders', async () => {
    const childId = await childInCare();
    const keys = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { fields } = await openForm(childId);
      expect(fields).toEqual({
        _csrf: expect.any(String),
        revision: '1',
        idempotencyKey: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        ),
      });
      keys.add(fields.idempotencyKey);
    }
    expect(keys.size).toBe(3);
  });

  it('the same form posted twice redirects to the same result and records one event, stored with its key', async () => {
    const childId = await childInCare();
    const form = await openForm(childId);
    const first = await send(form, placementChange('2023-03-15'));
    expect(first.status).toBe(303);
    expect(first.location).toMatch(
      new RegExp(`^/panel/children/${childId}\\?recorded=placement-change&position=\\d+$`),
    );
    const again = await send(form, placementChange('2023-03-15'));
    expect({ status: again.status, location: again.location }).toEqual({
      status: 303,
      location: first.location,
    });
    expect(await events(childId)).toBe(3);

    const history = await api.get<{ items: { type: string; metadata: Record<string, unknown> }[] }>(
      `/children/${childId}/events?pageSize=50`,
      { token: tokenFor('auditor') },
    );
    const moves = history.body.items.filter((e) => e.type === 'PlacementChanged');
    expect(moves).toHaveLength(1);
    expect(moves[0].metadata).toMatchObject({
      recordedBy: 'sw.demo',
      idempotency: {
        key: form.fields.idempotencyKey,
        // Keyed with the server's secret since session 11 (idempotency.ts: RequestHasher).
        requestHash: expect.stringMatching(/^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/),
      },
    });
  });

  it('a correction form posted twice (amend, withdraw) redirects to the same result and records one correction', async () => {
    const childId = await childInCare();
    const token = tokenFor('social_worker', 'alice');
    expect(
      (
        await api.post(
          `/children/${childId}/reviews`,
          { effectiveDate: '2023-03-01', participation: 'PN0' },
          { token },
        )
      ).status,
    ).toBe(201);
    const history = await api.get<{ items: { id: string; type: string }[] }>(
      `/children/${childId}/events?pageSize=50`,
      {
        token: tokenFor('auditor'),
      },
    );
    const review = history.body.items.find((e) => e.type === 'StatutoryReviewHeld')!;
    await app
      .get(JourneyQueries)
      .waitFor((await app.get<EventStore>(EVENT_STORE).headPosition())?.toString());
    for (const [slug, answers] of [
      [
        'amend',
        {
          'amendedData.effectiveDate': '2023-03-02',
          'amendedData.participation': 'PN0',
          reason: 'Wrong date keyed',
        },
      ],
      ['withdraw', { reason: 'Recorded on the wrong child' }],
    ] as const) {
      const page = await browse(`/panel/children/${childId}/record/${slug}?entry=${review.id}`);
      expect(page.status).toBe(200);
      const form = { action: `/panel/children/${childId}/record/${slug}`, fields: hiddenFields(page.html) };
      const first = await send(form, answers);
      expect(first.status).toBe(303);
      // Sent again after it was recorded: judged against the entry as the form saw it, so the same command.
      const again = await send(form, answers);
      expect({ status: again.status, location: again.location }).toEqual({
        status: 303,
        location: first.location,
      });
    }
    expect(await events(childId)).toBe(5);
  });

  it('copies of one form posted at the same moment (a double click) record one event and all land on the same page', async () => {
    const childId = await childInCare();
    const form = await openForm(childId);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send(form, placementChange('2023-03-15'))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(303));
    expect(new Set(answers.map((a) => a.location)).size).toBe(1);
    expect(await events(childId)).toBe(3);
  });

  it('is the API’s own Idempotency-Key: the same command sent to the API with the form’s key is answered with what the form recorded', async () => {
    const childId = await childInCare();
    const form = await openForm(childId);
    expect((await send(form, placementChange('2023-03-15'))).status).toBe(303);
    const viaApi = await api.post<{ events: { id: string }[] }>(
      `/children/${childId}/placement-changes`,
      moveBody('2023-03-15', 'U6', 'PR4', 'LS2 7AB'),
      {
        token: tokenFor('social_worker', 'sw.demo'),
        headers: { 'idempotency-key': form.fields.idempotencyKey },
      },
    );
    expect(viaApi.status).toBe(201);
    expect(await events(childId)).toBe(3);
  });

  it('the form’s key sent again with other answers gets the API’s message, records nothing, and comes back with a new key', async () => {
    const childId = await childInCare();
    const form = await openForm(childId);
    expect((await send(form, placementChange('2023-03-15'))).status).toBe(303);

    const changed = await send(form, placementChange('2023-03-16'));
    expect(changed.status).toBe(422);
    expect(await events(childId)).toBe(3);
    // Word for word what the API answers for the same key with other values.
    const fromApi = await api.post<{ message: string; rule: string }>(
      `/children/${childId}/placement-changes`,
      moveBody('2023-03-17', 'U6', 'PR4', 'LS2 7AB'),
      {
        token: tokenFor('social_worker', 'sw.demo'),
        headers: { 'idempotency-key': form.fields.idempotencyKey },
      },
    );
    expect(fromApi.status).toBe(422);
    expect(fromApi.body.rule).toBe('idempotency-key-reused');
    expect(changed.html).toContain('id="key-reused-form"');
    expect(changed.html).toContain(fromApi.body.message);
    expect(changed.html).toContain('Nothing was recorded');
    expect(changed.html).toContain('value="2023-03-16"');

    // The refilled form is a new one: a new key, against the journey as it is now.
    const refilled = hiddenFields(changed.html);
    expect(refilled.idempotencyKey).not.toBe(form.fields.idempotencyKey);
    expect(refilled.revision).toBe('2');
    const deliberate = await browse(form.action, { ...refilled, ...placementChange('2023-03-16') });
    expect(deliberate.status).toBe(303);
    expect(await events(childId)).toBe(4);
  });

  it('refuses a form without a key, or with a malformed one, naming the field; nothing is recorded and a fresh form comes back', async () => {
    const childId = await childInCare();
    const form = await openForm(childId);
    const { idempotencyKey: _drawn, ...withoutKey } = form.fields;
    for (const fields of [
      withoutKey,
      { ...withoutKey, idempotencyKey: '' },
      { ...withoutKey, idempotencyKey: 'has a space' },
      { ...withoutKey, idempotencyKey: 'k'.repeat(129) },
    ]) {
      const refused = await browse(form.action, { ...fields, ...placementChange('2023-03-15') });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('id="form-key-refused"');
      expect(refused.html).toMatch(/idempotencyKey (is missing|must be 1–128 visible ASCII characters)/);
      const fresh = hiddenFields(refused.html);
      expect(fresh.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(fresh.revision).toBe(form.fields.revision);
    }
    expect(await events(childId)).toBe(2);
  });

  it('stale forms are still refused, but a recorded form sent again after the child moved on still lands on its result', async () => {
    const childId = await childInCare();
    const mine = await openForm(childId);
    const theirs = await openForm(childId);
    const recorded = await send(theirs, placementChange('2023-03-10', 'PR1'));
    expect(recorded.status).toBe(303);

    // Opened before their entry: refused as stale, as often as it is re-posted.
    for (let i = 0; i < 2; i++) {
      const stale = await send(mine, placementChange('2023-03-15'));
      expect(stale.status).toBe(409);
      expect(stale.html).toContain('id="stale-form"');
    }
    expect(await events(childId)).toBe(3);

    // Their form sent again now that the journey has moved on: the first outcome, not a 409.
    const again = await send(theirs, placementChange('2023-03-10', 'PR1'));
    expect({ status: again.status, location: again.location }).toEqual({
      status: 303,
      location: recorded.location,
    });

    // A field error does not refresh the revision: the corrected form is still stale.
    const invalid = await send(mine, { ...placementChange('2023-03-15'), reasonForChange: 'NOPE' });
    expect(invalid.status).toBe(400);
    expect(hiddenFields(invalid.html).revision).toBe(mine.fields.revision);
    const corrected = await browse(mine.action, {
      ...hiddenFields(invalid.html),
      ...placementChange('2023-03-15'),
    });
    expect(corrected.status).toBe(409);
    expect(await events(childId)).toBe(3);

    // After the stale warning, sending the refilled form is a deliberate decision: recorded once.
    const refilled = hiddenFields(corrected.html);
    expect(refilled.revision).toBe('2');
    const deliberate = await browse(mine.action, { ...refilled, ...placementChange('2023-03-15') });
    expect(deliberate.status).toBe(303);
    expect((await browse(mine.action, { ...refilled, ...placementChange('2023-03-15') })).location).toBe(
      deliberate.location,
    );
    expect(await events(childId)).toBe(4);
  });

  it('a form sent again after the app restarts on the same file lands on the same result and records nothing', async () => {
    const childId = await childInCare();
    const form = await openForm(childId);
    const first = await send(form, placementChange('2023-03-15'));
    expect(first.status).toBe(303);
    await app.close();
    await start();
    const again = await send(form, placementChange('2023-03-15'));
    expect({ status: again.status, location: again.location }).toEqual({
      status: 303,
      location: first.location,
    });
    expect(await events(childId)).toBe(3);
  });
});
