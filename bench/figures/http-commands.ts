import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { hashPassword, mintToken } from '@care-journey/access';
import { chooseLoadTool, type LoadCounts, type LoadTool } from '../http/load-tool';
import { mainThreadCpuMs, processCpuMs } from '../http/process-cpu';
import { exited, firstLine, peakRssOf, spawnNode } from '../support/child-process';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import type { Row } from '../support/row';
import { TempDb } from '../support/temp-db';
import { progress } from '../support/timing';
import { reviewTargets } from '../workload/review-targets';
import type { Template } from '../workload/templates';

export interface LoadResult extends LoadCounts {
  sent: number;
  /** The load client's own CPU time over its whole run (ms). */
  cpuMs: number;
  tool: LoadTool;
}

/** A phase's load result with the API's CPU over it (whole process, and its main thread alone). */
type Measured = LoadResult & { apiCpuMs?: number; mainCpuMs?: number };

const CLIENTS = [1, 8, 32];

/** The bench's social worker, in every team the synthetic cohort allocates to (the default authority's). */
const benchSocialWorker = () => ({
  username: 'bench-social-worker',
  name: 'Bench Social Worker',
  role: 'social_worker',
  passwordHash: hashPassword(randomBytes(16).toString('hex')),
  teams: DEFAULT_AUTHORITY_CONFIG.teams,
});

const since = (before: number | undefined, after: number | undefined): number | undefined =>
  before === undefined || after === undefined ? undefined : after - before;
const ms = (value: number): string => value.toFixed(1);

/**
 * CPU per request of the API process (all its threads, from /proc) and of the load client: steadier
 * than requests per second on a shared machine, and the client's share shows what the load tool
 * itself takes from the same cores.
 */
function cpuNote(r: Measured): string {
  if (r.requests === 0) return '';
  const perCommand = (ms: number) => (ms / r.requests).toFixed(2);
  const main = r.mainCpuMs === undefined ? '' : ` (main thread ${perCommand(r.mainCpuMs)})`;
  const api = r.apiCpuMs === undefined ? '' : `API CPU ${perCommand(r.apiCpuMs)} ms/command${main}, `;
  return `; ${api}${r.tool} CPU ${(r.cpuMs / r.requests).toFixed(2)} ms/request`;
}
const script = (name: string) => join(__dirname, '..', 'http', `${name}.js`);
const CLIENT_SCRIPT: Record<LoadTool, string> = { wrk: 'wrk-client', autocannon: 'load-client' };

