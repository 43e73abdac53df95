/**
 * The unit both transports share: an operation takes the authenticated caller
 * (undefined for the public ones such as Login) and a contract request, and
 * returns a contract reply. The monolith calls these in-process; the Lambda
 * entries receive `{ operation, caller, request }` and call the same ones.
 *
 * Each function declares its operations once, as a table of `operation<Req,
 * Reply>(requestType)` (its `operations.ts`); the implementation, the Lambda
 * entry's request parsing and the gateway's proxies all derive from that table,
 * so an operation one of them lacks is a type error, not a runtime one.
 */
import { UnauthenticatedError } from '../lib/errors.js';

/** The functions, each its own bundle and Lambda (functions/<name>/handler.ts). */
export const FUNCTIONS = ['login', 'chatroom', 'chat'] as const;

/** Who is calling, as established by the login function from a credential. */
export interface Caller {
  username: string;
  sessionId: string;
  /** Credential expiry, epoch seconds. */
  expiresAt: number;
}

export type Operation<Req, Reply> = (caller: Caller | undefined, request: Req) => Promise<Reply>;

/** One operation's declaration; `Req` and `Reply` exist only for the type checker. */
export interface OperationSpec<Req, Reply> {
  /** The contract message an invoke's request is normalised as; absent: taken as given. */
  requestType?: string;
  readonly types?: (request: Req) => Reply;
}

export const operation = <Req, Reply>(requestType?: string): OperationSpec<Req, Reply> => ({ requestType });

// biome-ignore lint/suspicious/noExplicitAny: a table holds operations of every request and reply type
export type FunctionSpec = Record<string, OperationSpec<any, any>>;

/** The operations a function's table declares, each with its own request and reply types. */
export type OperationsOf<S extends FunctionSpec> = {
  [K in keyof S]: S[K] extends OperationSpec<infer Req, infer Reply> ? Operation<Req, Reply> : never;
};

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthenticatedError('missing credential');
  return caller;
}

/** An operation that acts as the authenticated user: logic taking the caller's name. */
export function asUser<Req, Reply>(logic: (username: string, request: Req) => Promise<Reply>): Operation<Req, Reply> {
  return (caller, request) => logic(requireCaller(caller).username, request);
}
