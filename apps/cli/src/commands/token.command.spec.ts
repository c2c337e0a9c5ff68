import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { hashPassword, jwtKeyId, readRevocations } from '@care-journey/access';
import { readIssuedTokens, readWholeStream, TOKENS_ISSUED_STREAM, verifyChain } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { buildProgram } from '../program';
import { useCliSpecStore } from '../testing/cli-spec-store';

describe('care-journey token', () => {
  const secret = 's'.repeat(40);
  // Every token minted is recorded in the store first (TokenIssued): a real SQLite store.
  const cli = useCliSpecStore({
    prefix: 'cj-token-cli-',
    env: { CARE_JOURNEY_JWT_SECRET: secret },
    unset: ['CARE_JOURNEY_USERS', 'CARE_JOURNEY_REVOKED_TOKENS'],
  });

  const run = (...args: string[]) => buildProgram().parseAsync(['node', 'care-journey', 'token', ...args]);

  it('prints a token with the role and user, signed with the configured secret', async () => {
    await buildProgram().parseAsync([
      'node',
      'care-journey',
      'token',
      '--role',
      'auditor',
      '--user',
      'carol',
      '--hours',
      '2',
    ]);
    const claims = new JwtService().verify(cli.output.trim(), {
      secret,
      issuer: 'care-journey',
      audience: 'care-journey',
    });
    expect(claims).toMatchObject({ sub: 'carol', name: 'carol', role: 'auditor', kind: 'api' });
    expect(claims.exp - claims.iat).toBe(7200);
    // Its id goes to stderr, so `TOKEN=$(care-journey token …)` still captures the token alone.
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // With its expiry, so the revocation's line can be pruned once the token has expired (s12-ops F13).
    const expires = new Date(claims.exp * 1000).toISOString().replace('.000Z', 'Z');
    expect(cli.errors).toContain(
      `token id ${claims.jti} (revoke with: care-journey token revoke --id ${claims.jti} --expires ${expires})`,
    );
    expect(cli.output).not.toContain(claims.jti);
  });

  /** The store's issued tokens, read back from the file. */
  const issuedTokens = async () => {
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    try {
      return {
        tokens: await readIssuedTokens(store),
        chain: verifyChain((await readWholeStream(store, TOKENS_ISSUED_STREAM)) ?? []),
      };
    } finally {
      await store.close();
    }
  };

  it('Given a token is minted, Then its issue is in the store first: TokenIssued with id, user, role, expiry, key, OS account and host, chained', async () => {
    await run(
      '--role',
      'reporting_job',
      '--user',
      'nightly-return',
      '--name',
      'Nightly return',
      '--hours',
      '720',
    );
    const claims = new JwtService().verify(cli.output.trim(), {
      secret,
      issuer: 'care-journey',
      audience: 'care-journey',
    });
    await run('--role', 'auditor', '--user', 'dpo.jane');
    const { tokens, chain } = await issuedTokens();
    const at = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toEqual({
      source: 'token-command',
      eventId: expect.any(String),
      position: expect.stringMatching(/^\d+$/),
      tokenId: claims.jti,
      userId: 'nightly-return',
      name: 'Nightly return',
      role: 'reporting_job',
      issuedAt: at(claims.iat),
      expiresAt: at(claims.exp),
      keyId: jwtKeyId(secret),
      operator: { osUser: userInfo().username, host: hostname() },
    });
    expect(tokens[1]).toMatchObject({ userId: 'dpo.jane', role: 'auditor' });
    expect(tokens[1]).not.toHaveProperty('name');
    expect(chain).toMatchObject({ ok: true, checked: 2 });
    // The token itself is never stored.
    expect(JSON.stringify(tokens)).not.toContain(cli.output.trim().split('\n')[0].slice(-20));
    expect(cli.errors).toContain('its issue is recorded in the store (care-journey audit tokens)');
  });

  it('Given the store file is missing, Then it says so and prints no token', async () => {
    const missing = join(cli.dir, 'nowhere.db');
    process.env.CARE_JOURNEY_SQLITE_FILE = missing;
    await expect(run('--role', 'auditor', '--user', 'carol')).rejects.toThrow(
      `token: cannot record the token's issue in the event store at ${missing} (CARE_JOURNEY_SQLITE_FILE): there is no such file. No token was printed`,
    );
    expect(cli.output).toBe('');
    expect(() => statSync(missing)).toThrow(); // not created either
  });

  it('Given the store cannot be written (read-only), Then it says so and prints no token', async () => {
    // SQLITE_READONLY as better-sqlite3 words it (chmod cannot make it: specs may run as root).
    jest
      .spyOn(SqliteEventStore.prototype, 'appendToStream')
      .mockRejectedValue(new Error('attempt to write a readonly database'));
    await expect(run('--role', 'auditor', '--user', 'carol')).rejects.toThrow(
      `token: cannot record the token's issue in the event store at ${cli.file} (CARE_JOURNEY_SQLITE_FILE): attempt to write a readonly database. No token was printed`,
    );
    expect(cli.output).toBe('');
    jest.mocked(SqliteEventStore.prototype.appendToStream).mockRestore();
    expect((await issuedTokens()).tokens).toEqual([]);
  });

  it('Given the store cannot be opened (the path is a folder), Then it says so and prints no token', async () => {
    process.env.CARE_JOURNEY_SQLITE_FILE = cli.dir;
    await expect(run('--role', 'auditor', '--user', 'carol')).rejects.toThrow(
      new RegExp(
        `^token: cannot record the token's issue in the event store at ${cli.dir} \\(CARE_JOURNEY_SQLITE_FILE\\): .+\\. No token was printed`,
      ),
    );
    expect(cli.output).toBe('');
  });

  it('Given a users file, Then it refuses a user not in it or another role, naming the option; mints for one who is', async () => {
    const usersFile = join(cli.dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify([
        { username: 'carol', name: 'Carol', role: 'auditor', passwordHash: hashPassword('x'.repeat(12)) },
      ]),
    );
    process.env.CARE_JOURNEY_USERS = usersFile;
    await expect(run('--role', 'auditor', '--user', 'mallory')).rejects.toThrow(
      `error: option '--user <id>': "mallory" is not in the users file ${usersFile}`,
    );
    await expect(run('--role', 'admin', '--user', 'carol')).rejects.toThrow(
      `error: option '--role <role>': "carol" is auditor in the users file ${usersFile} (CARE_JOURNEY_USERS), not admin`,
    );
    expect(cli.output).toBe('');
    await run('--role', 'auditor', '--user', 'Carol');
    expect(cli.output).toMatch(/^ey/);
  });

  it('refuses a token without --role or --user, naming the option', async () => {
    await expect(run('--user', 'x')).rejects.toThrow("required option '--role <role>' not specified");
    await expect(run('--role', 'auditor')).rejects.toThrow("required option '--user <id>' not specified");
  });

  it('refuses an unknown role', async () => {
    const program = buildProgram().exitOverride();
    program.commands.forEach((command) =>
      command.exitOverride().configureOutput({ writeErr: () => undefined }),
    );
    await expect(
      program.parseAsync(['node', 'care-journey', 'token', '--role', 'boss', '--user', 'x']),
    ).rejects.toThrow(/choices/i);
  });

  describe('token revoke / list-revoked', () => {
    const ID = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
    let file: string;
    beforeEach(() => {
      file = join(cli.dir, 'revoked');
      process.env.CARE_JOURNEY_REVOKED_TOKENS = file;
    });

    it('Given --id, Then the file (0600) revokes that token; again, it says it already was', async () => {
      await run('revoke', '--id', ID, '--reason', 'lost laptop');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readRevocations(file).revokes({ id: ID, subject: 'anyone' })).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^id ${ID}  # revoked \\S+Z: lost laptop$`, 'm'));
      expect(cli.output).toBe(`revoked token ${ID} in ${file}\n`);
      cli.output = '';
      await run('revoke', '--id', ID);
      expect(cli.output).toBe(`token ${ID} was already revoked in ${file}\n`);
      expect(readRevocations(file).size).toBe(1);
    });

    it('Given --user, Then every token of the user issued before now (or --before) is revoked; later ones are not', async () => {
      const before = Math.floor(Date.now() / 1000);
      await run('revoke', '--user', 'alice');
      await run(
        'revoke',
        '--user',
        'bob',
        '--before',
        '2026-01-01T09:00:00+01:00',
        '--file',
        join(cli.dir, 'other'),
      );
      const list = readRevocations(file);
      expect(list.revokes({ subject: 'alice', issuedAt: before })).toBe(true);
      expect(list.revokes({ subject: 'alice', issuedAt: before + 2 })).toBe(false);
      expect(readFileSync(join(cli.dir, 'other'), 'utf8')).toMatch(
        /^user bob before 2026-01-01T08:00:00Z  # revoked /m,
      );
      cli.output = '';
      await run('list-revoked');
      expect(cli.output).toMatch(/^user alice before \S+Z  # revoked \S+Z\n$/);
    });

    it.each([
      [['revoke'], 'error: give one of --id <token id> or --user <id> (not both)'],
      [['revoke', '--id', ID, '--user', 'a'], 'error: give one of --id <token id> or --user <id> (not both)'],
      [
        ['revoke', '--id', 'abc'],
        `error: option '--id <token id>': must be a token id (a lower-case uuid, as \`token\` printed it), got "abc"`,
      ],
      [
        ['revoke', '--id', ID, '--before', '2026-01-01T00:00:00Z'],
        "error: option '--before <instant>': goes with --user, not --id",
      ],
      [
        ['revoke', '--user', 'a', '--before', '2026-01-01'],
        "error: option '--before <instant>': must be an instant with its time zone",
      ],
      [
        ['revoke', '--user', 'a', '--before', '2999-01-01T00:00:00Z'],
        "error: option '--before <instant>': must not be after now",
      ],
      [['revoke', '--user', ' '], "error: option '--user <id>': must not be empty"],
      [
        ['revoke', '--user', 'a', '--reason', 'two\nlines'],
        "error: option '--reason <text>': must be one line",
      ],
    ])('%j is refused, naming the option, and writes nothing', async (args, message) => {
      await expect(run(...args)).rejects.toThrow(message);
      expect(() => statSync(file)).toThrow(/ENOENT/);
    });

    it('Given no file setting and no --file, Then it says which to give', async () => {
      delete process.env.CARE_JOURNEY_REVOKED_TOKENS;
      await expect(run('revoke', '--id', ID)).rejects.toThrow(
        'error: no revoked-tokens file: set CARE_JOURNEY_REVOKED_TOKENS (as the API has it) or give --file <path>',
      );
      await expect(run('list-revoked')).rejects.toThrow('no revoked-tokens file');
    });

    it('Given --expires, Then the line carries it; --prune drops the lines of expired tokens only, keeping comments, user lines and lines without an expiry (review s12-ops F13)', async () => {
      const inAnHour = new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000);
      await run('revoke', '--id', ID, '--expires', inAnHour.toISOString(), '--reason', 'lost');
      expect(readFileSync(file, 'utf8')).toMatch(
        new RegExp(
          `^id ${ID} expires ${inAnHour.toISOString().replace('.000Z', 'Z')}  # revoked \\S+Z: lost$`,
          'm',
        ),
      );
      expect(readRevocations(file).revokes({ id: ID, subject: 'x' })).toBe(true);
      // Lines as an operator (or an earlier revoke) left them: one expired, one without an expiry.
      const SPENT = '11111111-2222-4333-8444-555555555555';
      const UNDATED = '66666666-7777-4888-9999-aaaaaaaaaaaa';
      writeFileSync(
        file,
        `${readFileSync(file, 'utf8')}id ${SPENT} expires 2026-01-01T00:00:00Z  # revoked 2025-12-01T00:00:00Z\n# kept note\nid ${UNDATED}\nuser bob before 2025-01-01T00:00:00Z\n`,
      );
      const before = readFileSync(file, 'utf8');
      cli.output = '';
      cli.errors = '';
      await run('revoke', '--prune');
      expect(cli.output).toBe(
        `dropped id ${SPENT} expires 2026-01-01T00:00:00Z  # revoked 2025-12-01T00:00:00Z\n`,
      );
      expect(cli.errors).toContain(`1 expired revocation(s) dropped from ${file}`);
      expect(readFileSync(file, 'utf8')).toBe(before.replace(/^id 1111.*\n/m, ''));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const left = readRevocations(file);
      expect([ID, UNDATED].map((id) => left.revokes({ id, subject: 'x' }))).toEqual([true, true]);
      expect(left.revokes({ id: SPENT, subject: 'x' })).toBe(false);
    });

    it.each([
      [
        ['--id', ID, '--expires', '2026-01-01'],
        "option '--expires <instant>': must be an instant with its time zone",
      ],
      [
        ['--id', ID, '--expires', '2020-01-01T00:00:00Z'],
        'the token has expired and the API refuses it already',
      ],
      [['--id', ID, '--expires', '2999-01-01T00:00:00Z'], 'no token lives that long'],
      [
        ['--user', 'alice', '--expires', '2999-01-01T00:00:00Z'],
        "option '--expires <instant>': goes with --id",
      ],
      [['--prune', '--id', ID], "option '--prune': is given alone (with --file at most), not with --id"],
    ])('Given revoke %p, Then refused naming the option, nothing written', async (args, message) => {
      await expect(run('revoke', ...args)).rejects.toThrow(message);
      expect(() => statSync(file)).toThrow(/ENOENT/);
    });

    it('Given a file with a bad line, Then revoke and list-revoked name the file and line and write nothing', async () => {
      writeFileSync(file, 'id nope\n');
      await expect(run('revoke', '--id', ID)).rejects.toThrow(`${file}:1: the token id must be`);
      await expect(run('list-revoked')).rejects.toThrow(`${file}:1:`);
      await expect(run('revoke', '--prune')).rejects.toThrow(`${file}:1:`);
      expect(readFileSync(file, 'utf8')).toBe('id nope\n');
    });
  });
});
