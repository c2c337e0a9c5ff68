import { randomBytes } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { hashPassword, mintToken } from '@care-journey/access';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { chooseLoadTool, type LoadCounts, type LoadTool } from './load-tool';
import { mainThreadCpuMs, processCpuMs } from './process-cpu';
import { exited, firstLine, peakRssOf, spawnNode } from '../support/child-process';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';
import { reviewTargets } from '../workload/review-targets';
import type { Template } from '../workload/templates';

export interface LoadResult extends LoadCounts {
  sent: number;
  /** The load client's own CPU time over its whole run (ms). */
  cpuMs: number;
  tool: LoadTool;
}

/**
 * A phase's load result with the API's CPU over it (whole process, and its main thread alone),
 * counted until the read models had caught up with the phase's commands: a projector left behind
 * by the load (CARE_JOURNEY_PROJECTOR_NICE) would otherwise do part of the phase's work unmeasured.
 */
export type Measured = LoadResult & {
  apiCpuMs?: number;
  mainCpuMs?: number;
  /** Events the read models were behind the log when the load ended. */
  lagAtEnd?: number;
  /** How long they then took to catch up (ms); undefined if they did not within the wait. */
  catchUpMs?: number;
};

/** The bench's social worker, in every team the synthetic cohort allocates to (the default authority's). */
const benchSocialWorker = () => ({
  username: 'bench-social-worker',
  name: 'Bench Social Worker',
  role: 'social_worker',
  passwordHash: hashPassword(randomBytes(16).toString('hex')),
  teams: DEFAULT_AUTHORITY_CONFIG.teams,
});

/** The bench's admin (every child in scope, names shown): the drift figure's other reader. */
const benchAdmin = () => ({
  username: 'bench-admin',
  name: 'Bench Admin',
  role: 'admin',
  passwordHash: hashPassword(randomBytes(16).toString('hex')),
});

/** The users the bench's API knows, and so may send a token for. */
export type BenchReader = 'social_worker' | 'admin';
const BENCH_USER_IDS: Record<BenchReader, string> = {
  social_worker: 'bench-social-worker',
  admin: 'bench-admin',
};

const since = (before: number | undefined, after: number | undefined): number | undefined =>
  before === undefined || after === undefined ? undefined : after - before;

const script = (name: string) => join(__dirname, `${name}.js`);
const CLIENT_SCRIPT: Record<LoadTool, string> = { wrk: 'wrk-client', autocannon: 'load-client' };

/** The read models' lag behind the log, in events (/health/projections); undefined if not said. */
async function lagOf(url: string): Promise<number | undefined> {
  const health = (await (await fetch(`${url}/health/projections`)).json()) as { lag?: string };
  return health.lag === undefined ? undefined : Number(health.lag);
}

/**
 * Polls /health/projections every `everyMs` until the lag is 0; false if it is not after
 * `timeoutMs` (measured anyway).
 */
async function caughtUp(url: string, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await lagOf(url)) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}

/** The API's store: cohort children up to `count` review targets; returns the targets and the store's size. */
function writeTargets(
  templates: readonly Template[],
  count: number,
  file: string,
): { targets: { childId: string }[]; children: number; events: number } {
  const { children, targets } = reviewTargets(templates, count);
  const db = openRaw(file, 'OFF');
  const insert = rawBatchInserter(db);
  db.transaction(() => children.forEach((child) => insert(child.stream, 0, child.events)))();
  db.close();
  return {
    targets: targets.map((t) => ({ childId: t.childId })),
    children: children.length,
    events: children.reduce((n, child) => n + child.events.length, 0),
  };
}

/** A store of review targets for the API under load: written once, copied for each API that uses it. */
export class ReviewStore {
  readonly temp = new TempDb();
  readonly targetsFile: string;
  readonly targets: { childId: string }[];
  /** What the store holds before the load: children and events (review s16 F4: far below the cohort's). */
  readonly seeded: { children: number; events: number };

  constructor(templates: readonly Template[], count = 2_000) {
    const written = writeTargets(templates, count, this.temp.file);
    this.targets = written.targets;
    this.seeded = { children: written.children, events: written.events };
    this.targetsFile = join(dirname(this.temp.file), 'targets.json');
    writeFileSync(this.targetsFile, JSON.stringify(this.targets));
  }

  /** A copy of the seeded store beside it, for a second API (`name` must differ per copy). */
  copy(name: string): string {
    const file = join(dirname(this.temp.file), `${name}.db`);
    copyFileSync(this.temp.file, file);
    return file;
  }

  remove(): void {
    this.temp.remove();
  }
}

/**
 * The API (`api-server`, the real app) in a process of its own on `file`, with a users file holding
 * the bench's social worker, and the load tool run against it phase by phase (`load`). `env` is added
 * to the server's environment (e.g. CARE_JOURNEY_SQLITE_WRITER), `serverScript` runs another build's
 * api-server.js (an A/B against an older commit).
 */
export class ApiUnderLoad {
  readonly tool = chooseLoadTool();
  /** "writer=…, projections=…, synchronous=…" as the server printed them. */
  modes = '';
  /** The store's synchronous setting as the server printed it (FULL, NORMAL, or n/a for another store). */
  synchronous = '';
  private url = '';
  private token = '';
  private readonly tokens = new Map<BenchReader, string>();
  private first = 0;

