import { ApiUnderLoad, ReviewStore, type Measured } from '../http/api-under-load';
import type { Row } from '../support/row';
import { bracketBaselines, medianRatio, spreadNote } from '../support/raw-single-tx';
import { progress } from '../support/timing';
import type { Template } from '../workload/templates';

const CLIENTS = [1, 8, 32];

/**
 * The 8-client phase runs this many times, back to back (review s16 F5): one 10 s phase holds a
 * stall of 200 ms in at most 8 of ~16,000 samples, below p99; the median phase is judged, every phase
 * is in the note.
 */
export const PHASES_AT_8 = 3;

/** The constant offered rate of the coordinated-omission-corrected phase: #9's 2,000 commands/s. */
export const OFFERED_RATE = 2000;

const ms = (value: number): string => value.toFixed(1);

/**
 * The raw 1/tx baseline each phase was judged against (the mean of the rounds just before and after
 * it), for the note; the ratio is the median of the phases' own ratios.
 */
export function rawNote(baselines: readonly number[]): string {
  const each = baselines.map((b) => Math.round(b).toLocaleString('en-GB')).join(' / ');
  return `; raw 1/tx beside ${baselines.length === 1 ? 'the phase' : 'each phase'} (mean of the rounds just before and after it, in this process while the API idled): ${each} tx/s${baselines.length > 1 ? ', the ratio the median over the phases' : ''}`;
}

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

/** The constant-rate phase: p99 < 20 ms, at least 98% of the offered rate acknowledged, all 2xx, FULL. */
export function offeredVerdict(
  r: Pick<Measured, 'perSecond' | 'p99' | 'non2xx' | 'errors'>,
  synchronous: string,
): boolean {
  return (
    r.non2xx === 0 &&
    r.errors === 0 &&
    synchronous === 'FULL' &&
    r.p99 < 20 &&
    r.perSecond >= 0.98 * OFFERED_RATE
  );
}

/** The middle phase by rate (the lower middle for an even count), judged as the figure. */
export function medianPhase<T extends { perSecond: number }>(phases: readonly T[]): T {
  if (phases.length === 0) throw new RangeError('no phases');
  const sorted = [...phases].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The same verdict over repeated phases: the median phase's, and no phase may have failed a response. */
export function repeatedVerdict(
  clients: number,
  phases: readonly Pick<Measured, 'perSecond' | 'p99' | 'non2xx' | 'errors'>[],
  synchronous: string,
): { goal: string; met: boolean } {
  const verdict = httpVerdict(clients, medianPhase(phases), synchronous);
  return { ...verdict, met: verdict.met && phases.every((p) => p.non2xx === 0 && p.errors === 0) };
}

/** One phase's latencies and counts, for the note. */
export const phaseNote = (r: Measured): string =>
  `${r.perSecond.toFixed(0)}/s, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, p99.9 ${ms(r.p999)} ms, max ${ms(r.max)} ms, ${r.requests} responses, ${r.non2xx} non-2xx, ${r.errors} errors`;

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
 * `rawRound` runs one round of the raw 1/tx baseline and returns its rate: it runs before the first
 * phase and after every phase, and each phase's ratio is against the rounds either side of it.
 */
export async function httpRows(
  templates: readonly Template[],
  seconds: number,
  rawRound: () => Promise<number>,
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
    const server = api;
    const warmed = await server.warm(store.targets.length);
    // Review s16 F8: raw 1/tx rounds between the phases (raw, phase, raw, …, raw), each phase judged
    // against the rounds on either side of it, not against one run from minutes earlier.
    const raws: number[] = [await rawRound()];
    const bracketed = new Map<Measured, number>();
    const measure = async (load: () => Promise<Measured>): Promise<Measured> => {
      const phase = await load();
      raws.push(await rawRound());
      bracketed.set(phase, bracketBaselines(raws.slice(-2), 1)[0]);
      return phase;
    };
    const rows: Row[] = [];
    let at8 = 0;
    // Review s16 F4: the row says what store it ran on and that every command hit a kept fold.
    const storeNote = `; store: ${store.seeded.children} children, ${store.seeded.events} events seeded (not the cohort), ${store.targets.length} targets, no more than the folds the API keeps, ${warmed >= store.targets.length ? 'each warmed with a command: every measured command decides on a kept fold (a 100% fold-cache hit rate by construction; the API has no hit counter)' : `only ${warmed} warmed: the first command on each of the others reads its stream`}`;
    const row = (clients: number, phases: readonly Measured[], figure?: string): Row => {
      const r = medianPhase(phases);
      const beside = phases.map((p) => bracketed.get(p) ?? Number.NaN);
      const { ratio, baseline } = medianRatio(
        phases.map((p) => p.perSecond),
        beside,
      );
      return {
        figure: figure ?? `HTTP commands (review), ${clients} client${clients > 1 ? 's' : ''}`,
        ours: r.perSecond,
        unit: 'commands/s',
        baseline: { name: 'raw insert, 1 per transaction, beside each phase (tx/s)', value: baseline },
        ratio,
        ...repeatedVerdict(clients, phases, api?.synchronous ?? '?'),
        peakRssMb: 0,
        note:
          `${r.tool} → API (${api?.modes ?? '?'}); rates of 2xx (acknowledged) responses only, latencies of all responses; ` +
          (phases.length > 1
            ? `${phases.length} phases back to back, the median phase judged (every response of every phase must be 2xx): ${phases.map(phaseNote).join(' | ')}`
            : phaseNote(r)) +
          cpuNote(r) +
          rawNote(beside) +
          storeNote,
      };
    };
    for (const clients of CLIENTS) {
      const count = clients === 8 ? PHASES_AT_8 : 1;
      const phases: Measured[] = [];
      for (let phase = 1; phase <= count; phase++) {
        progress(`HTTP commands: ${clients} client(s) for ${seconds} s (phase ${phase} of ${count})…`);
        phases.push(await measure(() => server.load(clients, seconds)));
      }
      if (clients === 8) at8 = medianPhase(phases).perSecond;
      rows.push(row(clients, phases));
    }
    // Closed-loop tools hide stalls (coordinated omission): the same 8 clients at a constant offered
    // rate, latencies corrected for the requests a stall kept from being sent on time.
    progress(
      `HTTP commands: 8 clients at a constant ${OFFERED_RATE}/s for ${seconds} s (autocannon, CO-corrected)…`,
    );
    const offered = await measure(() => server.load(8, seconds, OFFERED_RATE));
    const coRow = row(
      8,
      [offered],
      `HTTP commands (review), 8 clients at a constant ${OFFERED_RATE}/s offered`,
    );
    coRow.goal = `p99 < 20 ms at ${OFFERED_RATE}/s offered (CO-corrected), ≥ 98% of it acknowledged, every response 2xx, synchronous=FULL`;
    coRow.met = offeredVerdict(offered, api.synchronous);
    coRow.note = `autocannon overallRate ${OFFERED_RATE}/s (latencies corrected for coordinated omission; autocannon takes ~0.2 ms of CPU a request from the same cores); ${coRow.note ?? ''}`;
    rows.push(coRow);
    const rawRounds = `raw 1/tx rounds around the figure's phases: ${spreadNote(raws)}`;
    progress(`HTTP commands: ${rawRounds}`);
    const rss = api.peakRssMb();
    for (const row of rows) {
      row.peakRssMb = rss;
      row.note = `${row.note ?? ''}; ${rawRounds}`;
    }
    return { rows, at8 };
  } finally {
    await api?.stop();
    store.remove();
  }
}
