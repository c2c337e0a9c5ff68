import type { FigureResult, Measurement, SideResult } from './measurement';
import { withPeakRss } from './rss-sampler';

async function timeSide(events: number, side: () => Promise<void>): Promise<SideResult> {
  global.gc?.(); // only with --expose-gc: keeps one side's garbage out of the other's RSS
  const { result: seconds, peakRssMb } = await withPeakRss(async () => {
    const start = process.hrtime.bigint();
    await side();
    return Number(process.hrtime.bigint() - start) / 1e9;
  });
  return { seconds, eventsPerSecond: events / seconds, peakRssMb };
}

/** Baseline first, then ours, so any OS cache warmed by the first run favours the baseline, not us. */
export async function runMeasurement(m: Measurement): Promise<FigureResult> {
  await m.setup?.();
  try {
    const baseline = await timeSide(m.events, () => m.baseline());
    const ours = await timeSide(m.events, () => m.ours());
    return { name: m.name, events: m.events, note: m.note, ours, baseline, ratio: ours.eventsPerSecond / baseline.eventsPerSecond };
  } finally {
    await m.teardown?.();
  }
}
