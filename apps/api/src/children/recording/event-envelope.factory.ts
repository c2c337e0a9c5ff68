import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { NewEvent } from '@care-journey/event-store';
import { JOURNEY_SCHEMA_VERSION, type JourneyEvent } from '@care-journey/journey';
import type { RecordingContext } from './recording-context';

/**
 * The ONE place a domain event becomes a stored event: its id and its metadata. Anything every
 * event must carry (e.g. the audit hash chain) is added here and nowhere else.
 */
@Injectable()
export class EventEnvelopeFactory {
  envelop(events: readonly JourneyEvent[], context: RecordingContext): NewEvent[] {
    return events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      // A plain copy: DTO class instances must not leak into stored data.
      data: structuredClone(event.data) as unknown as Record<string, unknown>,
      metadata: {
        recordedAt: context.now,
        recordedBy: context.recordedBy,
        correlationId: context.correlationId,
        causationId: context.causationId,
        schemaVersion: JOURNEY_SCHEMA_VERSION,
      },
    }));
  }
}
