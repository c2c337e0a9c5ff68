/**
 * Many reads at once each record their read-access trail entry before answering (review s18-es F3):
 * every entry goes to the day's one hash-chained stream, and concurrent reads used to race for its
 * tip with bounded retries, so a burst of ~100 answered some with 500. Real HTTP app, real SQLite
 * file, the default writer thread.
 */
import { ACCESS_LOG_STREAM_PREFIX, verifyChain } from '@care-journey/audit';
import type { RecordedEvent } from '@care-journey/event-store';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const READS = 128;

describe('a burst of concurrent reads and the read-access trail', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
  }, 60_000);
  afterAll(() => t.close());

  it(`Given ${READS} panel members read one child at once, Then every read answers 200 and leaves its own entry on an intact chain`, async () => {
    const answers = await Promise.all(
      Array.from({ length: READS }, (_, n) =>
        api.get(`/children/${childId}`, { token: tokenFor('panel_member', `panel-${n}`) }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const trail = await trailStreams();
    const readers = [...trail.values()]
      .flat()
      .map((event) => event.metadata.recordedBy)
      .filter((readBy) => readBy.startsWith('panel-'));
    expect(readers.sort()).toEqual(Array.from({ length: READS }, (_, n) => `panel-${n}`).sort());
    for (const events of trail.values()) expect(verifyChain(events)).toMatchObject({ ok: true });
  }, 60_000);

  /** Each trail day's stream as stored (a burst at midnight spans two). */
  async function trailStreams(): Promise<Map<string, RecordedEvent[]>> {
    const streams = new Map<string, RecordedEvent[]>();
    for await (const event of t.store.readAll({ filter: { streamPrefixes: [ACCESS_LOG_STREAM_PREFIX] } }))
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
    return streams;
  }
});
