/**
 * A failure with no event at fault (the store unreachable at start-up) ends when the next attempt
 * succeeds, even on an idle log where that attempt has nothing to apply: catching up with the log
 * counts. Before session 20 the failure stayed until the next event applied, so health said
 * `failed` for a projector that was healthy and caught up. A real SQLite log and read-model file.
 */
import { journey } from '../testing/journey-builder';
import { appendEvents, eventually } from '../testing/log-fixtures';
import { useProjectorRig } from '../testing/projector-rig';

describe('projector: a retry that catches up with nothing to apply ends the failure', () => {
  const rig = useProjectorRig('cj-idle-recovery-');

  it.each([
    ['an empty log', 0],
    ['a log already projected', 1],
  ])(
    'Given %s and a store whose first subscribe fails, When the retry subscribes and finds nothing new, Then no failure is kept, in the projector or in the file',
    async (_log, children) => {
      for (let i = 0; i < children; i++) {
        await appendEvents(rig.store, `c${i}`, journey(`c${i}`).registered('2024-01-01').events);
        const earlier = rig.start();
        await eventually(() => rig.readModels.checkpoint() !== undefined);
        await earlier.stop();
      }
      const checkpoint = rig.readModels.checkpoint();
      const subscribe = rig.store.subscribeToAll.bind(rig.store);
      jest
        .spyOn(rig.store, 'subscribeToAll')
        .mockImplementationOnce(() => {
          throw new Error('event store unreachable');
        })
        .mockImplementation(subscribe);

      const running = rig.start();
      await eventually(() => rig.retries.length === 1);
      expect(running.failing).toMatchObject({
        attempts: 1,
        error: { detail: expect.stringMatching(/event store unreachable/) },
      });
      expect((await rig.reader.lag()).failure).toMatchObject({ attempts: 1 });
      const since = running.failing?.since;

      rig.retries[0]();
      await eventually(() => running.failing === undefined);
      expect(running.state).toBe('running');
      expect(rig.readModels.checkpoint()).toBe(checkpoint);
      expect((await rig.reader.lag()).failure).toBeUndefined();
      expect(rig.logs).toContain(
        `projection moving again after 1 failed attempt(s) since ${since} (caught up with the log, nothing left to apply)`,
      );
    },
  );
});
