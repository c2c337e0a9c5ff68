import { ApiUnderLoad, ReviewStore, type Measured } from '../http/api-under-load';
import type { Row } from '../support/row';
import { progress } from '../support/timing';
import type { Template } from '../workload/templates';

const CLIENTS = [1, 8, 32];

const ms = (value: number): string => value.toFixed(1);

/**
 * CPU per request of the API process (all its threads, from /proc, until its read models caught up
 * with the phase) and of the load client: steadier
 * than requests per second on a shared machine, and the client's share shows what the load tool
 * itself takes from the same cores.
 */
export function cpuNote(r: Measured): string {
  if (r.requests === 0) return '';
  const perCommand = (ms: number) => (ms / r.requests).toFixed(2);
  const main = r.mainCpuMs === undefined ? '' : ` (main thread ${perCommand(r.mainCpuMs)})`;
  const api = r.apiCpuMs === undefined ? '' : `API CPU ${perCommand(r.apiCpuMs)} ms/command${main}, `;
  return `; ${api}${r.tool} CPU ${(r.cpuMs / r.requests).toFixed(2)} ms/request${catchUpNote(r)}`;
}

/** How far the read models were behind when the load ended, and how long they took to catch up. */
export function catchUpNote(r: Measured): string {
  if (r.lagAtEnd === undefined) return '';
  const caught =
    r.catchUpMs === undefined ? 'not caught up within 60 s' : `caught up in ${r.catchUpMs.toFixed(0)} ms`;
  return `; read models ${r.lagAtEnd} events behind at the end, ${caught} (CPU counted until then)`;
}

/** The 8-client goal of #9, and the durability it must hold at. */
export const HTTP_GOAL = '≥ 2,000/s, p99 < 20 ms, every response 2xx, synchronous=FULL';

/**
 * A phase's goal and verdict. Every row requires every response acknowledged (2xx, no socket error):
 * a phase that dropped or refused commands is not met, whatever its rate. The 8-client row is #9's
 * goal, judged only at synchronous=FULL (a shell that exports CARE_JOURNEY_SQLITE_SYNCHRONOUS=NORMAL
 * reaches the API: review s16 F9).
 */
export function httpVerdict(
  clients: number,
  r: Pick<Measured, 'perSecond' | 'p99' | 'non2xx' | 'errors'>,
  synchronous: string,
): { goal: string; met: boolean } {
  const acknowledged = r.non2xx === 0 && r.errors === 0;
  if (clients !== 8) return { goal: 'every response 2xx', met: acknowledged };
  return {
    goal: HTTP_GOAL,
    met: acknowledged && synchronous === 'FULL' && r.perSecond >= 2000 && r.p99 < 20,
  };
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
  const store = new ReviewStore(templates);
  let api: ApiUnderLoad | undefined;
  try {
    api = await ApiUnderLoad.start({ file: store.temp.file, targetsFile: store.targetsFile, profileDir });
    progress(
      `HTTP commands: ${store.targets.length} children, warming up (a command for each), then the read models catching up…`,
    );
    await api.warm(store.targets.length);
    const rows: Row[] = [];
    let at8 = 0;
    for (const clients of CLIENTS) {
      progress(`HTTP commands: ${clients} client(s) for ${seconds} s…`);
      const r = await api.load(clients, seconds);
      if (clients === 8) at8 = r.perSecond;
      rows.push({
        figure: `HTTP commands (review), ${clients} client${clients > 1 ? 's' : ''}`,
        ours: r.perSecond,
        unit: 'commands/s',
        baseline: { name: 'raw insert, 1 per transaction (tx/s)', value: singleTxPerSecond },
        ratio: r.perSecond / singleTxPerSecond,
        ...httpVerdict(clients, r, api.synchronous),
        peakRssMb: 0,
        note:
          `${r.tool} → API (${api.modes}); rate of 2xx (acknowledged) responses only; p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms (of all responses), ${r.requests} responses, ${r.non2xx} non-2xx, ${r.errors} errors` +
          cpuNote(r),
      });
    }
    const rss = api.peakRssMb();
    for (const row of rows) row.peakRssMb = rss;
    return { rows, at8 };
  } finally {
    await api?.stop();
    store.remove();
  }
}
