/**
 * The Lambda transport's wire form, shared by the functions' entry (entry.ts)
 * and the gateway's invoker, which must not load the entry's middleware to
 * know it. One call is `{ operation, caller, request }`; several waiting calls
 * may travel as one invoke, `{ calls }`, answered `{ results }` in order; no
 * calls at all (`{ calls: [] }`) is a warm-up.
 */
import type { WireError } from '../../lib/errors.js';
import type { InvokeCost } from '../../lib/usage.js';
import type { Caller } from '../operation.js';

export interface InvokeEvent {
  operation: string;
  caller?: Caller;
  request?: unknown;
}

export interface BatchEvent {
  calls: InvokeEvent[];
}

/** Most calls one invoke may carry: a batch's replies share Lambda's 6 MB response. */
export const MAX_BATCH = 64;

export type CallResult = { ok: true; reply: unknown } | { ok: false; error: WireError };

/** A call's answer, or a batch's answers; either way with what the invoke cost. */
export type InvokeResult = (CallResult | { results: CallResult[] }) & { cost?: InvokeCost };
