/**
 * The sessions table: one item per login, keyed by a random session id, with
 * an index by username for revocation. Expired items may linger (TTL deletes
 * lazily, dynalite not at all), so every read filters them.
 */
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { batchWriteAll } from '../storage/dynamo.js';

export interface SessionRecord {
  sessionId: string;
  username: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface SessionsTable {
  client: DynamoDBClient;
  tableName: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function putSession(table: SessionsTable, session: SessionRecord): Promise<void> {
  await table.client.send(
    new PutItemCommand({
      TableName: table.tableName,
      Item: {
        session_id: { S: session.sessionId },
        username: { S: session.username },
        expires_at: { N: String(session.expiresAt) },
      },
    }),
  );
}

/** The live session, or undefined when it is missing or expired. */
export async function getLiveSession(table: SessionsTable, sessionId: string): Promise<SessionRecord | undefined> {
  const { Item } = await table.client.send(
    new GetItemCommand({ TableName: table.tableName, Key: { session_id: { S: sessionId } }, ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const session = { sessionId, username: Item.username?.S ?? '', expiresAt: Number(Item.expires_at?.N ?? 0) };
  return session.expiresAt > nowSeconds() ? session : undefined;
}

export async function deleteSession(table: SessionsTable, sessionId: string): Promise<void> {
  await table.client.send(new DeleteItemCommand({ TableName: table.tableName, Key: { session_id: { S: sessionId } } }));
}

/** Every unexpired session, in no particular order. */
export async function listLiveSessions(table: SessionsTable): Promise<SessionRecord[]> {
  const sessions: SessionRecord[] = [];
  let startKey: Record<string, never> | undefined;
  do {
    const page = await table.client.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: 'expires_at > :now',
        ExpressionAttributeValues: { ':now': { N: String(nowSeconds()) } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      sessions.push({ sessionId: item.session_id?.S ?? '', username: item.username?.S ?? '', expiresAt: Number(item.expires_at?.N ?? 0) });
    }
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return sessions;
}

/** Deletes every session of a user; returns their ids. */
export async function deleteSessionsOfUser(table: SessionsTable, username: string): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, never> | undefined;
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'by_username',
        KeyConditionExpression: 'username = :u',
        ExpressionAttributeValues: { ':u': { S: username } },
        ExclusiveStartKey: startKey,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => item.session_id?.S ?? ''));
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  await batchWriteAll(
    table.client,
    table.tableName,
    ids.map((id) => ({ DeleteRequest: { Key: { session_id: { S: id } } } })),
  );
  return ids;
}
