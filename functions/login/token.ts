/**
 * Credentials: ES256 JWTs naming the user (`sub`) and the session (`sid`).
 * Signed with a P-256 private key that only the login function holds (the
 * monolith is the login function too); verified with the public key, which is
 * all a gateway holds, so a gateway checks a credential where it arrives and
 * still cannot mint one. The algorithm is pinned on verify, so a token cannot
 * pick its own (an HS256 token "signed" with the public key is refused). Key
 * objects are made once (keys.ts): jsonwebtoken is much faster with them than with PEM.
 */
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ttlCache } from '../../lib/ttl-cache.js';
import type { Signer } from './keys.js';

const ALGORITHM = 'ES256';
const ISSUER = 'chat-functions';

export interface TokenClaims {
  username: string;
  sessionId: string;
  /** Expiry, epoch seconds. */
  expiresAt: number;
  /** Issue time, epoch seconds. */
  issuedAt: number;
}

export function signToken(signer: Signer, claims: Omit<TokenClaims, 'issuedAt'>): string {
  return jwt.sign({ sub: claims.username, sid: claims.sessionId, exp: claims.expiresAt }, signer.privateKey, {
    algorithm: ALGORITHM,
    issuer: ISSUER,
  });
}

/** The token's claims, or undefined for a forged, malformed or expired token. */
export function verifyToken(publicKey: KeyObject, token: string): TokenClaims | undefined {
  try {
    const payload = jwt.verify(token, publicKey, { algorithms: [ALGORITHM], issuer: ISSUER });
    if (
      typeof payload === 'string' ||
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string' ||
      typeof payload.exp !== 'number' ||
      typeof payload.iat !== 'number'
    ) {
      return undefined;
    }
    return { username: payload.sub, sessionId: payload.sid, expiresAt: payload.exp, issuedAt: payload.iat };
  } catch {
    return undefined;
  }
}

/** How many verified credentials one process remembers (about 300 bytes each). */
const VERIFIED_MAX = 20_000;

/**
 * verifyToken, remembering each credential that held until it expires: a
 * client sends the same credential on every call, and an ECDSA verify costs
 * ~0.1 ms of CPU (a third of the monolith's main thread at 1,000 sends/s).
 * Keyed by the token's exact text, so a token changed in any byte is verified
 * afresh; failures are never remembered (a forged token costs a verify, as
 * before, and takes no room). Revocation is not this cache's business: the
 * callers check it on every call.
 */
export function tokenVerifier(publicKey: KeyObject): (token: string) => TokenClaims | undefined {
  const verified = ttlCache<TokenClaims>(VERIFIED_MAX);
  return (token) => {
    const hit = verified.get(token);
    if (hit) return hit;
    const claims = verifyToken(publicKey, token);
    if (claims) verified.set(token, claims, claims.expiresAt * 1000 - Date.now());
    return claims;
  };
}
