import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { UpnRegistry, upnStream } from '@care-journey/registrations';
import { registerAuditCommand } from './audit.command';
import { RELEASE_REFUSED_EXIT_CODE } from './registry-repair';
import { registerUpnCommand } from './upn.command';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };
const CARRIED = 'A100000000001';
const HELD = 'A100000000009';

describe('care-journey upn release', () => {
  let dir: string;
  let storeFile: string;
  const saved = { ...process.env };
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-upn-cli-'));
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
    registerUpnCommand(program);
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', ...args]);
  };
  const printed = (spy: jest.SpyInstance) => spy.mock.calls.map(([text]) => String(text)).join('');
  /** verify-store's registry mismatches, as `rule stream childId`. */
  const mismatches = async (): Promise<string[]> => {
    out.mockClear();
    await run('audit', 'verify-store');
    process.exitCode = undefined;
    const check = JSON.parse(printed(out)) as {
      registryMismatches: { rule: string; stream: string; childId: string }[];
    };
    return check.registryMismatches.map((found) => `${found.rule} ${found.stream} ${found.childId}`);
  };

  /** child-c registered with CARRIED, then an amendment reserved HELD and crashed before its append. */
  const childWithUnrecordedAmendment = () =>
    withStore(async (store) => {
      const upns = new UpnRegistry(store);
      await upns.hold(CARRIED, 'child-c', recording);
      await store.appendToStream(
        journeyStream('child-c'),
        [
          {
            id: 'child-c-registered',
            type: 'ChildRegistered',
            data: { childId: 'child-c', childRef: 'LA-3', upn: CARRIED, effectiveDate: '2025-01-10' },
            metadata: { ...recording, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      await upns.claim(HELD, 'child-c', recording, { for: 'amendment' });
    });

  it('releases a UPN a registered child holds but never carried, recording who and why and printing no UPN; verify-store then finds nothing', async () => {
    await childWithUnrecordedAmendment();
    expect(await mismatches()).toEqual([`held-but-never-carried ${upnStream(HELD)} child-c`]);

    await run(
      'upn',
      'release',
      HELD.toLowerCase(),
      '--reason',
      'amendment crashed after reserving',
      '--by',
      'ops-ann',
    );

    expect(process.exitCode).toBeUndefined();
    expect(printed(out)).toMatch(
      new RegExp(
        `released the UPN of ${upnStream(HELD)} \\(held by child-c, a child whose journey never carried it\\)`,
      ),
    );
    expect(printed(out)).not.toContain(HELD);
    const release = await withStore(async (store) => {
      for await (const event of store.readStream(upnStream(HELD), { fromRevision: 1n })) return event;
      return undefined;
    });
    expect(release).toMatchObject({
      type: 'UpnReleased',
      data: { childId: 'child-c', reason: 'amendment crashed after reserving' },
      metadata: { recordedBy: 'ops-ann' },
    });
    expect(await mismatches()).toEqual([]);
  });

  it('releases by the stream verify-store names, so the UPN need not be typed', async () => {
    await childWithUnrecordedAmendment();

    await run('upn', 'release', upnStream(HELD), '--reason', 'named by verify-store');

    expect(process.exitCode).toBeUndefined();
    expect(await streamTypes(upnStream(HELD))).toEqual(['UpnReserved', 'UpnReleased']);
  });

  it.each([
    ['a carried UPN', [CARRIED, '--reason', 'mistake'], 'upn (upn-holder-registered)'],
    ['a UPN nobody reserved', ['B100000000002', '--reason', 'mistake'], 'upn (upn-not-reserved)'],
    ['a malformed UPN', ['A12', '--reason', 'mistake'], 'upn (invalid-upn)'],
    ['an unknown-UPN code', ['UN2', '--reason', 'mistake'], 'upn (upn-unknown-code)'],
    ['no reason', [HELD], 'reason (release-reason-required)'],
  ])(
    'refuses %s naming the field and the rule, echoing no UPN, writing nothing',
    async (_name, args, named) => {
      await childWithUnrecordedAmendment();
      const head = await withStore((store) => store.headPosition());

      await run('upn', 'release', ...args);

      expect(process.exitCode).toBe(RELEASE_REFUSED_EXIT_CODE);
      expect(printed(err)).toContain(`release refused, nothing recorded:\n  ${named}: `);
      expect(printed(err)).not.toContain(args[0] === HELD ? HELD : args[0]);
      expect(await withStore((store) => store.headPosition())).toBe(head);
    },
  );
});
