import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { SWC_CACHE_VARIABLE, tsRequireHookFile } from './ts-require-hook';
import { startWorkerBeside } from './worker-beside';

jest.setTimeout(60_000);

describe('the TypeScript require hook: compiled files kept in the folder CARE_JOURNEY_SWC_CACHE names', () => {
  let dir: string;
  let cache: string;
  const saved = process.env[SWC_CACHE_VARIABLE];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-hook-spec-'));
    cache = join(dir, 'cache');
    process.env[SWC_CACHE_VARIABLE] = cache;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[SWC_CACHE_VARIABLE];
    else process.env[SWC_CACHE_VARIABLE] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `file` in a fresh Node process through the hook; what it printed. */
  const run = (file: string): string => {
    const result = spawnSync(process.execPath, ['--require', tsRequireHookFile(), file], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`exited ${result.status}: ${result.stderr}`);
    return result.stdout.trim();
  };

  it('Given the variable, When a process loads a .ts file, Then its compiled code is kept there and the next process runs it from there; a changed source is compiled again', () => {
    const file = join(dir, 'greet.ts');
    writeFileSync(file, "const greeting: string = 'first';\nconsole.log(greeting);\n");

    expect(existsSync(cache)).toBe(false);
    expect(run(file)).toBe('first');
    const kept = readdirSync(cache);
    expect(kept).toHaveLength(1);

    // The next process reads the kept file, not the source: what it runs shows it.
    writeFileSync(join(cache, kept[0]), "console.log('from the cache');\n");
    expect(run(file)).toBe('from the cache');

    // A changed source has another name in the cache: compiled again, never the old code.
    writeFileSync(file, "const greeting: string = 'second';\nconsole.log(greeting);\n");
    expect(run(file)).toBe('second');
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('Given the variable, When a worker thread starts from a .ts source, Then the thread compiles into the same folder', async () => {
    writeFileSync(
      join(dir, 'echo.ts'),
      "import { parentPort, workerData } from 'node:worker_threads';\n" +
        'parentPort?.postMessage(`echo ${(workerData as { settings: string }).settings}`);\n',
    );
    const worker = startWorkerBeside(dir, 'echo', 'hello');
    const [message] = (await once(worker, 'message')) as [string];
    await worker.terminate();

    expect(message).toBe('echo hello');
    expect(readdirSync(cache)).toHaveLength(1);
  });
});
