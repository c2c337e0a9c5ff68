import { parseUsers } from './users-file';
import { usernameProblem, usernameTwice } from './username';

const AUTHORITY = { teams: ['Children in Care North'], socialWorkerScope: 'authority' as const };
const entry = (username: string, role = 'panel_member') => ({
  username,
  name: `Name of ${username}`,
  role,
  passwordHash: 'scrypt$c2FsdA$aGFzaA',
});
const users = (...entries: object[]) => JSON.stringify(entries);

describe('sign-in names in the users file', () => {
  it('Given two entries whose usernames differ only in case, When the file is read, Then it is refused naming both entries', () => {
    expect(() =>
      parseUsers(users(entry('pat', 'social_worker'), entry('PAT')), 'users.json', AUTHORITY),
    ).toThrow(/^users\.json\[1\]\.username: "PAT" is users\.json\[0\]'s username in another case/);
  });

  it.each([' pat', 'pat ', 'pat smith', 'pat\tsmith', 'pat\u200bsmith', 'x'.repeat(65)])(
    'Given the username %j, When the file is read, Then it is refused naming the rule',
    (username) => {
      expect(() => parseUsers(users(entry(username)), 'users.json', AUTHORITY)).toThrow(
        /^users\.json\[0\]\.username: must be 1–64 letters, digits or \. _ - @ \(no spaces\)/,
      );
    },
  );

  it.each(['pat', 'sw.demo', 'p.o-brien_2@council.gov.uk', 'Zoë', 'x'.repeat(64)])(
    'Given the username %j, Then it is a sign-in name',
    (username) => {
      expect(usernameProblem(username)).toBeUndefined();
      expect(parseUsers(users(entry(username)), 'users.json', AUTHORITY)[0].username).toBe(username);
    },
  );

  it('Given distinct names, Then none is twice; given the same name in two cases, Then the second is named', () => {
    expect(usernameTwice(['a', 'b', 'c'])).toBeUndefined();
    expect(usernameTwice(['a', 'Bob', 'c', 'BOB'])).toEqual({ username: 'BOB', first: 1, second: 3 });
  });
});
