/**
 * Configuration of the functions: what the login, chatroom and chat logic
 * need, read by the Lambda entries on their own and by the monolith as part
 * of its configuration.
 */
import { type Env, type EnvReader, readEnv } from '../lib/env.js';
import { signerOf } from './login/keys.js';

export interface FunctionsConfig {
  /** development allows a generated signing key; anything else requires JWT_PRIVATE_KEY where credentials are signed. */
  env: 'development' | 'production';
  tablePrefix: string;
  dynamo: { endpoint?: string; region: string };
  /** The P-256 private key (PEM) credentials are signed with; undefined where nothing signs, or in development when unset (the caller supplies one). */
  signingKey?: string;
  tokenTtlSeconds: number;
  scryptLogN: number;
  /** Most rooms one user may own (counted in storage, so across every replica and instance). */
  roomsPerUser: number;
  /** How long a chat function instance trusts that a room exists and a person is in it: the longest a person who left can still post. */
  membershipCacheMs: number;
}

/**
 * The functions' settings, read through a reader that others may share (the
 * monolith's). `signs`: this process signs credentials and needs
 * JWT_PRIVATE_KEY; the chatroom and chat functions do not, and never read it.
 */
export function functionsSettings(e: EnvReader, { signs = true } = {}): FunctionsConfig {
  const env = e.oneOf('CHAT_ENV', ['development', 'production'], 'production');
  if (e.optional('JWT_SECRET') !== undefined)
    e.problem('JWT_SECRET is no longer read: credentials are signed with ES256; set JWT_PRIVATE_KEY (`npm run keys` makes a pair)');
  const signingKey = signs ? e.optional('JWT_PRIVATE_KEY') : undefined;
  if (signingKey !== undefined) {
    try {
      signerOf(signingKey);
    } catch {
      e.problem('JWT_PRIVATE_KEY must be an EC P-256 private key in PEM (`npm run keys` makes one)');
    }
  }
  if (signs && signingKey === undefined && env !== 'development')
    e.problem('JWT_PRIVATE_KEY is required (only CHAT_ENV=development may generate one)');
  return {
    env,
    tablePrefix: e.tablePrefix('chat-'),
    dynamo: { endpoint: e.optional('DYNAMODB_ENDPOINT'), region: e.region() },
    signingKey,
    tokenTtlSeconds: e.integer('TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    scryptLogN: e.integer('SCRYPT_LOG_N', 14, 10, 20),
    roomsPerUser: e.integer('ROOMS_PER_USER', 100, 1, 1_000_000),
    membershipCacheMs: e.integer('MEMBERSHIP_CACHE_MS', 5000, 0, 60_000),
  };
}

export const readFunctionsConfig = (env: Env = process.env, options: { signs?: boolean } = {}): FunctionsConfig =>
  readEnv(env, (e) => functionsSettings(e, options));
