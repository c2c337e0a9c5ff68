import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** /proc/<pid>/stat's fields from the 3rd on (the command name, 2nd, may hold spaces). */
function statFields(path: string): string[] | undefined {
  try {
    const stat = readFileSync(path, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const ticksToMs = (a: string, b: string): number => ((Number(a) + Number(b)) * 1000) / TICKS_PER_SECOND;

/**
 * CPU time another process has used so far (user + system, every thread), in ms; undefined where
 * /proc is absent. The HTTP figure divides the API's CPU over a phase by its requests: on a shared
 * machine that figure is steadier than commands per second.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const fields = statFields(`/proc/${pid}/stat`);
  // utime and stime are the 14th and 15th fields.
  return fields && ticksToMs(fields[11], fields[12]);
}

/**
 * CPU time of this process's children that have exited and been waited for (cutime + cstime, the
 * 16th and 17th fields), in ms; undefined where /proc is absent. A process that runs one child
 * (wrk) reads it before and after to get that child's CPU.
 */
export function exitedChildrenCpuMs(): number | undefined {
  const fields = statFields('/proc/self/stat');
  return fields && ticksToMs(fields[13], fields[14]);
}

/**
 * CPU time of another process's main thread alone (/proc/<pid>/task/<pid>/stat), in ms: the event
 * loop that serves requests, without the writer or projector threads.
 */
export function mainThreadCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const fields = statFields(`/proc/${pid}/task/${pid}/stat`);
  return fields && ticksToMs(fields[11], fields[12]);
}
