import { exited, firstLine, spawnNode } from './child-process';

/** What a measuring process (scale-process) prints as its one JSON line. */
export interface ApartRun {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Bytes read and written through system calls during the measurement (0 without /proc). */
  readBytes: number;
  writtenBytes: number;
  /** Appends and the transactions that committed them (the child-shaped appends only). */
  appends?: number;
  transactions?: number;
}

/** Runs a compiled measuring script in a fresh Node process and returns its timing line. */
export async function runApart(script: string, args: string[]): Promise<ApartRun> {
  const child = spawnNode(script, args);
  try {
    const line = await firstLine(child, /^\{"seconds"/, 3_600_000);
    const { seconds, cpuSeconds, peakRssMb, readBytes, writtenBytes, appends, transactions } = JSON.parse(
      line,
    ) as ApartRun;
    return { seconds, cpuSeconds, peakRssMb, readBytes, writtenBytes, appends, transactions };
  } finally {
    await exited(child);
  }
}
