/**
 * The Lambda transport of a function: a JSON event `{ operation, caller,
 * request }` in, an envelope out. The request is normalised as the contract
 * message its operation declares (see ../operation.ts). Domain errors travel
 * in the envelope (`{ ok: false, error }`, the wire form of lib/errors.ts) so
 * the gateway gives the same gRPC status the monolith gives; anything else is
 * a real fault: logged, and thrown as a generic error (the invoke reports a
 * function error, the gateway INTERNAL). Every envelope also says what the
 * invoke cost (`cost`: duration, CPU, storage), for the gateway to add up.
 * The wire form is envelope.ts's.
 *
 * A gateway may send several waiting calls as one invoke, `{ calls: [...] }`
 * (at most MAX_BATCH): they run together and each is answered on its own, in
 * order, `{ results: [...] }`, with one cost for the invoke. A fault in one
 * call is that call's INTERNAL, not the batch's. An empty batch is a warm-up:
 * it builds the function's dependencies (its DynamoDB client, its keys) and
 * answers `{ results: [] }` (after `holdMs`, when given), so a gateway can
 * start an instance, or keep one from being reaped, before a caller has to
 * wait for it.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import middy from '@middy/core';
import { normalizeMessage } from '../../contracts/normalize.js';
import { DomainError, InvalidArgumentError, toWire, type WireError } from '../../lib/errors.js';
import { describeError, log } from '../../lib/log.js';
import { storageSince, threadCpuMs } from '../../lib/usage.js';
import type { Caller, FunctionSpec, OperationsOf } from '../operation.js';
import { storageUsage } from '../storage/dynamo.js';
import { type BatchEvent, type CallResult, type InvokeEvent, type InvokeResult, MAX_BATCH, MAX_WARM_HOLD_MS } from './envelope.js';

const isBatch = (event: InvokeEvent | BatchEvent): event is BatchEvent => typeof event === 'object' && event !== null && 'calls' in event;

/** What a call that failed on a fault (not a domain error) answers: nothing of the fault leaves the function. */
const INTERNAL: CallResult = { ok: false, error: { kind: 'INTERNAL', message: 'internal error' } };

/** A call's failure as its answer: a domain error as itself; anything else is logged, and undefined. */
function failureOf(functionName: string, operation: string, error: unknown): { ok: false; error: WireError } | undefined {
  if (error instanceof DomainError) return { ok: false, error: toWire(error) };
  log.error('operation failed', { function: functionName, operation, ...describeError(error) });
  return undefined;
}

/**
 * middy's onError, the way its own error handlers are built: a domain error
 * becomes the envelope's answer; anything else is logged and replaced by a
 * generic error, so no detail of a fault leaves the function.
 */
export function envelopeErrors(functionName: string): middy.MiddlewareObj<InvokeEvent | BatchEvent, InvokeResult> {
  return {
    onError: async (request) => {
      const { error, event } = request;
      const answer = failureOf(functionName, isBatch(event) ? 'batch' : String(event?.operation), error);
      if (answer) request.response = answer;
      else request.error = new Error('internal error');
    },
  };
}

/**
 * What the invoke cost, on its envelope: a Lambda instance runs one invoke at
 * a time, so its thread's CPU time and its storage requests over the invoke
 * are the invoke's. (On AWS the same figures sit beside the billed duration.)
 */
export function reportCost(): middy.MiddlewareObj<InvokeEvent | BatchEvent, InvokeResult> {
  type Start = { ms: number; cpuMs: number; storage: ReturnType<typeof storageUsage> };
  const attach = async (request: middy.Request<InvokeEvent | BatchEvent, InvokeResult>) => {
    const start = (request.internal as { costStart?: Start }).costStart;
    if (!request.response || !start) return;
    request.response.cost = {
      ms: performance.now() - start.ms,
      cpuMs: threadCpuMs() - start.cpuMs,
      storage: storageSince(storageUsage(), start.storage),
    };
  };
  return {
    before: async (request) => {
      (request.internal as { costStart?: Start }).costStart = { ms: performance.now(), cpuMs: threadCpuMs(), storage: storageUsage() };
    },
    after: attach,
    onError: attach,
  };
}

export function lambdaEntry<S extends FunctionSpec>(functionName: string, spec: S, operations: () => OperationsOf<S>) {
  // Made once per loaded copy of the code: once per instance (execution environment), which a warm-up's answer names.
  const instance = randomUUID().slice(0, 8);
  async function run(event: InvokeEvent): Promise<unknown> {
    const started = performance.now();
    const name = event?.operation;
    if (typeof name !== 'string' || !Object.hasOwn(spec, name))
      throw new InvalidArgumentError(`${functionName} has no operation "${String(name)}"`);
    const typeName = spec[name]?.requestType;
    let request: unknown;
    try {
      request = typeName ? normalizeMessage(typeName, event.request) : event.request;
    } catch (error) {
      throw new InvalidArgumentError(`malformed ${name} request: ${(error as Error).message}`);
    }
    const operation = operations()[name] as (caller: Caller | undefined, request: unknown) => Promise<unknown>;
    const reply = await operation(event.caller, request);
    log.debug('invoke', { function: functionName, operation: name, ms: Math.round(performance.now() - started) });
    return reply;
  }

  const answer = (event: InvokeEvent): Promise<CallResult> =>
    run(event).then(
      (reply) => ({ ok: true, reply }),
      (error) => failureOf(functionName, String(event?.operation), error) ?? INTERNAL,
    );

  return middy(async (event: InvokeEvent | BatchEvent): Promise<InvokeResult> => {
    if (!isBatch(event)) return { ok: true, reply: await run(event) };
    if (!Array.isArray(event.calls) || event.calls.length > MAX_BATCH)
      throw new InvalidArgumentError(`a batch is a list of at most ${MAX_BATCH} calls`);
    if (event.calls.length === 0) {
      operations();
      const { holdMs = 0 } = event;
      if (!Number.isInteger(holdMs) || holdMs < 0 || holdMs > MAX_WARM_HOLD_MS)
        throw new InvalidArgumentError(`a warm-up's holdMs is an integer from 0 to ${MAX_WARM_HOLD_MS}`);
      await sleep(holdMs);
      return { results: [], instance };
    }
    return { results: await Promise.all(event.calls.map(answer)) };
  })
    .use(reportCost())
    .use(envelopeErrors(functionName)); // its onError runs first, so the cost lands on the envelope it makes
}
