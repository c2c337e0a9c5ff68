import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, Optional, UnauthorizedException } from '@nestjs/common';
import { decode, verify } from 'jsonwebtoken';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { AuthenticatedUser } from './authenticated-user';
import {
  API_TOKEN_KIND,
  isRole,
  JWT_ALGORITHM,
  jwtKeyId,
  JWT_AUDIENCE,
  JWT_ISSUER,
  MAX_TOKEN_HOURS,
  SESSION_HOURS,
} from '@care-journey/access';
import { RecordedTokens } from './recorded/recorded-tokens';
import { RevokedTokens } from './revocation/revoked-tokens';
import { SESSION_ID_PATTERN } from './session-ends';
import { SESSION_LIMIT_HOURS } from './session-limits';
import { TOKEN_ACCESS_CHANGED, TokenHolders } from './token-holders';
import { VerifiedTokens, type VerifiedToken } from './verified-tokens';

export const TOKEN_REVOKED = 'This token has been revoked: ask for a new one (or sign in again)';
export const TOKEN_NOT_RECORDED =
  'This token is not in the record of issued tokens: this API accepts only tokens minted by `care-journey token` or by signing in to its pages (CARE_JOURNEY_TOKENS=recorded)';
export const KEY_NO_LONGER_ACCEPTED =
  'Token was signed with a key that is no longer accepted (the token secret was rotated): ask for a new one (or sign in again)';

/** A key tokens are verified with: the secret's, and its id (the `kid` tokens signed with it carry). */
interface VerifyingKey {
  id: string;
  key: KeyObject;
}

/** Revoked tokens logged per process, each once: a client retrying with one does not flood the log. */
const LOGGED_REFUSALS = 10_000;

