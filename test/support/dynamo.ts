/**
 * A real DynamoDB API for table-level tests: an in-memory dynalite on a
 * loopback port, or the server at DYNAMODB_ENDPOINT (DynamoDB Local in CI),
 * with fresh tables under a random prefix.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import './env.js';
import { createDynamoClient } from '../../functions/storage/dynamo.js';
import { ensureTables, type TableNames, tableNames } from '../../functions/storage/tables.js';

export interface TestDynamo {
  endpoint: string;
  client: DynamoDBClient;
  names: TableNames;
  prefix: string;
  /** Another client on the same server, e.g. one to inject faults into. */
  newClient(): DynamoDBClient;
  close(): Promise<void>;
}

export async function startTestDynamo(): Promise<TestDynamo> {
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  let server: ReturnType<typeof dynalite> | undefined;
  if (!endpoint) {
    server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    const s = server;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
    endpoint = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  }
  const newClient = () => createDynamoClient({ dynamo: { endpoint, region: 'us-east-1' } });
  const client = newClient();
  const prefix = `t${randomBytes(4).toString('hex')}-`;
  await ensureTables(client, prefix);
  return {
    endpoint,
    client,
    names: tableNames(prefix),
    prefix,
    newClient,
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
