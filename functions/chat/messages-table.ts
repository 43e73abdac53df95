/**
 * The messages table: one item per message, keyed by (room_id, server_seq), so
 * a sequence number can be taken only once and history is a range query. The
 * local index by_msg_id answers "was this msg_id stored?" with a consistent read.
 */
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { chatmsg } from '../../contracts/types.js';
import { batchGetAll, batchWriteAll, isConditionFailed } from '../storage/dynamo.js';

export interface MessagesTable {
  client: DynamoDBClient;
  tableName: string;
}

type Item = Record<string, AttributeValue>;

function toItem(roomId: string, m: chatmsg.ChatMessage): Item {
  return {
    room_id: { S: roomId },
    server_seq: { N: String(m.server_seq) },
    msg_id: { S: m.msg_id },
    room_name: { S: m.room_name },
    person_name: { S: m.person_name },
    text: { S: m.text },
    client_ts_ms: { N: String(m.client_ts_ms) },
    server_ts_ms: { N: String(m.server_ts_ms) },
  };
}

function toMessage(item: Item): chatmsg.ChatMessage {
  return {
    room_name: item.room_name?.S ?? '',
    person_name: item.person_name?.S ?? '',
    text: item.text?.S ?? '',
    server_seq: Number(item.server_seq?.N ?? 0),
    client_ts_ms: Number(item.client_ts_ms?.N ?? 0),
    server_ts_ms: Number(item.server_ts_ms?.N ?? 0),
    msg_id: item.msg_id?.S ?? '',
  };
}

/** Stores the message unless its server_seq is taken; false means someone else took it. */
export async function putMessageIfSeqFree(table: MessagesTable, roomId: string, message: chatmsg.ChatMessage): Promise<boolean> {
  try {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: toItem(roomId, message),
        ConditionExpression: 'attribute_not_exists(server_seq)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/**
 * Unconditional batch write, for a single writer that already owns the
 * sequence numbers (the monolith's sequencer).
 */
export async function putMessages(table: MessagesTable, messages: { roomId: string; message: chatmsg.ChatMessage }[]): Promise<void> {
  await batchWriteAll(
    table.client,
    table.tableName,
    messages.map(({ roomId, message }) => ({ PutRequest: { Item: toItem(roomId, message) } })),
  );
}

/** Where and when a msg_id was stored. */
export interface StoredId {
  seq: number;
  serverTsMs: number;
  msgId: string;
  sender: string;
}

/** A stored message's id with its text: what a send that may repeat one is checked against. */
export type StoredSend = StoredId & { text: string };

/**
 * The message a sender stored under a msg_id, if it did: idempotency keys
 * belong to their sender, so another sender's use of the same msg_id is not it.
 * The index holds keys only; the few messages it names (usually none) are read
 * from the table for their sender and text.
 */
export async function findByMsgId(table: MessagesTable, roomId: string, sender: string, msgId: string): Promise<StoredSend | undefined> {
  const { Items = [] } = await table.client.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'by_msg_id',
      KeyConditionExpression: 'room_id = :r AND msg_id = :m',
      ExpressionAttributeValues: { ':r': { S: roomId }, ':m': { S: msgId } },
      ConsistentRead: true,
    }),
  );
  for (const hit of Items) {
    const message = await messageAt(table, roomId, Number(hit.server_seq?.N));
    if (message?.sender === sender) return message;
  }
  return undefined;
}

/** The item stored under a seq (consistent read; a lone GetItem, so that a batch's go together: gets-together.ts). */
async function itemAt(table: MessagesTable, roomId: string, seq: number, projection?: string): Promise<Item | undefined> {
  const { Item } = await table.client.send(
    new GetItemCommand({
      TableName: table.tableName,
      Key: { room_id: { S: roomId }, server_seq: { N: String(seq) } },
      ConsistentRead: true,
      ProjectionExpression: projection,
    }),
  );
  return Item;
}

/** The message stored under a seq, if any: who sent it, under which msg_id, and its text. */
export async function messageAt(table: MessagesTable, roomId: string, seq: number): Promise<StoredSend | undefined> {
  const item = await itemAt(table, roomId, seq);
  return item && { ...toStoredId(item), text: item.text?.S ?? '' };
}

const toStoredId = (item: Item): StoredId => ({
  seq: Number(item.server_seq?.N),
  serverTsMs: Number(item.server_ts_ms?.N ?? 0),
  msgId: item.msg_id?.S ?? '',
  sender: item.person_name?.S ?? '',
});

