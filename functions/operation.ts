/**
 * The unit both transports share: an operation takes the authenticated caller
 * (undefined for the public ones such as Login) and a contract request, and
 * returns a contract reply. The monolith calls these in-process; the Lambda
 * entries receive `{ operation, caller, request }` and call the same ones.
 */
import { UnauthenticatedError } from '../lib/errors.js';

/** Who is calling, as established by the login function from a credential. */
export interface Caller {
  username: string;
  sessionId: string;
  /** Credential expiry, epoch seconds. */
  expiresAt: number;
}

// biome-ignore lint/suspicious/noExplicitAny: each operation narrows its own request and reply
export type Operation<Req = any, Reply = any> = (caller: Caller | undefined, request: Req) => Promise<Reply>;
export type Operations = Record<string, Operation>;

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthenticatedError('missing credential');
  return caller;
}

/** An operation that acts as the authenticated user: logic taking the caller's name. */
export function asUser<Req, Reply>(logic: (username: string, request: Req) => Promise<Reply>): Operation<Req, Reply> {
  return (caller, request) => logic(requireCaller(caller).username, request);
}
