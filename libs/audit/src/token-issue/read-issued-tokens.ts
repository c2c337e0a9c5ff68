import type { OperatorIdentity } from '../access-log/case-history-read';
import { readStreamOrEmpty, type EventStore } from '../store';
import { assertKnownSchemaVersion } from '@care-journey/journey';
import { SIGNED_IN, SIGNED_IN_SCHEMA_VERSION } from './signed-in';
import {
  TOKEN_ISSUED,
  TOKEN_ISSUED_SCHEMA_VERSION,
  TOKENS_ISSUED_STREAM,
  type TokenIssuedData,
} from './token-issued';

/** Where a recorded token came from: `care-journey token` (an API token) or a sign-in on the pages. */
export type TokenSource = 'token-command' | 'web-sign-in';
export const TOKEN_SOURCES: readonly TokenSource[] = ['token-command', 'web-sign-in'];

const SOURCE_OF_TYPE: Readonly<Record<string, TokenSource>> = {
  [TOKEN_ISSUED]: 'token-command',
  [SIGNED_IN]: 'web-sign-in',
};

/** The version of each type's data this build reads (review s18-es F7: any other is refused by name). */
const KNOWN_VERSION: Readonly<Record<string, number>> = {
  [TOKEN_ISSUED]: TOKEN_ISSUED_SCHEMA_VERSION,
  [SIGNED_IN]: SIGNED_IN_SCHEMA_VERSION,
};

/** The record's event types that make a token id accepted under CARE_JOURNEY_TOKENS=recorded. */
export const isRecordedTokenType = (type: string): boolean => SOURCE_OF_TYPE[type] !== undefined;

/** One issued token as `care-journey audit tokens` lists it. */
export interface IssuedToken extends TokenIssuedData {
  source: TokenSource;
  eventId: string;
  position: string;
  /** The OS account and host that ran `token` (absent for a web sign-in: the user signed in). */
  operator?: OperatorIdentity;
  /** A web sign-in's request id, as the access log line has it. */
  requestId?: string;
}

export interface IssuedTokenFilter {
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  userId?: string;
  source?: TokenSource;
}

/** Every token recorded as issued, oldest first, each with its source; the filter keeps some. */
export async function readIssuedTokens(
  store: EventStore,
  filter: IssuedTokenFilter = {},
): Promise<IssuedToken[]> {
  const issued: IssuedToken[] = [];
  for await (const event of readStreamOrEmpty(store, TOKENS_ISSUED_STREAM)) {
    const source = SOURCE_OF_TYPE[event.type];
    if (source === undefined) continue;
    if (filter.source !== undefined && source !== filter.source) continue;
    assertKnownSchemaVersion(event, KNOWN_VERSION[event.type] ?? 1);
    const data = event.data as TokenIssuedData;
    const day = data.issuedAt.slice(0, 10);
    if (filter.from !== undefined && day < filter.from) continue;
    if (filter.to !== undefined && day > filter.to) continue;
    if (filter.userId !== undefined && data.userId !== filter.userId) continue;
    const operator = event.metadata['operator'] as OperatorIdentity | undefined;
    const requestId = event.metadata['requestId'];
    issued.push({
      source,
      eventId: event.id,
      position: event.globalPosition.toString(),
      ...data,
      ...(operator && { operator }),
      ...(typeof requestId === 'string' && { requestId }),
    });
  }
  return issued;
}
