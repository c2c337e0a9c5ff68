import type { RecordingContext } from './recording-context';

/**
 * A registry reservation's or release's recording, made for a command: when, by whom, and the
 * request's correlation and causation ids, so every stream one command writes can be traced to it
 * (review s18-es F6). The reservation's event id is made from the first two only.
 */
export const reservationRecording = ({ now, recordedBy, correlationId, causationId }: RecordingContext) => ({
  recordedAt: now,
  recordedBy,
  correlationId,
  causationId,
});
