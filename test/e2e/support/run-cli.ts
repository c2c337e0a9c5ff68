import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { tsRequireHookFile } from '@care-journey/event-store';

const CLI = resolve(__dirname, '../../../apps/cli/main.ts');

/**
 * Runs the real CLI (TypeScript through the shared require hook) as its own process on a SQLite
 * store, its read-model file beside it as the API's; killed after 60 s so a spec never hangs.
 */
export function runCli(
  sqliteFile: string,
  args: string[],
): Promise<{ code: number | null; pid: number; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CARE_JOURNEY_STORE: 'sqlite',
    CARE_JOURNEY_SQLITE_FILE: sqliteFile,
  };
  delete env.CARE_JOURNEY_READMODEL_FILE; // beside the store, as the API's
  const child = spawn(process.execPath, ['--require', tsRequireHookFile(), CLI, ...args], { env });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((done) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, pid: child.pid ?? -1, out });
    }),
  );
}
