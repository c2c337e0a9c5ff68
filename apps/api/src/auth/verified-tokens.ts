import type { AuthenticatedUser } from './authenticated-user';

/** A token that passed every check, and the seconds (Unix time) between which it stays valid. */
interface Verified {
  user: AuthenticatedUser;
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
 * error is the verifier's own. At most `capacity` tokens, the oldest dropped first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly capacity = 1_000) {}

  /** The user of a token verified before and still in its time window; a copy, so callers may change it. */
  get(token: string, nowSeconds: number): AuthenticatedUser | undefined {
    const hit = this.entries.get(token);
    if (hit === undefined) return undefined;
    if (nowSeconds < hit.notBefore || nowSeconds >= hit.expires) {
      this.entries.delete(token);
      return undefined;
    }
    return { ...hit.user };
  }

  remember(token: string, user: AuthenticatedUser, claims: TimeClaims): void {
    const notBefore = typeof claims.nbf === 'number' ? claims.nbf : Number.NEGATIVE_INFINITY;
    const expires = typeof claims.exp === 'number' ? claims.exp : Number.POSITIVE_INFINITY;
    this.entries.delete(token);
    this.entries.set(token, { user: { ...user }, notBefore, expires });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
