/**
 * The production build (tsconfig.build.json, run by `npm install`) leaves out what only specs use:
 * `*.spec.ts`, helpers in `testing/` folders, `*.fixture.ts` (a process a spec starts) and
 * `*.spec-helper.ts`. Only libs/journey's test helpers that its index exports on purpose
 * (givenJourney, …) are built, reached through that import.
 */
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const SPEC_ONLY = /\/testing\/|\.fixture\.ts$|\.spec-helper\.ts$|\.spec\.ts$/;

function buildRoots(): string[] {
  const file = join(root, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file).fileNames;
}

describe('the production build', () => {
  it('Given the build configuration, When its files are listed, Then no spec, testing/ helper or fixture is among them', () => {
    const roots = buildRoots();
    expect(roots.length).toBeGreaterThan(100);
    expect(roots.filter((path) => SPEC_ONLY.test(path))).toEqual([]);
  });
});
