/**
 * An admin's release of a UPN its holder never carried (upn-registry.ts `release`): the same rules
 * as a 903 reference's, and no message or event holding the UPN.
 */
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { verifyChain } from '@care-journey/audit';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { appendAmended, appendRegistered } from './testing/journey-event.spec-helper';
import { UpnReleaseRefused } from './child-ref-registry-errors';
import { RegistryCrossCheck } from './registry-cross-check';
import { UPN_RELEASED, UpnRegistry, upnStream } from './upn-registry';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'sw' };
const admin = { recordedAt: '2025-02-01T10:00:00.000Z', recordedBy: 'admin-1' };
const reason = 'amendment crashed after reserving, confirmed with the team';
const HELD = 'A100000000009';

describe('UpnRegistry.release: an admin frees a UPN its holder never carried', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-upn-release-', (opened) => (store = opened));

  /** child-a registered with A100000000001 (reserved first, as every writer does). */
  const registerA = async () => {
    await new UpnRegistry(store).hold('A100000000001', 'child-a', recording);
    await appendRegistered(
      store,
      'child-a',
      'a-registered',
      { childRef: 'LA-1', upn: 'A100000000001', effectiveDate: '2025-01-10' },
      recording,
    );
  };
  const amendA = (upn: string) =>
    appendAmended(store, 'child-a', `a-amended-${upn}`, 'a-registered', { upn }, recording);
  const mismatches = async () => {
    const check = new RegistryCrossCheck();
    for await (const event of store.readAll()) check.see(event);
    return check
      .mismatches(new Date('2026-01-01T00:00:00Z'))
      .map((found) => `${found.registry} ${found.rule} ${found.childId}`);
  };
  /** The refusal `act` throws, having checked the log did not move. */
  const refusedWith = async (act: () => Promise<unknown>): Promise<UpnReleaseRefused> => {
    const head = await store.headPosition();
    const refused = await act().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(UpnReleaseRefused);
    expect(await store.headPosition()).toBe(head);
    return refused as UpnReleaseRefused;
  };

  it('Given a registered child holds a UPN its journey never carried (an amendment crashed after reserving), When an admin releases it, Then UpnReleased is chained after the hold with who, when and why, verify-store finds nothing, and another child may hold it', async () => {
    await registerA();
    const registry = new UpnRegistry(store);
    await registry.claim(HELD, 'child-a', recording, { for: 'amendment' });
    expect(await mismatches()).toEqual(['upn held-but-never-carried child-a']);

    const released = await registry.release(HELD.toLowerCase(), `  ${reason} `, admin);

    expect(released).toMatchObject({
      upnStream: upnStream(HELD),
      childId: 'child-a',
      holderRegistered: true,
      nextExpectedRevision: 1n,
    });
    const events = await eventsOf(store, upnStream(HELD));
    expect(events[1]).toMatchObject({
      type: UPN_RELEASED,
      data: { childId: 'child-a', reason },
      metadata: { recordedAt: admin.recordedAt, recordedBy: 'admin-1' },
    });
    expect(JSON.stringify([events[1].data, events[1].metadata])).not.toContain(HELD);
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 2 });
    expect(await mismatches()).toEqual([]);
    expect(await new UpnRegistry(store).isFree(HELD, 'child-b')).toBe(true);
    expect(await registry.hold(HELD, 'child-b', admin)).toBe(true);
  });

  it('Given the hold as audit verify-store names it (its stream, not the UPN), When an admin releases by that name, Then it is released, and a carried one is refused as by its UPN', async () => {
    await registerA();
    const registry = new UpnRegistry(store);
    await registry.claim(HELD, 'child-a', recording, { for: 'amendment' });
    const check = new RegistryCrossCheck();
    for await (const event of store.readAll()) check.see(event);
    const [named] = check.mismatches(new Date('2026-01-01T00:00:00Z'));

    expect(await registry.release(` ${named.stream} `, reason, admin)).toMatchObject({
      upnStream: upnStream(HELD),
      childId: 'child-a',
    });
    expect(await mismatches()).toEqual([]);
    const carried = await refusedWith(() => registry.release(upnStream('A100000000001'), reason, admin));
    expect(carried).toMatchObject({ rule: 'upn-holder-registered' });
    expect(await refusedWith(() => registry.release('upn-not-a-hash', reason, admin))).toMatchObject({
      problems: [{ field: 'upn', rule: 'invalid-upn' }],
    });
  });

  it('Given a UPN held by an id that never became a child, When an admin releases it once the settle window has passed, Then it is released (a seconds-old one is refused: release-settle-window.spec.ts)', async () => {
    const registry = new UpnRegistry(store);
    await registry.hold(HELD, 'never-a-child', recording);

    const released = await registry.release(HELD, reason, admin);

    expect(released).toMatchObject({ childId: 'never-a-child', holderRegistered: false });
    expect((await eventsOf(store, upnStream(HELD))).map((event) => event.type)).toEqual([
      'UpnReserved',
      UPN_RELEASED,
    ]);
  });

  it('Given a registered child’s hold reserved less than 10 minutes ago, When an admin releases it, Then it is refused naming the rule and when to retry, nothing is written; once settled it is released', async () => {
    await registerA();
    const registry = new UpnRegistry(store);
    await registry.claim(HELD, 'child-a', recording, { for: 'amendment' });
    const tooSoon = { recordedAt: '2025-01-10T09:09:59.000Z', recordedBy: 'admin-1' };

    const refused = await refusedWith(() => registry.release(HELD, reason, tooSoon));

    expect(refused).toMatchObject({ kind: 'conflict', rule: 'upn-hold-settling' });
    expect(refused.problems[0].field).toBe('upn');
    expect(refused.message).toMatch(
      /reserved for child child-a at 2025-01-10T09:00:00.000Z, less than 10 minutes ago.*try again after 2025-01-10T09:10:00.000Z/,
    );
    expect(refused.message).not.toContain(HELD);
    const settled = { recordedAt: '2025-01-10T09:10:00.000Z', recordedBy: 'admin-1' };
    expect(await registry.release(HELD, reason, settled)).toMatchObject({ childId: 'child-a' });
  });

  it('Given a UPN the holder’s journey carries (at its registration, or once by an amendment), When an admin releases it, Then it is refused (upn-holder-registered) and nothing is written', async () => {
    await registerA();
    const registry = new UpnRegistry(store);
    await registry.claim(HELD, 'child-a', recording, { for: 'amendment' });
    await amendA(HELD);
    await amendA('A100000000001'); // carried once is enough: it named the child in a return

    for (const upn of ['A100000000001', HELD]) {
      const refused = await refusedWith(() => registry.release(upn, reason, admin));
      expect(refused).toMatchObject({ kind: 'conflict', rule: 'upn-holder-registered' });
      expect(refused.message).toMatch(/held by child child-a, whose journey carries it/);
      expect(refused.message).not.toContain(upn);
    }
    expect(await registry.hold(HELD, 'child-b', admin)).toBe(false);
  });

  it('refuses an unknown UPN, one already released, a malformed one, an unknown-UPN code and a missing or too long reason, naming the field and the rule, echoing no UPN, writing nothing', async () => {
    const registry = new UpnRegistry(store);
    await registry.hold(HELD, 'never-a-child', recording);
    await registry.release(HELD, reason, admin);

    expect(await refusedWith(() => registry.release('B100000000002', reason, admin))).toMatchObject({
      kind: 'not-found',
      problems: [{ field: 'upn', rule: 'upn-not-reserved' }],
    });
    expect(await refusedWith(() => registry.release(HELD, reason, admin))).toMatchObject({
      kind: 'conflict',
      problems: [{ field: 'upn', rule: 'upn-already-released' }],
    });
    const malformed = await refusedWith(() => registry.release('A1234', undefined, admin));
    expect(malformed).toMatchObject({
      kind: 'invalid',
      problems: [
        { field: 'upn', rule: 'invalid-upn' },
        { field: 'reason', rule: 'release-reason-required' },
      ],
    });
    expect(malformed.message).not.toContain('A1234');
    expect(await refusedWith(() => registry.release(42, reason, admin))).toMatchObject({
      problems: [{ field: 'upn', rule: 'invalid-upn' }],
    });
    expect(await refusedWith(() => registry.release('un1', reason, admin))).toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'upn', rule: 'upn-unknown-code' }],
    });
    expect(await refusedWith(() => registry.release(HELD, '   ', admin))).toMatchObject({
      problems: [{ field: 'reason', rule: 'release-reason-required' }],
    });
    expect(await refusedWith(() => registry.release(HELD, 'x'.repeat(501), admin))).toMatchObject({
      problems: [{ field: 'reason', rule: 'release-reason-length' }],
    });
  });

  it('Given the holder’s journey is written between the release’s read and its append, Then the release is refused (upn-holder-registered) and nothing is written', async () => {
    await registerA();
    await new UpnRegistry(store).claim(HELD, 'child-a', recording, { for: 'amendment' });
    const append = store.appendToStream.bind(store);
    let landed = false;
    jest.spyOn(store, 'appendToStream').mockImplementation(async (stream, events, options) => {
      if (!landed && stream === upnStream(HELD)) {
        landed = true;
        await amendA(HELD); // the amendment lands after the release read the journey
      }
      return append(stream, events, options);
    });

    const refused = await new UpnRegistry(store)
      .release(HELD, reason, admin)
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(UpnReleaseRefused);
    expect(refused).toMatchObject({ rule: 'upn-holder-registered' });
    expect((refused as Error).message).toMatch(
      /whose journey was written while the release was being written/,
    );
    expect((await eventsOf(store, upnStream(HELD))).map((event) => event.type)).toEqual(['UpnReserved']);
  });

  it('Given the UPN’s stream is written between the release’s read and its append (the child’s own amendment renewing its hold), Then the release is refused (upn-changed) and writes nothing of its own', async () => {
    await registerA();
    await new UpnRegistry(store).claim(HELD, 'child-a', recording, { for: 'amendment' });
    const append = store.appendToStream.bind(store);
    let renewed = false;
    jest.spyOn(store, 'appendToStream').mockImplementation(async (stream, events, options) => {
      if (!renewed && stream === upnStream(HELD) && events[0].type === UPN_RELEASED) {
        renewed = true;
        await new UpnRegistry(store).claim(HELD, 'child-a', recording, { for: 'amendment' });
      }
      return append(stream, events, options);
    });

    const refused = await new UpnRegistry(store)
      .release(HELD, reason, admin)
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(UpnReleaseRefused);
    expect(refused).toMatchObject({ kind: 'conflict', rule: 'upn-changed' });
    expect((await eventsOf(store, upnStream(HELD))).map((event) => event.type)).toEqual([
      'UpnReserved',
      'UpnReserved',
    ]);
  });
});
