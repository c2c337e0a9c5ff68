/**
 * An admin release of a hold younger than SETTLE_MS is refused whoever holds it (review2 M1): a
 * hold by an id with no journey yet is a registration in progress, whose journey append has no
 * condition on the UPN stream, so freeing it would let a second child take the UPN it is about to
 * carry. A reservation with no readable time cannot be known to be settled, so it is refused too.
 */
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useTempEventStore } from './testing/temp-event-store.spec-helper';
import { appendRegistered } from './testing/journey-event.spec-helper';
import { ChildRefRegistry } from './child-ref-registry';
import { ChildRefReleaseRefused, UpnReleaseRefused } from './child-ref-registry-errors';
import { UpnRegistry, upnStream } from './upn-registry';

const registering = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'sw' };
const secondsLater = { recordedAt: '2025-01-10T09:00:05.000Z', recordedBy: 'admin-1' };
const settled = { recordedAt: '2025-01-10T09:10:00.000Z', recordedBy: 'admin-1' };
const reason = 'registration looked stuck, confirmed with the team';
const UPN = 'A100000000009';

describe('an admin release of a hold inside the settle window, registered holder or not', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-release-settle-', (opened) => (store = opened));

  /** What `act` threw, having checked the log did not move. */
  const refusal = async (act: () => Promise<unknown>): Promise<unknown> => {
    const head = await store.headPosition();
    const thrown = await act().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(await store.headPosition()).toBe(head);
    return thrown;
  };

  it('Given a seed or import child refused its UPN seconds after it reserved its reference, When it releases the reference as its holder (byHolder), Then it is freed at once; byHolder naming another id is refused as an admin is', async () => {
    const refs = new ChildRefRegistry(store);
    expect(await refs.reserve('LA-S', 'child-s', registering)).toBe(true);

    const asAnother = await refusal(() =>
      refs.release('LA-S', 'import refused: upn-in-use (903 rule 444)', secondsLater, {
        byHolder: 'child-t',
      }),
    );
    expect(asAnother).toMatchObject({ rule: 'child-ref-hold-settling' });

    await refs.release('LA-S', 'import refused: upn-in-use (903 rule 444)', secondsLater, {
      byHolder: 'child-s',
    });
    expect(await refs.reserve('LA-S', 'child-t', secondsLater)).toBe(true);
  });

  it('Given a registration in progress (child-x holds its reference and UPN, no journey yet), When an admin releases either seconds later, Then each is refused naming the rule and when to retry, child-y cannot take them, and only child-x carries them once its registration lands', async () => {
    const refs = new ChildRefRegistry(store);
    // The registry's own clock at the admin's instant: child-x's hold is not stale (STALE_AFTER_MS).
    const upns = new UpnRegistry(store, () => Date.parse(secondsLater.recordedAt));
    expect(await refs.reserve('LA-X', 'child-x', registering)).toBe(true);
    expect(await upns.hold(UPN, 'child-x', registering)).toBe(true);

    const upnRefused = await refusal(() => upns.release(UPN, reason, secondsLater));
    const refRefused = await refusal(() => refs.release('LA-X', reason, secondsLater));

    expect(upnRefused).toBeInstanceOf(UpnReleaseRefused);
    expect(upnRefused).toMatchObject({ kind: 'conflict', rule: 'upn-hold-settling' });
    expect((upnRefused as Error).message).toMatch(
      /reserved for child child-x at 2025-01-10T09:00:00.000Z, less than 10 minutes ago.*try again after 2025-01-10T09:10:00.000Z/,
    );
    expect((upnRefused as Error).message).not.toContain(UPN);
    expect(refRefused).toBeInstanceOf(ChildRefReleaseRefused);
    expect(refRefused).toMatchObject({ kind: 'conflict', rule: 'child-ref-hold-settling' });
    expect((refRefused as Error).message).toMatch(/try again after 2025-01-10T09:10:00.000Z/);

    expect(await upns.isFree(UPN, 'child-y')).toBe(false);
    expect(await upns.hold(UPN, 'child-y', secondsLater)).toBe(false);
    expect(await refs.reserve('LA-X', 'child-y', secondsLater)).toBe(false);
    await appendRegistered(
      store,
      'child-x',
      'x-registered',
      { childRef: 'LA-X', upn: UPN, effectiveDate: '2025-01-10' },
      registering,
    );
    expect(
      await new UpnRegistry(store, () => Date.parse(secondsLater.recordedAt)).check([
        { upn: UPN, childId: 'child-y' },
      ]),
    ).toEqual({ taken: [{ upn: UPN, childId: 'child-y' }], registered: [] });
  });

  it('Given a hold by an id that never became a child, When the settle window has passed, Then an admin releases it (holderRegistered false)', async () => {
    const refs = new ChildRefRegistry(store);
    const upns = new UpnRegistry(store);
    await refs.reserve('LA-X', 'never-a-child', registering);
    await upns.hold(UPN, 'never-a-child', registering);

    expect(await upns.release(UPN, reason, settled)).toMatchObject({
      upnStream: upnStream(UPN),
      childId: 'never-a-child',
      holderRegistered: false,
    });
    expect(await refs.release('LA-X', reason, settled)).toMatchObject({ childId: 'never-a-child' });
  });

  it.each(['', 'not a date'])(
    'Given a reservation whose recordedAt is %j (no readable time), When an admin releases it however much later, Then it is refused as settling, naming the rule, and nothing is written',
    async (recordedAt) => {
      const unreadable = { recordedAt, recordedBy: 'sw' };
      const refs = new ChildRefRegistry(store);
      const upns = new UpnRegistry(store);
      await refs.reserve('LA-X', 'never-a-child', unreadable);
      await upns.hold(UPN, 'never-a-child', unreadable);
      const muchLater = { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'admin-1' };

      const upnRefused = await refusal(() => upns.release(UPN, reason, muchLater));
      const refRefused = await refusal(() => refs.release('LA-X', reason, muchLater));

      expect(upnRefused).toMatchObject({ rule: 'upn-hold-settling' });
      expect((upnRefused as Error).message).toMatch(
        /at no readable time \(its recordedAt is missing or not a date\)/,
      );
      expect(refRefused).toMatchObject({ rule: 'child-ref-hold-settling' });
      expect((refRefused as Error).message).toMatch(/at no readable time/);
    },
  );
});
