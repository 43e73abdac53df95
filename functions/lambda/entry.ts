/**
 * The Lambda transport of the functions: a JSON event `{ operation, caller,
 * request }` in, an envelope out. Domain errors travel as `{ ok: false, error:
 * { kind, message } }` so the gateway can give the same gRPC status the
 * monolith gives; anything else is a real fault: logged, and thrown as a
 * generic error (the invoke reports a function error, the gateway INTERNAL).
 */
import middy from '@middy/core';
import { normalizeMessage } from '../../contracts/normalize.js';
import { DomainError, type ErrorKind, InvalidArgumentError } from '../../lib/errors.js';
import { describeError, log } from '../../lib/log.js';
import type { Caller, Operations } from '../operation.js';

export interface InvokeEvent {
  operation: string;
  caller?: Caller;
  request?: unknown;
}

export type InvokeResult = { ok: true; reply: unknown } | { ok: false; error: { kind: ErrorKind; message: string } };

/**
 * @param requestTypes operation name → fully qualified request message type
 *   (operations without one take their request as given)
 */
export function lambdaEntry(functionName: string, operations: () => Operations, requestTypes: Record<string, string>) {
  return middy(async (event: InvokeEvent): Promise<InvokeResult> => {
    const started = performance.now();
    try {
      const operation = operations()[event.operation];
      if (!operation) throw new InvalidArgumentError(`${functionName} has no operation "${event.operation}"`);
      const typeName = requestTypes[event.operation];
      let request: unknown;
      try {
        request = typeName ? normalizeMessage(typeName, event.request) : event.request;
      } catch (error) {
        throw new InvalidArgumentError(`malformed ${event.operation} request: ${(error as Error).message}`);
      }
      const reply = await operation(event.caller, request);
      log.debug('invoke', { function: functionName, operation: event.operation, ms: Math.round(performance.now() - started) });
      return { ok: true, reply };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: { kind: error.kind, message: error.message } };
      log.error('operation failed', { function: functionName, operation: event.operation, ...describeError(error) });
      throw new Error('internal error');
    }
  });
}
