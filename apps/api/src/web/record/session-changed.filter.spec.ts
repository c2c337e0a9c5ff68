import type { ArgumentsHost } from '@nestjs/common';
import type { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { USER_REQUEST_KEY } from '../../auth/current-user.decorator';
import type { Clock } from '../../infrastructure/clock';
import type { JourneyQueries } from '../../projections/journey-queries';
import { sessionFormToken } from '../auth/csrf';
import { FormTokenRefused } from '../auth/form-token-refused';
import { SessionChangedFormFilter } from './session-changed.filter';

const worker: AuthenticatedUser = { id: 'sw', name: 'Sam Worker', role: 'social_worker' };
const panel: AuthenticatedUser = { id: 'pm', name: 'Pat Panel', role: 'panel_member' };
const KEY = '6f1c1d0e-1b7a-4c55-9f51-3f7f2f0c8a11';
const SENT = {
  _csrf: 'token-of-the-session-before-xxxxxxxxxxxxxxxx',
  revision: '3',
  idempotencyKey: KEY,
  effectiveDate: '2025-03-04',
  participation: 'PN1',
};

/** Runs the filter on a refused POST of the review form; answers what was sent and what the trail got. */
async function refuse({
  user = worker as AuthenticatedUser | null,
  headers = { 'sec-fetch-site': 'same-origin' } as Record<string, string>,
  childId = 'child-1',
  known = true,
} = {}) {
  const sent = { status: 0, page: '' };
  const reads: unknown[] = [];
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    header() {
      return this;
    },
    send(body: string) {
      sent.page = body;
      return this;
    },
  };
  const request = {
    method: 'POST',
    url: `/panel/children/${childId}/record/review`,
    params: { id: childId, form: 'review' },
    body: SENT,
    headers: { ...headers, cookie: 'cj_session=the-new-session' },
    protocol: 'http',
    [USER_REQUEST_KEY]: user ?? undefined,
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  const queries = {
    summary: () => (known ? { name: 'Sam Taylor', childRef: 'LA-1' } : undefined),
    events: () => Promise.resolve(known ? [{}, {}, {}, {}, {}] : undefined),
  } as unknown as JourneyQueries;
  const clock = { now: () => '2026-11-27T12:00:00.000Z' } as Clock;
  const trail = {
    record: (...args: unknown[]) => Promise.resolve(void reads.push(args)),
  } as unknown as AccessLogRecorder;
  await new SessionChangedFormFilter(queries, clock, trail).catch(new FormTokenRefused(), host);
  return { ...sent, reads };
}

describe('SessionChangedFormFilter: a record form refused for an earlier session’s token', () => {
  it('Given a social worker sending from this service’s page, Then the form comes back as sent, with this session’s token, and the refill is a form read in the trail', async () => {
    const { status, page, reads } = await refuse();
    expect(status).toBe(403);
    expect(page).toContain('Your session changed: check the answers and send again');
    expect(page).toContain('Sam Taylor (LA-1)');
    expect(page).toContain('value="2025-03-04"');
    expect(page).toContain(`name="_csrf" value="${sessionFormToken('the-new-session')}"`);
    expect(page).not.toContain(SENT._csrf);
    // As opened: the revision it was opened on and its key (nothing was recorded under it).
    expect(page).toContain('name="revision" value="3"');
    expect(page).toContain(`name="idempotencyKey" value="${KEY}"`);
    expect(reads).toEqual([
      [worker, { childId: 'child-1', view: 'form', query: { form: 'review' } }, expect.any(String)],
    ]);
  });

  it('Given a form another site made the browser send (or one that says nothing of where it came from), Then the plain refusal, none of its answers, nothing in the trail', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' },
      { origin: 'https://elsewhere.example', host: 'cj.example' },
      {},
    ]) {
      const { status, page, reads } = await refuse({ headers });
      expect(status).toBe(403);
      expect(page).toContain('Your form was not sent');
      expect(page).not.toContain('2025-03-04');
      expect(page).not.toContain('Sam Taylor');
      expect(reads).toEqual([]);
    }
  });

  it('Given a user who may not record, or no user, Then the plain refusal', async () => {
    for (const user of [panel, null]) {
      const { page, reads } = await refuse({ user });
      expect(page).toContain('Your form was not sent');
      expect(page).not.toContain('Sam Taylor');
      expect(reads).toEqual([]);
    }
  });

  it('Given an address naming no child, or a child id the route would refuse, Then the plain refusal', async () => {
    for (const options of [{ known: false }, { childId: '../etc' }]) {
      const { page, reads } = await refuse(options);
      expect(page).toContain('Your form was not sent');
      expect(reads).toEqual([]);
    }
  });
});
