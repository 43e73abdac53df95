/** The users table: one item per user, keyed by username. */
import { DeleteItemCommand, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { AlreadyExistsError } from '../../lib/errors.js';
import { isConditionFailed } from '../storage/dynamo.js';

export interface UserRecord {
  username: string;
  passwordHash: string;
  createdAtMs: number;
}

export interface UsersTable {
  client: DynamoDBClient;
  tableName: string;
}

/** Throws AlreadyExistsError when the username is taken. */
export async function putNewUser(table: UsersTable, user: UserRecord): Promise<void> {
  try {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: {
          username: { S: user.username },
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

export async function getUser(table: UsersTable, username: string): Promise<UserRecord | undefined> {
  const { Item } = await table.client.send(
    new GetItemCommand({ TableName: table.tableName, Key: { username: { S: username } }, ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return { username, passwordHash: Item.password_hash?.S ?? '', createdAtMs: Number(Item.created_at_ms?.N ?? 0) };
}

/** True when a user was deleted. */
export async function deleteUser(table: UsersTable, username: string): Promise<boolean> {
  const { Attributes } = await table.client.send(
    new DeleteItemCommand({ TableName: table.tableName, Key: { username: { S: username } }, ReturnValues: 'ALL_OLD' }),
  );
  return Attributes !== undefined;
}