/** Verifies a bearer token and turns its claims into the caller; anything wrong is a 401 that says what. */
@Injectable()
export class TokenVerifier {
  /**
   * The HS256 keys, made once: given the secret as a string, jsonwebtoken first tries to read it as a
   * public key and then builds a secret key on every request (a third of the CPU of a command).
   * The current secret's first, then CARE_JOURNEY_JWT_SECRET_PREVIOUS's during a rotation.
   */
  private readonly keys: VerifyingKey[];
  private readonly verified = new VerifiedTokens();
  private readonly logged = new Set<string>();
  private readonly loggedUnrecorded = new Set<string>();
  private readonly logger = new Logger('Tokens');

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    /** The revocations in force (CARE_JOURNEY_REVOKED_TOKENS); none when not given. */
    @Optional() private readonly revoked: RevokedTokens = new RevokedTokens(undefined),
    /** API tokens' users against the users file (token-holders.ts); unchecked when not given. */
    @Optional() private readonly holders: TokenHolders = new TokenHolders(undefined),
    /** With CARE_JOURNEY_TOKENS=recorded, the ids in `tokens-issued`; null (any signed token) otherwise. */
    // Named: a union type's metadata is Object, which would inject nothing.
    @Optional() @Inject(RecordedTokens) private readonly recorded: RecordedTokens | null = null,
  ) {
    const secrets = [config.jwtSecret, ...(config.previousJwtSecret ? [config.previousJwtSecret] : [])];
    this.keys = secrets.map((secret) => ({
      id: jwtKeyId(secret),
      key: createSecretKey(Buffer.from(secret, 'utf8')),
    }));
    if (recorded !== null)
      this.logger.log(
        'API tokens are accepted only when recorded in tokens-issued (CARE_JOURNEY_TOKENS=recorded), and so are web sign-in sessions (each sign-in records its own)',
      );
    if (this.keys.length > 1)
      this.logger.log(
        `Tokens signed with the previous secret (key ${this.keys[1].id}) are still accepted; new ones are signed with key ${this.keys[0].id}`,
      );
  }

  /** The caller a token names, with every check but the record of issued tokens (the guard calls `authenticate`). */
  verify(token: string): AuthenticatedUser {
    return this.check(token).user;
  }

  /**
   * The caller, with every check: with CARE_JOURNEY_TOKENS=recorded the token must also be in
   * `tokens-issued`, an API token (TokenIssued, `care-journey token`) and a web sign-in's session
   * (SignedIn, recorded before its cookie is set) alike: a session cookie forged with the secret is
   * refused as a forged bearer token is. A known id is a Set lookup; only an id not known yet waits
   * for a catch-up read of the stream (recorded/recorded-tokens.ts), so only then is the answer a
   * promise. The guard then checks a session as before (signed out, user and role in the directory).
   */
  authenticate(token: string): AuthenticatedUser | Promise<AuthenticatedUser> {
    const known = this.check(token);
    if (this.recorded === null) return known.user;
    if (known.id !== undefined && this.recorded.has(known.id)) return known.user;
    return this.afterCatchUp(this.recorded, known);
  }

  private async afterCatchUp(recorded: RecordedTokens, known: VerifiedToken): Promise<AuthenticatedUser> {
    // A token without an id (minted before tokens had one) cannot be in the record.
    if (known.id !== undefined) {
      await recorded.catchUp();
      if (recorded.has(known.id)) return known.user;
    }
    this.logRefusal(known, this.loggedUnrecorded, 'a token not in the record of issued tokens');
    throw new UnauthorizedException({ message: TOKEN_NOT_RECORDED, reason: 'token-not-recorded' });
  }

  private check(token: string): VerifiedToken {
    const nowMs = Date.now();
    // jsonwebtoken's clock: whole seconds.
    let known = this.verified.get(token, Math.floor(nowMs / 1000));
    if (!known) {
      const { verified, claims } = this.verifyAfresh(token);
      this.verified.remember(token, verified, claims);
      known = verified;
    }
    // Checked on every request, kept or not: a revocation or a users-file change applies within the
    // files' re-check interval (a second, watched-file.ts).
    const { user, id, issuedAt } = known;
    if (this.revoked.current().revokes({ id, subject: user.id, issuedAt })) {
      this.logRefusal(known, this.logged, 'a revoked token');
      // The same words whatever revoked it (the token or all of its user's): nothing more is said.
      throw new UnauthorizedException({ message: TOKEN_REVOKED, reason: 'token-revoked' });
    }
    // A web session's user is checked by the guard, which ends the session for good.
    if (user.sessionId === undefined && !this.holders.holds(user))
      throw new UnauthorizedException({ message: TOKEN_ACCESS_CHANGED, reason: 'access-changed' });
    return known;
  }

  /** The server's log says which token was refused (the caller is told only why), once per token. */
  private logRefusal({ user, id, issuedAt }: VerifiedToken, logged: Set<string>, what: string): void {
    const key = `${id ?? ''}|${user.id}|${issuedAt ?? ''}`;
    if (logged.has(key) || logged.size >= LOGGED_REFUSALS) return;
    logged.add(key);
    const issued = issuedAt === undefined ? 'unknown' : new Date(issuedAt * 1000).toISOString();
    this.logger.warn(
      `Refused ${what}: user ${JSON.stringify(user.id)}, role ${user.role}, token id ${id ?? 'none'}, issued ${issued}`,
    );
  }

  private verifyAfresh(token: string): { verified: VerifiedToken; claims: Record<string, unknown> } {
    const claims = this.verifySignedClaims(token);
    const { sub, name, role } = claims;
    if (typeof sub !== 'string' || sub.length === 0)
      throw new UnauthorizedException('Token has no subject (sub)');
    if (!isRole(role))
      throw new UnauthorizedException(`Token role ${JSON.stringify(role)} is not a Care Journey role`);
    const user: AuthenticatedUser = {
      id: sub,
      name: typeof name === 'string' && name.length > 0 ? name : sub,
      role,
    };
    const { jti, kind, iat } = claims;
    if (kind !== undefined && kind !== API_TOKEN_KIND)
      throw new UnauthorizedException(`Token kind ${JSON.stringify(kind)} is not known`);
    // Ids are uuids: a session's names a stream (session-<jti>), an API token's a revocation.
    if (jti !== undefined && (typeof jti !== 'string' || !SESSION_ID_PATTERN.test(jti)))
      throw new UnauthorizedException(`Token ${kind === undefined ? 'session ' : ''}id (jti) is malformed`);
    if (kind === API_TOKEN_KIND && jti === undefined)
      throw new UnauthorizedException('Token has no id (jti): an API token must carry one');
    // A jti without kind: a web sign-in's session (tokens minted before API tokens had ids have neither).
    const session = kind === undefined && jti !== undefined;
    if (session) {
      user.sessionId = jti as string;
      user.sessionTimes = {
        endsAt: claims.exp as number,
        ...(typeof iat === 'number' ? { signedInAt: iat } : {}),
      };
    }
    checkLifetime(claims, session ? SESSION_HOURS : MAX_TOKEN_HOURS, session);
    return {
      verified: {
        user,
        ...(typeof jti === 'string' ? { id: jti } : {}),
        ...(typeof iat === 'number' ? { issuedAt: iat } : {}),
      },
      claims,
    };
  }

  /**
   * The token's claims, once its signature and standard claims hold. A token naming its key (`kid`)
   * is verified with that key only: one no longer accepted says so. One naming none (minted before
   * tokens had a `kid`) is tried with each key, the current one first.
   */
  private verifySignedClaims(token: string): Record<string, unknown> {
    const kid = keyIdOf(token);
    const keys = kid === undefined ? this.keys : this.keys.filter((key) => key.id === kid);
    if (keys.length === 0)
      throw new UnauthorizedException({ message: KEY_NO_LONGER_ACCEPTED, reason: 'key-not-accepted' });
    let failure: unknown;
    for (const { key } of keys) {
      try {
        const verified = verify(token, key, {
          algorithms: [JWT_ALGORITHM],
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        });
        if (typeof verified === 'string') throw new Error('payload is not a JSON object');
        return verified as Record<string, unknown>;
      } catch (error) {
        failure = error;
        // Only a signature another key may make good is worth trying the next key for.
        if ((error as Error).message !== 'invalid signature') break;
      }
    }
    throw new UnauthorizedException(describeJwtFailure(failure));
  }
}

