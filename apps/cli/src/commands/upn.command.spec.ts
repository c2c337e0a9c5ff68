import { Command } from 'commander';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { UpnRegistry, upnStream } from '@care-journey/registrations';
import { registerAuditCommand } from './audit.command';
import { RELEASE_REFUSED_EXIT_CODE } from './registry-repair';
import { registerUpnCommand } from './upn.command';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { specStreamTypes, withSpecStore } from '../testing/spec-store-access';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };
const CARRIED = 'A100000000001';
const HELD = 'A100000000009';

describe('care-journey upn release', () => {
  const cli = useCliSpecStore({ prefix: 'cj-upn-cli-' });
  const withStore = <T>(work: (store: SqliteEventStore) => Promise<T>): Promise<T> =>
    withSpecStore(cli.file, work);
  const streamTypes = (stream: string) => specStreamTypes(cli.file, stream);
  const run = async (...args: string[]) => {
    const program = new Command().exitOverride();
    registerUpnCommand(program);
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', ...args]);
  };
  /** verify-store's registry mismatches, as `rule stream childId`. */
  const mismatches = async (): Promise<string[]> => {
    cli.output = '';
    await run('audit', 'verify-store');
    process.exitCode = undefined;
    const check = JSON.parse(cli.output) as {
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
    expect(cli.output).toMatch(
      new RegExp(
        `released the UPN of ${upnStream(HELD)} \\(held by child-c, a child whose journey never carried it\\)`,
      ),
    );
    expect(cli.output).not.toContain(HELD);
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
      expect(cli.errors).toContain(`release refused, nothing recorded:\n  ${named}: `);
      expect(cli.errors).not.toContain(args[0] === HELD ? HELD : args[0]);
      expect(await withStore((store) => store.headPosition())).toBe(head);
    },
  );
});
