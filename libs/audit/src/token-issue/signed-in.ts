/**
 * Every web sign-in is recorded before its session cookie is set: a `SignedIn` event on the same
 * stream as the CLI's tokens, `tokens-issued`, hash-chained with them. So the record of issued
 * tokens holds every token the service will accept (CARE_JOURNEY_TOKENS=recorded checks web
 * sessions as it checks API tokens), and `audit tokens` lists both, each marked with its source.
 * A type of its own, not TokenIssued: no OS account minted it, and a reader that knows only
 * TokenIssued must not take a sign-in for a token someone handed out.
 * Neither the password nor the token is stored: the token's id (jti, the session id) is enough
 * to revoke it (`care-journey token revoke --id`).
 */
import { randomUUID } from 'node:crypto';
import { appendChained } from '../integrity/append-chained';
import type { EventStore, NewEvent } from '../store';
import { TOKENS_ISSUED_STREAM, type TokenIssuedData } from './token-issued';

export const SIGNED_IN = 'SignedIn';
export const SIGNED_IN_SCHEMA_VERSION = 1;

/** The same facts as a TokenIssued's: the session's id (`tokenId`), user, role, sign-in and expiry, key. */
export type SignedInData = TokenIssuedData;

export interface SignedInInput extends SignedInData {
  /** The sign-in request's id, as the access log line has it: the one place the client's address is. */
  requestId?: string;
}

export function signedInEvent(
  input: SignedInInput,
  id: string = randomUUID(),
): NewEvent<typeof SIGNED_IN, SignedInData> {
  const { requestId, name, developmentSecret, ...rest } = input;
  const data: SignedInData = {
    ...rest,
    ...(name !== undefined && name !== input.userId && { name }),
    ...(developmentSecret && { developmentSecret }),
  };
  return {
    id,
    type: SIGNED_IN,
    data,
    metadata: {
      recordedAt: input.issuedAt,
      // The user signed in themselves: their password was the proof.
      recordedBy: input.userId,
      schemaVersion: SIGNED_IN_SCHEMA_VERSION,
      ...(requestId !== undefined && { requestId }),
    },
  };
}

/** Appends the record; throws when the store cannot take it (the session must then not be handed out). */
export function recordSignedIn(store: EventStore, input: SignedInInput): Promise<void> {
  return appendChained(store, TOKENS_ISSUED_STREAM, signedInEvent(input));
}
