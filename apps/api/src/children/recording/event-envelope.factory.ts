import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { NewEvent } from '@care-journey/event-store';
import { journeyEnvelope, type JourneyEvent } from '@care-journey/journey';
import type { RecordingContext } from './recording-context';

/**
 * Gives each decided event of an HTTP command a fresh uuid and its recording metadata, using the
 * domain's one envelope definition (the seeder and the 903 import use it too, with their own ids).
 * The audit hash chain is added by JourneyRepository at append time.
 */
@Injectable()
export class EventEnvelopeFactory {
  envelop(events: readonly JourneyEvent[], context: RecordingContext): NewEvent[] {
    return events.map((event) => journeyEnvelope(event, randomUUID(), context));
  }
}
