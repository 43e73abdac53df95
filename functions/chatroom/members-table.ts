/**
 * The members table: who is in which room, keyed by (room_id, person_name).
 * One reserved partition, `OWNED` (no room id is a control character), counts
 * the rooms each person owns, so the quota holds across every replica and
 * instance without a scan, and without touching the rooms table ListRooms scans.
 */
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { AlreadyExistsError, NotFoundError } from '../../lib/errors.js';
import { batchWriteAll, isConditionFailed } from '../storage/dynamo.js';
import { canonicalName } from '../validate.js';

export interface MembersTable {
  client: DynamoDBClient;
  tableName: string;
}

const key = (roomId: string, person: string) => ({ room_id: { S: roomId }, person_name: { S: person } });

/** The partition of the owners' room counts. */
const OWNED = '\u0000owned';
const ownedKey = (owner: string) => key(OWNED, canonicalName(owner));

/** Throws AlreadyExistsError when the person is already in the room. */
export async function putMember(table: MembersTable, roomId: string, person: string): Promise<void> {
  try {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: { ...key(roomId, person), joined_at_ms: { N: String(Date.now()) } },
        ConditionExpression: 'attribute_not_exists(person_name)',
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new AlreadyExistsError(`${person} is already in the room`);
    throw error;
  }
}

/** Throws NotFoundError when the person is not in the room. */
export async function deleteMember(table: MembersTable, roomId: string, person: string): Promise<void> {
  try {
    await table.client.send(
      new DeleteItemCommand({ TableName: table.tableName, Key: key(roomId, person), ConditionExpression: 'attribute_exists(person_name)' }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new NotFoundError(`${person} is not in the room`);
    throw error;
  }
}

export async function isMember(table: MembersTable, roomId: string, person: string): Promise<boolean> {
  const { Item } = await table.client.send(
    new GetItemCommand({ TableName: table.tableName, Key: key(roomId, person), ConsistentRead: true }),
  );
  return Item !== undefined;
}

/** Every member of a room, in name order. */
export async function listMembers(table: MembersTable, roomId: string): Promise<string[]> {
  const people: string[] = [];
  let startKey: Record<string, never> | undefined;
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'room_id = :r',
        ExpressionAttributeValues: { ':r': { S: roomId } },
        ProjectionExpression: 'person_name',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    people.push(...(page.Items ?? []).map((item) => item.person_name?.S ?? ''));
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return people;
}

export async function deleteAllMembers(table: MembersTable, roomId: string): Promise<void> {
  const people = await listMembers(table, roomId);
  await batchWriteAll(
    table.client,
    table.tableName,
    people.map((person) => ({ DeleteRequest: { Key: key(roomId, person) } })),
  );
}

/** Counts one more room for `owner`; false when they own `max` already. */
export async function reserveOwnedRoom(table: MembersTable, owner: string, max: number): Promise<boolean> {
  try {
    await table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: ownedKey(owner),
        UpdateExpression: 'ADD owned :one',
        ConditionExpression: 'attribute_not_exists(owned) OR owned < :max',
        ExpressionAttributeValues: { ':one': { N: '1' }, ':max': { N: String(max) } },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Counts one room fewer for `owner` (a room deleted, or one whose creation failed). */
export async function releaseOwnedRoom(table: MembersTable, owner: string): Promise<void> {
  await table.client
    .send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: ownedKey(owner),
        UpdateExpression: 'ADD owned :minus',
        ConditionExpression: 'owned > :zero',
        ExpressionAttributeValues: { ':minus': { N: '-1' }, ':zero': { N: '0' } },
      }),
    )
    .catch((error) => {
      if (!isConditionFailed(error)) throw error;
    });
}
