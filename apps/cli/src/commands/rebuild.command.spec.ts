import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { currentSchemaVersion, journeyStream } from '@care-journey/journey';
import { defaultReadModelFile, ReadModelStore } from '@care-journey/projections';
import { registerRebuildCommand } from './rebuild.command';

describe('care-journey rebuild', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-rebuild-'))));
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('rebuilds the read models beside the store into a new generation and reports it', async () => {
    const storeFile = join(dir, 'events.db');
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = storeFile;
    delete process.env.CARE_JOURNEY_READMODEL_FILE;
    await storeWithChild(storeFile, 'r1');
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const program = new Command().exitOverride();
    registerRebuildCommand(program);
    await program.parseAsync(['node', 'care-journey', 'rebuild']);

    expect(out.mock.calls.map(([text]) => String(text)).join('')).toMatch(
      /rebuilt .*read-models\.db: 1 events up to position 1, generation 2/,
    );
    const readModels = new ReadModelStore(defaultReadModelFile(storeFile));
    expect(readModels.childIds()).toEqual(['r1']);
    readModels.close();
  });

  /** A SQLite store at `file` holding one child's allocation. */
  async function storeWithChild(file: string, childId: string): Promise<void> {
    const store = new SqliteEventStore({ file });
    await store.appendToStream(
      journeyStream(childId),
      [
        {
          id: `${childId}-1`,
          type: 'AllocationChanged',
          data: { childId, effectiveDate: '2024-01-01', team: 'T', socialWorker: 'S' },
          metadata: {
            recordedAt: '2024-01-01T00:00:00Z',
            recordedBy: 'spec',
            schemaVersion: currentSchemaVersion('AllocationChanged'),
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    await store.close();
  }

  /** `care-journey rebuild` on `storeFile` into `readModelFile`: its exit code and stderr. */
  async function rebuild(storeFile: string, readModelFile: string): Promise<{ code: number; err: string }> {
    Object.assign(process.env, {
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: storeFile,
      CARE_JOURNEY_READMODEL_FILE: readModelFile,
    });
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.exitCode = 0;
    const program = new Command().exitOverride();
    registerRebuildCommand(program);
    await program.parseAsync(['node', 'care-journey', 'rebuild']);
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    const text = err.mock.calls.map(([line]) => String(line)).join('');
    jest.restoreAllMocks();
    return { code, err: text };
  }

  it('Given two real stores pointed at one CARE_JOURNEY_READMODEL_FILE, When the second rebuilds into it, Then it is refused naming the variable and both stores, and the first store’s read models are left as they were (review s12-ops F2)', async () => {
    const [live, training, shared] = [join(dir, 'live.db'), join(dir, 'training.db'), join(dir, 'shared.db')];
    await storeWithChild(live, 'live-child');
    await storeWithChild(training, 'training-child');
    expect((await rebuild(live, shared)).code).toBe(0);

    const refused = await rebuild(training, shared);

    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `rebuild: CARE_JOURNEY_READMODEL_FILE: ${shared} holds the read models of the event store ${live}, not of ${training} (CARE_JOURNEY_SQLITE_FILE)`,
    );
    const readModels = new ReadModelStore(shared);
    expect(readModels.childIds()).toEqual(['live-child']);
    expect(readModels.currentGeneration()).toBe(2);
    readModels.close();
  });
});
