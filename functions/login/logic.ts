/**
 * The login function: registration, login, credential checks and sessions.
 * Transport-neutral: contract-shaped objects in and out, domain errors thrown.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { auth } from '../../contracts/types.js';
import { AlreadyExistsError, InvalidArgumentError, PermissionDeniedError, UnauthenticatedError } from '../../lib/errors.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import type { Caller } from '../operation.js';
import * as validate from '../validate.js';
import { LIMITS } from '../validate.js';
import type { Signer } from './keys.js';
import { hashPassword, loginTurn, verifyPassword } from './password.js';
import { putRevocation, type RevocationsTable } from './revocations-table.js';
import { deleteSession, deleteSessionsOfUser, getLiveSession, listLiveSessions, putSession, type SessionsTable } from './sessions-table.js';
import { signToken, tokenVerifier } from './token.js';
import { getUser, putNewUser, removeUser as tombstoneUser, type UsersTable } from './users-table.js';

export interface LoginDeps {
  users: UsersTable;
  sessions: SessionsTable;
  revocations: RevocationsTable;
  signer: Signer;
  tokenTtlSeconds: number;
  scryptLogN: number;
  /**
   * How long a checked session is trusted without reading it again. Revocations
   * made by this process apply at once; those made elsewhere within this delay.
   */
  sessionCacheMs: number;
}

const SESSION_CACHE_MAX = 100_000;
const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

export function createLoginLogic(deps: LoginDeps) {
  const checked = ttlCache<Caller>(SESSION_CACHE_MAX);
  const verify = tokenVerifier(deps.signer.publicKey);
  // Unknown users still pay one hash, so response time does not reveal which usernames exist.
  // Made on the first such login, not at start: every Lambda cold start builds this logic.
  let dummyHash: Promise<string> | undefined;
  const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex'), deps.scryptLogN));

  function remember(caller: Caller): void {
    checked.set(caller.sessionId, caller, deps.sessionCacheMs);
  }

  function forget(sessionIds: string[]): void {
    for (const id of sessionIds) checked.delete(id);
  }

  /** The caller of a credential; throws UnauthenticatedError for a missing, forged, expired or revoked one. */
  async function authenticate(credential: string): Promise<Caller> {
    if (credential === '') throw new UnauthenticatedError('missing credential');
    const claims = verify(credential);
    if (!claims) throw new UnauthenticatedError('invalid or expired credential');
    const hit = checked.get(claims.sessionId);
    if (hit) return hit;
    const [session, user] = await Promise.all([getLiveSession(deps.sessions, claims.sessionId), getUser(deps.users, claims.username)]);
    if (!session || !user || user.removedAtMs || session.username !== claims.username) {
      forget([claims.sessionId]);
      throw new UnauthenticatedError('session has ended');
    }
    const caller = { username: claims.username, sessionId: claims.sessionId, expiresAt: claims.expiresAt };
    remember(caller);
    return caller;
  }

  async function addUser(req: auth.AddUserRequest): Promise<auth.AddUserReply> {
    const username = validate.username(req.username);
    const password = validate.password(req.password);
    // Checked first so a repeated registration (seeding, retries) costs no hash.
    const existing = await getUser(deps.users, username);
    if (existing?.removedAtMs) throw new AlreadyExistsError(`the name ${username} belonged to a removed account and cannot be taken`);
    if (existing) throw new AlreadyExistsError(`user ${username} already exists`);
    const passwordHash = await hashPassword(password, deps.scryptLogN);
    await putNewUser(deps.users, { username, passwordHash, createdAtMs: Date.now() });
    return { ok: true };
  }

  async function login(req: auth.LoginRequest): Promise<auth.LoginReply> {
    const username = validate.username(req.username);
    if (req.password === '') throw new InvalidArgumentError('password is required');
    // Before hashing: a hash of a megabyte costs what a megabyte costs.
    if (req.password.length > LIMITS.passwordMax)
      throw new InvalidArgumentError(`password is longer than ${LIMITS.passwordMax} characters`);
    const { user, matches } = await loginTurn(async () => {
      const found = await getUser(deps.users, username);
      const user = found?.removedAtMs ? undefined : found;
      return { user, matches: await verifyPassword(req.password, user?.passwordHash ?? (await unknownUserHash())) };
    });
    if (!user || !matches) throw new UnauthenticatedError('wrong username or password');
    // The account's name as registered, whatever case it was typed in now.
    const { username: name } = user;
    const sessionId = randomUUID();
    const expiresAt = Math.floor(Date.now() / 1000) + deps.tokenTtlSeconds;
    await putSession(deps.sessions, { sessionId, username: name, expiresAt });
    remember({ username: name, sessionId, expiresAt });
    return {
      credential: signToken(deps.signer, { username: name, sessionId, expiresAt }),
      expires_at_iso: iso(expiresAt),
      session_id: sessionId,
      username: name,
    };
  }

  /** Answers valid=false (not an error) for a credential that does not hold. */
  async function validateCredential(req: auth.ValidateRequest): Promise<auth.ValidateReply> {
    if (req.credential === '') throw new InvalidArgumentError('credential is required');
    try {
      const caller = await authenticate(req.credential);
      return { valid: true, username: caller.username, expires_at_iso: iso(caller.expiresAt) };
    } catch (error) {
      if (error instanceof UnauthenticatedError) return { valid: false, username: '', expires_at_iso: '' };
      throw error;
    }
  }

  // Logged before the session goes, so no reader can see it gone but not yet revoked (gateways read the log, not sessions).
  async function logout(caller: Caller): Promise<auth.LogoutReply> {
    await putRevocation(deps.revocations, { kind: 'session', subject: caller.sessionId, atMs: Date.now(), expiresAt: caller.expiresAt });
    await deleteSession(deps.sessions, caller.sessionId);
    forget([caller.sessionId]);
    return { ok: true };
  }

  /** A user may remove only themselves; all their sessions end with the account. */
  async function removeUser(caller: Caller, req: auth.RemoveUserRequest): Promise<auth.RemoveUserReply> {
    const username = validate.username(req.username);
    if (!validate.sameName(username, caller.username)) throw new PermissionDeniedError('you can remove only your own account');
    const user = await getUser(deps.users, caller.username);
    // Every credential of the account issued until now; the tombstone keeps any later login out.
    const atMs = Date.now();
    await putRevocation(deps.revocations, {
      kind: 'user',
      subject: caller.username,
      atMs,
      expiresAt: Math.ceil(atMs / 1000) + deps.tokenTtlSeconds,
    });
    if (user && !user.removedAtMs) await tombstoneUser(deps.users, user);
    forget(await deleteSessionsOfUser(deps.sessions, caller.username));
    forget([caller.sessionId]);
    return { ok: true };
  }

  /** Session ids, never tokens: a listed entry cannot be used to act as its user. */
  async function whoIsLoggedIn(_caller: Caller): Promise<auth.WhoIsLoggedInReply> {
    const sessions = await listLiveSessions(deps.sessions);
    sessions.sort((a, b) => a.username.localeCompare(b.username) || a.expiresAt - b.expiresAt);
    return {
      sessions: sessions.map((s) => ({ username: s.username, credential: s.sessionId, expires_at_iso: iso(s.expiresAt) })),
    };
  }

  return { authenticate, addUser, login, validate: validateCredential, logout, removeUser, whoIsLoggedIn };
}

export type LoginLogic = ReturnType<typeof createLoginLogic>;
