/** The login function over its tables: what its Lambda handler and the monolith both build. */
import type { FunctionsConfig } from '../config.js';
import type { Tables } from '../storage/tables.js';
import { signerOf } from './keys.js';
import { createLoginLogic } from './logic.js';
import { type LoginOperations, loginOperations } from './operations.js';

/**
 * @param signingKey the private key credentials are signed with (PEM): only this function holds it
 * @param sessionCacheMs how long a checked session is trusted (see logic.ts)
 */
export function wireLogin(tables: Tables, config: FunctionsConfig, signingKey: string, sessionCacheMs: number): LoginOperations {
  return loginOperations(
    createLoginLogic({
      users: tables('users'),
      sessions: tables('sessions'),
      revocations: tables('revocations'),
      signer: signerOf(signingKey),
      tokenTtlSeconds: config.tokenTtlSeconds,
      scryptLogN: config.scryptLogN,
      sessionCacheMs,
    }),
  );
}
