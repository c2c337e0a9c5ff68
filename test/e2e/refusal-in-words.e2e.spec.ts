import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { JourneyQueries } from '../../apps/api/src/projections/journey-queries';
import { DEMO_PASSWORD } from '../../apps/api/src/web/auth/user-directory';
import { apiClient, type ApiClient } from './support/http-client';
import { eventCount, newChild } from './support/journey-setup';
import { startTestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface PageAnswer {
  status: number;
  html: string;
}

/** The hidden inputs of the page's form that posts to `action`. */
function hiddenFields(html: string, action: string): Record<string, string> {
  const forms = html.match(/<form method="post" action="[^"]*"[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => /action="([^"]*)"/.exec(f)?.[1].includes(action)) ?? '';
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Withdrawing a start of care that a plan and a review rest on (web review #5): the web form shows
 * the refusal in the error summary, about the entry (not against the reason box), names the entries
 * by type and date with no ids or rule ids, and says to withdraw them first; the API's JSON keeps the
 * rule and the other entries' ids for clients. Real app over HTTP on a SQLite file; nothing recorded.
 */
describe('a refused withdrawal, in words', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let api: ApiClient;
  const cookies = new Map<string, string>();
  const worker = { token: tokenFor('social_worker', 'alice') };

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
    return { status: response.status, html: await response.text() };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-refusal-words-'));
    ({ app, baseUrl } = await startTestApp({ sqliteFile: join(dir, 'journeys.db') }));
    api = apiClient(baseUrl);
    const login = await browse('/login');
    const signedIn = await browse('/login', {
      ...hiddenFields(login.html, '/login'),
      username: 'sw.demo',
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(303);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** In care from 6 February 2023, a plan on 1 March 2023 and a review on 5 April 2023. */
  async function childWithPlanAndReview(): Promise<{ childId: string; ids: Record<string, string> }> {
    const childId = await newChild(api);
    const plan = await api.post(
      `/children/${childId}/permanence-plan`,
      { effectiveDate: '2023-03-01', route: 'adoption' },
      worker,
    );
    expect({ status: plan.status, body: plan.body }).toMatchObject({ status: 201 });
    const review = await api.post(
      `/children/${childId}/reviews`,
      { effectiveDate: '2023-04-05', participation: 'PN0' },
      worker,
    );
    expect({ status: review.status, body: review.body }).toMatchObject({ status: 201 });
    const log = await api.get<{ items: { id: string; type: string }[] }>(
      `/children/${childId}/events?pageSize=50`,
      { token: tokenFor('auditor') },
    );
    const ids = Object.fromEntries(log.body.items.map((e) => [e.type, e.id]));
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    await app.get(JourneyQueries).waitFor(head?.toString());
    return { childId, ids };
  }

  it('Given a plan and a review in the only period of care, When the start of care is withdrawn on the web form, Then the summary says so in words, links to the entry, marks no field, and nothing is recorded', async () => {
    const { childId, ids } = await childWithPlanAndReview();
    const before = await eventCount(api, childId);
    const formPath = `/panel/children/${childId}/record/withdraw`;
    const opened = await browse(`${formPath}?entry=${ids['PeriodOfCareStarted']}`);
    expect(opened.status).toBe(200);
    const refused = await browse(formPath, {
      ...hiddenFields(opened.html, '/record/'),
      reason: 'Recorded for the wrong child',
    });
    expect(refused.status).toBe(422);
    const summary = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(
      refused.html,
    )?.[1];
    expect(summary).toMatch(
      /<li><a href="#corrected-entry">The start of care on 6 February 2023 cannot be withdrawn: the permanence plan on 1 March 2023 would then be .*Withdraw the permanence plan on 1 March 2023 and the statutory review on 5 April 2023 first, or correct them if they should stay\.<\/a><\/li>/,
    );
    expect(summary).not.toMatch(UUID);
    expect(summary).not.toMatch(/\(rule |permanence-plan-outside-period-of-care|API/);
    // The reason was fine: not marked in error, and kept as typed.
    expect(refused.html).not.toContain('id="reason-error"');
    expect(refused.html).toContain('Recorded for the wrong child</textarea>');
    expect(await eventCount(api, childId)).toBe(before);
  });

  it('Given the same child, When the start of care is retracted over the API, Then the 422 keeps the rule and the blocking entries’ ids for clients, and the message is in words', async () => {
    const { childId, ids } = await childWithPlanAndReview();
    const refused = await api.post<Record<string, unknown>>(
      `/children/${childId}/corrections/retract`,
      { retractedEventId: ids['PeriodOfCareStarted'], reason: 'Recorded for the wrong child' },
      worker,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      rule: 'permanence-plan-outside-period-of-care',
      entries: [ids['PermanencePlanSet'], ids['StatutoryReviewHeld']],
    });
    expect(refused.body).not.toHaveProperty('field');
    expect(String(refused.body['message'])).toMatch(
      /^The start of care on 6 February 2023 cannot be withdrawn: /,
    );
    expect(String(refused.body['message'])).not.toMatch(UUID);
  });
});
