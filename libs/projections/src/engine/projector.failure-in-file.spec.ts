/**
 * The failure the projector keeps retrying is kept in the read-model file it writes, so an engine
 * that only reads the file (the API in worker mode, beside apps/projector) reports the stuck event
 * as the projector's own process does, and stops reporting it once the projector moves on. A real
 * SQLite log and read-model file; the retry timer is the spec's own.
 */
import { journey } from '../testing/journey-builder';
import { appendEvents, eventually } from '../testing/log-fixtures';
import { useProjectorRig } from '../testing/projector-rig';
import { ReadModelStore } from './read-model-store';

describe('projector: its failure, kept in the read-model file for a reader in worker mode', () => {
  const rig = useProjectorRig('cj-failure-file-');

  /** Child b's registration cannot be applied (a bug in a rule) while `broken` says so. */
  const breakChildB = (broken: () => boolean): void => {
    const apply = ReadModelStore.prototype.applyBatch;
    jest.spyOn(ReadModelStore.prototype, 'applyBatch').mockImplementation(function (
      this: ReadModelStore,
      ...args
    ) {
      if (broken() && args[1].some((event) => event.streamId === 'journey-b'))
        throw new TypeError('cannot fold');
      return apply.apply(this, args);
    });
  };

  it('Given the projector stuck on an event, When a worker-mode engine reads the file, Then its health names the same event, attempts and times; once the event applies, no failure', async () => {
    await appendEvents(rig.store, 'a', journey('a').registered('2024-01-01').events);
    const bad = await appendEvents(rig.store, 'b', journey('b').registered('2024-02-01').events);
    let broken = true;
    breakChildB(() => broken);
    const running = rig.start();
    await eventually(() => rig.retries.length === 1);
    rig.retries[0](); // one at a time: a applies, b is named
    await eventually(() => running.failing?.event !== undefined);

    const lag = await rig.reader.lag();
    expect(lag.projector).toBe('worker');
    expect(lag.failure).toEqual(running.failing);
    expect(lag.failure?.event).toMatchObject({
      streamId: 'journey-b',
      globalPosition: bad.globalPosition.toString(),
    });

    broken = false;
    rig.retries[1]();
    await eventually(() => rig.readModels.checkpoint() === bad.globalPosition);
    expect((await rig.reader.lag()).failure).toBeUndefined();
  });

  it('Given a projector stopped while stuck, When the next one applies a batch, Then the record it left is cleared', async () => {
    await appendEvents(rig.store, 'b', journey('b').registered('2024-02-01').events);
    let broken = true;
    breakChildB(() => broken);
    const first = rig.start();
    await eventually(() => first.failing !== undefined);
    await first.stop();
    expect((await rig.reader.lag()).failure).toMatchObject({ attempts: 1, error: { name: 'TypeError' } });

    broken = false;
    const next = rig.start();
    await eventually(() => rig.readModels.checkpoint() !== undefined);
    expect(next.failing).toBeUndefined();
    expect((await rig.reader.lag()).failure).toBeUndefined();
  });
});
