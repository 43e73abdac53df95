/**
 * The gateway's live feed: for each room with a subscriber on this replica,
 * read the messages table for anything above the last seq seen, every
 * `intervalMs` (and at once after a send through this replica). Messages sent
 * through any replica, or straight to the function, show up here.
 *
 * Why polling: DynamoDB Streams allow two readers per shard (N replicas
 * cannot each read it), dynalite has no streams, serverless-offline no stream
 * events. Cost per room with local subscribers, per replica: 1000/intervalMs
 * consistent Query calls per second (10/s at 100 ms; an empty answer costs
 * 1 RCU), plus one room check per second to notice deletion. Added delivery
 * latency: up to intervalMs, half on average.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { chatmsg } from '../contracts/types.js';
import { lastSeq, messagesAfter } from '../functions/chat/messages-table.js';
import type { FeedListener, LiveFeed } from '../functions/chat/subscription.js';
import { getRoom } from '../functions/chatroom/rooms-table.js';
import { log } from '../lib/log.js';

export interface PollerConfig {
  client: DynamoDBClient;
  messagesTable: string;
  roomsTable: string;
  intervalMs: number;
}

const PAGE = 500;
const ROOM_CHECK_MS = 1_000;

interface RoomWatch {
  roomName: string;
  listeners: Set<FeedListener>;
  lastSeen: number;
  timer?: NodeJS.Timeout;
  polling: boolean;
  again: boolean;
  checkedAt: number;
}

export function createRoomPoller(config: PollerConfig) {
  const messages = { client: config.client, tableName: config.messagesTable };
  const rooms = { client: config.client, tableName: config.roomsTable };
  const watches = new Map<string, RoomWatch>();
  const stats = { polls: 0, delivered: 0 };

  function close(roomId: string, watch: RoomWatch): void {
    clearTimeout(watch.timer);
    watches.delete(roomId);
    for (const listener of watch.listeners) listener.closed();
  }

  async function poll(roomId: string, watch: RoomWatch): Promise<void> {
    if (watch.polling) {
      watch.again = true; // a nudge during a poll: look once more right after
      return;
    }
    watch.polling = true;
    clearTimeout(watch.timer);
    try {
      do {
        watch.again = false;
        stats.polls++;
        const page = await messagesAfter(messages, roomId, watch.lastSeen, PAGE);
        if (page.length > 0) {
          watch.lastSeen = (page.at(-1) as chatmsg.ChatMessage).server_seq;
          stats.delivered += page.length;
          for (const listener of watch.listeners) listener.messages(page);
        }
        if (page.length === PAGE) watch.again = true;
      } while (watch.again && watches.get(roomId) === watch);
      if (Date.now() - watch.checkedAt > ROOM_CHECK_MS) {
        watch.checkedAt = Date.now();
        const room = await getRoom(rooms, watch.roomName);
        if (room?.roomId !== roomId) return close(roomId, watch);
      }
    } catch (error) {
      log.warn('poll failed', { room: watch.roomName, error: (error as Error).name });
    } finally {
      watch.polling = false;
    }
    if (watches.get(roomId) === watch) watch.timer = setTimeout(() => void poll(roomId, watch), config.intervalMs);
  }

  /** The feed; a watch keeps the room's name too, to notice its deletion. */
  const feed: LiveFeed = {
    listen({ roomId, roomName }, listener) {
      let watch = watches.get(roomId);
      if (!watch) {
        const created: RoomWatch = { roomName, listeners: new Set(), lastSeen: 0, polling: false, again: false, checkedAt: Date.now() };
        watch = created;
        watches.set(roomId, created);
        // Start from the current end: a live subscriber wants what comes next.
        lastSeq(messages, roomId).then(
          (seq) => {
            created.lastSeen = seq;
            void poll(roomId, created);
          },
          () => void poll(roomId, created),
        );
      }
      const current = watch;
      current.listeners.add(listener);
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && watches.get(roomId) === current) {
          clearTimeout(current.timer);
          watches.delete(roomId);
        }
      };
    },
  };

  return {
    feed,
    /** A message was just stored in this room: look now rather than at the next tick. */
    nudge(roomName: string): void {
      for (const [roomId, watch] of watches) if (watch.roomName === roomName) void poll(roomId, watch);
    },
    subscriberCount: () => [...watches.values()].reduce((n, w) => n + w.listeners.size, 0),
    stats: () => ({ rooms: watches.size, ...stats }),
    stop(): void {
      for (const watch of watches.values()) clearTimeout(watch.timer);
      watches.clear();
    },
  };
}

export type RoomPoller = ReturnType<typeof createRoomPoller>;
