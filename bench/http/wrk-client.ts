/**
 * The load tool as its own process, with wrk: the same arguments and the same JSON line as
 * load-client.ts (autocannon), so the HTTP figure can use either.
 *   node wrk-client.js <url> <token> <connections> <seconds> <targets.json> <firstRequest>
 * cpuMs is wrk's own CPU time (all its threads), read from this process's /proc cutime/cstime
 * once wrk has exited: this wrapper only waits, and wrk is its one child.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitedChildrenCpuMs } from './process-cpu';
import type { LoadCounts } from './load-tool';
import { WRK_REVIEW_SCRIPT } from './wrk-review-script';

/** One wrk thread: it drives 32 connections easily, and a second would take CPU from the API. */
const WRK_THREADS = 1;

/** The Lua script's closing line: the counts, and the last request number it sent. */
interface WrkLine extends LoadCounts {
  lastN: number;
}

async function main(): Promise<void> {
  const [url, token, connections, seconds, targetsFile, firstArg] = process.argv.slice(2);
  const first = Number(firstArg);
  const dir = mkdtempSync(join(tmpdir(), 'care-journey-wrk-'));
  try {
    const targets = JSON.parse(readFileSync(targetsFile, 'utf8')) as { childId: string }[];
    writeFileSync(join(dir, 'targets.txt'), targets.map((t) => t.childId).join('\n'));
    writeFileSync(join(dir, 'reviews.lua'), WRK_REVIEW_SCRIPT);
    const cpuBefore = exitedChildrenCpuMs() ?? 0;
    const options = [
      '-t',
      String(WRK_THREADS),
      '-c',
      connections,
      '-d',
      `${seconds}s`,
      '-s',
      join(dir, 'reviews.lua'),
    ];
    const scriptArgs = [join(dir, 'targets.txt'), token, firstArg, String(WRK_THREADS)];
    const args = [...options, url, '--', ...scriptArgs];
    const wrk = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    wrk.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => wrk.once('exit', resolve));
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (code !== 0 || line === undefined) throw new Error(`wrk exited ${code}: ${out.slice(-2000)}`);
    const result = JSON.parse(line) as WrkLine;
    const { lastN, ...figures } = result;
    const cpuMs = (exitedChildrenCpuMs() ?? Number.NaN) - cpuBefore;
    const sent = lastN < first ? 0 : lastN + 1 - first;
    process.stdout.write(`${JSON.stringify({ ...figures, sent, cpuMs, tool: 'wrk' })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
