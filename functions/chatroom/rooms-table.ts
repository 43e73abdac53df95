/**
 * The rooms table: one item per room, keyed by the canonical form of its name
 * (validate.canonicalName: "Lobby" and "lobby" are one room), holding the name
 * as typed. Each incarnation of a name gets a fresh `room_id`, which keys its
 * members and messages, so a room deleted and created again starts empty even
 * while the old rows are being purged. Each item also holds its room's head
 * (`last_seq`, advanced after every stored message on the functions path), so
 * a gateway sees which of its rooms have news with one batched read.
 */
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { AlreadyExistsError, NotFoundError } from '../../lib/errors.js';
import { batchGetAll, isConditionFailed } from '../storage/dynamo.js';
import { canonicalName } from '../validate.js';

export interface RoomRecord {
  /** As its creator typed it. */
  roomName: string;
  /** Its key in the table: the canonical name (or, for rooms made before names were keyed so, the name). */
  key: string;
  roomId: string;
  owner: string;
  createdAtMs: number;
  /**
   * Its head (last_seq) when this record was read from the table; none on a record made otherwise. Seqs are
   * taken in order, so every seq up to it was taken then: a writer's first guess of the next (chat/append.ts).
   */
  lastSeq?: number;
  /** How many LeaveRooms it had when this record was read (none on a record made otherwise): what memberships cached since are checked against. */
  leaves?: number;
}

export interface RoomsTable {
  client: DynamoDBClient;
  tableName: string;
}

type Item = Record<string, { S?: string; N?: string }>;

const toRoom = (item: Item): RoomRecord => ({
  roomName: item.display_name?.S ?? item.room_name?.S ?? '',
  key: item.room_name?.S ?? '',
  roomId: item.room_id?.S ?? '',
  owner: item.owner?.S ?? '',
  createdAtMs: Number(item.created_at_ms?.N ?? 0),
  lastSeq: Number(item.last_seq?.N ?? 0),
  leaves: Number(item.leaves?.N ?? 0),
});

/** Throws AlreadyExistsError when the name is taken. */
export async function putNewRoom(table: RoomsTable, room: RoomRecord): Promise<void> {
  try {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: {
          room_name: { S: room.key },
          display_name: { S: room.roomName },
          room_id: { S: room.roomId },
          owner: { S: room.owner },
          created_at_ms: { N: String(room.createdAtMs) },
        },
        ConditionExpression: 'attribute_not_exists(room_name)',
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new AlreadyExistsError(`room ${room.roomName} already exists`);
    throw error;
  }
}

/** The key a new room of this name gets. */
export const roomKey = (roomName: string): string => canonicalName(roomName);

/** The room of a name in any case (rooms made before names were keyed canonically: under their name as typed). */
export async function getRoom(table: RoomsTable, roomName: string): Promise<RoomRecord | undefined> {
  const key = roomKey(roomName);
  for (const stored of key === roomName ? [key] : [key, roomName]) {
    const { Item } = await table.client.send(
      new GetItemCommand({ TableName: table.tableName, Key: { room_name: { S: stored } }, ConsistentRead: true }),
    );
    if (Item) return toRoom(Item);
  }
  return undefined;
}

