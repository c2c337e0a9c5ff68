import { Command } from 'commander';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CHILD_REFS_MIGRATED_STREAM, childRefStream, journeyStream } from '@care-journey/journey';
import { ChildRefRegistry } from '@care-journey/registrations';
import { registerChildRefCommand, RELEASE_REFUSED_EXIT_CODE } from './child-ref.command';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { specStreamTypes, withSpecStore } from '../testing/spec-store-access';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };

describe('care-journey child-ref', () => {
  const cli = useCliSpecStore({ prefix: 'cj-child-ref-cli-' });
  const withStore = <T>(work: (store: SqliteEventStore) => Promise<T>): Promise<T> =>
    withSpecStore(cli.file, work);
  const streamTypes = (stream: string) => specStreamTypes(cli.file, stream);
  const run = async (...args: string[]) => {
    const program = new Command().exitOverride();
    registerChildRefCommand(program);
    await program.parseAsync(['node', 'care-journey', 'child-ref', ...args]);
  };

  it('releases a reference held by an id that never became a child, recording who and why', async () => {
    await withStore((store) => new ChildRefRegistry(store).reserve('LA-1', 'never-a-child', recording));

    await run('release', 'la-1', '--reason', 'abandoned registration', '--by', 'ops-ann');

    expect(process.exitCode).toBeUndefined();
    expect(cli.output).toMatch(/released LA-1 \(held by never-a-child, who never became a child\)/);
    const release = await withStore(async (store) => {
      for await (const event of store.readStream(childRefStream('LA-1'), { fromRevision: 1n })) return event;
      return undefined;
    });
    expect(release).toMatchObject({
      type: 'ChildRefReleased',
      data: { childRef: 'LA-1', childId: 'never-a-child', reason: 'abandoned registration' },
      metadata: { recordedBy: 'ops-ann' },
    });
  });

  it('refuses without a reason, or when the holder registered, naming the field and the rule; nothing is written', async () => {
    await withStore(async (store) => {
      await new ChildRefRegistry(store).reserve('LA-2', 'child-b', recording);
      await store.appendToStream(
        journeyStream('child-b'),
        [
          {
            id: 'child-b-registered',
            type: 'ChildRegistered',
            data: { childId: 'child-b', childRef: 'LA-2', effectiveDate: '2025-01-10' },
            metadata: { ...recording, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    });

    await run('release', 'LA-2');
    expect(process.exitCode).toBe(RELEASE_REFUSED_EXIT_CODE);
    expect(cli.errors).toMatch(/reason \(release-reason-required\)/);

    process.exitCode = undefined;
    await run('release', 'LA-2', '--reason', 'mistake');
    expect(process.exitCode).toBe(RELEASE_REFUSED_EXIT_CODE);
    expect(cli.errors).toMatch(/childRef \(child-ref-holder-registered\)/);
    expect(await streamTypes(childRefStream('LA-2'))).toEqual(['ChildRefReserved']);
  });

  it('releases a reference a registered child holds but never carried (an amendment reserved it and was never recorded); refuses one it carries, naming the rule', async () => {
    await withStore(async (store) => {
      const registry = new ChildRefRegistry(store);
      await registry.reserve('LA-3', 'child-c', recording);
      await store.appendToStream(
        journeyStream('child-c'),
        [
          {
            id: 'child-c-registered',
            type: 'ChildRegistered',
            data: { childId: 'child-c', childRef: 'LA-3', effectiveDate: '2025-01-10' },
            metadata: { ...recording, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      await registry.reserve('LA-4', 'child-c', recording); // the refused amendment's hold
    });

    await run('release', 'LA-4', '--reason', 'amendment refused after reserving', '--by', 'ops-ann');
    expect(process.exitCode).toBeUndefined();
    expect(cli.output).toMatch(/released LA-4 \(held by child-c, a child whose journey never carried it\)/);
    expect(await streamTypes(childRefStream('LA-4'))).toEqual(['ChildRefReserved', 'ChildRefReleased']);

    await run('release', 'LA-3', '--reason', 'mistake');
    expect(process.exitCode).toBe(RELEASE_REFUSED_EXIT_CODE);
    expect(cli.errors).toMatch(
      /childRef \(child-ref-holder-registered\): childRef LA-3 is held by child child-c, whose journey carries it/,
    );
    expect(await streamTypes(childRefStream('LA-3'))).toEqual(['ChildRefReserved']);
  });

  it('migrates a store written before reservations once, then has nothing to do', async () => {
    await withStore((store) =>
      store.appendToStream(
        journeyStream('old-1'),
        [
          {
            id: 'old-1-registered',
            type: 'ChildRegistered',
            data: { childId: 'old-1', childRef: 'C1', effectiveDate: '2024-01-01' },
            metadata: { ...recording, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      ),
    );

    await run('migrate', '--by', 'ops-ann');
    expect(cli.output).toMatch(
      /migrated: 1 registrations without a reservation, 1 now reserved by their child/,
    );
    expect(await streamTypes(childRefStream('C1'))).toEqual(['ChildRefReserved']);
    expect(await streamTypes(CHILD_REFS_MIGRATED_STREAM)).toEqual(['ChildRefsMigrated']);

    await run('migrate');
    expect(cli.output).toMatch(/already migrated: nothing to do/);
  });
});
