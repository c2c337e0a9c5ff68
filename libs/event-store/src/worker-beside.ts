import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tsRequireHookSource } from './ts-require-hook';

/**
 * Starts `<dir>/<name>.js` as a worker thread, with `settings` as its `workerData.settings`. Used by
 * the SQLite writer thread and the API's projector thread. Compiled, the worker is that .js. Run from
 * TypeScript sources (Jest runs the API and the store in-process), the thread has no Jest transform:
 * it installs the swc require hook (ts-require-hook.ts) before loading the .ts.
 */
const RUN_ENTRY = `require(require('node:worker_threads').workerData.boot.entry);\n`;

function bootstrapFor(dir: string, name: string): { code: string; entry: string } {
  const js = join(dir, `${name}.js`);
  if (existsSync(js)) return { code: RUN_ENTRY, entry: js };
  return { code: tsRequireHookSource() + RUN_ENTRY, entry: join(dir, `${name}.ts`) };
}

/** A worker thread running `<dir>/<name>` (.js compiled, .ts from sources). */
export function startWorkerBeside(dir: string, name: string, settings: unknown): Worker {
  const { code, entry } = bootstrapFor(dir, name);
  return new Worker(code, { eval: true, workerData: { boot: { entry }, settings } });
}
