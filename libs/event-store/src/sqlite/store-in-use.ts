/**
 * Who has a SQLite event store open: each SqliteEventStore writes a small marker beside the file
 * (`<file>.in-use.<pid>.<id>.json`: pid, host, start time) and removes it on close, so `restore`
 * can refuse while another process (an API, the projector, another CLI) would go on writing to
 * the file it moves aside.
 *
 * Why markers and not a SQLite lock: in WAL mode an idle connection holds no lock SQLite lets us
 * test (a process with the file open but between transactions looks exactly like no process),
 * and several processes on one file is a supported set-up (two APIs), so the check must count
 * every one of them, not just whoever is writing at that moment. A marker outlives a killed
 * process: one whose pid is dead on this host (or was reused by a later process, seen from
 * /proc's start time on Linux) is stale, ignored and removed.
 *
 * The host is CARE_JOURNEY_HOST_ID, else the machine's host name. A container's host name changes
 * with every container, so a crashed container's markers would count as another host's for ever:
 * give each container a stable id of its own (its compose service name), never one shared by
 * containers running at once (each would think the other's pids dead). `care-journey store-markers`
 * lists the markers and why each counts; `--prune` removes this host's stale ones. Markers are 0600,
 * as the other files beside the store.
 *
 * Both sides write their own marker before looking at the others' (restore: a `restore` marker,
 * then the store users; a store opening: its marker, then any restore), so a store opening while
 * a restore starts is always seen by one of the two, which then refuses.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export type StoreUseRole = 'store' | 'restore';

/** One marker: a process that has the store open (or is restoring it). */
export interface StoreUser {
  role: StoreUseRole;
  pid: number;
  host: string;
  /** When the process started (ISO), for the operator reading the message. */
  startedAt: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid; else null. */
  startTicks: string | null;
  /** What the process was started as (`node bin/care-journey.js serve`), for the message. */
  command: string;
  /** The marker file itself. */
  marker: string;
}

const MARKER_INFIX = '.in-use.';
export const HOST_ID_VARIABLE = 'CARE_JOURNEY_HOST_ID';
const HOST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

/** A setting CARE_JOURNEY_HOST_ID cannot be; the message names it and the rule. */
export class HostIdError extends Error {
  override readonly name = 'HostIdError';
  readonly variable = HOST_ID_VARIABLE;
}

/** This host's identity in markers: CARE_JOURNEY_HOST_ID (checked), else the host name. */
export function readHostId(env: Record<string, string | undefined> = process.env): string {
  const given = env[HOST_ID_VARIABLE]?.trim();
  if (!given) return hostname();
  if (!HOST_ID_PATTERN.test(given))
    throw new HostIdError(
      `${HOST_ID_VARIABLE}: must be 1–253 letters, digits, '.', '_' or '-' (a stable name for this host or container), got ${JSON.stringify(given)}`,
    );
  return given;
}

/** Read at each marker written or read (a store opening or closing, a restore): never per request. */
const thisHost = (): string => readHostId();
const ownMarkers = new Set<string>();
let exitHookInstalled = false;

/** The start time of `pid` in ticks since boot (field 22 of /proc/<pid>/stat), or null off Linux. */
function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const OWN_START_TICKS = startTicksOf(process.pid);
const OWN_STARTED_AT = new Date(Date.now() - process.uptime() * 1000).toISOString();

