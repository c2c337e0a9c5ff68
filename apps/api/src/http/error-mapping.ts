import { HttpException, HttpStatus } from '@nestjs/common';
import { BatchTooLarge, StoreUnavailable, StreamNotFound } from '@care-journey/event-store';
import { DomainRuleViolation, UnreadableEventSchema } from '@care-journey/journey';
import { ChildNotFound, RevisionConflict } from '../children/application-errors';
import { unreadableEventResponse } from './unreadable-event';

export interface HttpError {
  status: number;
  body: Record<string, unknown> & { statusCode: number; error: string; message: string };
}

const revisionJson = (revision: bigint | 'no_stream'): string =>
  typeof revision === 'bigint' ? revision.toString(10) : revision;

/** Every error → status and body, in one place. Unknown errors are 500 with nothing internal leaked. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    return {
      status: error.getStatus(),
      body: { statusCode: error.getStatus(), error: error.name, message: error.message, ...body },
    };
  }
  if (error instanceof DomainRuleViolation) {
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      body: {
        statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
        error: 'Unprocessable Entity',
        message: error.message,
        rule: error.rule,
        ...(error.field === undefined ? {} : { field: error.field }),
        // The other entries a refused correction is about: their ids for clients (the message names them in words).
        ...(error.entries === undefined ? {} : { entries: error.entries }),
      },
    };
  }
  if (error instanceof ChildNotFound || error instanceof StreamNotFound) {
    return {
      status: HttpStatus.NOT_FOUND,
      body: { statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', message: error.message },
    };
  }
  if (error instanceof RevisionConflict) {
    return {
      status: HttpStatus.CONFLICT,
      body: {
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        message: `${error.message}; re-read the child and try again`,
        expectedRevision: revisionJson(error.expected),
        actualRevision: revisionJson(error.actual),
      },
    };
  }
  if (error instanceof StoreUnavailable) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        // EventStoreDB: sent but not answered (a timeout, a lost connection) may still have committed.
        message: error.outcomeUnknown
          ? 'The event store did not confirm the write: it may or may not have been recorded. Send it again with the same Idempotency-Key to get its outcome, recorded once; without one, read the child first.'
          : 'The event store is unavailable; nothing was recorded. Try again shortly.',
      },
    };
  }
  if (error instanceof BatchTooLarge) {
    return {
      status: HttpStatus.PAYLOAD_TOO_LARGE,
      body: {
        statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
        error: 'Payload Too Large',
        message: 'The events are more than the event store accepts in one write; nothing was recorded.',
      },
    };
  }
  // A stored event this build cannot read: says which and why, so it is not a bare 500.
  if (error instanceof UnreadableEventSchema) return unreadableEventResponse(error);
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Unexpected error',
    },
  };
}
