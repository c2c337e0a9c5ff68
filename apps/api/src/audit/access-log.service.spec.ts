import { BadRequestException } from '@nestjs/common';
import type { EventStore, ReadAllOptions, RecordedEvent } from '@care-journey/event-store';
import { EventStoreDbEventStore } from '../../../../libs/event-store/src/eventstoredb/esdb-event-store';
import { InProcessEsdbClient } from '../../../../libs/event-store/src/eventstoredb/testing/in-process-esdb-client.spec-helper';
import { ACCESS_LOG_SCAN_PER_PAGE, AccessLogService } from './access-log.service';

/** A trail of `count` reads (child c<n % 3>, from position 1), counting how many events are pulled. */
function trailOf(count: number) {
  const pulled = { events: 0, options: undefined as ReadAllOptions | undefined };
  const store = {
    async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
      pulled.options = options;
      const start = Number(options.fromPosition ?? 0n) + 1;
      const end = Math.min(count, start - 1 + (options.maxCount ?? Number.POSITIVE_INFINITY));
      for (let position = start; position <= end; position++) {
        pulled.events += 1;
        yield {
          id: `e${position}`,
          type: 'CaseHistoryRead',
          streamId: 'access-log-2026-11-27',
          revision: BigInt(position - 1),
          globalPosition: BigInt(position),
          data: { childId: `c${position % 3}`, role: 'auditor', view: 'history' },
          metadata: { recordedAt: '2026-11-27T10:00:00.000Z', recordedBy: 'ann', schemaVersion: 1 },
        };
      }
    },
  };
  return { service: new AccessLogService(store as unknown as EventStore), pulled };
}

describe('AccessLogService.page', () => {
  it('Given a long trail, When a page of 10 is asked for, Then it stops reading the log once the page is full', async () => {
    const { service, pulled } = trailOf(50_000);
    const page = await service.page({}, { limit: 10 });
    expect(page.entries.map((e) => e.position)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(page.next).toBe('10');
    expect(pulled.events).toBe(10);
  });

  it('Given a child whose reads are rare, Then a request examines at most the scan budget and says where to go on', async () => {
    const { service, pulled } = trailOf(ACCESS_LOG_SCAN_PER_PAGE * 3);
    const page = await service.page({ childId: 'nobody' }, { after: 5n, limit: 10 });
    expect(page.entries).toEqual([]);
    expect(page.next).toBe(String(5 + ACCESS_LOG_SCAN_PER_PAGE));
    expect(pulled.options?.fromPosition).toBe(5n);
    expect(pulled.events).toBe(ACCESS_LOG_SCAN_PER_PAGE);
  });

  it('Given the end of the trail is reached, Then there is no next', async () => {
    const { service } = trailOf(7);
    const page = await service.page({ childId: 'c1' }, { limit: 10 });
    expect(page.entries.map((e) => e.position)).toEqual(['1', '4', '7']);
    expect(page.next).toBeUndefined();
  });

  it('Given an EventStoreDB log, When `after` is not a position it handed out, Then the page is refused as bad input naming after (not a 500)', async () => {
    const store = new EventStoreDbEventStore(new InProcessEsdbClient());
    try {
      const written = await store.appendToStream(
        'access-log-2026-11-27',
        [
          {
            id: '4f0c2b8e-1d7a-4c3e-9a51-6b2d8e7f1a90',
            type: 'CaseHistoryRead',
            data: { childId: 'c1', role: 'auditor', view: 'history' },
            metadata: { recordedAt: '2026-11-27T10:00:00.000Z', recordedBy: 'ann', schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      const service = new AccessLogService(store);
      expect((await service.page({}, { after: written.globalPosition, limit: 10 })).entries).toEqual([]);
      const refused = await service
        .page({}, { after: written.globalPosition - 1n, limit: 10 })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(BadRequestException);
      expect((refused as BadRequestException).getResponse()).toMatchObject({
        errors: [{ field: 'after', rule: 'isLogPosition' }],
      });
    } finally {
      await store.close();
    }
  });
});
