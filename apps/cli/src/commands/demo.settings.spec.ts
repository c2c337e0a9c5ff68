import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerDemoCommand } from './demo.command';

/** `npm start` with a wrong setting: the one "Cannot start" line, nothing seeded, no banner. */
describe('the demo with a wrong setting', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-demo-settings-'));
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = join(dir, 'events.db');
    process.env.CARE_JOURNEY_READMODEL_FILE = join(dir, 'read-models.db');
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['CARE_JOURNEY_DRIFT_THRESHOLDS', '{"DR07":{"days":-1}}'],
    ['CARE_JOURNEY_TRUST_PROXY', 'true'],
  ])(
    'Given %s=%s, When the demo starts, Then it stops before seeding, with one line and no banner',
    async (name, value) => {
      process.env[name] = value;
      const written: string[] = [];
      const capture = (text: unknown) => (written.push(String(text)), true);
      jest.spyOn(process.stdout, 'write').mockImplementation(capture);
      jest.spyOn(process.stderr, 'write').mockImplementation(capture);

      const program = new Command().exitOverride();
      registerDemoCommand(program);
      await program.parseAsync(['node', 'care-journey', 'demo', '--children', '3']);

      expect(process.exitCode).toBe(1);
      expect(written.join('')).toContain(`Cannot start: ${name}`);
      expect(written.join('')).not.toContain('Care Journey demo: open');
      expect(existsSync(join(dir, 'events.db'))).toBe(false);
    },
  );
});
