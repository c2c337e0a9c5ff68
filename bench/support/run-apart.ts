import { exited, firstLine, spawnNode } from './child-process';

/** What a measuring process (rebuild-process, scale-process) prints as its one JSON line. */
export interface ApartRun {
  seconds: number;
  peakRssMb: number;
}

/** Runs a compiled measuring script in a fresh Node process and returns its timing line. */
export async function runApart(script: string, args: string[]): Promise<ApartRun> {
  const child = spawnNode(script, args);
  try {
    const line = await firstLine(child, /^\{"seconds"/, 3_600_000);
    const { seconds, peakRssMb } = JSON.parse(line) as ApartRun;
    return { seconds, peakRssMb };
  } finally {
    await exited(child);
  }
}