  private constructor(
    private readonly server: ChildProcessWithoutNullStreams,
    private readonly targetsFile: string,
    private readonly secret: string,
  ) {}

  static async start(options: {
    file: string;
    targetsFile: string;
    env?: Record<string, string>;
    profileDir?: string;
    serverScript?: string;
  }): Promise<ApiUnderLoad> {
    const dir = dirname(options.file);
    const secret = randomBytes(32).toString('hex');
    const usersFile = `${options.file}.users.json`;
    writeFileSync(usersFile, JSON.stringify([benchSocialWorker(), benchAdmin()]), { mode: 0o600 });
    const server = spawnNode(
      options.serverScript ?? script('api-server'),
      [],
      {
        CARE_JOURNEY_SQLITE_FILE: options.file,
        CARE_JOURNEY_READMODEL_FILE: join(dir, `${options.file.split('/').pop()}.read-models.db`),
        CARE_JOURNEY_JWT_SECRET: secret,
        // As deployed: team scope (the default) and a users file holding the token's user, so every
        // command pays the scope check and the token's users-file check.
        CARE_JOURNEY_USERS: usersFile,
        ...options.env,
      },
      // A CPU profile of the API's main thread, written when it exits (`--profile-api DIR`).
      options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`],
    );
    const api = new ApiUnderLoad(server, options.targetsFile, secret);
    try {
      const [, port, writerMode, projectionsMode, synchronousMode = 'synchronous=?'] = (
        await firstLine(server, /^listening \d+/)
      ).split(' ');
      api.modes = `${writerMode}, ${projectionsMode}, ${synchronousMode}`;
      api.synchronous = synchronousMode.replace('synchronous=', '');
      api.url = `http://127.0.0.1:${port}`;
      api.token = api.tokenFor('social_worker');
      return api;
    } catch (error) {
      await api.stop();
      throw error;
    }
  }

  /**
   * One phase of `clients` connections for `seconds`, each command a review no child has had yet.
   * With `rate`, a constant offered rate (requests/s over all connections) from autocannon, whose
   * latencies are then corrected for coordinated omission (wrk, closed-loop, is not).
   */
  async load(clients: number, seconds: number, rate?: number): Promise<Measured> {
    const pid = this.server.pid;
    const apiBefore = processCpuMs(pid);
    const mainBefore = mainThreadCpuMs(pid);
    const tool: LoadTool = rate === undefined ? this.tool : 'autocannon';
    const client = spawnNode(script(CLIENT_SCRIPT[tool]), [
      this.url,
      this.token,
      String(clients),
      String(seconds),
      this.targetsFile,
      String(this.first),
      ...(rate === undefined ? [] : [String(rate)]),
    ]);
    const result = JSON.parse(await firstLine(client, /^\{/, (seconds + 60) * 1000)) as LoadResult;
    await exited(client);
    const lagAtEnd = await lagOf(this.url);
    const catchUpFrom = performance.now();
    const caught = await caughtUp(this.url, 60_000, 20);
    const catchUpMs = caught ? performance.now() - catchUpFrom : undefined;
    const apiCpuMs = since(apiBefore, processCpuMs(pid));
    const mainCpuMs = since(mainBefore, mainThreadCpuMs(pid));
    this.first += result.sent + clients;
    return { ...result, apiCpuMs, mainCpuMs, lagAtEnd, catchUpMs };
  }

  /**
   * Until every target has had a command (at most ~30 s): a child's first command reads and folds
   * its whole stream (~2.5 ms more), so later phases measure commands on warm children. Then until
   * the read models have caught up with the seeded log (at most 120 s): a projector still catching
   * up would be measured as the commands' cost. Returns the commands sent (≥ targets: every target warmed).
   */
  async warm(targets: number): Promise<number> {
    for (let round = 0; round < 15 && this.first < targets; round++) await this.load(8, 2);
    await caughtUp(this.url, 120_000);
    return this.first; // commands sent so far: ≥ targets when each target had one
  }

  /** One token per user for the life of the API, as a client signed in once would send. */
  private tokenFor(role: BenchReader): string {
    const token =
      this.tokens.get(role) ?? mintToken({ secret: this.secret, userId: BENCH_USER_IDS[role], role });
    this.tokens.set(role, token);
    return token;
  }

  /** Until the read models have caught up with the log (false if not within `timeoutMs`). */
  caughtUp(timeoutMs: number, everyMs?: number): Promise<boolean> {
    return caughtUp(this.url, timeoutMs, everyMs);
  }

  /** One command as `role`, untimed; refused unless the API accepted it (2xx). */
  async post(path: string, body: unknown, role: BenchReader = 'social_worker'): Promise<void> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.tokenFor(role)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`POST ${path} as ${role}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }

  /**
   * One GET as `role`, timed from sending it to the last byte of the answer (read as text, not
   * parsed); refused unless 200. Returns the time and the body, for the caller to check.
   */
  async timedGet(path: string, role: BenchReader): Promise<{ ms: number; body: string }> {
    const token = this.tokenFor(role);
    const start = performance.now();
    const response = await fetch(`${this.url}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const body = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200)
      throw new Error(`GET ${path} as ${role}: ${response.status} ${body.slice(0, 300)}`);
    return { ms, body };
  }

  peakRssMb(): number {
    return peakRssOf(this.server.pid);
  }

  async stop(): Promise<void> {
    this.server.kill('SIGTERM');
    await exited(this.server);
  }
}
