/** Test-only: *.spec-helper.ts files are left out of the production build (tsconfig.build.json). */
import type { EventStore } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';

/** Who records a spec's journey event, and when. */
export interface SpecRecording {
  recordedAt: string;
  recordedBy: string;
}

/** `childId`'s registration (event `id`, first of its journey), as a writer appends it after reserving its holds. */
export const appendRegistered = (
  store: EventStore,
  childId: string,
  id: string,
  data: Record<string, unknown>,
  recording: SpecRecording,
) =>
  store.appendToStream(
    journeyStream(childId),
    [
      {
        id,
        type: 'ChildRegistered',
        data: { childId, ...data },
        metadata: { ...recording, schemaVersion: 1 },
      },
    ],
    { expectedRevision: 'no_stream' },
  );

/** An amendment (event `id`) of `childId`'s event `correctedEventId`, to `amendedData`. */
export const appendAmended = (
  store: EventStore,
  childId: string,
  id: string,
  correctedEventId: string,
  amendedData: Record<string, unknown>,
  recording: SpecRecording,
) =>
  store.appendToStream(
    journeyStream(childId),
    [
      {
        id,
        type: 'EntryAmended',
        data: { childId, correctedEventId, reason: 'typo', amendedData },
        metadata: { ...recording, schemaVersion: 1 },
      },
    ],
    { expectedRevision: 'any' },
  );
