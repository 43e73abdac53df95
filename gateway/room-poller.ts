/**
 * The gateway's live feed, at a cost that follows messages rather than rooms.
 * Every `intervalMs` one consistent BatchGetItem reads the heads (`last_seq`)
 * of all rooms with a subscriber on this replica, 100 rooms a request. A head
 * carries its message too, so a room exactly one message ahead of what was
 * delivered is delivered from the head; only a room further ahead is queried
 * for its new messages. A message sent through this replica comes back with
 * the send's answer and is delivered at once when it is the room's next one;
 * when it is not (another replica's came between), the room is queried at once.
 * Messages sent through any replica, or straight to the function, show up here.
 *
 * Cost model, per replica: ceil(rooms ÷ 100) BatchGetItem requests per
 * interval (10/s at 100 ms, 0.5 RCU per room read, 1 with a message of up to
 * ~4 KB), plus one Query per room that got more than one message from other
 * replicas in an interval, or whose own message came out of turn; a deleted room
 * shows as a missing head. A head can lag its message (a writer that died
 * between the two writes), so every `fallbackMs` (5 s) one more batched read
 * looks for the message after the last one delivered in every room whose head
 * says nothing is new (ceil(rooms ÷ 100) requests, eventually consistent: 0.1
 * RCU/s a room), and a room where it is there is queried. So an idle room
 * costs read units but no request of its own: requests per replica are a
 * constant per 100 rooms, plus what messages cost. Added delivery latency: up
 * to one interval, half on average; a message whose head was lost, up to
 * `fallbackMs`.
 *
 * Why not DynamoDB Streams: they allow two readers per shard (N replicas cannot
 * each read them), dynalite has none, serverless-offline no stream events.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { chatmsg } from '../contracts/types.js';
import type { StoredMessage } from '../functions/chat/logic.js';
import { lastSeq, messagesAfter, roomsWithMessageAt } from '../functions/chat/messages-table.js';
import type { FeedListener, LiveFeed } from '../functions/chat/subscription.js';
import { roomHeads } from '../functions/chatroom/rooms-table.js';
import { log } from '../lib/log.js';

export interface PollerConfig {
  client: DynamoDBClient;
  messagesTable: string;
  roomsTable: string;
  intervalMs: number;
  /** How often quiet rooms are checked for a message their head does not show (default `FALLBACK_MS`). */
  fallbackMs?: number;
}

const PAGE = 500;
/** Each watched room is looked at at least this often, whatever its head says. */
const FALLBACK_MS = 5_000;

interface RoomWatch {
  roomName: string;
  /** Its key in the rooms table, where its head is. */
  key: string;
  listeners: Set<FeedListener>;
  lastSeen: number;
  polling: boolean;
  again: boolean;
}

