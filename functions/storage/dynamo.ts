/**
 * The one DynamoDB client of a process, created once from configuration.
 * Against a local endpoint (dynalite, DynamoDB Local, LocalStack) it uses dummy
 * credentials, since those servers accept any; against AWS the SDK's default
 * chain applies.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteItemCommand, DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { FunctionsConfig } from '../config.js';

// The SDK is pinned in the lockfile, so its notice that later releases need Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export function createDynamoClient(config: Pick<FunctionsConfig, 'dynamo'>): DynamoDBClient {
  const { endpoint, region } = config.dynamo;
  return new DynamoDBClient({
    region,
    endpoint,
    maxAttempts: 3,
    ...(endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

/** True when the SDK error is a failed ConditionExpression. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Writes every request with BatchWriteItem, 25 at a time and in parallel,
 * retrying unprocessed items with backoff until all are written.
 */
export async function batchWriteAll(client: DynamoDBClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
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
