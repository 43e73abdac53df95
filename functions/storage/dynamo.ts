/**
 * The one DynamoDB client of a process, created once from configuration.
 * Against a local endpoint (dynalite, DynamoDB Local, LocalStack) it uses dummy
 * credentials, since those servers accept any; against AWS the SDK's default
 * chain applies.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type ConsumedCapacity,
  DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { UnavailableError } from '../../lib/errors.js';
import { addStorage, noStorage, type StorageUsage } from '../../lib/usage.js';
import type { FunctionsConfig } from '../config.js';

// The SDK is pinned in the lockfile, so its notice that later releases need Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * @param onOutcome told after every call whether storage answered (true) or
 *   was out (false), so a server can say in its health what its calls see.
 */
export function createDynamoClient(config: Pick<FunctionsConfig, 'dynamo'>, onOutcome?: (up: boolean) => void): DynamoDBClient {
  const { endpoint, region } = config.dynamo;
  const client = new DynamoDBClient({
    region,
    endpoint,
    maxAttempts: 3,
    // Resolve each command's middleware once, not on every call: 407 against 492 µs of CPU a call here (`npm run bench:sdk-call`).
    // Middleware goes on the client before its first call (as here), never on a command.
    cacheMiddleware: true,
    ...(endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  // Outermost, so it sees what is left after the SDK's own retries.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const output = await next(args);
        onOutcome?.(true);
        return output;
      } catch (error) {
        if (!isOutage(error)) throw error;
        onOutcome?.(false);
        throw new UnavailableError('storage is unavailable; retry (a send with the same msg_id)');
      }
    },
    { step: 'initialize', name: 'storageOutage', priority: 'high' },
  );
  meter(client);
  return client;
}

// What this thread's clients sent and what the store said it consumed: what storage costs, measured where it is spent.
const used = noStorage();
const DATA_OPERATIONS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem']);
const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

/** The storage requests and request units of every client made in this thread so far. */
export const storageUsage = (): StorageUsage => addStorage(noStorage(), used);

/**
 * Counts each request by operation and asks the store what it consumed
 * (ReturnConsumedCapacity TOTAL: free on AWS, answered by dynalite and
 * DynamoDB Local). A write refused by its condition is counted as a request but
 * its units are not (the error carries none; AWS bills them).
 */
function meter(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      used.requests[operation] = (used.requests[operation] ?? 0) + 1;
      if (!DATA_OPERATIONS.has(operation)) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (READS.has(operation)) used.readUnits += units;
      else used.writeUnits += units;
      return result;
    },
    { step: 'initialize', name: 'storageUsage' },
  );
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/**
 * Storage was out, not the request wrong: no answer (network, timeout), a
 * server-side fault (5xx), or throttling. The caller should retry later, so
 * this is UNAVAILABLE; anything else (a failed condition, a bad request, an
 * answer that cannot be read) is the caller's to handle, or a fault.
 */
export function isOutage(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  if (e.$fault === 'server' || THROTTLED.has(e.name ?? '')) return true;
  return e.$metadata?.httpStatusCode === undefined && (NETWORK_CODES.has(e.code ?? '') || e.name === 'TimeoutError');
}

/** True when the SDK error is a failed ConditionExpression. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The most items one BatchWriteItem takes (DynamoDB's limit). */
export const BATCH_WRITE_ITEMS = 25;

/**
 * Writes every request with BatchWriteItem, 25 at a time and in parallel,
 * retrying unprocessed items with backoff until all are written.
 */
export async function batchWriteAll(client: DynamoDBClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_WRITE_ITEMS) chunks.push(requests.slice(i, i + BATCH_WRITE_ITEMS));
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending: WriteRequest[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 10 * 2 ** attempt));
        const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = UnprocessedItems?.[tableName] ?? [];
      }
    }),
  );
}

/** The most keys one BatchGetItem takes (DynamoDB's limit). */
export const BATCH_GET_KEYS = 100;
const BATCH_GET_RETRIES = 5;

type Key = Record<string, AttributeValue>;

/**
 * Reads the items of these keys with BatchGetItem, 100 keys a request, one
 * request at a time, retrying unprocessed keys with backoff a few times
 * (then UNAVAILABLE). Items that do not exist are absent from the answer.
 */
export async function batchGetAll(
  client: DynamoDBClient,
  tableName: string,
  keys: Key[],
  read: { consistent?: boolean; projection?: string },
): Promise<Key[]> {
  const items: Key[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_KEYS) {
    let pending = keys.slice(i, i + BATCH_GET_KEYS);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > BATCH_GET_RETRIES) throw new UnavailableError('storage is busy; retry (a send with the same msg_id)');
      if (attempt > 0) await sleep(Math.min(1000, 10 * 2 ** attempt));
      const answer = await client.send(
        new BatchGetItemCommand({
          RequestItems: { [tableName]: { Keys: pending, ConsistentRead: read.consistent, ProjectionExpression: read.projection } },
        }),
      );
      items.push(...(answer.Responses?.[tableName] ?? []));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return items;
}
