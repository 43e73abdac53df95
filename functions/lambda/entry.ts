/**
 * The Lambda transport of a function: a JSON event `{ operation, caller,
 * request }` in, an envelope out. The request is normalised as the contract
 * message its operation declares (see ../operation.ts). Domain errors travel
 * in the envelope (`{ ok: false, error }`, the wire form of lib/errors.ts) so
 * the gateway gives the same gRPC status the monolith gives; anything else is
 * a real fault: logged, and thrown as a generic error (the invoke reports a
 * function error, the gateway INTERNAL). Every envelope also says what the
 * invoke cost (`cost`: duration, CPU, storage), for the gateway to add up.
 */
import middy from '@middy/core';
import { normalizeMessage } from '../../contracts/normalize.js';
import { DomainError, InvalidArgumentError, toWire, type WireError } from '../../lib/errors.js';
import { describeError, log } from '../../lib/log.js';
import { type InvokeCost, storageSince, threadCpuMs } from '../../lib/usage.js';
import type { Caller, FunctionSpec, OperationsOf } from '../operation.js';
import { storageUsage } from '../storage/dynamo.js';

export interface InvokeEvent {
  operation: string;
  caller?: Caller;
  request?: unknown;
}

export type InvokeResult = ({ ok: true; reply: unknown } | { ok: false; error: WireError }) & { cost?: InvokeCost };

/**
 * middy's onError, the way its own error handlers are built: a domain error
 * becomes the envelope's answer; anything else is logged and replaced by a
 * generic error, so no detail of a fault leaves the function.
 */
export function envelopeErrors(functionName: string): middy.MiddlewareObj<InvokeEvent, InvokeResult> {
  return {
    onError: async (request) => {
      const { error, event } = request;
      if (error instanceof DomainError) {
        request.response = { ok: false, error: toWire(error) };
        return;
      }
      log.error('operation failed', { function: functionName, operation: event.operation, ...describeError(error) });
      request.error = new Error('internal error');
    },
  };
}

/**
 * What the invoke cost, on its envelope: a Lambda instance runs one invoke at
 * a time, so its thread's CPU time and its storage requests over the invoke
 * are the invoke's. (On AWS the same figures sit beside the billed duration.)
 */
export function reportCost(): middy.MiddlewareObj<InvokeEvent, InvokeResult> {
  type Start = { ms: number; cpuMs: number; storage: ReturnType<typeof storageUsage> };
  const attach = async (request: middy.Request<InvokeEvent, InvokeResult>) => {
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
  return middy(async (event: InvokeEvent): Promise<InvokeResult> => {
    const started = performance.now();
    const name = event.operation;
    if (!Object.hasOwn(spec, name)) throw new InvalidArgumentError(`${functionName} has no operation "${name}"`);
    const typeName = spec[name]?.requestType;
    let request: unknown;
    try {
      request = typeName ? normalizeMessage(typeName, event.request) : event.request;
    } catch (error) {
      throw new InvalidArgumentError(`malformed ${name} request: ${(error as Error).message}`);
    }
    const run = operations()[name] as (caller: Caller | undefined, request: unknown) => Promise<unknown>;
    const reply = await run(event.caller, request);
    log.debug('invoke', { function: functionName, operation: name, ms: Math.round(performance.now() - started) });
    return { ok: true, reply };
  })
    .use(reportCost())
    .use(envelopeErrors(functionName)); // its onError runs first, so the cost lands on the envelope it makes
}
