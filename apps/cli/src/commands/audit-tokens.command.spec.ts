import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  recordSignedIn,
  recordTokenIssued,
  SESSION_ENDED,
  sessionStream,
  type SessionEndedData,
  type TokenIssuedInput,
} from '@care-journey/audit';
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
      {
        ...first,
        source: 'token-command',
        eventId: expect.any(String),
        position: '1',
        operator: { osUser: 'jsmith', host: 'ops-1' },
      },
      expect.objectContaining({ userId: 'dpo.jane', role: 'auditor', issuedAt: '2026-01-07T10:00:00Z' }),
    ]);
  });

  it('keeps those of one user, or issued between two days (inclusive)', async () => {
    expect(await run('--user', 'dpo.jane')).toEqual([expect.objectContaining({ userId: 'dpo.jane' })]);
    expect(await run('--from', '2026-01-06')).toEqual([expect.objectContaining({ userId: 'dpo.jane' })]);
    expect(await run('--to', '2026-01-05')).toEqual([expect.objectContaining({ userId: 'nightly-return' })]);
    expect(await run('--from', '2026-01-08')).toEqual([]);
  });

  it('Given a web sign-in recorded beside them, When listed, Then it is marked web-sign-in (no OS account), the summary counts each source, and --source keeps one', async () => {
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    await recordSignedIn(store, {
      tokenId: '5d0c1f4e-3b1a-4a4e-9f0e-2b7c7a1e9d11',
      userId: 'sw.jones',
      name: 'Sam Jones',
      role: 'social_worker',
      issuedAt: '2026-01-08T09:00:00Z',
      expiresAt: '2026-01-08T17:00:00Z',
      keyId: 'sha256:0123456789abcdef',
      requestId: 'req-42',
    });
    await store.close();
    let summary = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((summary += String(chunk)), true));

    const listed = (await run()) as { source: string; userId: string }[];
    expect(listed.map(({ source, userId }) => [source, userId])).toEqual([
      ['token-command', 'nightly-return'],
      ['token-command', 'dpo.jane'],
      ['web-sign-in', 'sw.jones'],
    ]);
    expect(listed[2]).toEqual({
      source: 'web-sign-in',
      tokenId: '5d0c1f4e-3b1a-4a4e-9f0e-2b7c7a1e9d11',
      userId: 'sw.jones',
      name: 'Sam Jones',
      role: 'social_worker',
      issuedAt: '2026-01-08T09:00:00Z',
      expiresAt: '2026-01-08T17:00:00Z',
      keyId: 'sha256:0123456789abcdef',
      requestId: 'req-42',
      eventId: expect.any(String),
      position: '3',
    });
    expect(summary).toBe(
      '3 token(s) issued: 2 by `care-journey token`, 1 at web sign-in; 0 web session(s) ended: 0 signed out, 0 on an access change\n',
    );

    expect(await run('--source', 'web-sign-in')).toEqual([expect.objectContaining({ userId: 'sw.jones' })]);
    expect(await run('--source', 'token-command')).toHaveLength(2);
  });

  it('Given a web session signed in, extended and signed out, another ended on an access change, and a token issued after, When listed, Then the ends are among the tokens in the order recorded (not the extension), each with its reason; --source session-ended keeps them; the filters apply to when they ended', async () => {
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    const signIn = (tokenId: string, userId: string, at: string) =>
      recordSignedIn(store, {
        tokenId,
        userId,
        role: 'social_worker',
        issuedAt: at,
        expiresAt: at.replace('T09', 'T17'),
        keyId: 'sha256:0123456789abcdef',
      });
    const end = (data: SessionEndedData) =>
      store.appendToStream(
        sessionStream(data.sessionId),
        [
          {
            id: `end-${data.sessionId}`,
            type: SESSION_ENDED,
            data,
            metadata: { recordedAt: data.endedAt, recordedBy: data.userId, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    const jones = '5d0c1f4e-3b1a-4a4e-9f0e-2b7c7a1e9d11';
    const patel = '7e1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
    await signIn(jones, 'sw.jones', '2026-01-08T09:00:00Z');
    await signIn(patel, 'sw.patel', '2026-01-08T09:30:00Z');
    // "Stay signed in": its stream shares the `session-` prefix, and is no end.
    await store.appendToStream(
      `session-extensions-${jones}`,
      [
        {
          id: `extended-${jones}`,
          type: 'SessionExtended',
          data: { sessionId: jones, userId: 'sw.jones', extendedAt: '2026-01-08T16:30:00Z' },
          metadata: { recordedAt: '2026-01-08T16:30:00Z', recordedBy: 'sw.jones', schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await end({
      sessionId: jones,
      userId: 'sw.jones',
      role: 'social_worker',
      endedAt: '2026-01-08T17:05:00Z',
      reason: 'signed-out',
    });
    await recordTokenIssued(store, issue('nightly-return', '2026-01-09T10:00:00Z'));
    await end({
      sessionId: patel,
      userId: 'sw.patel',
      role: 'social_worker',
      endedAt: '2026-01-10T08:00:00Z',
      reason: 'access-changed',
    });
    await store.close();
    let summary = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((summary += String(chunk)), true));

    const listed = (await run()) as { source: string; userId: string; reason?: string }[];
    expect(listed.map(({ source, userId, reason }) => [source, userId, reason])).toEqual([
      ['token-command', 'nightly-return', undefined],
      ['token-command', 'dpo.jane', undefined],
      ['web-sign-in', 'sw.jones', undefined],
      ['web-sign-in', 'sw.patel', undefined],
      ['session-ended', 'sw.jones', 'signed-out'],
      ['token-command', 'nightly-return', undefined],
      ['session-ended', 'sw.patel', 'access-changed'],
    ]);
    expect(listed[4]).toEqual({
      source: 'session-ended',
      sessionId: jones,
      userId: 'sw.jones',
      role: 'social_worker',
      endedAt: '2026-01-08T17:05:00Z',
      reason: 'signed-out',
      eventId: `end-${jones}`,
      position: '6',
    });
    expect(summary).toBe(
      '5 token(s) issued: 3 by `care-journey token`, 2 at web sign-in; 2 web session(s) ended: 1 signed out, 1 on an access change\n',
    );

    expect(await run('--source', 'session-ended')).toEqual([
      expect.objectContaining({ sessionId: jones }),
      expect.objectContaining({ sessionId: patel }),
    ]);
    expect(await run('--source', 'web-sign-in')).toHaveLength(2);
    expect(await run('--user', 'sw.jones')).toEqual([
      expect.objectContaining({ source: 'web-sign-in' }),
      expect.objectContaining({ source: 'session-ended' }),
    ]);
    expect(await run('--from', '2026-01-10')).toEqual([expect.objectContaining({ sessionId: patel })]);
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
    await expect(
      program.parseAsync(['node', 'care-journey', 'audit', 'tokens', '--source', 'web']),
    ).rejects.toThrow('--source must be one of token-command, web-sign-in, session-ended');
  });
});
