import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { recordTokenIssued, type TokenIssuedInput } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { registerAuditCommand } from './audit.command';

describe('care-journey audit tokens', () => {
  let dir: string;
  let file: string;
  let output: string;
  let env: NodeJS.ProcessEnv;
  const issue = (userId: string, issuedAt: string): TokenIssuedInput => ({
    tokenId: `0b6f6a52-8f5e-4c1e-9d55-${issuedAt.slice(0, 10).replace(/-/g, '')}${userId.length}000`.slice(
      0,
      36,
    ),
    userId,
    role: userId === 'nightly-return' ? 'reporting_job' : 'auditor',
    issuedAt,
    expiresAt: issuedAt.replace('T10', 'T18'),
    keyId: 'sha256:0123456789abcdef',
    operator: { osUser: 'jsmith', host: 'ops-1' },
  });

  const run = async (...args: string[]): Promise<unknown> => {
    output = '';
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', 'audit', 'tokens', ...args]);
    return JSON.parse(output);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-tokens-cli-'));
    file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    await recordTokenIssued(store, issue('nightly-return', '2026-01-05T10:00:00Z'));
    await recordTokenIssued(store, issue('dpo.jane', '2026-01-07T10:00:00Z'));
    await store.close();
    env = process.env;
    process.env = { ...env, CARE_JOURNEY_STORE: 'sqlite', CARE_JOURNEY_SQLITE_FILE: file, NODE_ENV: 'test' };
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    process.env = env;
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given two tokens issued, When listed, Then each shows its id, user, role, times, key and the OS account and host, oldest first', async () => {
    const { operator: _operator, ...first } = issue('nightly-return', '2026-01-05T10:00:00Z');
    expect(await run()).toEqual([
      { ...first, eventId: expect.any(String), position: '1', operator: { osUser: 'jsmith', host: 'ops-1' } },
      expect.objectContaining({ userId: 'dpo.jane', role: 'auditor', issuedAt: '2026-01-07T10:00:00Z' }),
    ]);
  });

  it('keeps those of one user, or issued between two days (inclusive)', async () => {
    expect(await run('--user', 'dpo.jane')).toEqual([expect.objectContaining({ userId: 'dpo.jane' })]);
    expect(await run('--from', '2026-01-06')).toEqual([expect.objectContaining({ userId: 'dpo.jane' })]);
    expect(await run('--to', '2026-01-05')).toEqual([expect.objectContaining({ userId: 'nightly-return' })]);
    expect(await run('--from', '2026-01-08')).toEqual([]);
  });

  it('refuses a day that is not YYYY-MM-DD, naming the option', async () => {
    const program = new Command('care-journey').exitOverride().configureOutput({ writeErr: () => undefined });
    registerAuditCommand(program);
    for (const command of program.commands) {
      command.exitOverride().configureOutput({ writeErr: () => undefined });
      command.commands.forEach((sub) => sub.exitOverride().configureOutput({ writeErr: () => undefined }));
    }
    await expect(
      program.parseAsync(['node', 'care-journey', 'audit', 'tokens', '--from', '5 Jan']),
    ).rejects.toThrow('--from must be a date, YYYY-MM-DD');
  });
});
