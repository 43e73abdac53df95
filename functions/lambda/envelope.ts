/**
 * The Lambda transport's wire form, shared by the functions' entry (entry.ts)
 * and the gateway's invoker, which must not load the entry's middleware to
 * know it. One call is `{ operation, caller, request }`; several waiting calls
 * may travel as one invoke, `{ calls }`, answered `{ results }` in order; no
 * calls at all (`{ calls: [] }`) is a warm-up, answered after `holdMs` if given
 * (see the gateway's keepWarm: warm-ups held together land on distinct instances).
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
  /** A warm-up's answer waits this long (at most MAX_WARM_HOLD_MS), so that warm-ups sent together each start an instance. */
  holdMs?: number;
}

export const MAX_WARM_HOLD_MS = 1_000;

/** Most calls one invoke may carry: a batch's replies share Lambda's 6 MB response. */
export const MAX_BATCH = 64;

export type CallResult = { ok: true; reply: unknown } | { ok: false; error: WireError };

/**
 * A call's answer, or a batch's answers; either way with what the invoke cost. A warm-up's answer names the
 * instance that took it (`instance`, an id made when the instance loaded its code).
 */
export type InvokeResult = (CallResult | { results: CallResult[]; instance?: string }) & { cost?: InvokeCost };
