import { Readable } from 'node:stream';
import { verifyPassword } from '../../../api/src/web/auth/password-hash';
import { buildProgram } from '../program';

describe('care-journey user-entry', () => {
  let output: string;
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin');

  const withStdin = (text: string): void => {
    Object.defineProperty(process, 'stdin', {
      value: Readable.from([Buffer.from(text)]),
      configurable: true,
    });
  };

  beforeEach(() => {
    output = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  });

  afterEach(() => {
    if (stdin) Object.defineProperty(process, 'stdin', stdin);
    jest.restoreAllMocks();
  });

  it('given a password on standard input, then it prints a users-file entry whose hash verifies that password', async () => {
    withStdin('correct horse battery\n');
    await buildProgram().parseAsync([
      'node',
      'care-journey',
      'user-entry',
      '--username',
      'pat',
      '--name',
      'Pat Panel',
      '--role',
      'panel_member',
    ]);
    const entry = JSON.parse(output) as {
      username: string;
      name: string;
      role: string;
      passwordHash: string;
    };
    expect(entry).toMatchObject({ username: 'pat', name: 'Pat Panel', role: 'panel_member' });
    expect(verifyPassword('correct horse battery', entry.passwordHash)).toBe(true);
    expect(verifyPassword('wrong', entry.passwordHash)).toBe(false);
  });

  it('given a short password, then it refuses and names the rule', async () => {
    withStdin('short\n');
    await expect(
      buildProgram()
        .exitOverride()
        .parseAsync([
          'node',
          'care-journey',
          'user-entry',
          '--username',
          'p',
          '--name',
          'P',
          '--role',
          'auditor',
        ]),
    ).rejects.toThrow(/at least 12 characters/);
  });
});
