import type { AuthenticatedUser } from './authenticated-user';

/** A verified token's caller, with what revocation checks on every request (revocation/). */
export interface VerifiedToken {
  user: AuthenticatedUser;
  /** The token's `jti` (an API token's id, or a web session's); absent on older tokens. */
  id?: string;
  /** The token's `iat`, whole seconds. */
  issuedAt?: number;
}

/** A token that passed every check, and the seconds (Unix time) between which it stays valid. */
interface Verified extends VerifiedToken {
  notBefore: number;
  expires: number;
}

/** The time claims of a verified token (jsonwebtoken has already checked they are numbers). */
export interface TimeClaims {
  nbf?: unknown;
  exp?: unknown;
}

/**
 * Bearer tokens already verified, so a client sending the same token again is not verified again
 * (an HMAC and two JSON decodes per request, a few percent of a command's CPU). The key is the whole
 * token, signature included: the same string verifies the same way until its `exp`, or while before
 * its `nbf`; both are checked on every hit, as jsonwebtoken checks them (valid while nbf ≤ now < exp,
 * whole seconds). Outside that window the entry is dropped and the caller verifies afresh, so the
 * error is the verifier's own. At most `capacity` tokens, the oldest dropped first. Revocation is not
 * kept here: the verifier checks it on every request, hit or miss.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly capacity = 1_000) {}

  /** The token verified before and still in its time window; its user a copy, so callers may change it. */
  get(token: string, nowSeconds: number): VerifiedToken | undefined {
    const hit = this.entries.get(token);
    if (hit === undefined) return undefined;
    if (nowSeconds < hit.notBefore || nowSeconds >= hit.expires) {
      this.entries.delete(token);
      return undefined;
    }
    return { user: { ...hit.user }, id: hit.id, issuedAt: hit.issuedAt };
  }

  remember(token: string, verified: VerifiedToken, claims: TimeClaims): void {
    const notBefore = typeof claims.nbf === 'number' ? claims.nbf : Number.NEGATIVE_INFINITY;
    const expires = typeof claims.exp === 'number' ? claims.exp : Number.POSITIVE_INFINITY;
    this.entries.delete(token);
    this.entries.set(token, { ...verified, user: { ...verified.user }, notBefore, expires });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
