/**
 * Password hashing with scrypt (memory-hard). The parameters are stored with
 * each hash, so raising the cost later leaves old hashes verifiable. node:crypto
 * runs scrypt on the libuv pool, off the event loop.
 * Format: `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { UnavailableError } from '../../lib/errors.js';
import { limiter } from '../../lib/limiter.js';

const KEY_LENGTH = 32;
const R = 8;
const P = 1;

/**
 * Admission for hashing, per process. One hash per core at a time: more would
 * not finish sooner, and would fill the libuv pool that the embedded store's
 * disk reads share, so a login storm stalled every other call. At most 32
 * waiting per core (~1–1.5 s of work at N=2^14 here); beyond that a login is
 * turned away at once (UNAVAILABLE, retry later) instead of timing out after
 * costing a hash nobody waits for. (With 256 per core, ~11 s of queued hashes
 * and their storage requests, a 5,000-user storm on the monolith stalled:
 * admitted logins ran out of their 30 s while queued, and their hashes were
 * wasted.) A Lambda instance serves one call at a time and never waits here.
 */
const cores = availableParallelism();
const kdf = limiter(cores, 32 * cores);

const TOO_MANY = 'too many logins in progress; retry shortly';

async function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  if (!(await kdf.acquire())) throw new UnavailableError(TOO_MANY);
  const N = 2 ** logN;
  try {
    return await new Promise((resolve, reject) => {
      // maxmem must exceed 128 * N * r bytes, or scrypt refuses large N.
      scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
    });
  } finally {
    kdf.release();
  }
}

// Logins between admission and the end of their hash: their account read and their wait for the KDF.
let admitted = 0;

/**
 * Runs one login's account read and hash, or turns it away at once
 * (UNAVAILABLE) when as many are already admitted as the KDF runs and queues.
 * Admission is taken before the account is read, so a storm's refused
 * attempts cost no storage request (checking the KDF queue instead let 2,000
 * simultaneous logins all read their account before any reached the queue).
 */
export async function loginTurn<T>(work: () => Promise<T>): Promise<T> {
  if (admitted >= cores + 32 * cores) throw new UnavailableError(TOO_MANY);
  admitted++;
  try {
    return await work();
  } finally {
    admitted--;
  }
}

export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, logN, R, P);
  return ['scrypt', logN, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
