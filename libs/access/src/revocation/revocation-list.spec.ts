import {
  formatRevocation,
  parseInstant,
  parseRevocations,
  RevocationFileError,
  RevocationList,
} from './revocation-list';

const ID = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
const OTHER_ID = '6c0f3d1e-2b4a-4f8e-9a7b-1c2d3e4f5a6b';
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('the revocation check', () => {
  const list = parseRevocations(
    [
      '# comment',
      '',
      `id ${ID}  # lost laptop`,
      'user alice before 2026-11-27T22:50:00Z',
      'user "Bob Smith" before 2026-11-27T10:00:00+01:00',
    ].join('\n'),
    'revoked',
  );

  it('Given a revoked id, Then that token is revoked and another of the same user is not', () => {
    expect(list.revokes({ id: ID, subject: 'carol', issuedAt: seconds('2026-11-27T23:00:00Z') })).toBe(true);
    expect(list.revokes({ id: OTHER_ID, subject: 'carol', issuedAt: 0 })).toBe(false);
    expect(list.revokes({ subject: 'carol' })).toBe(false);
  });

  it('Given a user cut-off, Then their tokens issued before it, or in its second, are revoked; later ones are not', () => {
    expect(list.revokes({ id: OTHER_ID, subject: 'alice', issuedAt: seconds('2026-11-27T22:49:59Z') })).toBe(
      true,
    );
    expect(list.revokes({ id: OTHER_ID, subject: 'alice', issuedAt: seconds('2026-11-27T22:50:00Z') })).toBe(
      true,
    );
    expect(list.revokes({ id: OTHER_ID, subject: 'alice', issuedAt: seconds('2026-11-27T22:50:01Z') })).toBe(
      false,
    );
  });

  it('Given a user cut-off, Then the user id is compared ignoring case, as the users file does', () => {
    expect(list.revokes({ subject: 'ALICE', issuedAt: seconds('2026-11-27T20:00:00Z') })).toBe(true);
    expect(list.revokes({ subject: 'bob smith', issuedAt: seconds('2026-11-27T08:59:59Z') })).toBe(true);
    expect(list.revokes({ subject: 'bob smith', issuedAt: seconds('2026-11-27T09:00:01Z') })).toBe(false);
  });

  it('Given a user cut-off, Then a token of that user without an issue time is revoked (it cannot show it came after)', () => {
    expect(list.revokes({ subject: 'alice' })).toBe(true);
  });

  it('Given two cut-offs for one user, Then the later one holds whatever their order', () => {
    const twice = parseRevocations(
      'user dan before 2026-11-27T12:00:00Z\nuser dan before 2026-11-01T00:00:00Z\n',
      'revoked',
    );
    expect(twice.revokes({ subject: 'dan', issuedAt: seconds('2026-11-20T00:00:00Z') })).toBe(true);
  });

  it('Given no revocations, Then nothing is revoked', () => {
    expect(RevocationList.EMPTY.revokes({ id: ID, subject: 'alice' })).toBe(false);
    expect(parseRevocations('\n# nothing yet\n', 'revoked').size).toBe(0);
  });
});

describe('the revoked-tokens file: a bad line is refused naming the file and the line', () => {
  it.each([
    [
      'frobnicate alice',
      1,
      /^revoked:1: expected `id <token id> \[expires <instant>\]` or `user <user id> before <instant>`, got "frobnicate alice"$/,
    ],
    [`# ok\nid ${ID} extra`, 2, /^revoked:2: expected `id <token id> \[expires <instant>\]`/],
    [`id ${ID} expires 2026-12-01`, 1, /^revoked:1: `expires` must be an instant with its time zone/],
    [`id ${ID} until 2026-12-01T00:00:00Z`, 1, /^revoked:1: expected `id <token id> \[expires <instant>\]`/],
    [
      'id not-a-uuid',
      1,
      /^revoked:1: the token id must be a token's jti \(a lower-case uuid\), got "not-a-uuid"$/,
    ],
    ['user alice', 1, /^revoked:1: expected `user <user id> before <instant>`/],
    ['user alice after 2026-11-27T22:50:00Z', 1, /^revoked:1: expected `user <user id> before <instant>`/],
    ['\n\nuser alice before 2026-11-27', 3, /^revoked:3: `before` must be an instant with its time zone/],
    ['user alice before 2026-02-30T00:00:00Z', 1, /^revoked:1: `before` must be an instant/],
    ['user "alice before 2026-11-27T22:50:00Z', 1, /^revoked:1: a quoted user id has no closing "$/],
    ['user "" before 2026-11-27T22:50:00Z', 1, /^revoked:1: the user id must not be empty$/],
  ])('%j → line %i', (text, line, message) => {
    let thrown: unknown;
    try {
      parseRevocations(text, 'revoked');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RevocationFileError);
    expect((thrown as RevocationFileError).line).toBe(line);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('formatRevocation writes what parseRevocations reads back', () => {
  it.each([
    [{ kind: 'id' as const, id: ID, note: 'revoked 2026-11-27T22:50:00Z: lost laptop' }],
    [{ kind: 'id' as const, id: ID, expires: new Date('2026-12-27T22:50:00.000Z'), note: 'revoked' }],
    [{ kind: 'user' as const, user: 'alice', before: new Date('2026-11-27T22:50:00.000Z') }],
    [
      {
        kind: 'user' as const,
        user: 'Bob "B" #2 Smith',
        before: new Date('2026-11-27T22:50:00.250Z'),
        note: 'left',
      },
    ],
  ])('%j', (entry) => {
    expect(parseRevocations(formatRevocation(entry), 'revoked').entries).toEqual([entry]);
  });

  it('writes whole seconds without milliseconds', () => {
    expect(formatRevocation({ kind: 'user', user: 'alice', before: new Date('2026-11-27T22:50:00Z') })).toBe(
      'user alice before 2026-11-27T22:50:00Z',
    );
  });
});

describe('parseInstant', () => {
  it('takes instants with a zone and refuses dates alone, impossible dates and no zone', () => {
    expect(parseInstant('2026-11-27T22:50:00Z')?.toISOString()).toBe('2026-11-27T22:50:00.000Z');
    expect(parseInstant('2026-11-27T22:50+01:00')?.toISOString()).toBe('2026-11-27T21:50:00.000Z');
    for (const bad of [
      '2026-11-27',
      '2026-11-27T22:50:00',
      '2026-13-01T00:00:00Z',
      '2026-11-27T24:00:00Z',
      'now',
    ])
      expect(parseInstant(bad)).toBeUndefined();
  });
});
