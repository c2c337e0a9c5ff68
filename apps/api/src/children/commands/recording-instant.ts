import type { JourneyState } from '@care-journey/journey';

/**
 * The instant a command's events are recorded at: the clock's, unless that is before the stream's
 * last event (another API process with a lagging clock, an NTP step back); then 1 ms after that
 * event. Per stream, recordedAt never goes back, so "as known at" (libs/audit knownAt, a prefix of
 * the stream) never shows an event without one it was decided on (review s18-es F2). A clock behind
 * by more than a moment shows as a run of events 1 ms apart. No allocation unless it clamps.
 */
export function recordingInstant(clockNow: string, state: JourneyState): string {
  const { history } = state;
  if (history.length === 0) return clockNow;
  const last = Date.parse(history[history.length - 1].recordedAt);
  return Date.parse(clockNow) >= last ? clockNow : new Date(last + 1).toISOString();
}
