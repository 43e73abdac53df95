/**
 * The revocations table: a log of ended sessions (Logout) and removed users
 * (RemoveUser), one partition sorted by time, kept until the credentials it
 * ends would have expired anyway. The login function appends; every gateway
 * replica reads what is new since its last look (one Query per interval,
 * whatever the number of users), so it can check credentials itself.
 */
import { type AttributeValue, type DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';

export interface Revocation {
  /** A session (its id), or every session of a user issued up to `atMs` (the username). */
  kind: 'session' | 'user';
  subject: string;
  /** When it was revoked, by the login function's clock (the clock that stamps `iat`). */
  atMs: number;
  /** When it stops mattering: the latest expiry of what it revokes, epoch seconds. */
  expiresAt: number;
}

export interface RevocationsTable {
  client: DynamoDBClient;
  tableName: string;
}

const LOG = 'all';
/** Sort key: the time first, zero-padded, so a range is a time range. */
const sortKeyOf = (r: Revocation) => `${String(r.atMs).padStart(15, '0')}#${r.kind}#${r.subject}`;
export const sortKeyAt = (ms: number) => String(Math.max(0, ms)).padStart(15, '0');

export async function putRevocation(table: RevocationsTable, revocation: Revocation): Promise<void> {
  await table.client.send(
    new PutItemCommand({
      TableName: table.tableName,
      Item: {
        log: { S: LOG },
        at: { S: sortKeyOf(revocation) },
        kind: { S: revocation.kind },
        subject: { S: revocation.subject },
        at_ms: { N: String(revocation.atMs) },
        expires_at: { N: String(revocation.expiresAt) },
      },
    }),
  );
}

/** Every revocation stamped after `afterMs`, oldest first, all pages. */
export async function revocationsSince(table: RevocationsTable, afterMs: number): Promise<Revocation[]> {
  const found: Revocation[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: '#log = :log AND #at > :after',
        ExpressionAttributeNames: { '#log': 'log', '#at': 'at' },
        ExpressionAttributeValues: { ':log': { S: LOG }, ':after': { S: sortKeyAt(afterMs) } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const kind = item.kind?.S;
      if (kind !== 'session' && kind !== 'user') continue;
      found.push({ kind, subject: item.subject?.S ?? '', atMs: Number(item.at_ms?.N ?? 0), expiresAt: Number(item.expires_at?.N ?? 0) });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}
