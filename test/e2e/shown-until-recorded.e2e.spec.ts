/**
 * Review s16-ofsted F2 over HTTP, on a real SQLite file: a first review held in time but recorded
 * long after its due date. Every report between the due date and the recording showed DR01 overdue;
 * afterwards it was never a breach, so the flag history has nothing, and the trace is
 * `shownUntilRecorded`: in GET /children/:id/flags, in the same route as known at an instant, and as a
 * `shown_until_recorded` line in its CSV. The app's recording clock is pinned to June 2025 for the
 * registration and the start of care (the Clock provider is there so tests can pin time), then runs
 * on: the review is recorded today.
 */
import { Clock } from '../../apps/api/src/infrastructure/clock';
import { todayInEngland } from '../../apps/api/src/projections/today';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Shown {
  ruleId: string;
  title: string;
  key: string;
  dueDate: string;
  metOn: string;
  closingEventId: string;
  shownFrom: string;
  recordedOn: string;
  correctedIntoTime?: Correction;
}
interface Correction {
  eventId: string;
  recordedOn: string;
  firstDate: string;
}
interface FlagsBody {
  flags: { ruleId: string }[];
  history: { ruleId: string }[];
  knownAt?: string;
  shownUntilRecorded: Shown[];
}

// In care from Monday 2 June 2025: the first review was due 20 working days later, on 30 June.
const STARTED = '2025-06-02';
const DUE = '2025-06-30';
const HELD_IN_TIME = '2025-06-25';

