import { TokenHolders } from './token-holders';
import type { Role } from './role';
import type { SessionUsers } from './session-users';

describe('TokenHolders: an API token’s user against the users file', () => {
  const directory = new Map<string, Role>();
  const lookups: string[] = [];
  const users: SessionUsers = {
    currentRole: (id) => {
      lookups.push(id);
      return directory.get(id.toLowerCase());
    },
  };
  beforeEach(() => {
    directory.clear();
    lookups.length = 0;
  });

  it('Given no users file, Then every token holds', () => {
    expect(new TokenHolders(undefined).holds({ id: 'x', name: 'x', role: 'admin' }, 0)).toBe(true);
  });

  it('Given the user there with the token’s role, Then it holds; another role or no entry does not', () => {
    directory.set('ann', 'auditor');
    const holders = new TokenHolders(users);
    expect(holders.holds({ id: 'Ann', name: 'Ann', role: 'auditor' }, 0)).toBe(true);
    expect(holders.holds({ id: 'ann', name: 'Ann', role: 'admin' }, 0)).toBe(false);
    expect(holders.holds({ id: 'bob', name: 'Bob', role: 'auditor' }, 0)).toBe(false);
  });

  it('Given the file changes, Then the change applies within a second; the directory is asked once a second per user', () => {
    directory.set('ann', 'auditor');
    const holders = new TokenHolders(users);
    const ann = { id: 'ann', name: 'Ann', role: 'auditor' as const };
    for (let ms = 0; ms < 1_000; ms += 100) expect(holders.holds(ann, ms)).toBe(true);
    expect(lookups).toEqual(['ann']);
    directory.delete('ann');
    expect(holders.holds(ann, 1_000)).toBe(false);
    expect(lookups).toEqual(['ann', 'ann']);
  });
});
