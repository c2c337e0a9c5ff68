import { GENESIS_HASH, isRegistryStream, verifyChain } from '@care-journey/audit';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefStream } from '@care-journey/journey';
import { ChildRefRegistry } from './child-ref-registry';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { STALE_AFTER_MS, UpnRegistry, upnStream } from './upn-registry';

const recording = (at: string) => ({ recordedAt: at, recordedBy: 'sw.one' });
const stampOf = (event: { metadata: Record<string, unknown> }) =>
  event.metadata['integrity'] as { prev: string; hash: string } | undefined;

describe('registry streams are hash-chained as the journeys are (review s18-es F4)', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-chained-registry-', (opened) => (store = opened));

  it('Given a reference reserved, released and reserved again by another id, Then its stream verifies from revision 0', async () => {
    const refs = new ChildRefRegistry(store);
    expect(await refs.reserve('C1', 'ghost', recording('2026-01-05T09:00:00.000Z'))).toBe(true);
    await refs.release('C1', 'registration never sent', recording('2026-01-05T10:00:00.000Z'));
    expect(await refs.reserve('c1', 'child-b', recording('2026-01-05T11:00:00.000Z'))).toBe(true);

    const events = await eventsOf(store, childRefStream('C1'));
    expect(events.map((e) => e.type)).toEqual(['ChildRefReserved', 'ChildRefReleased', 'ChildRefReserved']);
    expect(stampOf(events[0])?.prev).toBe(GENESIS_HASH);
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 3 });
  });

  it('Given a UPN reserved, then taken over once stale, Then its stream verifies from revision 0', async () => {
    let now = Date.parse('2026-01-05T09:00:00.000Z');
    const upns = new UpnRegistry(store, () => now);
    expect(await upns.hold('A123456789012', 'ghost', recording(new Date(now).toISOString()))).toBe(true);
    now += STALE_AFTER_MS + 1;
    expect(await upns.hold('A123456789012', 'next', recording(new Date(now).toISOString()))).toBe(true);

    const events = await eventsOf(store, upnStream('A123456789012'));
    expect(events.map((e) => e.data['childId'])).toEqual(['ghost', 'next']);
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 2 });
  });

  it('Given a reference stream written before the registries were chained, When it is released, Then the release starts the chain at the genesis hash after the unstamped reservation', async () => {
    const stream = childRefStream('C9');
    await store.appendToStream(
      stream,
      [
        {
          id: '00000000-0000-4000-8000-000000000009',
          type: 'ChildRefReserved',
          data: { childRef: 'C9', childId: 'ghost' },
          metadata: { recordedAt: '2026-01-01T09:00:00.000Z', recordedBy: 'old.build', schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await new ChildRefRegistry(store).release(
      'C9',
      'never registered',
      recording('2026-01-05T10:00:00.000Z'),
    );

    const events = await eventsOf(store, stream);
    expect(stampOf(events[0])).toBeUndefined();
    expect(stampOf(events[1])?.prev).toBe(GENESIS_HASH);
    expect(verifyChain(events, { unchainedPrefix: true })).toMatchObject({
      ok: true,
      unchained: 1,
      checked: 1,
    });
  });

  it("names the registries' streams as libs/audit's chained streams (the prefixes are pinned together here)", () => {
    expect(isRegistryStream(childRefStream('C1'))).toBe(true);
    expect(isRegistryStream(upnStream('A123456789012'))).toBe(true);
    expect(isRegistryStream('child-refs-migrated')).toBe(false);
  });
});
