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
    const store = new SqliteEventStore({ file: storeFile });
    await store.appendToStream(
      journeyStream('r1'),
      [
        {
          id: 'r1-1',
          type: 'AllocationChanged',
          data: { childId: 'r1', effectiveDate: '2024-01-01', team: 'T', socialWorker: 'S' },
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
});