/** A token's `kid` (header), unverified: it only chooses the key; undefined when it has none or is not a JWT. */
function keyIdOf(token: string): string | undefined {
  const decoded = decode(token, { complete: true });
  const kid = decoded?.header.kid;
  return typeof kid === 'string' ? kid : undefined;
}

/** How far a token's issue time may be ahead of this clock: another machine's clock may run fast. */
export const ISSUED_AT_SKEW_SECONDS = 60;

/**
 * Every token must expire, within `maxHours` of now and of when it was issued (jsonwebtoken has
 * already refused an expired one and checked that exp and iat, when present, are numbers). A
 * sign-in session's `iat` is when its user signed in, kept by every "Stay signed in" (web/auth/
 * session.controller.ts): its end may be up to SESSION_LIMIT_HOURS after that, but never more than
 * `maxHours` (8) ahead of now. A token issued in the future (beyond a minute's clock skew) is
 * refused: it would pass the lifetime check with a negative age and escape a "user X before T"
 * revocation.
 */
function checkLifetime(claims: Record<string, unknown>, maxHours: number, session: boolean): void {
  const { exp, iat } = claims;
  if (typeof exp !== 'number')
    throw new UnauthorizedException('Token has no expiry (exp): every token must expire');
  const longest = maxHours * 3600;
  const now = Math.floor(Date.now() / 1000);
  if (typeof iat === 'number' && iat > now + ISSUED_AT_SKEW_SECONDS)
    throw new UnauthorizedException(
      `Token was issued in the future (iat more than ${ISSUED_AT_SKEW_SECONDS} s ahead of this server's clock)`,
    );
  const kind = session ? 'a sign-in session' : 'a token';
  if (exp - now > longest || (!session && typeof iat === 'number' && exp - iat > longest))
    throw new UnauthorizedException(`Token lives longer than the ${maxHours} hours ${kind} may`);
  if (session && typeof iat === 'number' && exp - iat > SESSION_LIMIT_HOURS * 3600)
    throw new UnauthorizedException(
      `Token lives longer than the ${SESSION_LIMIT_HOURS} hours from sign-in a sign-in session may`,
    );
}

/** jsonwebtoken's messages are terse; say what is wrong in words a caller can act on. */
export function describeJwtFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TokenExpiredError') return 'Token has expired';
  if (name === 'NotBeforeError') return 'Token is not valid yet';
  if (message === 'invalid signature') return 'Token signature is invalid';
  if (message.startsWith('jwt audience invalid')) return `Token audience is not ${JWT_AUDIENCE}`;
  if (message.startsWith('jwt issuer invalid')) return `Token issuer is not ${JWT_ISSUER}`;
  if (message === 'invalid algorithm') return `Token must be signed with ${JWT_ALGORITHM}`;
  return `Token is invalid (${message})`;
}
