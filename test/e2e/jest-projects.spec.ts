/**
 * The Jest projects and the npm scripts that run them agree, so `npm run test:<project>` exists for
 * each (README, "Run every test") and a browser spec runs in the browser project only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jestConfig = require(join(root, 'jest.config.js')) as {
  projects: { displayName: string; testMatch: string[]; testPathIgnorePatterns?: string[] }[];
};
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('the Jest projects and their npm scripts', () => {
  it('Given each Jest project, Then `npm run test:<project>` runs it alone', () => {
    const names = jestConfig.projects.map((project) => project.displayName);
    expect(names).toEqual(['unit', 'contract', 'e2e', 'browser', 'faults']);
    for (const name of names) expect(scripts[`test:${name}`]).toBe(`jest --selectProjects ${name}`);
  });

  it('Given the browser specs under test/e2e/browser, Then the e2e project leaves them to the browser project', () => {
    const e2e = jestConfig.projects.find((project) => project.displayName === 'e2e');
    const browser = jestConfig.projects.find((project) => project.displayName === 'browser');
    // By testMatch, not an ignore pattern: run-suite.js's --testPathIgnorePatterns replace a project's own.
    expect(e2e?.testMatch).toEqual(['<rootDir>/test/e2e/**/*.spec.ts', '!**/test/e2e/browser/**']);
    expect(browser?.testMatch).toEqual(['<rootDir>/test/e2e/browser/**/*.spec.ts']);
  });
});
