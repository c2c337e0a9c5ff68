import { ForbiddenException } from '@nestjs/common';

/**
 * A form whose CSRF token is not this session's (csrf.guard.ts): sent from an earlier sign-in (the
 * user signed in again in another tab) or not from this service. Nothing in it was acted on. Its
 * own class so the pages can say what happened, and a record form can come back filled in
 * (record/session-changed.filter.ts) — the guard still refuses it, so no handler ever runs.
 */
export class FormTokenRefused extends ForbiddenException {
  constructor() {
    super(
      'Nothing was recorded: this form was opened before your latest sign-in, or did not come from this service. Go back, reload the page and send it again',
    );
  }
}
