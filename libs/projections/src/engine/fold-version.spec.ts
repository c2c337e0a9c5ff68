/**
 * The fold's sources against the hash recorded beside FOLD_VERSION (review s12-ops F10): a change to
 * how events are folded into the read models must say whether stored read models are still right.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FOLD_SOURCES, FOLD_SOURCES_HASH, FOLD_VERSION } from './fold-version';

const SRC = join(__dirname, '..');

/** A source's .ts files (specs and spec helpers left out), recursively, in a fixed order. */
function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return filesOf(child);
      return /\.ts$/.test(name) && !/\.spec(-helper)?\.ts$/.test(name) ? [child] : [];
    });
}

function foldSourcesHash(): string {
  const hash = createHash('sha256');
  for (const source of FOLD_SOURCES)
    for (const file of filesOf(join(SRC, source))) {
      // The path too: moving a file in or out of the fold changes it.
      hash.update(relative(SRC, file).split('\\').join('/'));
      hash.update('\0');
      hash.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
      hash.update('\0');
    }
  return hash.digest('hex');
}

describe('FOLD_VERSION: the version stamped on each read-model generation', () => {
  it('Given the fold sources, Then their hash is the one recorded beside FOLD_VERSION (else: bump FOLD_VERSION if stored values can change, and record the new hash)', () => {
    const hash = foldSourcesHash();
    if (hash !== FOLD_SOURCES_HASH)
      throw new Error(
        `The fold sources (FOLD_SOURCES in libs/projections/src/engine/fold-version.ts) changed since FOLD_VERSION ${FOLD_VERSION} was recorded.\n` +
          'If the change can alter what the read models store (a summary field, a flag, a view), bump FOLD_VERSION: ' +
          'every projecting process then rebuilds its read models at start (apps/api/README.md, "Upgrading").\n' +
          `Either way set FOLD_SOURCES_HASH = '${hash}'.`,
      );
  });

  it('Given each listed source, Then it exists and holds code (a renamed directory must not drop out of the hash silently)', () => {
    for (const source of FOLD_SOURCES) expect(filesOf(join(SRC, source)).length).toBeGreaterThan(0);
  });
});
