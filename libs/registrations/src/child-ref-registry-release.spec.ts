import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CHILD_REF_RELEASED, CHILD_REF_RESERVED, childRefStream } from '@care-journey/journey';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { appendRegistered } from './testing/journey-event.spec-helper';
import { ChildRefRegistry } from './child-ref-registry';
import { ChildRefReleaseRefused } from './child-ref-registry-errors';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };
const adminRecording = { recordedAt: '2025-02-01T10:00:00.000Z', recordedBy: 'admin-1' };
/** Reservations after a release are recorded later, as they would be. */
const later = { recordedAt: '2025-02-02T08:00:00.000Z', recordedBy: 'bob' };
const reason = 'Registration abandoned after a crash; confirmed with the team';

describe('ChildRefRegistry: releasing a reference whose holder never became a child', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-child-ref-release-', (opened) => (store = opened));

  const streamOf = (stream: string) => eventsOf(store, stream);
  const register = (childId: string, childRef: string) =>
    appendRegistered(
      store,
      childId,
      `${childId}-registered`,
      { childRef, effectiveDate: '2025-01-10' },
      recording,
    );
  /** The refusal `act` throws, after checking it wrote nothing. */
  const refusedWithoutWriting = async (act: () => Promise<unknown>): Promise<ChildRefReleaseRefused> => {
    const head = await store.headPosition();
    const error = await act().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ChildRefReleaseRefused);
    expect(await store.headPosition()).toBe(head);
    return error as ChildRefReleaseRefused;
  };

  it('Given a reference held by an id with no journey, When an admin releases it with a reason, Then ChildRefReleased follows the reservation, naming the id and the reason', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'never-a-child', recording);

    const released = await registry.release(' la-1 ', `  ${reason} `, adminRecording);

    expect(released).toMatchObject({ childRef: 'LA-1', childId: 'never-a-child', nextExpectedRevision: 1n });
    const [reservation, release, ...rest] = await streamOf(childRefStream('LA-1'));
    expect(rest).toEqual([]);
    expect(reservation.type).toBe(CHILD_REF_RESERVED);
    expect(release).toMatchObject({
      type: CHILD_REF_RELEASED,
      revision: 1n,
      data: { childRef: 'LA-1', childId: 'never-a-child', reason },
      metadata: { ...adminRecording, schemaVersion: 1 },
    });
  });

  it('Given a released reference, When another child reserves it, Then that child holds it (appended after the release); the old holder and a third child are refused', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'never-a-child', recording);
    await registry.release('LA-1', reason, adminRecording);

    expect(await registry.reserve('la-1', 'child-b', later)).toBe(true);

    const events = await streamOf(childRefStream('LA-1'));
    expect(events.map((event) => [event.type, event.data.childId])).toEqual([
      [CHILD_REF_RESERVED, 'never-a-child'],
      [CHILD_REF_RELEASED, 'never-a-child'],
      [CHILD_REF_RESERVED, 'child-b'],
    ]);
    const head = await store.headPosition();
    expect(await registry.reserve('LA-1', 'child-b', later)).toBe(true); // its own retry
    expect(await registry.reserve('LA-1', 'child-b', recording)).toBe(true);
    expect(await new ChildRefRegistry(store).reserve('LA-1', 'never-a-child', later)).toBe(false);
    expect(await registry.reserve('LA-1', 'child-c', later)).toBe(false);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given a released reference, When its old holder asks for it again, Then it holds it again', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'child-a', recording);
    await registry.release('LA-1', reason, adminRecording);
    expect(await registry.reserve('LA-1', 'child-a', later)).toBe(true);
    expect((await streamOf(childRefStream('LA-1'))).map((event) => event.type)).toEqual([
      CHILD_REF_RESERVED,
      CHILD_REF_RELEASED,
      CHILD_REF_RESERVED,
    ]);
  });

  it('Given a released reference, When several children race for it, Then exactly one holds it', async () => {
    await new ChildRefRegistry(store).reserve('LA-1', 'never-a-child', recording);
    await new ChildRefRegistry(store).release('LA-1', reason, adminRecording);

    const children = ['child-a', 'child-b', 'child-c', 'child-d'];
    const outcomes = await Promise.all(
      children.map((child) => new ChildRefRegistry(store).reserve('LA-1', child, later)),
    );

    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const events = await streamOf(childRefStream('LA-1'));
    expect(events).toHaveLength(3);
    expect(events[2].data.childId).toBe(children[outcomes.indexOf(true)]);
  });

  it('Given a reference whose holder registered, When an admin releases it, Then it is refused naming the rule, and nothing is written', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'child-a', recording);
    await register('child-a', 'LA-1');

    const refused = await refusedWithoutWriting(() => registry.release('LA-1', reason, adminRecording));

    expect(refused).toMatchObject({ kind: 'conflict', rule: 'child-ref-holder-registered' });
    expect(refused.message).toMatch(/held by child child-a, whose journey carries it/);
  });

  it('Given a released reference, When the old holder’s registration lands after all (it had found its reservation before the release), Then the reference stays that child’s', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'child-a', recording);
    await registry.release('LA-1', reason, adminRecording);
    await register('child-a', 'LA-1');

    expect(await registry.reserve('LA-1', 'child-b', later)).toBe(false);
  });

  it('Given a released reference, When it is released again, Then it is refused as already released', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'child-a', recording);
    await registry.release('LA-1', reason, adminRecording);

    const refused = await refusedWithoutWriting(() => registry.release('LA-1', reason, adminRecording));
    expect(refused).toMatchObject({ kind: 'conflict', rule: 'child-ref-already-released' });
  });

  it('Given two admins releasing the same reference at once, Then one release is written and the other is refused', async () => {
    await new ChildRefRegistry(store).reserve('LA-1', 'child-a', recording);
    const outcomes = await Promise.allSettled([
      new ChildRefRegistry(store).release('LA-1', reason, adminRecording),
      new ChildRefRegistry(store).release('LA-1', reason, adminRecording),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await streamOf(childRefStream('LA-1'))).toHaveLength(2);
  });

  it('refuses an unknown reference, a malformed one and a missing reason, naming the field and the rule, and writes nothing', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'child-a', recording);

    expect(await refusedWithoutWriting(() => registry.release('LA-2', reason, adminRecording))).toMatchObject(
      {
        kind: 'not-found',
        problems: [{ field: 'childRef', rule: 'child-ref-not-reserved' }],
      },
    );
    expect(
      await refusedWithoutWriting(() => registry.release('ABCDEFGHIJK', reason, adminRecording)),
    ).toMatchObject({ kind: 'invalid', problems: [{ field: 'childRef', rule: 'child-ref-format' }] });
    expect(await refusedWithoutWriting(() => registry.release('LA-1', '  ', adminRecording))).toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'reason', rule: 'release-reason-required' }],
    });
    expect(await refusedWithoutWriting(() => registry.release(' ', undefined, adminRecording))).toMatchObject(
      {
        kind: 'invalid',
        problems: [
          { field: 'childRef', rule: 'child-ref-format' },
          { field: 'reason', rule: 'release-reason-required' },
        ],
      },
    );
    expect(
      await refusedWithoutWriting(() => registry.release('LA-1', 'x'.repeat(501), adminRecording)),
    ).toMatchObject({ kind: 'invalid', problems: [{ field: 'reason', rule: 'release-reason-length' }] });
  });
});
