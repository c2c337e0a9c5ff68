/**
 * Every bearer token the apps hand out is traceable: an API token is recorded in `tokens-issued`
 * before it is printed (so `audit tokens` lists it, and CARE_JOURNEY_TOKENS=recorded accepts it), and
 * a web sign-in's token is a session (its own id, ended by signing out), recorded in `tokens-issued`
 * before its cookie is set (since session 18); "Stay signed in" keeps its id. This pins who calls
 * mintToken outside specs and test support: a new caller (a demo printing ready tokens, a script)
 * fails here until it records its tokens the way `token` does and is listed below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The callers allowed, and what each must do with the token. */
const MINTERS: Record<string, 'records the issue first' | 'a web session'> = {
  'apps/cli/src/commands/token.command.ts': 'records the issue first',
  'apps/api/src/web/auth/login.controller.ts': 'a web session',
  'apps/api/src/web/auth/session.controller.ts': 'a web session',
};

const callers = (): string[] =>
  [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))]
    .filter((file) => /\bmintToken\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file))
    .filter((file) => file !== 'libs/access/src/mint-token.ts')
    .sort();

describe('who mints bearer tokens (every token handed out is recorded or is a web session)', () => {
  it('Given the apps and libs (specs and test support aside), Then only the listed files call mintToken: the demo mints and prints none', () => {
    expect(callers()).toEqual(Object.keys(MINTERS).sort());
  });

  it('Given `care-journey token`, Then it records the issue before it mints: a token whose issue is not recorded is never printed', () => {
    const text = readFileSync(join(ROOT, 'apps/cli/src/commands/token.command.ts'), 'utf8');
    expect(text.indexOf('await recordIssue(')).toBeGreaterThan(-1);
    expect(text.indexOf('await recordIssue(')).toBeLessThan(text.indexOf('mintToken({'));
  });

  it('Given the sign-in, Then it records the sign-in before it mints: a session whose sign-in is not recorded is never handed out', () => {
    const text = readFileSync(join(ROOT, 'apps/api/src/web/auth/login.controller.ts'), 'utf8');
    expect(text.indexOf('await this.signIns.record(')).toBeGreaterThan(-1);
    expect(text.indexOf('await this.signIns.record(')).toBeLessThan(text.indexOf('mintToken({'));
  });

  it.each(Object.entries(MINTERS).filter(([, kind]) => kind === 'a web session'))(
    'Given %s, Then every token it mints is a web session (it passes sessionId)',
    (file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const calls = text
        .split('mintToken({')
        .slice(1)
        .map((call) => call.slice(0, call.indexOf('});')));
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call).toMatch(/\bsessionId\b/);
    },
  );
});
