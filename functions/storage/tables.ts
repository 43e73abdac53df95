/**
 * The tables, defined once as plain data. `ensureTables` creates them here
 * (embedded DynamoDB, DynamoDB Local, LocalStack) and the serverless template is
 * built from the same list. Only features that dynalite, DynamoDB Local and AWS
 * all have are used: no transactions, no streams; TTL is declared for AWS and
 * every read filters expired items itself.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';

type KeyType = 'S' | 'N';

export interface TableDefinition {
  /** Logical name; the physical name is `${prefix}${name}`. */
  name: 'users' | 'sessions' | 'revocations' | 'rooms' | 'members' | 'messages';
  partitionKey: [string, KeyType];
  sortKey?: [string, KeyType];
  /** Local indexes share the partition key and, unlike global ones, allow consistent reads. */
  localIndexes?: { name: string; sortKey: [string, KeyType]; projection: 'KEYS_ONLY' | 'ALL' | string[] }[];
  globalIndexes?: { name: string; partitionKey: [string, KeyType]; projection: 'KEYS_ONLY' | 'ALL' }[];
  ttlAttribute?: string;
}

export const TABLES: readonly TableDefinition[] = [
  { name: 'users', partitionKey: ['username', 'S'] },
  {
    name: 'sessions',
    partitionKey: ['session_id', 'S'],
    globalIndexes: [{ name: 'by_username', partitionKey: ['username', 'S'], projection: 'KEYS_ONLY' }],
    ttlAttribute: 'expires_at',
  },
  // A time-ordered log in one partition (revocations are rare: logouts and removed accounts).
  { name: 'revocations', partitionKey: ['log', 'S'], sortKey: ['at', 'S'], ttlAttribute: 'expires_at' },
  { name: 'rooms', partitionKey: ['room_name', 'S'] },
  { name: 'members', partitionKey: ['room_id', 'S'], sortKey: ['person_name', 'S'] },
  {
    name: 'messages',
    partitionKey: ['room_id', 'S'],
    sortKey: ['server_seq', 'N'],
    // Exact, strongly consistent msg_id lookups for idempotent sends.
    localIndexes: [{ name: 'by_msg_id', sortKey: ['msg_id', 'S'], projection: ['server_ts_ms'] }],
  },
];

export type TableNames = Record<TableDefinition['name'], string>;

export function tableNames(prefix: string): TableNames {
  return Object.fromEntries(TABLES.map((t) => [t.name, `${prefix}${t.name}`])) as TableNames;
}

/** The CreateTable input of one definition (also the shape CloudFormation wants). */
export function createTableInput(table: TableDefinition, physicalName: string): CreateTableCommandInput {
  const attributes = new Map<string, KeyType>([table.partitionKey]);
  if (table.sortKey) attributes.set(...table.sortKey);
  for (const index of table.localIndexes ?? []) attributes.set(...index.sortKey);
  for (const index of table.globalIndexes ?? []) attributes.set(...index.partitionKey);
  const keySchema = [{ AttributeName: table.partitionKey[0], KeyType: 'HASH' as const }];
  if (table.sortKey) keySchema.push({ AttributeName: table.sortKey[0], KeyType: 'RANGE' as never });
  return {
    TableName: physicalName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema,
    LocalSecondaryIndexes: table.localIndexes?.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: table.partitionKey[0], KeyType: 'HASH' },
        { AttributeName: index.sortKey[0], KeyType: 'RANGE' },
      ],
      Projection: Array.isArray(index.projection)
        ? { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projection }
        : { ProjectionType: index.projection },
    })),
    GlobalSecondaryIndexes: table.globalIndexes?.map((index) => ({
      IndexName: index.name,
      KeySchema: [{ AttributeName: index.partitionKey[0], KeyType: 'HASH' }],
      Projection: { ProjectionType: index.projection },
    })),
  };
}

async function waitActive(client: DynamoDBClient, name: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexesReady = (Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesReady) return;
    await sleep(500);
  }
  throw new Error(`table ${name} did not become ACTIVE within 60 s`);
}

async function tableExists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** Creates the missing tables and waits until all are usable. Safe to run concurrently and repeatedly. */
export async function ensureTables(client: DynamoDBClient, prefix: string): Promise<{ created: string[] }> {
  const names = tableNames(prefix);
  const created: string[] = [];
  for (const table of TABLES) {
    const name = names[table.name];
    if (!(await tableExists(client, name))) {
      try {
        await client.send(new CreateTableCommand(createTableInput(table, name)));
        created.push(name);
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error; // another process created it first
      }
    }
    await waitActive(client, name);
    if (table.ttlAttribute && created.includes(name)) {
      // dynalite has no TTL; reads filter expired items anyway, so TTL is only housekeeping.
      await client
        .send(
          new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }),
        )
        .catch(() => undefined);
    }
  }
  return { created };
}

/** A process's handle on its tables: `tables('rooms')` is the rooms table with the one client. */
export type Tables = <N extends TableDefinition['name']>(name: N) => { client: DynamoDBClient; tableName: string };

export function tablesOf(client: DynamoDBClient, prefix: string): Tables {
  const names = tableNames(prefix);
  return (name) => ({ client, tableName: names[name] });
}
