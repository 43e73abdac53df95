/**
 * Calls a function's operation through Lambda Invoke (serverless-offline's
 * endpoint, LocalStack's, or AWS) and turns every outcome into the same thing
 * the monolith's in-process call gives: the reply, or a domain error.
 *
 * - envelope `{ ok: false, error }` → that domain error (same gRPC status as the monolith)
 * - the function threw (FunctionError) → a plain error → INTERNAL
 * - no answer within `timeoutMs` (queueing included) → DEADLINE_EXCEEDED; unreachable → UNAVAILABLE
 * - more than `queue` calls already waiting for that function → UNAVAILABLE at once
 *
 * What each answered invoke cost (its envelope's `cost`) is added up per function.
 *
 * At most `concurrency` invokes per function are in flight from one gateway;
 * up to `queue` more wait their turn, and beyond that the gateway sheds load:
 * a fast, honest UNAVAILABLE the client can retry with backoff, not a wait
 * that turns into DEADLINE_EXCEEDED seconds later. Like reserved concurrency
 * on AWS, the bound also limits how many instances a burst can start: each new
 * instance is a cold start, and on serverless-offline, which starts one per
 * concurrent call, a burst of cold starts on two cores otherwise feeds on
 * itself until every call times out.
 */
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeResult } from '../functions/lambda/entry.js';
import type { Caller } from '../functions/operation.js';
import { DeadlineExceededError, fromWire, UnavailableError } from '../lib/errors.js';
import { type Limiter, limiter } from '../lib/limiter.js';
import { log } from '../lib/log.js';
import { addInvoke, type InvokeUsage, noInvokes } from '../lib/usage.js';

export interface InvokerConfig {
  /** Lambda API endpoint; undefined means AWS. */
  endpoint?: string;
  region: string;
  /** Deployed function name = prefix + function (`chat-dev-` + `login`). */
  functionPrefix: string;
  timeoutMs: number;
  /** Most invokes in flight per function. */
  concurrency: number;
  /** Most invokes waiting per function; more are refused at once. */
  queue: number;
}

export function createInvoker(config: InvokerConfig) {
  const client = new LambdaClient({
    region: config.region,
    endpoint: config.endpoint,
    maxAttempts: 1, // retries belong to the caller, who knows whether the call is idempotent
    ...(config.endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  const decoder = new TextDecoder();
  const limits = new Map<string, Limiter>();
  const usage: Record<string, InvokeUsage> = {};

  async function invoke(fn: string, operation: string, caller: Caller | undefined, request: unknown): Promise<unknown> {
    const name = `${config.functionPrefix}${fn}`;
    const signal = AbortSignal.timeout(config.timeoutMs);
    const limit = limits.get(fn) ?? limits.set(fn, limiter(config.concurrency, config.queue)).get(fn);
    let response: InvokeCommandOutput;
    try {
      if (!(await limit?.acquire(signal))) throw new UnavailableError(`${fn} is busy (${config.queue} calls waiting); retry with backoff`);
      try {
        response = await client.send(
          new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify({ operation, caller, request })) }),
          { abortSignal: signal },
        );
      } finally {
        limit?.release();
      }
    } catch (error) {
      if (error instanceof UnavailableError) throw error;
      const err = error as Error;
      if (err.name === 'AbortError' || err.name === 'TimeoutError') {
        throw new DeadlineExceededError(`${fn} did not answer within ${config.timeoutMs} ms`);
      }
      log.warn('invoke failed', { function: name, operation, error: err.name, detail: err.message });
      throw new UnavailableError(`${fn} is unavailable`);
    }
    if (response.FunctionError) {
      log.error('function failed', { function: name, operation, error: response.FunctionError });
      throw new Error(`${fn} failed`);
    }
    const result = JSON.parse(decoder.decode(response.Payload)) as InvokeResult;
    if (result.cost) {
      usage[fn] ??= noInvokes();
      addInvoke(usage[fn], result.cost);
    }
    if (!result.ok) throw fromWire(result.error);
    return result.reply;
  }

  return { invoke, usage: (): Record<string, InvokeUsage> => structuredClone(usage), close: () => client.destroy() };
}

export type Invoker = ReturnType<typeof createInvoker>;