/** Polls /health/projections until the lag is 0 (or gives up after `timeoutMs`: measured anyway). */
async function caughtUp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${url}/health/projections`)).json()) as { lag?: string };
    if (health.lag === '0') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The API's store: cohort children up to `count` review targets; returns the targets. */
function writeTargets(templates: readonly Template[], count: number, file: string): { childId: string }[] {
  const { children, targets } = reviewTargets(templates, count);
  const db = openRaw(file, 'OFF');
  const insert = rawBatchInserter(db);
  db.transaction(() => children.forEach((child) => insert(child.stream, 0, child.events)))();
  db.close();
  return targets.map((t) => ({ childId: t.childId }));
}

/**
 * Commands through the real HTTP API: the API in one process (synchronous=FULL, its default writer and
 * projections modes unless the environment sets them; the row says which), the load tool (wrk when on
 * PATH, else autocannon) in another, POST /children/:id/reviews on many children so the decide path is
 * real and conflicts do not happen. 1, 8 and 32 concurrent clients, one after the other on the same store.
 */
export async function httpRows(
  templates: readonly Template[],
  seconds: number,
  singleTxPerSecond: number,
  profileDir?: string,
): Promise<{ rows: Row[]; at8: number }> {
  progress('HTTP commands: seeding the API store…');
  const temp = new TempDb();
  const targets = writeTargets(templates, 2_000, temp.file);
  const targetsFile = join(dirname(temp.file), 'targets.json');
  writeFileSync(targetsFile, JSON.stringify(targets));
  const secret = randomBytes(32).toString('hex');
  const usersFile = join(dirname(temp.file), 'users.json');
  writeFileSync(usersFile, JSON.stringify([benchSocialWorker()]), { mode: 0o600 });
  const server = spawnNode(
    script('api-server'),
    [],
    {
      CARE_JOURNEY_SQLITE_FILE: temp.file,
      CARE_JOURNEY_READMODEL_FILE: join(dirname(temp.file), 'read-models.db'),
      CARE_JOURNEY_JWT_SECRET: secret,
      // As deployed: team scope (the default) and a users file holding the token's user, so every
      // command pays the scope check and the token's users-file check.
      CARE_JOURNEY_USERS: usersFile,
    },
    // A CPU profile of the API's main thread, written when it exits (`--profile-api DIR`).
    profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  );
  try {
    const [, port, writerMode, projectionsMode] = (await firstLine(server, /^listening \d+/)).split(' ');
    const modes = `${writerMode}, ${projectionsMode}`;
    const tool = chooseLoadTool();
    const url = `http://127.0.0.1:${port}`;
    const token = mintToken({ secret, userId: 'bench-social-worker', role: 'social_worker' });
    let first = 0;
    const load = async (clients: number, duration: number): Promise<Measured> => {
      const apiBefore = processCpuMs(server.pid);
      const mainBefore = mainThreadCpuMs(server.pid);
      const client = spawnNode(script(CLIENT_SCRIPT[tool]), [
        url,
        token,
        String(clients),
        String(duration),
        targetsFile,
        String(first),
      ]);
      const result = JSON.parse(await firstLine(client, /^\{/, (duration + 60) * 1000)) as LoadResult;
      await exited(client);
      const apiCpuMs = since(apiBefore, processCpuMs(server.pid));
      const mainCpuMs = since(mainBefore, mainThreadCpuMs(server.pid));
      first += result.sent + clients;
      return { ...result, apiCpuMs, mainCpuMs };
    };
    // Until every target has had a command (at most ~30 s): a child's first command reads and folds
    // its whole stream (~2.5 ms more), so the phases below measure commands on warm children.
    progress(`HTTP commands: ${targets.length} children, warming up (a command for each)…`);
    for (let round = 0; round < 15 && first < targets.length; round++) await load(8, 2);
    // And until the read models have caught up with the seeded log (at most 120 s): a projector still
    // catching up (inline, or on its thread) would be measured as the commands' cost.
    progress('HTTP commands: waiting for the read models to catch up…');
    await caughtUp(url, 120_000);
    const rows: Row[] = [];
    let at8 = 0;
    for (const clients of CLIENTS) {
      progress(`HTTP commands: ${clients} client(s) for ${seconds} s…`);
      const r = await load(clients, seconds);
      if (clients === 8) at8 = r.perSecond;
      const goal8 = clients === 8;
      rows.push({
        figure: `HTTP commands (review), ${clients} client${clients > 1 ? 's' : ''}`,
        ours: r.perSecond,
        unit: 'commands/s',
        baseline: { name: 'raw insert, 1 per transaction (tx/s)', value: singleTxPerSecond },
        ratio: r.perSecond / singleTxPerSecond,
        goal: goal8 ? '≥ 2,000/s, p99 < 20 ms' : undefined,
        met: goal8 ? r.perSecond >= 2000 && r.p99 < 20 && r.non2xx === 0 : undefined,
        peakRssMb: 0,
        note:
          `${tool} → API (${modes}); p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors` +
          cpuNote(r),
      });
    }
    const rss = peakRssOf(server.pid);
    for (const row of rows) row.peakRssMb = rss;
    return { rows, at8 };
  } finally {
    server.kill('SIGTERM');
    await exited(server);
    temp.remove();
  }
}