export function createRoomPoller(config: PollerConfig) {
  const messages = { client: config.client, tableName: config.messagesTable };
  const rooms = { client: config.client, tableName: config.roomsTable };
  const watches = new Map<string, RoomWatch>();
  const fallbackMs = config.fallbackMs ?? FALLBACK_MS;
  let lookedAheadAt = Date.now();
  // Requests are counted at the gateway's DynamoDB client (its stats: storage_BatchGetItem, storage_Query).
  const stats = { delivered: 0 };

  function close(roomId: string, watch: RoomWatch): void {
    watches.delete(roomId);
    for (const listener of watch.listeners) listener.closed();
  }

  function deliver(watch: RoomWatch, messages: chatmsg.ChatMessage[]): void {
    stats.delivered += messages.length;
    for (const listener of watch.listeners) listener.messages(messages);
  }

  /** Queries one room for what is new and delivers it; a nudge during a query makes it look once more. */
  async function query(roomId: string, watch: RoomWatch): Promise<void> {
    if (watch.polling) {
      watch.again = true;
      return;
    }
    watch.polling = true;
    try {
      do {
        watch.again = false;
        const page = await messagesAfter(messages, roomId, watch.lastSeen, PAGE);
        if (page.length > 0) {
          watch.lastSeen = (page.at(-1) as chatmsg.ChatMessage).server_seq;
          deliver(watch, page);
        }
        if (page.length === PAGE) watch.again = true;
      } while (watch.again && watches.get(roomId) === watch);
    } catch (error) {
      log.warn('poll failed', { room: watch.roomName, error: (error as Error).name });
    } finally {
      watch.polling = false;
    }
  }

  /** A room's newest message, known without a query: delivered if it is the next one, else the room is queried if behind. */
  function arrived(roomId: string, watch: RoomWatch, message: chatmsg.ChatMessage): void {
    // Not while a query runs: it may be delivering this very message.
    if (message.server_seq === watch.lastSeen + 1 && !watch.polling) {
      watch.lastSeen = message.server_seq;
      deliver(watch, [message]);
    } else if (message.server_seq > watch.lastSeen) void query(roomId, watch);
  }

  /**
   * One tick: every watched room's head in one batched read; query the rooms with news, close the ones gone;
   * and every `fallbackMs`, look past the heads of the quiet ones.
   */
  async function tick(): Promise<void> {
    if (watches.size === 0) return;
    const watched = [...watches];
    const heads = await roomHeads(
      rooms,
      watched.map(([, watch]) => watch.key),
    );
    const quiet: [string, RoomWatch][] = [];
    for (const [roomId, watch] of watched) {
      if (watches.get(roomId) !== watch) continue;
      const head = heads.get(watch.key);
      if (head?.roomId !== roomId) close(roomId, watch);
      else if (head.lastSeq === watch.lastSeen + 1 && head.lastMessage !== undefined) {
        arrived(roomId, watch, JSON.parse(head.lastMessage) as chatmsg.ChatMessage);
      } else if (head.lastSeq > watch.lastSeen) void query(roomId, watch);
      else if (!watch.polling) quiet.push([roomId, watch]);
    }
    if (Date.now() - lookedAheadAt >= fallbackMs) {
      lookedAheadAt = Date.now();
      await lookAhead(quiet);
    }
  }

  /** Rooms whose head may lag their messages (a writer died between the two writes): query those with a next message. */
  async function lookAhead(quiet: [string, RoomWatch][]): Promise<void> {
    if (quiet.length === 0) return;
    const ahead = await roomsWithMessageAt(
      messages,
      quiet.map(([roomId, watch]) => ({ roomId, seq: watch.lastSeen + 1 })),
    );
    for (const [roomId, watch] of quiet) if (ahead.has(roomId) && watches.get(roomId) === watch) void query(roomId, watch);
  }

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error) => log.warn('room heads read failed', { error: (error as Error).name }))
        .finally(schedule);
    }, config.intervalMs);
  };
  schedule();

  const feed: LiveFeed = {
    listen({ roomId, roomName, key }, listener) {
      let watch = watches.get(roomId);
      if (!watch) {
        const created: RoomWatch = {
          roomName,
          key,
          listeners: new Set(),
          lastSeen: 0,
          polling: false,
          again: false,
        };
        watch = created;
        watches.set(roomId, created);
        // Start from the current end: a live subscriber wants what comes next (the subscription replays the rest).
        created.polling = true;
        lastSeq(messages, roomId)
          .then((seq) => {
            created.lastSeen = seq;
          })
          .catch(() => undefined)
          .finally(() => {
            created.polling = false;
            if (created.again) void query(roomId, created);
          });
      }
      const current = watch;
      current.listeners.add(listener);
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && watches.get(roomId) === current) watches.delete(roomId);
      };
    },
  };

  return {
    feed,
    /** A message was just stored through this replica: delivered if it is the room's next, else the room is looked at now. */
    stored({ roomId, message }: StoredMessage): void {
      const watch = watches.get(roomId);
      if (watch) arrived(roomId, watch, message);
    },
    /** A message was stored in this room but did not come back (a repeated msg_id): look now rather than at the next tick. */
    nudge(roomName: string): void {
      for (const [roomId, watch] of watches) if (watch.roomName === roomName) void query(roomId, watch);
    },
    subscriberCount: () => [...watches.values()].reduce((n, w) => n + w.listeners.size, 0),
    stats: () => ({ rooms: watches.size, ...stats }),
    stop(): void {
      stopped = true;
      clearTimeout(timer);
      watches.clear();
    },
  };
}

export type RoomPoller = ReturnType<typeof createRoomPoller>;
