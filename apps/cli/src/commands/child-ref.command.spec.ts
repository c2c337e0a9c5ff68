import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CHILD_REFS_MIGRATED_STREAM, childRefStream, journeyStream } from '@care-journey/journey';
import { ChildRefRegistry } from '@care-journey/registrations';
import { registerChildRefCommand, RELEASE_REFUSED_EXIT_CODE } from './child-ref.command';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };

describe('care-journey child-ref', () => {
  let dir: string;
  let storeFile: string;
  const saved = { ...process.env };
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-child-ref-cli-'));
    storeFile = join(dir, 'events.db');
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = storeFile;
    process.exitCode = undefined;
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  /** Works on the store file as the command will, closed before the command opens it. */
  const withStore = async <T>(work: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = new SqliteEventStore({ file: storeFile });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  const streamTypes = (stream: string) =>
    withStore(async (store) => {
      const types: string[] = [];
      for await (const event of store.readStream(stream)) types.push(event.type);
      return types;
    });
  const run = async (...args: string[]) => {
    const program = new Command().exitOverride();
    registerChildRefCommand(program);
    await program.parseAsync(['node', 'care-journey', 'child-ref', ...args]);
  };
  const printed = (spy: jest.SpyInstance) => spy.mock.calls.map(([text]) => String(text)).join('');

  it('releases a reference held by an id that never became a child, recording who and why', async () => {
    await withStore((store) => new ChildRefRegistry(store).reserve('LA-1', 'never-a-child', recording));

    await run('release', 'la-1', '--reason', 'abandoned registration', '--by', 'ops-ann');

    expect(process.exitCode).toBeUndefined();
    expect(printed(out)).toMatch(/released LA-1 \(held by never-a-child, who never became a child\)/);
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
    expect(printed(err)).toMatch(/reason \(release-reason-required\)/);

    process.exitCode = undefined;
    await run('release', 'LA-2', '--reason', 'mistake');
    expect(process.exitCode).toBe(RELEASE_REFUSED_EXIT_CODE);
    expect(printed(err)).toMatch(/childRef \(child-ref-holder-registered\)/);
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
    expect(printed(out)).toMatch(/released LA-4 \(held by child-c, a child whose journey never carried it\)/);
    expect(await streamTypes(childRefStream('LA-4'))).toEqual(['ChildRefReserved', 'ChildRefReleased']);

    await run('release', 'LA-3', '--reason', 'mistake');
    expect(process.exitCode).toBe(RELEASE_REFUSED_EXIT_CODE);
    expect(printed(err)).toMatch(
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
    expect(printed(out)).toMatch(
      /migrated: 1 registrations without a reservation, 1 now reserved by their child/,
    );
    expect(await streamTypes(childRefStream('C1'))).toEqual(['ChildRefReserved']);
    expect(await streamTypes(CHILD_REFS_MIGRATED_STREAM)).toEqual(['ChildRefsMigrated']);

    await run('migrate');
    expect(printed(out)).toMatch(/already migrated: nothing to do/);
  });
});
