import { JwtService } from '@nestjs/jwt';
import { buildProgram } from '../program';

describe('care-journey token', () => {
  const secret = 's'.repeat(40);
  let output: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    env = process.env;
    process.env = { ...env, CARE_JOURNEY_JWT_SECRET: secret, NODE_ENV: 'test' };
    output = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  });

  afterEach(() => {
    process.env = env;
    jest.restoreAllMocks();
  });

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
    const claims = new JwtService().verify(output.trim(), {
      secret,
      issuer: 'care-journey',
      audience: 'care-journey',
    });
    expect(claims).toMatchObject({ sub: 'carol', name: 'carol', role: 'auditor' });
    expect(claims.exp - claims.iat).toBe(7200);
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
});
