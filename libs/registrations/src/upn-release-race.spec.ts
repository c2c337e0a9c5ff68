/**
 * A released UPN after the releasing child's journey carried it anyway (review s20 diff F2), and a
 * child's own concurrent attempts clashing on its UPN stream (F4): `UpnRegistry` as
 * `ChildRefRegistry` does for 903 references.
 */
import type { AppendOptions, EventStore, NewEvent } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { appendAmended, appendRegistered } from './testing/journey-event.spec-helper';
import { UPN_RELEASED, UPN_RESERVED, UpnRegistry, upnStream } from './upn-registry';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'sw' };
const reason = 'amendment refused after reserving';
const UPN = 'A100000000009';

describe('UpnRegistry: a release, a late append, and a child racing itself', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-upn-race-', (opened) => (store = opened));

  const registerC = () =>
    appendRegistered(
      store,
      'child-c',
      'c-registered',
      { upn: 'A100000000003', effectiveDate: '2025-01-10' },
      recording,
    );
  const amendC = () => appendAmended(store, 'child-c', 'c-amended', 'c-registered', { upn: UPN }, recording);

  it('Given an amendment released its UPN and its append then landed after all, When another child asks for the UPN, Then isFree, check, hold and claim all refuse it', async () => {
    await registerC();
    const upns = new UpnRegistry(store);
    expect(await upns.claim(UPN, 'child-c', recording, { for: 'amendment' })).toEqual({
      held: true,
      reservedAt: 0n,
    });
    expect(await upns.releaseUnrecorded(UPN, 'child-c', 0n, reason, recording)).toBe(true);
    await amendC(); // a timed-out append that was committed after all

    expect(await upns.isFree(UPN, 'child-d')).toBe(false);
    expect(await new UpnRegistry(store).check([{ upn: UPN, childId: 'child-d' }])).toEqual({
      taken: [{ upn: UPN, childId: 'child-d' }],
      registered: [],
    });
    expect(await upns.hold(UPN, 'child-d', recording)).toBe(false);
    expect(await upns.claim(UPN, 'child-d', recording, { for: 'amendment' })).toEqual({ held: false });
    // The releasing child itself may take it back.
    expect(await upns.isFree(UPN, 'child-c')).toBe(true);
  });

  it('Given a released UPN the releasing journey never carried, Then another child may have it', async () => {
    await registerC();
    const upns = new UpnRegistry(store);
    await upns.claim(UPN, 'child-c', recording, { for: 'amendment' });
    await upns.releaseUnrecorded(UPN, 'child-c', 0n, reason, recording);

    expect(await upns.isFree(UPN, 'child-d')).toBe(true);
    expect(await upns.hold(UPN, 'child-d', recording)).toBe(true);
  });

  it('Given a child’s amendment renewing its hold while its other attempt releases it, When the renewal clashes, Then it reads again and holds the UPN (no false upn-in-use)', async () => {
    await registerC();
    const first = await new UpnRegistry(store).claim(UPN, 'child-c', recording, { for: 'amendment' });
    expect(first).toEqual({ held: true, reservedAt: 0n });
    // The other attempt's release lands just before this attempt's renewal at revision 0.
    let released = false;
    const racing = new Proxy(store, {
      get(target, key, receiver) {
        if (key !== 'appendToStream') return Reflect.get(target, key, receiver) as unknown;
        return async (stream: string, events: NewEvent[], options: AppendOptions) => {
          if (!released && stream === upnStream(UPN) && options.expectedRevision === 0n) {
            released = true;
            await new UpnRegistry(target).releaseUnrecorded(UPN, 'child-c', 0n, reason, recording);
          }
          return target.appendToStream(stream, events, options);
        };
      },
    }) as EventStore;

    const second = await new UpnRegistry(racing).claim(UPN, 'child-c', recording, { for: 'amendment' });

    expect(released).toBe(true);
    expect(second).toEqual({ held: true, reservedAt: 2n });
    expect((await eventsOf(store, upnStream(UPN))).map((event) => event.type)).toEqual([
      UPN_RESERVED,
      UPN_RELEASED,
      UPN_RESERVED,
    ]);
  });
});
