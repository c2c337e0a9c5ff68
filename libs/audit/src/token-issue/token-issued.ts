/**
 * Every token `care-journey token` mints is recorded before it is printed (review s15 F10): a
 * `TokenIssued` event on the stream `tokens-issued`, hash-chained like a journey and checked by
 * `audit verify-store` (chained-streams.ts). Attribution in the trail rests on who holds the token
 * secret; this says which tokens were minted, for whom, when, and by which OS account on which host.
 * The token itself is never stored: its id (jti) is enough to revoke it.
 */
import { randomUUID } from 'node:crypto';
import type { OperatorIdentity } from '../access-log/case-history-read';
import { appendChained } from '../integrity/append-chained';
import type { EventStore, NewEvent } from '../store';

export const TOKEN_ISSUED = 'TokenIssued';
export const TOKENS_ISSUED_STREAM = 'tokens-issued';
export const TOKEN_ISSUED_SCHEMA_VERSION = 1;

// A type alias, not an interface, so it is assignable to the store's Record<string, unknown> data.
export type TokenIssuedData = {
  /** The token's id (its `jti`), as `token revoke --id` takes it. */
  tokenId: string;
  /** The user the token names (`sub`): everything done with it is recorded under this id. */
  userId: string;
  /** The display name the token carries, when other than the user id. */
  name?: string;
  role: string;
  /** ISO-8601 UTC instants: the token's `iat` and `exp`. */
  issuedAt: string;
  expiresAt: string;
  /** The signing secret's fingerprint (the token's `kid`), never the secret. */
  keyId: string;
  /** Signed with the development secret (CARE_JOURNEY_JWT_SECRET unset outside production). */
  developmentSecret?: true;
};

export interface TokenIssuedInput extends TokenIssuedData {
  /** The OS account and host that ran `token` (recordedBy is the OS account). */
  operator: OperatorIdentity;
}

export function tokenIssuedEvent(
  input: TokenIssuedInput,
  id: string = randomUUID(),
): NewEvent<typeof TOKEN_ISSUED, TokenIssuedData> {
  const { operator, name, developmentSecret, ...rest } = input;
  const data: TokenIssuedData = {
    ...rest,
    ...(name !== undefined && name !== input.userId && { name }),
    ...(developmentSecret && { developmentSecret }),
  };
  return {
    id,
    type: TOKEN_ISSUED,
    data,
    metadata: {
      recordedAt: input.issuedAt,
      recordedBy: operator.osUser,
      schemaVersion: TOKEN_ISSUED_SCHEMA_VERSION,
      operator,
    },
  };
}

/** Appends the record; throws when the store cannot take it (the token must then not be handed out). */
export function recordTokenIssued(store: EventStore, input: TokenIssuedInput): Promise<void> {
  return appendChained(store, TOKENS_ISSUED_STREAM, tokenIssuedEvent(input));
}
