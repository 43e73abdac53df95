/**
 * Type-level checks, run by `npm run typecheck` (they are never executed):
 * an operation table that lacks one of its function's operations, or has one
 * too many, does not compile. If the derivation ever stopped catching it, the
 * `@ts-expect-error` lines below would themselves fail the typecheck.
 */
import type { ChatOperations } from '../../functions/chat/operations.js';

export const sendOnly = async () => ({ ok: true, message: '', server_seq: 1, server_ts_ms: 1, msg_id: '' });

// @ts-expect-error GetHistory is missing: a binding without it is not the chat function
export const withoutHistory: ChatOperations = { SendMessage: sendOnly };

export const withExtra: ChatOperations = {
  SendMessage: sendOnly,
  GetHistory: async () => ({ messages: [] }),
  // @ts-expect-error an operation the chat function does not declare
  DeleteEverything: async () => undefined,
};
