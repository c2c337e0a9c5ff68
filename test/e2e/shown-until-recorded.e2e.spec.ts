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
import { childRecorder } from './support/child-recorder';
import { recordedOnDayBetween } from './support/one-day';
import { startCareBody } from './support/journey-bodies';
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

let t: TestApp;
let api: ApiClient;
const worker = { token: tokenFor('social_worker', 'alice') };
const panel = { token: tokenFor('panel_member') };
const children = childRecorder(() => api, worker);

beforeAll(async () => {
  t = await startTestApp();
  api = apiClient(t.baseUrl);
});
afterAll(() => t?.close());

/**
 * A child registered and in care from 2 June 2025, both recorded that day: the app's recording clock
 * is pinned to it, and left pinned for the caller to move on or restore.
 */
async function inCareFromJune(childRef: string): Promise<{ childId: string; clock: jest.SpyInstance }> {
  const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(`${STARTED}T09:00:00.000Z`);
  const childId = await children.register({ childRef, effectiveDate: '2025-05-30' });
  await children.record(childId, 'periods-of-care', { ...startCareBody, effectiveDate: STARTED });
  return { childId, clock };
}

/** The flags CSV's shown_until_recorded lines, each as its cells by column name. */
async function shownLines(childId: string, query: string): Promise<Record<string, string>[]> {
  const csv = await api.get<string>(`/children/${childId}/flags?${query}`, {
    ...panel,
    headers: { accept: 'text/csv' },
  });
  expect(csv.status).toBe(200);
  const [header, ...lines] = csv.body.trim().split(/\r?\n/);
  expect(header.endsWith(',closed_by,rule_kind,days_open,recorded_on,corrected_on')).toBe(true);
  return lines
    .filter((line) => line.includes(',shown_until_recorded,'))
    .map((line) => Object.fromEntries(header.split(',').map((name, i) => [name, line.split(',')[i]])));
}

describe('a step held in time but recorded late, over HTTP (review s16-ofsted F2)', () => {
  let childId = '';
  let reviewId = '';
  let reviewPosition = '';
  let beforeReview = '';
  let afterReview = '';
  /** The day in England the review was recorded: that day, even if a test reads after midnight. */
  let recordedOn = '';

  beforeAll(async () => {
    const inCare = await inCareFromJune('LA-SHOWN-1');
    childId = inCare.childId;
    inCare.clock.mockRestore();
    beforeReview = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 15));
    reviewId = await children.record(childId, 'reviews', {
      effectiveDate: HELD_IN_TIME,
      participation: 'PN0',
    });
    reviewPosition = children.position;
    afterReview = new Date().toISOString();
    recordedOn = recordedOnDayBetween(
      todayInEngland(new Date(beforeReview)),
      todayInEngland(new Date(afterReview)),
    );
  }, 60_000);

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
    recordedOn,
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
      const shown = await shownLines(childId, query);
      expect(shown).toHaveLength(1);
      const cells = shown[0];
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
        recorded_on: recordedOn,
        corrected_on: '',
      });
    }
  });
});

describe('a late step corrected into time, over HTTP (session 17, after review s16-ofsted F2)', () => {
  let childId = '';
  let reviewId = '';
  let correctionId = '';
  let position = '';
  /** The day in England the correction was recorded (as above). */
  let correctedOn = '';

  beforeAll(async () => {
    const inCare = await inCareFromJune('LA-SHOWN-2');
    childId = inCare.childId;
    // Keyed on 10 July as held that day: late, a breach in the history from then.
    inCare.clock.mockReturnValue('2025-07-10T09:00:00.000Z');
    const late = { effectiveDate: '2025-07-10', participation: 'PN0' };
    reviewId = await children.record(childId, 'reviews', late);
    inCare.clock.mockRestore();
    // Corrected today: it was held on 25 June, in time.
    const beforeCorrection = todayInEngland();
    correctionId = await children.record(childId, 'corrections/amend', {
      correctedEventId: reviewId,
      reason: 'date keyed wrongly',
      amendedData: { ...late, effectiveDate: HELD_IN_TIME },
    });
    correctedOn = recordedOnDayBetween(beforeCorrection, todayInEngland());
    position = children.position;
  }, 60_000);

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
        correctedIntoTime: { eventId: correctionId, recordedOn: correctedOn, firstDate: '2025-07-10' },
      },
    ]);
    const shown = await shownLines(childId, `minPosition=${position}`);
    expect(shown).toHaveLength(1);
    const cells = shown[0];
    expect(cells).toMatchObject({
      opened_on: '2025-07-01',
      closed_on: HELD_IN_TIME,
      recorded_on: '2025-07-10',
      corrected_on: correctedOn,
    });
  });
});
