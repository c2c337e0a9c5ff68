import { TokenHolders } from './token-holders';
import type { Role } from '@care-journey/access';
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
    expect(new TokenHolders(undefined).holds({ id: 'x', name: 'x', role: 'admin' })).toBe(true);
  });

  it('Given the user there with the token’s role, Then it holds; another role or no entry does not', () => {
    directory.set('ann', 'auditor');
    const holders = new TokenHolders(users);
    expect(holders.holds({ id: 'Ann', name: 'Ann', role: 'auditor' })).toBe(true);
    expect(holders.holds({ id: 'ann', name: 'Ann', role: 'admin' })).toBe(false);
    expect(holders.holds({ id: 'bob', name: 'Bob', role: 'auditor' })).toBe(false);
  });

  it('Given the directory changes, Then the next check follows it (how often the file is looked at is the directory’s, watched-file.ts)', () => {
    directory.set('ann', 'auditor');
    const holders = new TokenHolders(users);
    const ann = { id: 'ann', name: 'Ann', role: 'auditor' as const };
    expect(holders.holds(ann)).toBe(true);
    directory.delete('ann');
    expect(holders.holds(ann)).toBe(false);
    expect(lookups).toEqual(['ann', 'ann']);
  });
});
