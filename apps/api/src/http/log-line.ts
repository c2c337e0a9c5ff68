import { UnreadableEventSchema } from '@care-journey/journey';

/**
 * The log line of an error answered with a 5xx. A stored event this build cannot read gets its
 * message alone: it names the event's type, id, stream, revision, position and both versions (the
 * facts of the answer, never the event's data), and a stack would say nothing more. Anything
 * else is a bug: its stack.
 */
export function logLineOf(exception: unknown): string {
  if (exception instanceof UnreadableEventSchema) return `${exception.name}: ${exception.message}`;
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}
