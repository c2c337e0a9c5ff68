import { Readable } from 'node:stream';
import { verifyPassword } from '@care-journey/access';
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

  it('given a social worker with --team, then the entry carries the teams as the authority spells them', async () => {
    withStdin('correct horse battery\n');
    await buildProgram().parseAsync([
      ...[
        'node',
        'care-journey',
        'user-entry',
        '--username',
        'sam',
        '--name',
        'Sam',
        '--role',
        'social_worker',
      ],
      ...['--team', 'children in care north', '--team', 'Leaving Care 16+'],
    ]);
    expect(JSON.parse(output)).toMatchObject({
      username: 'sam',
      role: 'social_worker',
      teams: ['Children in Care North', 'Leaving Care 16+'],
    });
  });

  it('given a social worker without a team, or a team the authority does not have, then it refuses naming --team', async () => {
    const run = (...extra: string[]) => {
      withStdin('correct horse battery\n');
      return buildProgram()
        .exitOverride()
        .parseAsync([
          ...[
            'node',
            'care-journey',
            'user-entry',
            '--username',
            'sam',
            '--name',
            'S',
            '--role',
            'social_worker',
          ],
          ...extra,
        ]);
    };
    await expect(run()).rejects.toThrow(/--team: a social_worker must list the teams they work in/);
    await expect(run('--team', 'East')).rejects.toThrow(/--team\[0\]: must be one of the authority's teams/);
  });

  it('given a username with a space, then it refuses naming --username and the rule, and prints nothing', async () => {
    withStdin('correct horse battery\n');
    await expect(
      buildProgram()
        .exitOverride()
        .parseAsync([
          'node',
          'care-journey',
          'user-entry',
          '--username',
          'pat smith',
          '--name',
          'P',
          '--role',
          'panel_member',
        ]),
    ).rejects.toThrow(/--username: must be 1–64 letters, digits or \. _ - @ \(no spaces\)/);
    expect(output).toBe('');
  });
});
