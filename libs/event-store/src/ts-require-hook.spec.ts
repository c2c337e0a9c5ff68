import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('Given a compiled file that cannot be kept (its name in the folder taken by a directory), When a process loads the source, Then it runs all the same: keeping is only a saving', () => {
    const file = join(dir, 'unkept.ts');
    const source = "const word: string = 'ran';\nconsole.log(word);\n";
    writeFileSync(file, source);
    mkdirSync(cache, { recursive: true });
    const name = createHash('sha1').update(`${file}\0${source}`).digest('hex');
    mkdirSync(join(cache, `${name}.js`)); // the rename onto it fails (EISDIR), as a lost race would

    expect(run(file)).toBe('ran');
    expect(readdirSync(cache)).toEqual([`${name}.js`]); // no temporary file left behind
  });

  it('Given a cold folder, When six threads of one process start together from the same sources, Then every thread starts (their temporary files never clash: threads share a pid)', async () => {
    for (let i = 0; i < 40; i++)
      writeFileSync(
        join(dir, `part${i}.ts`),
        i === 0
          ? 'export const depth: number = 0;\n'
          : `import { depth as d } from './part${i - 1}';\nexport const depth: number = d + 1;\n`,
      );
    writeFileSync(
      join(dir, 'deep.ts'),
      "import { parentPort } from 'node:worker_threads';\nimport { depth } from './part39';\nparentPort?.postMessage(`depth ${depth}`);\n",
    );
    const workers = Array.from({ length: 6 }, () => startWorkerBeside(dir, 'deep', ''));
    const answers = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<string>((resolve) => {
            worker.once('message', (message: string) => resolve(message));
            worker.once('error', (error: Error) => resolve(`error: ${error.message}`));
          }),
      ),
    );
    await Promise.all(workers.map((worker) => worker.terminate()));

    expect(answers).toEqual(Array.from({ length: 6 }, () => 'depth 39'));
    expect(readdirSync(cache).filter((f) => !f.endsWith('.js'))).toEqual([]);
  });
});
