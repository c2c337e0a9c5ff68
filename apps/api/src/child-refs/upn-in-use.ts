import { ConflictException, HttpStatus } from '@nestjs/common';

/**
 * Another child already holds this UPN (409): a unique pupil number belongs to one child, and the
 * DfE validator rejects a return reporting one for two (rule 444). The other child is not named
 * (the user may not be allowed to see it); nothing was recorded.
 */
export class UpnInUse extends ConflictException {
  constructor(
    field = 'upn',
    /** The child the request was about (a registration's new id), for the read-access trail. */
    readonly childId?: string,
  ) {
    super({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message:
        `${field} is already held by another child: a UPN belongs to one child (903 validation rule 444, ` +
        'compared ignoring case; the unknown-UPN codes UN1–UN5 may repeat); nothing was recorded',
      rule: 'upn-in-use',
      field,
    });
    this.name = 'UpnInUse';
  }
}
