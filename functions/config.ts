/**
 * Configuration of the functions: what the login, chatroom and chat logic
 * need, read by the Lambda entries on their own and by the monolith as part
 * of its configuration.
 */
import { type Env, type EnvReader, readEnv } from '../lib/env.js';

export interface FunctionsConfig {
  /** development allows a generated JWT secret; anything else requires JWT_SECRET. */
  env: 'development' | 'production';
  tablePrefix: string;
  dynamo: { endpoint?: string; region: string };
  /** Undefined only in development when JWT_SECRET is unset: the caller supplies one. */
  jwtSecret?: string;
  tokenTtlSeconds: number;
  scryptLogN: number;
  /** Most rooms one user may own (counted in storage, so across every replica and instance). */
  roomsPerUser: number;
}

/**
 * The functions' settings, read through a reader that others may share (the
 * monolith's). `signs`: this process signs credentials and needs JWT_SECRET;
 * the chatroom and chat functions do not, and never read it.
 */
export function functionsSettings(e: EnvReader, { signs = true } = {}): FunctionsConfig {
  const env = e.oneOf('CHAT_ENV', ['development', 'production'], 'production');
  const jwtSecret = signs ? e.optional('JWT_SECRET') : undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) e.problem('JWT_SECRET must be at least 32 characters');
  if (signs && jwtSecret === undefined && env !== 'development')
    e.problem('JWT_SECRET is required (only CHAT_ENV=development may generate one)');
  return {
    env,
    tablePrefix: e.tablePrefix('chat-'),
    dynamo: { endpoint: e.optional('DYNAMODB_ENDPOINT'), region: e.region() },
    jwtSecret,
    tokenTtlSeconds: e.integer('TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    scryptLogN: e.integer('SCRYPT_LOG_N', 14, 10, 20),
    roomsPerUser: e.integer('ROOMS_PER_USER', 100, 1, 1_000_000),
  };
}

export const readFunctionsConfig = (env: Env = process.env, options: { signs?: boolean } = {}): FunctionsConfig =>
  readEnv(env, (e) => functionsSettings(e, options));
