import { ConflictException, HttpStatus, UnprocessableEntityException } from '@nestjs/common';

/** No journey stream for this child id (404). */
export class ChildNotFound extends Error {
  override readonly name = 'ChildNotFound';
  constructor(readonly childId: string) {
    super(`No child with id ${childId}`);
  }
}

/**
 * The child is out of the user's scope on the state a command was decided on (ChildScope): answered
 * exactly as an unknown child is (404, the same words), so the answer never tells that it exists.
 */
export class ChildOutOfScope extends ChildNotFound {}

/**
 * The stream is not at the revision the write was decided against (409). `actual` is what
 * the client should re-read and decide from.
 */
export class RevisionConflict extends Error {
  override readonly name = 'RevisionConflict';
  constructor(
    readonly childId: string,
    readonly expected: bigint | 'no_stream',
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Child ${childId} changed meanwhile: expected revision ${String(expected)}, now at ${String(actual)}`,
    );
  }
}

/**
 * The Idempotency-Key was already used by this user for this child with another request (422,
 * shaped like a broken journey rule). A key names one command: a new command needs a new key.
 */
export class IdempotencyKeyReused extends UnprocessableEntityException {
  constructor(
    readonly childId: string,
    /** The key's outcome was hashed under another server secret: whether it is this request cannot be told. */
    otherSecret = false,
  ) {
    super({
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      error: 'Unprocessable Entity',
      message: otherSecret
        ? `Idempotency-Key was already used for child ${childId}, recorded before the server's secret ` +
          '(CARE_JOURNEY_JWT_SECRET) changed, so whether it was this request cannot be told; nothing was recorded. ' +
          "Check the child's record for the first send, and send the command again under a new key only if it is not there"
        : `Idempotency-Key was already used for a different request to child ${childId}: ` +
          'a key may be sent again only with the same request (same endpoint and body); nothing was recorded',
      rule: otherSecret ? 'idempotency-key-unverifiable' : 'idempotency-key-reused',
      field: 'Idempotency-Key',
    });
    this.name = 'IdempotencyKeyReused';
  }
}

/**
 * Another child already holds this 903 reference (409): a CHILD reference names one child in the
 * return. The other child is not named (the user may not be allowed to see it); nothing was recorded.
 */
export class ChildRefInUse extends ConflictException {
  /** `field`: where the request gave the reference (`amendedData.childRef` for an amendment). */
  constructor(
    readonly childRef: string,
    field = 'childRef',
    /** The child the request was about (a registration's new id), for the read-access trail. */
    readonly childId?: string,
  ) {
    super({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message:
        `${field} ${childRef} is already used by another child: a 903 child reference belongs to one ` +
        'child (compared as the DfE validator does, ignoring case); nothing was recorded',
      rule: 'child-ref-in-use',
      field,
    });
    this.name = 'ChildRefInUse';
  }
}
