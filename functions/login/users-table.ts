/**
 * The users table: one item per account, keyed by the canonical form of its
 * name (see validate.canonicalName), holding the name as typed. A removed
 * account leaves a tombstone: the name is never handed to someone else, who
 * would otherwise inherit the rooms it owned.
 */
import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { AlreadyExistsError } from '../../lib/errors.js';
import { isConditionFailed } from '../storage/dynamo.js';
import { canonicalName } from '../validate.js';

export interface UserRecord {
  /** As the user typed it at registration. */
  username: string;
  passwordHash: string;
  createdAtMs: number;
  /** Set on a removed account's tombstone. */
  removedAtMs?: number;
}

export interface UsersTable {
  client: DynamoDBClient;
  tableName: string;
}

/** Throws AlreadyExistsError when the name (in any case) is taken, or was. */
export async function putNewUser(table: UsersTable, user: UserRecord): Promise<void> {
  try {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: {
          username: { S: canonicalName(user.username) },
          display_name: { S: user.username },
          password_hash: { S: user.passwordHash },
          created_at_ms: { N: String(user.createdAtMs) },
        },
        ConditionExpression: 'attribute_not_exists(username)',
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new AlreadyExistsError(`user ${user.username} already exists`);
    throw error;
  }
}

/**
 * The account of a name in any case, tombstones included. Accounts registered
 * before names were keyed canonically are found under their name as typed.
 */
export async function getUser(table: UsersTable, username: string): Promise<UserRecord | undefined> {
  const key = canonicalName(username);
  for (const stored of key === username ? [key] : [key, username]) {
    const { Item } = await table.client.send(
      new GetItemCommand({ TableName: table.tableName, Key: { username: { S: stored } }, ConsistentRead: true }),
    );
    if (Item)
      return {
        username: Item.display_name?.S ?? stored,
        passwordHash: Item.password_hash?.S ?? '',
        createdAtMs: Number(Item.created_at_ms?.N ?? 0),
        removedAtMs: Item.removed_at_ms ? Number(Item.removed_at_ms.N) : undefined,
      };
  }
  return undefined;
}

/** Replaces the account by its tombstone: no password, the name kept. */
export async function removeUser(table: UsersTable, user: UserRecord): Promise<void> {
  const key = canonicalName(user.username);
  await table.client.send(
    new PutItemCommand({
      TableName: table.tableName,
      Item: {
        username: { S: key },
        display_name: { S: user.username },
        created_at_ms: { N: String(user.createdAtMs) },
        removed_at_ms: { N: String(Date.now()) },
      },
    }),
  );
}
