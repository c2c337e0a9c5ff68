import { join } from 'node:path';
import { jest } from '@jest/globals';
import {
  fromStoredEnvelope,
  JOURNEY_SCHEMAS,
  journeyStream,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendEvents, tempDir } from './log-fixtures';

describe('appendEvents: the schema version a fixture is written at', () => {
  const temp = tempDir('log-fixtures-');
  afterAll(() => temp.remove());
  afterEach(() => jest.restoreAllMocks());

  it('Given a type raised to version 2, When a fixture of the current shape is appended and read back, Then it is stamped 2 and folds as given (not upcast again)', async () => {
    jest.replaceProperty(JOURNEY_SCHEMAS, 'current', { StatutoryReviewHeld: 2 });
    jest.replaceProperty(JOURNEY_SCHEMAS, 'upcasters', {
      StatutoryReviewHeld: {
        1: ({ participation, ...data }) => ({ ...data, participationCode: participation }),
      },
    });
    const review = {
      type: 'StatutoryReviewHeld',
      id: 'r1',
      recordedAt: '2024-06-04T10:00:00Z',
      recordedBy: 'spec',
      data: { childId: 'c1', effectiveDate: '2024-06-03', participationCode: 'PN1' },
    } as unknown as StoredJourneyEvent;
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.db') });
    try {
      await appendEvents(store, 'c1', [review]);
      const read = [];
      for await (const event of store.readStream(journeyStream('c1'))) read.push(event);
      const [stored] = read;
      expect(stored.metadata.schemaVersion).toBe(2);
      expect(fromStoredEnvelope(stored).data).toEqual(review.data);
    } finally {
      await store.close();
    }
  });
});
