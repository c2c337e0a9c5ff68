import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { hashPassword } from '@care-journey/access';
import { readWholeStream } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { registerAuditCommand } from './audit.command';

// CORRECTED_JOURNEY's child c1: first review due 2024-02-12, held then, recorded 2024-02-13 at 11:00.
describe('care-journey audit drift', () => {
  const cli = useCliSpecStore({ prefix: 'audit-drift-cli-', seeded: true });

  const run = async (...args: string[]) => {
    cli.output = '';
    cli.errors = '';
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', 'audit', 'drift', ...args]);
    return JSON.parse(cli.output) as {
      asAt: string;
      knownAt: string;
      openFlags: number;
      children: { childId: string; name: string; flags: { ruleId: string }[] }[];
    };
  };

  const trail = async () => {
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    const day = new Date().toISOString().slice(0, 10);
    const events = (await readWholeStream(store, `access-log-${day}`)) ?? [];
    await store.close();
    return events;
  };

  it('Given the review recorded a day late, When replayed as known before it was recorded, Then DR01 is open; progress goes to standard error', async () => {
    const report = await run('--as-at', '2024-02-13', '--known-at', '2024-02-13T10:00:00Z', '--by', 'carol');
    expect(report).toMatchObject({ asAt: '2024-02-13', knownAt: '2024-02-13T10:00:00.000Z', openFlags: 1 });
    expect(report.children.map((row) => [row.childId, row.flags.map((f) => f.ruleId)])).toEqual([
      ['c1', ['DR01']],
    ]);
    expect(cli.errors).toContain('reading the log: 7 journey events (100%)');
    expect(cli.errors).toMatch(/replayed 1 children from 2 of 7 journey events/);
  });

  it("Given a users file naming the allocated social worker, Then each child carries socialWorkerName (today's display name, said so in socialWorkerNameIs), as the API's report does; without one, usernames only", async () => {
    const without = await run('--as-at', '2024-02-13', '--known-at', '2024-02-13T10:00:00Z');
    expect(without.children[0]).toMatchObject({ socialWorker: 'sw-1' });
    expect(without.children[0]).not.toHaveProperty('socialWorkerName');
    const usersFile = join(cli.dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify([
        {
          username: 'sw-1',
          name: 'Sam One',
          role: 'social_worker',
          passwordHash: hashPassword('x'.repeat(12)),
          teams: ['Children in Care North'],
        },
      ]),
    );
    process.env.CARE_JOURNEY_USERS = usersFile;
    const named = (await run('--as-at', '2024-02-13', '--known-at', '2024-02-13T10:00:00Z')) as Awaited<
      ReturnType<typeof run>
    > & { socialWorkerNameIs?: string };
    expect(named.children[0]).toMatchObject({ socialWorker: 'sw-1', socialWorkerName: 'Sam One' });
    expect(named.socialWorkerNameIs).toContain("today's display name in the users file");
  });

  it('When --known-at is left out, Then it is the end of --as-at in England and the review counts', async () => {
    const report = await run('--as-at', '2024-02-13');
    expect(report).toMatchObject({ knownAt: '2024-02-13T23:59:59.999Z', openFlags: 0 });
  });

  it('records the read in the trail with role operator, the reader, the point and the ids shown (never names)', async () => {
    const report = await run(
      '--as-at',
      '2024-02-13',
      '--known-at',
      '2024-02-13T10:00:00Z',
      '--by',
      'carol',
      '--reason',
      'audit visit',
    );
    const entries = await trail();
    expect(entries.map((e) => [e.data, e.metadata.recordedBy])).toEqual([
      [
        {
          childId: '*',
          role: 'operator',
          view: 'drift',
          query: {
            route: 'care-journey audit drift',
            asAt: '2024-02-13',
            knownAt: '2024-02-13T10:00:00.000Z',
            reason: 'audit visit',
          },
          childIds: ['c1'],
        },
        'carol',
      ],
    ]);
    expect(report.children[0].name).toBe('Sam');
    expect(JSON.stringify(entries.map((e) => [e.data, e.metadata]))).not.toContain('Sam');
  });

  it('refuses a bad date, instant or rule naming the option and the rule, and records nothing', async () => {
    await expect(run('--as-at', '2024-02-30')).rejects.toThrow(
      /--as-at must be a calendar date YYYY-MM-DD that exists/,
    );
    await expect(run('--known-at', '2024-02-13T10:00')).rejects.toThrow(
      /--known-at must be an ISO-8601 instant with a zone/,
    );
    await expect(run('--rule', 'DR99')).rejects.toThrow(/--rule must be drift rule ids/);
    await expect(run('--due-within-days', '-1')).rejects.toThrow(/--due-within-days must be a whole number/);
    expect(await trail()).toEqual([]);
  });
});
