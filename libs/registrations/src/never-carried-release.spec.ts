/**
 * A hold a registered child's journey never carried (an amendment reserved it and its append was
 * refused): the compensating `releaseUnrecorded` of each registry, and an admin's `release` of a
 * 903 reference so held; a carried one stays refused.
 */
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { verifyChain } from '@care-journey/audit';
import { CHILD_REF_RELEASED, childRefStream } from '@care-journey/journey';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { appendAmended, appendRegistered } from './testing/journey-event.spec-helper';
import { ChildRefRegistry } from './child-ref-registry';
import { ChildRefReleaseRefused } from './child-ref-registry-errors';
import { RegistryCrossCheck } from './registry-cross-check';
import { UPN_RELEASED, UpnRegistry, upnStream } from './upn-registry';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'sw' };
const admin = { recordedAt: '2025-02-01T10:00:00.000Z', recordedBy: 'admin-1' };
const reason = 'amendment refused after reserving, confirmed with the team';
const later = { recordedAt: '2025-01-10T09:05:00.000Z', recordedBy: 'sw' };

describe('releasing a hold its registered holder never carried', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-never-carried-', (opened) => (store = opened));

  /** child-a registered under LA-1 / A100000000001 (both reserved first, as every writer does). */
  const registerA = async () => {
    await new ChildRefRegistry(store).reserve('LA-1', 'child-a', recording);
    await new UpnRegistry(store).hold('A100000000001', 'child-a', recording);
    await appendRegistered(
      store,
      'child-a',
      'a-registered',
      { childRef: 'LA-1', upn: 'A100000000001', effectiveDate: '2025-01-10' },
      recording,
    );
  };
  const amendA = (amendedData: Record<string, unknown>) =>
    appendAmended(
      store,
      'child-a',
      `a-amended-${JSON.stringify(amendedData)}`,
      'a-registered',
      amendedData,
      recording,
    );
  const mismatches = async () => {
    const check = new RegistryCrossCheck();
    for await (const event of store.readAll()) check.see(event);
    return check
      .mismatches(new Date('2026-01-01T00:00:00Z'))
      .map((found) => `${found.rule} ${found.childId}`);
  };

  it('Given a registered child holds a reference its journey never carried, When an admin releases it, Then ChildRefReleased is chained after the hold, verify-store finds nothing, and another child may reserve it', async () => {
    await registerA();
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-9', 'child-a', recording);
    expect(await mismatches()).toEqual(['held-but-never-carried child-a']);

    const released = await registry.release('la-9', reason, admin);

    expect(released).toMatchObject({ childRef: 'LA-9', childId: 'child-a', nextExpectedRevision: 1n });
    const events = await eventsOf(store, childRefStream('LA-9'));
    expect(events[1]).toMatchObject({ type: CHILD_REF_RELEASED, data: { childId: 'child-a', reason } });
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 2 });
    expect(await mismatches()).toEqual([]);
    expect(await registry.reserve('LA-9', 'child-b', admin)).toBe(true);
  });

  it('Given a registered child’s hold reserved less than 10 minutes ago (an amendment may be under way), When an admin releases it, Then it is refused naming the rule and when to retry, nothing is written; once settled it is released', async () => {
    await registerA();
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-9', 'child-a', recording);
    const head = await store.headPosition();
    const tooSoon = { recordedAt: '2025-01-10T09:09:59.000Z', recordedBy: 'admin-1' };

    const refused = await registry.release('LA-9', reason, tooSoon).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ChildRefReleaseRefused);
    expect(refused).toMatchObject({ kind: 'conflict', rule: 'child-ref-hold-settling' });
    expect((refused as Error).message).toMatch(
      /reserved for child child-a at 2025-01-10T09:00:00.000Z, less than 10 minutes ago.*try again after 2025-01-10T09:10:00.000Z/,
    );
    expect(await store.headPosition()).toBe(head);
    const settled = { recordedAt: '2025-01-10T09:10:00.000Z', recordedBy: 'admin-1' };
    expect(await registry.release('LA-9', reason, settled)).toMatchObject({ childId: 'child-a' });
  });

  it('Given a reference a registered child carried by an amendment (not at its registration), When an admin releases it, Then it is refused naming the rule, and nothing is written', async () => {
    await registerA();
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-9', 'child-a', recording);
    await amendA({ childRef: 'LA-9' });
    await amendA({ childRef: 'LA-1' }); // carried once is enough: it named the child in a return
    const head = await store.headPosition();

    const refused = await registry.release('LA-9', reason, admin).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ChildRefReleaseRefused);
    expect(refused).toMatchObject({ kind: 'conflict', rule: 'child-ref-holder-registered' });
    expect((refused as Error).message).toMatch(
      /whose journey carries it \(at its registration or by an amendment\)/,
    );
    expect(await store.headPosition()).toBe(head);
    expect(await registry.reserve('LA-9', 'child-b', admin)).toBe(false);
  });

  it('Given an amendment’s reservation of a reference and a UPN, When its append is refused, Then releaseUnrecorded frees both, chained, and each is free for another child', async () => {
    await registerA();
    const refs = new ChildRefRegistry(store);
    const upns = new UpnRegistry(store);
    const ref = await refs.claim('LA-9', 'child-a', recording);
    const upn = await upns.claim('A100000000009', 'child-a', recording);
    expect(ref).toEqual({ held: true, reservedAt: 0n });
    expect(upn).toEqual({ held: true, reservedAt: 0n });

    expect(await refs.releaseUnrecorded('LA-9', 'child-a', 0n, reason, recording)).toBe(true);
    expect(await upns.releaseUnrecorded('A100000000009', 'child-a', 0n, reason, recording)).toBe(true);

    const upnEvents = await eventsOf(store, upnStream('A100000000009'));
    expect(upnEvents[1]).toMatchObject({ type: UPN_RELEASED, data: { childId: 'child-a', reason } });
    expect(verifyChain(upnEvents)).toMatchObject({ ok: true, checked: 2 });
    expect(await mismatches()).toEqual([]);
    // Another process's registry (its catch-up reads the release too) lets another child have it.
    expect(await new UpnRegistry(store).isFree('A100000000009', 'child-b')).toBe(true);
    expect(await new UpnRegistry(store).check([{ upn: 'A100000000009', childId: 'child-b' }])).toEqual({
      taken: [],
      registered: [],
    });
    expect(await upns.hold('A100000000009', 'child-b', admin)).toBe(true);
    expect(await refs.reserve('LA-9', 'child-b', admin)).toBe(true);
  });

  it('Given the amendment landed after all (its journey carries the values), or the child held them already, Then releaseUnrecorded writes nothing', async () => {
    await registerA();
    const refs = new ChildRefRegistry(store);
    const upns = new UpnRegistry(store);
    expect(await refs.claim('LA-1', 'child-a', admin)).toEqual({ held: true }); // already its own
    await refs.claim('LA-9', 'child-a', recording);
    await upns.claim('A100000000009', 'child-a', recording);
    await amendA({ childRef: 'LA-9', upn: 'A100000000009' });
    const head = await store.headPosition();

    expect(await refs.releaseUnrecorded('LA-9', 'child-a', 0n, reason, recording)).toBe(false);
    expect(await upns.releaseUnrecorded('A100000000009', 'child-a', 0n, reason, recording)).toBe(false);
    expect(await refs.releaseUnrecorded('LA-1', 'child-a', 5n, reason, recording)).toBe(false);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given two amendments of one child to the same new reference and UPN at once, When either is refused after the second claimed them, Then no release is written (the second renewed the holds, and a renewal is never released) and the other’s append is held', async () => {
    await registerA();
    const refs = new ChildRefRegistry(store);
    const upns = new UpnRegistry(store);
    const amendment = { for: 'amendment' } as const;
    const first = [
      await refs.claim('LA-9', 'child-a', recording, amendment),
      await upns.claim('A100000000009', 'child-a', recording, amendment),
    ];
    const second = [
      await refs.claim('LA-9', 'child-a', recording, amendment),
      await upns.claim('A100000000009', 'child-a', recording, amendment),
    ];
    expect(first).toEqual([
      { held: true, reservedAt: 0n },
      { held: true, reservedAt: 0n },
    ]);
    // Renewed (a reservation of its own, at revision 1), and never its to release.
    expect(second).toEqual([{ held: true }, { held: true }]);
    expect((await eventsOf(store, childRefStream('LA-9'))).map((event) => event.type)).toEqual([
      'ChildRefReserved',
      'ChildRefReserved',
    ]);

    expect(await refs.releaseUnrecorded('LA-9', 'child-a', 0n, reason, recording)).toBe(false);
    expect(await upns.releaseUnrecorded('A100000000009', 'child-a', 0n, reason, recording)).toBe(false);
    await amendA({ childRef: 'LA-9', upn: 'A100000000009' }); // the second's append
    expect(await mismatches()).toEqual([]);
  });

  it('Given a registration retried (the same child, the same recording), Then its reservation is the same event, not renewed: a re-run writes the same events', async () => {
    const refs = new ChildRefRegistry(store);
    expect(await refs.claim('LA-5', 'child-e', recording)).toEqual({ held: true, reservedAt: 0n });
    expect(await refs.claim('LA-5', 'child-e', later)).toEqual({ held: true });
    expect(await eventsOf(store, childRefStream('LA-5'))).toHaveLength(1);
  });
});