/** The newest stored server_seq of a room, 0 when it has none. */
export async function lastSeq(table: MessagesTable, roomId: string): Promise<number> {
  const [newest] = await recentIds(table, roomId, 1);
  return newest?.seq ?? 0;
}

async function query(table: MessagesTable, input: Omit<QueryCommandInput, 'TableName'>, limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await table.client.send(
      new QueryCommand({
        ...input,
        TableName: table.tableName,
        ConsistentRead: true,
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items;
}

/** The newest `limit` messages below `beforeSeq` (0: from the newest), oldest first. */
export async function latestMessages(table: MessagesTable, roomId: string, limit: number, beforeSeq = 0): Promise<chatmsg.ChatMessage[]> {
  const below = beforeSeq > 0;
  const items = await query(
    table,
    {
      KeyConditionExpression: below ? 'room_id = :r AND server_seq < :b' : 'room_id = :r',
      ExpressionAttributeValues: below ? { ':r': { S: roomId }, ':b': { N: String(beforeSeq) } } : { ':r': { S: roomId } },
      ScanIndexForward: false,
    },
    limit,
  );
  return items.map(toMessage).reverse();
}

/** Up to `limit` messages above `afterSeq`, oldest first. */
export async function messagesAfter(table: MessagesTable, roomId: string, afterSeq: number, limit: number): Promise<chatmsg.ChatMessage[]> {
  const items = await query(
    table,
    {
      KeyConditionExpression: 'room_id = :r AND server_seq > :a',
      ExpressionAttributeValues: { ':r': { S: roomId }, ':a': { N: String(afterSeq) } },
    },
    limit,
  );
  return items.map(toMessage);
}

/**
 * Which of these rooms hold a message at the given seq: one eventually
 * consistent BatchGetItem per 100 rooms, keys only (0.5 read units a room,
 * whether the message is there or not).
 */
export async function roomsWithMessageAt(table: MessagesTable, wanted: { roomId: string; seq: number }[]): Promise<Set<string>> {
  const items = await batchGetAll(
    table.client,
    table.tableName,
    wanted.map(({ roomId, seq }) => ({ room_id: { S: roomId }, server_seq: { N: String(seq) } })),
    { consistent: false, projection: 'room_id' },
  );
  return new Set(items.map((item) => item.room_id?.S ?? ''));
}

const ID_ATTRIBUTES = 'server_seq, msg_id, server_ts_ms, person_name';

/** The ids of the newest `limit` messages, newest first. */
export async function recentIds(table: MessagesTable, roomId: string, limit: number): Promise<StoredId[]> {
  const items = await query(
    table,
    {
      KeyConditionExpression: 'room_id = :r',
      ExpressionAttributeValues: { ':r': { S: roomId } },
      ProjectionExpression: ID_ATTRIBUTES,
      ScanIndexForward: false,
    },
    limit,
  );
  return items.map(toStoredId);
}

/** The id stored under a seq, if any. */
export async function idAt(table: MessagesTable, roomId: string, seq: number): Promise<StoredId | undefined> {
  const item = await itemAt(table, roomId, seq, ID_ATTRIBUTES);
  return item && toStoredId(item);
}

/** The ids of up to `limit` messages from `fromSeq` on, oldest first. */
export async function idsFrom(table: MessagesTable, roomId: string, fromSeq: number, limit: number): Promise<StoredId[]> {
  const items = await query(
    table,
    {
      KeyConditionExpression: 'room_id = :r AND server_seq >= :f',
      ExpressionAttributeValues: { ':r': { S: roomId }, ':f': { N: String(fromSeq) } },
      ProjectionExpression: ID_ATTRIBUTES,
    },
    limit,
  );
  return items.map(toStoredId);
}

export async function deleteMessages(table: MessagesTable, roomId: string, seqs: number[]): Promise<void> {
  await batchWriteAll(
    table.client,
    table.tableName,
    seqs.map((seq) => ({ DeleteRequest: { Key: { room_id: { S: roomId }, server_seq: { N: String(seq) } } } })),
  );
}

/** Deletes every message of a room incarnation, a page at a time. */
export async function purgeRoomMessages(table: MessagesTable, roomId: string): Promise<number> {
  let purged = 0;
  for (;;) {
    const page = await recentIds(table, roomId, 1000);
    if (page.length === 0) return purged;
    await deleteMessages(
      table,
      roomId,
      page.map((m) => m.seq),
    );
    purged += page.length;
  }
}