describe('a step held in time but recorded late, over HTTP (review s16-ofsted F2)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  let reviewId = '';
  let reviewPosition = '';
  let beforeReview = '';
  let afterReview = '';
  const worker = { token: tokenFor('social_worker', 'alice') };
  const panel = { token: tokenFor('panel_member') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(`${STARTED}T09:00:00.000Z`);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-SHOWN-1', effectiveDate: '2025-05-30' }),
      worker,
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    const started = await api.post(
      `/children/${childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: STARTED },
      worker,
    );
    expect(started.status).toBe(201);
    clock.mockRestore();
    beforeReview = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 15));
    const reviewed = await api.post<{ events: { id: string }[]; globalPosition: string }>(
      `/children/${childId}/reviews`,
      { effectiveDate: HELD_IN_TIME, participation: 'PN0' },
      worker,
    );
    expect(reviewed.status).toBe(201);
    reviewId = reviewed.body.events[0].id;
    reviewPosition = reviewed.body.globalPosition;
    afterReview = new Date().toISOString();
  }, 60_000);
  afterAll(() => t?.close());

  const flags = async (query: string): Promise<FlagsBody> => {
    const response = await api.get<FlagsBody>(`/children/${childId}/flags?${query}`, panel);
    expect(response.status).toBe(200);
    return response.body;
  };
  const dr01Trace = (): Shown => ({
    ruleId: 'DR01',
    title: 'First review overdue',
    key: STARTED,
    dueDate: DUE,
    metOn: HELD_IN_TIME,
    closingEventId: reviewId,
    shownFrom: '2025-07-01',
    recordedOn: todayInEngland(),
  });

  it('Given the review recorded today, When the flags are read, Then DR01 is neither open nor a breach, and shownUntilRecorded says it showed overdue from 1 July 2025 until today', async () => {
    const now = await flags(`minPosition=${reviewPosition}`);
    expect(now.flags.map((f) => f.ruleId)).not.toContain('DR01');
    expect(now.history.map((h) => h.ruleId)).not.toContain('DR01');
    expect(now.shownUntilRecorded).toEqual([dr01Trace()]);
  });

  it('When the flags are read as known after the review was recorded, Then the same trace is given', async () => {
    const known = await flags(`knownAt=${encodeURIComponent(afterReview)}`);
    expect(known.knownAt).toBe(afterReview);
    expect(known.shownUntilRecorded).toEqual([dr01Trace()]);
  });

  it('When the flags are read as known before the review was recorded, Then DR01 is open and there is no trace yet', async () => {
    const known = await flags(`knownAt=${encodeURIComponent(beforeReview)}`);
    expect(known.flags.map((f) => f.ruleId)).toContain('DR01');
    expect(known.shownUntilRecorded).toEqual([]);
  });

  it('When the flags are read as CSV, now and as known after the recording, Then a shown_until_recorded line gives the first day shown, the day the step was taken and, last, the day it was recorded', async () => {
    for (const query of [`minPosition=${reviewPosition}`, `knownAt=${encodeURIComponent(afterReview)}`]) {
      const csv = await api.get<string>(`/children/${childId}/flags?${query}`, {
        ...panel,
        headers: { accept: 'text/csv' },
      });
      expect(csv.status).toBe(200);
      const [header, ...lines] = csv.body.trim().split(/\r?\n/);
      expect(header.endsWith(',closed_by,rule_kind,days_open,recorded_on,corrected_on')).toBe(true);
      const shown = lines.filter((line) => line.includes(',shown_until_recorded,'));
      expect(shown).toHaveLength(1);
      const cells = Object.fromEntries(header.split(',').map((name, i) => [name, shown[0].split(',')[i]]));
      expect(cells).toMatchObject({
        kind: 'shown_until_recorded',
        rule: 'DR01',
        key: STARTED,
        due_date: DUE,
        days_overdue: '',
        opened_on: '2025-07-01',
        closed_on: HELD_IN_TIME,
        closed_by: 'step',
        rule_kind: 'step',
        days_open: '',
        recorded_on: todayInEngland(),
        corrected_on: '',
      });
    }
  });
});

describe('a late step corrected into time, over HTTP (session 17, after review s16-ofsted F2)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  let reviewId = '';
  let correctionId = '';
  let position = '';
  const worker = { token: tokenFor('social_worker', 'alice') };
  const panel = { token: tokenFor('panel_member') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(`${STARTED}T09:00:00.000Z`);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-SHOWN-2', effectiveDate: '2025-05-30' }),
      worker,
    );
    childId = registered.body.childId;
    await api.post(
      `/children/${childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: STARTED },
      worker,
    );
    // Keyed on 10 July as held that day: late, a breach in the history from then.
    clock.mockReturnValue('2025-07-10T09:00:00.000Z');
    const late = { effectiveDate: '2025-07-10', participation: 'PN0' };
    const reviewed = await api.post<{ events: { id: string }[] }>(
      `/children/${childId}/reviews`,
      late,
      worker,
    );
    expect(reviewed.status).toBe(201);
    reviewId = reviewed.body.events[0].id;
    clock.mockRestore();
    // Corrected today: it was held on 25 June, in time.
    const amended = await api.post<{ events: { id: string }[]; globalPosition: string }>(
      `/children/${childId}/corrections/amend`,
      {
        correctedEventId: reviewId,
        reason: 'date keyed wrongly',
        amendedData: { ...late, effectiveDate: HELD_IN_TIME },
      },
      worker,
    );
    expect(amended.status).toBe(201);
    correctionId = amended.body.events[0].id;
    position = amended.body.globalPosition;
  }, 60_000);
  afterAll(() => t?.close());

  it('When the flags are read, Then DR01 is no breach, and the trace says it showed open from 1 July to 10 July 2025 and as a breach until today’s correction; the CSV line gives corrected_on last', async () => {
    const now = await api.get<FlagsBody>(`/children/${childId}/flags?minPosition=${position}`, panel);
    expect(now.status).toBe(200);
    expect(now.body.history.map((h) => h.ruleId)).not.toContain('DR01');
    expect(now.body.shownUntilRecorded).toEqual([
      {
        ruleId: 'DR01',
        title: 'First review overdue',
        key: STARTED,
        dueDate: DUE,
        metOn: HELD_IN_TIME,
        closingEventId: reviewId,
        shownFrom: '2025-07-01',
        recordedOn: '2025-07-10',
        correctedIntoTime: { eventId: correctionId, recordedOn: todayInEngland(), firstDate: '2025-07-10' },
      },
    ]);
    const csv = await api.get<string>(`/children/${childId}/flags?minPosition=${position}`, {
      ...panel,
      headers: { accept: 'text/csv' },
    });
    const [header, ...lines] = csv.body.trim().split(/\r?\n/);
    const shown = lines.find((line) => line.includes(',shown_until_recorded,')) ?? '';
    const cells = Object.fromEntries(header.split(',').map((name, i) => [name, shown.split(',')[i]]));
    expect(cells).toMatchObject({
      opened_on: '2025-07-01',
      closed_on: HELD_IN_TIME,
      recorded_on: '2025-07-10',
      corrected_on: todayInEngland(),
    });
  });
});
