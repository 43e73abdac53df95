/** The login function over its tables: what its Lambda handler and the monolith both build. */
import type { FunctionsConfig } from '../config.js';
import type { Tables } from '../storage/tables.js';
import { createLoginLogic } from './logic.js';
import { type LoginOperations, loginOperations } from './operations.js';
import { tokenKey } from './token.js';

/**
 * @param secret the signing secret: only this function holds it
 * @param sessionCacheMs how long a checked session is trusted (see logic.ts)
 */
export function wireLogin(tables: Tables, config: FunctionsConfig, secret: string, sessionCacheMs: number): LoginOperations {
  return loginOperations(
    createLoginLogic({
      users: tables('users'),
      sessions: tables('sessions'),
      key: tokenKey(secret),
      tokenTtlSeconds: config.tokenTtlSeconds,
      scryptLogN: config.scryptLogN,
      sessionCacheMs,
    }),
  );
}
