/**
 * Credentials checked where they arrive: the signature and expiry with the
 * public key (no invoke, no storage read), revocation against this replica's
 * copy of the revocations log, refreshed by one Query every `pollMs` (a
 * revocation applies on every replica within `pollMs` and one read). A
 * replica that cannot read the log for `staleAfterMs` refuses credentials
 * with UNAVAILABLE rather than trust what may have been revoked.
 */
import type { KeyObject } from 'node:crypto';
import { type RevocationsTable, revocationsSince } from '../functions/login/revocations-table.js';
import { tokenVerifier } from '../functions/login/token.js';
import type { Caller } from '../functions/operation.js';
import { UnauthenticatedError, UnavailableError } from '../lib/errors.js';
import { describeError, log } from '../lib/log.js';

/** Each poll reads this far back again: a revocation stamped late (another instance's clock, a slow write) is still seen. */
const OVERLAP_MS = 10_000;

export interface CredentialCheckOptions {
  publicKey: KeyObject;
  revocations: RevocationsTable;
  pollMs: number;
  /** The longest a credential lives (TOKEN_TTL_SECONDS): how far back a new replica reads the log. */
  tokenTtlSeconds: number;
}

export interface CredentialCheck {
  authenticate(credential: string): Caller;
  /** Reads what is new in the log now (after this replica's own Logout or RemoveUser); never rejects. */
  refresh(): Promise<void>;
  stats(): { revokedSessions: number; revokedUsers: number; polls: number };
  stop(): void;
}

export async function startCredentialCheck(options: CredentialCheckOptions): Promise<CredentialCheck> {
  const verify = tokenVerifier(options.publicKey);
  const sessions = new Map<string, number>(); // session id → expiry (epoch s)
  const users = new Map<string, { atMs: number; expiresAt: number }>();
  const staleAfterMs = Math.max(10_000, 5 * options.pollMs);
  let readUpToMs = Date.now() - options.tokenTtlSeconds * 1000;
  let lastReadAt = 0;
  let polls = 0;

  async function poll(): Promise<void> {
    const startedAt = Date.now();
    for (const r of await revocationsSince(options.revocations, readUpToMs - OVERLAP_MS)) {
      if (r.kind === 'session') sessions.set(r.subject, r.expiresAt);
      else if ((users.get(r.subject)?.atMs ?? -1) < r.atMs) users.set(r.subject, { atMs: r.atMs, expiresAt: r.expiresAt });
      readUpToMs = Math.max(readUpToMs, r.atMs);
    }
    const now = Date.now() / 1000;
    for (const [id, expiresAt] of sessions) if (expiresAt < now) sessions.delete(id);
    for (const [name, entry] of users) if (entry.expiresAt < now) users.delete(name);
    readUpToMs = Math.max(readUpToMs, startedAt - OVERLAP_MS);
    lastReadAt = startedAt;
    polls++;
  }

  await poll(); // a new replica knows every live revocation before it serves
  let running: Promise<void> | undefined;
  /** One read at a time; a failed one is logged and retried by the next tick (past staleAfterMs, credentials are refused). */
  const pollOnce = () =>
    (running ??= poll()
      .catch((error) => log.warn('cannot read the revocations log', describeError(error)))
      .finally(() => (running = undefined)));
  const timer = setInterval(pollOnce, options.pollMs);
  timer.unref();

  return {
    authenticate(credential) {
      if (credential === '') throw new UnauthenticatedError('missing credential');
      const claims = verify(credential);
      if (!claims) throw new UnauthenticatedError('invalid or expired credential');
      if (Date.now() - lastReadAt > staleAfterMs) throw new UnavailableError('cannot check credentials now (revocations unread); retry');
      const userRevokedAt = users.get(claims.username)?.atMs;
      if (sessions.has(claims.sessionId) || (userRevokedAt !== undefined && claims.issuedAt * 1000 <= userRevokedAt))
        throw new UnauthenticatedError('session has ended');
      return { username: claims.username, sessionId: claims.sessionId, expiresAt: claims.expiresAt };
    },
    refresh: pollOnce,
    stats: () => ({ revokedSessions: sessions.size, revokedUsers: users.size, polls }),
    stop: () => clearInterval(timer),
  };
}