/** Deletes this incarnation only; throws NotFoundError if it is already gone or replaced. */
export async function deleteRoomIncarnation(table: RoomsTable, room: RoomRecord): Promise<void> {
  try {
    await table.client.send(
      new DeleteItemCommand({
        TableName: table.tableName,
        Key: { room_name: { S: room.key } },
        ConditionExpression: 'room_id = :id',
        ExpressionAttributeValues: { ':id': { S: room.roomId } },
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new NotFoundError(`room ${room.roomName} does not exist`);
    throw error;
  }
}

/** One page of rooms in storage order; `after` is the last name of the previous page. */
export async function listRooms(table: RoomsTable, limit: number, after: string): Promise<RoomRecord[]> {
  const rooms: RoomRecord[] = [];
  let startKey: Record<string, { S: string }> | undefined = after ? { room_name: { S: roomKey(after) } } : undefined;
  while (rooms.length < limit) {
    const page = await table.client.send(
      new ScanCommand({ TableName: table.tableName, Limit: limit - rooms.length, ExclusiveStartKey: startKey }),
    );
    rooms.push(...(page.Items ?? []).map(toRoom));
    startKey = page.LastEvaluatedKey as typeof startKey;
    if (!startKey) break;
  }
  return rooms;
}

/**
 * Raises this incarnation's head to `seq` (never lowers it), with that
 * message itself (`lastMessage`, as its writer encoded it), so that a reader
 * one message behind has it from the head alone. Called after the message is
 * stored: a head may lag its messages (a writer that died between the two),
 * never lead them. The condition also names the incarnation, so the write
 * tells a sender working from a cached room that the room is gone.
 * @returns false when this incarnation is gone (deleted, or deleted and made again)
 */
export async function advanceRoomHead(table: RoomsTable, room: RoomRecord, seq: number, lastMessage: string): Promise<boolean> {
  try {
    await table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: { room_name: { S: room.key } },
        UpdateExpression: 'SET last_seq = :seq, last_message = :message',
        // "id AND (no seq OR lower seq)", written out without the parentheses (AND binds tighter than OR): dynalite's
        // parser backtracks over a parenthesised group, which made parsing this condition cost its store 5× the CPU
        // (276 against 54 µs here), on every message.
        ConditionExpression: 'room_id = :id AND attribute_not_exists(last_seq) OR room_id = :id AND last_seq < :seq',
        ExpressionAttributeValues: { ':id': { S: room.roomId }, ':seq': { N: String(seq) }, ':message': { S: lastMessage } },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  // A later message got there first, or the room is gone: only a read tells which.
  return (await roomHeadSeq(table, room)) !== undefined;
}

/**
 * Counts a LeaveRoom on the room's item, before the membership goes: an instance that trusts memberships it read
 * earlier re-reads them once its copy of the room shows a new count (directory.ts). A room gone meanwhile has none.
 */
export async function countLeave(table: RoomsTable, room: RoomRecord): Promise<void> {
  try {
    await table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: { room_name: { S: room.key } },
        UpdateExpression: 'ADD leaves :one',
        ConditionExpression: 'room_id = :id',
        ExpressionAttributeValues: { ':id': { S: room.roomId }, ':one': { N: '1' } },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/** The room's last_seq now (consistent; not its last message); undefined when this incarnation is gone. */
export async function roomHeadSeq(table: RoomsTable, room: RoomRecord): Promise<number | undefined> {
  const { Item } = await table.client.send(
    new GetItemCommand({
      TableName: table.tableName,
      Key: { room_name: { S: room.key } },
      ConsistentRead: true,
      ProjectionExpression: 'room_id, last_seq',
    }),
  );
  return Item?.room_id?.S === room.roomId ? Number(Item.last_seq?.N ?? 0) : undefined;
}

export interface RoomHead {
  roomId: string;
  lastSeq: number;
  /** The message at `lastSeq`, as its writer encoded it (absent for a room with none). */
  lastMessage?: string;
}

/** The heads of rooms by key (consistent reads, 100 keys a request); a room that is gone is absent. */
export async function roomHeads(table: RoomsTable, keys: string[]): Promise<Map<string, RoomHead>> {
  const items = await batchGetAll(
    table.client,
    table.tableName,
    keys.map((key) => ({ room_name: { S: key } })),
    { consistent: true, projection: 'room_name, room_id, last_seq, last_message' },
  );
  const heads = new Map<string, RoomHead>();
  for (const item of items)
    heads.set(item.room_name?.S ?? '', {
      roomId: item.room_id?.S ?? '',
      lastSeq: Number(item.last_seq?.N ?? 0),
      lastMessage: item.last_message?.S,
    });
  return heads;
}
