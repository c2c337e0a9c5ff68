import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { NewEvent } from '@care-journey/event-store';
import { journeyEnvelope, type JourneyEvent } from '@care-journey/journey';
import { IDEMPOTENCY_METADATA_KEY, idempotentEventId } from './idempotency';
import type { RecordingContext } from './recording-context';

/**
 * Gives each decided event of an HTTP command a uuid and its recording metadata, using the
 * domain's one envelope definition (the seeder and the 903 import use it too, with their own ids).
 * A command sent with an Idempotency-Key gets name-based ids (user, key, request, index) and the
 * key and request hash in its metadata; any other gets fresh random ids.
 * The audit hash chain is added by JourneyRepository at append time.
 */
@Injectable()
export class EventEnvelopeFactory {
  envelop(events: readonly JourneyEvent[], context: RecordingContext): NewEvent[] {
    const { idempotency } = context;
    if (!idempotency) return events.map((event) => journeyEnvelope(event, randomUUID(), context));
    return events.map((event, index) => {
      const envelope = journeyEnvelope(
        event,
        idempotentEventId(context.recordedBy, idempotency, index),
        context,
      );
      return {
        ...envelope,
        metadata: {
          ...envelope.metadata,
          [IDEMPOTENCY_METADATA_KEY]: { key: idempotency.key, requestHash: idempotency.requestHash },
        },
      };
    });
  }
}
