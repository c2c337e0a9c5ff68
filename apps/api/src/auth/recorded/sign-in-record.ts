import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { jwtKeyId, type Role } from '@care-journey/access';
import { recordSignedIn } from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { StoreOutage } from '../../infrastructure/store-outage';
import { RecordedTokens } from './recorded-tokens';

/** A web session about to be handed out: what its token will say, and the request that asked. */
export interface WebSessionIssue {
  /** The token's `jti`: the session id signing out ends, and `token revoke --id` takes. */
  sessionId: string;
  userId: string;
  name: string;
  role: Role;
  /** The token's `iat` and `exp`. */
  issuedAt: Date;
  expiresAt: Date;
  /** The sign-in request's id, as the access log line has it. */
  requestId?: string;
}

/** The sign-in could not be recorded: no session may be handed out. */
export class SignInNotRecorded extends Error {
  override readonly name = 'SignInNotRecorded';
}

/**
 * Records a web sign-in (SignedIn on `tokens-issued`, libs/audit token-issue/signed-in.ts) before
 * the sign-in sets its cookie, whatever CARE_JOURNEY_TOKENS says: the trail says who signed in,
 * when, with which role and until when. Under `recorded` this process then knows the session at
 * once; other processes read it from the stream at its first request there.
 */
@Injectable()
export class SignInRecord {
  private readonly logger = new Logger('SignIn');
  private readonly keyId: string;
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    // Named: a union type's metadata is Object, which would inject nothing.
    @Optional() @Inject(RecordedTokens) private readonly recorded: RecordedTokens | null = null,
    /** Readiness learns that the store refused to record (as the exception filters tell it). */
    @Optional() @Inject(StoreOutage) private readonly outage?: StoreOutage,
  ) {
    this.keyId = jwtKeyId(config.jwtSecret);
  }

  /** Durable once it resolves; throws SignInNotRecorded (and logs why) when the store cannot take it. */
  async record(issue: WebSessionIssue): Promise<void> {
    const { sessionId, userId, name, role, issuedAt, expiresAt, requestId } = issue;
    // appendChained queues this process's appends to tokens-issued and takes those waiting together,
    // so sign-ins at once neither clash nor wait for one another's append.
    try {
      await recordSignedIn(this.store, {
        tokenId: sessionId,
        userId,
        name,
        role,
        issuedAt: isoSeconds(issuedAt),
        expiresAt: isoSeconds(expiresAt),
        keyId: this.keyId,
        ...(this.config.usingDevJwtSecret && { developmentSecret: true }),
        ...(requestId !== undefined && { requestId }),
      });
    } catch (error) {
      this.outage?.noteError(error);
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(
        `Sign-in of ${JSON.stringify(userId)} refused: it could not be recorded in tokens-issued, so no session was handed out (${reason})`,
      );
      throw new SignInNotRecorded(reason, { cause: error });
    }
    this.recorded?.remember(sessionId);
  }
}

/** `2026-11-28T10:00:00Z`, as `care-journey token` writes its instants. */
const isoSeconds = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