/** Whether a marker's process still runs: on another host it cannot be checked, and counts as running. */
function isAlive(user: StoreUser): boolean {
  if (user.host !== thisHost()) return true;
  try {
    process.kill(user.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: the process exists, owned by another user.
  }
  const ticks = user.startTicks === null ? null : startTicksOf(user.pid);
  return ticks === null || ticks === user.startTicks;
}

const isThisProcess = (user: StoreUser): boolean =>
  user.host === thisHost() && user.pid === process.pid && user.startTicks === OWN_START_TICKS;

/** Markers written beside `file` (any process), parsed; an unreadable one is reported as such. */
function markersOf(file: string): StoreUser[] {
  const path = resolve(file);
  const prefix = basename(path) + MARKER_INFIX;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  const users: StoreUser[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
    const marker = join(dirname(path), name);
    try {
      const parsed = JSON.parse(readFileSync(marker, 'utf8')) as Omit<StoreUser, 'marker'>;
      users.push({ ...parsed, marker });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed meanwhile: closed
      users.push({
        role: 'store',
        pid: 0,
        host: '(unreadable marker)',
        startedAt: '',
        startTicks: null,
        command: '',
        marker,
      });
    }
  }
  return users;
}

/**
 * The other processes that have `file` open (or are restoring it), live ones only: stale markers
 * of dead processes on this host are removed. This process's own markers are not counted.
 */
export function otherStoreUsers(file: string, role?: StoreUseRole): StoreUser[] {
  const others: StoreUser[] = [];
  for (const user of markersOf(file)) {
    if (isThisProcess(user) || (role !== undefined && user.role !== role)) continue;
    if (isAlive(user)) others.push(user);
    else rmSync(user.marker, { force: true });
  }
  return others;
}

/** Whether a marker counts, and why: only `stale` ones (this host, process gone) may be removed. */
export type MarkerState = 'this-process' | 'running' | 'stale' | 'other-host' | 'unreadable';

export interface StoreMarker {
  user: StoreUser;
  state: MarkerState;
  /** In words, for `care-journey store-markers`. */
  why: string;
}

/** Every marker beside `file`, with its state; nothing is removed. */
export function storeMarkers(file: string): StoreMarker[] {
  return markersOf(file).map((user) => {
    if (user.pid === 0)
      return {
        user,
        state: 'unreadable',
        why: 'kept: unreadable; delete it by hand if no process has the store open',
      };
    if (isThisProcess(user)) return { user, state: 'this-process', why: 'this process' };
    if (user.host !== thisHost())
      return {
        user,
        state: 'other-host',
        why: `kept: written on ${user.host}, not this host (${thisHost()}), so its process cannot be checked from here; run store-markers there, or delete it by hand once sure no process there has the store open`,
      };
    return isAlive(user)
      ? { user, state: 'running', why: `in use: pid ${user.pid} is running` }
      : { user, state: 'stale', why: `stale: pid ${user.pid} is no longer running on this host` };
  });
}

/** Removes the stale markers beside `file` (this host's, whose process is gone); returns them. */
export function removeStaleMarkers(file: string): StoreMarker[] {
  const stale = storeMarkers(file).filter((marker) => marker.state === 'stale');
  for (const { user } of stale) rmSync(user.marker, { force: true });
  return stale;
}

/** The users grouped by process (a process may hold several stores, e.g. the API and its projector thread). */
export function byProcess(users: readonly StoreUser[]): StoreUser[][] {
  const groups = new Map<string, StoreUser[]>();
  for (const user of users) {
    const key = `${user.host}\u0000${user.pid}`;
    groups.set(key, [...(groups.get(key) ?? []), user]);
  }
  return [...groups.values()];
}

/** One line per process, for a refusal: who, since when, and its markers (to delete if it is wrong). */
export function describeStoreUsers(users: readonly StoreUser[]): string {
  return byProcess(users)
    .map((markers) => {
      const u = markers[0];
      // A worker thread's argv is "[worker eval]": the main thread's says what the process is.
      const command = markers.map((m) => m.command).find((c) => c && !c.startsWith('[')) ?? u.command;
      return (
        `  pid ${u.pid} on ${u.host}${command ? ` (${command})` : ''}${u.startedAt ? `, started ${u.startedAt}` : ''}: ` +
        markers.map((m) => m.marker).join(', ')
      );
    })
    .join('\n');
}

function removeOwnMarkers(): void {
  for (const marker of ownMarkers) rmSync(marker, { force: true });
  ownMarkers.clear();
}

/**
 * Writes this process's marker beside `file`; the returned function removes it (also done at
 * process exit, so an ordinary exit without close leaves none). `:memory:` has no file: no marker.
 */
export function registerStoreUse(file: string, role: StoreUseRole = 'store'): () => void {
  if (file === ':memory:' || file === '') return () => undefined;
  const path = resolve(file);
  const marker = `${path}${MARKER_INFIX}${process.pid}.${randomUUID().slice(0, 8)}.json`;
  const user: Omit<StoreUser, 'marker'> = {
    role,
    pid: process.pid,
    host: thisHost(),
    startedAt: OWN_STARTED_AT,
    startTicks: OWN_START_TICKS,
    command: process.argv
      .slice(1, 3)
      .map((a) => basename(a))
      .join(' '),
  };
  // Written under another name and renamed, so a reader never sees half a marker.
  writeFileSync(`${marker}.tmp`, JSON.stringify(user), { mode: 0o600 });
  renameSync(`${marker}.tmp`, marker);
  ownMarkers.add(marker);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', removeOwnMarkers);
  }
  return () => {
    ownMarkers.delete(marker);
    rmSync(marker, { force: true });
  };
}
