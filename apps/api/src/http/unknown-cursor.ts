import { BadRequestException } from '@nestjs/common';
import { InvalidPosition } from '@care-journey/event-store';
import { badRequestBody } from './field-errors';

/**
 * A read from a user's cursor that the event log never handed out: EventStoreDB's positions are byte
 * offsets and its server refuses any other start (InvalidPosition), which is bad input naming the
 * field, not a 500. Any other error is returned as it is, for the caller to rethrow.
 */
export function unknownCursorError(field: string, error: unknown): unknown {
  if (!(error instanceof InvalidPosition)) return error;
  return new BadRequestException(
    badRequestBody([
      {
        field,
        rule: 'isLogPosition',
        message: `${field} ${error.position} is not the position of an event in this log: pass a position or checkpoint the log gave out`,
      },
    ]),
  );
}
