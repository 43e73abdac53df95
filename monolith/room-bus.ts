/**
 * The monolith's live feed: committed messages go straight from the
 * sequencer to the room's listeners, in commit order, in-process.
 */
import type { chatmsg } from '../contracts/types.js';
import type { FeedListener, LiveFeed } from '../functions/chat/subscription.js';

const DELETED_MAX = 10_000;

export function createRoomBus() {
  const listeners = new Map<string, Set<FeedListener>>();
  // Room ids deleted lately: a subscriber that looked the room up just before
  // the delete still gets `closed` instead of waiting forever.
  const deleted = new Set<string>();

  const feed: LiveFeed = {
    listen({ roomId }, listener) {
      if (deleted.has(roomId)) {
        queueMicrotask(() => listener.closed());
        return () => undefined;
      }
      const set = listeners.get(roomId) ?? new Set<FeedListener>();
      listeners.set(roomId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(roomId) === set) listeners.delete(roomId);
      };
    },
  };

  return {
    feed,
    publish(roomId: string, messages: chatmsg.ChatMessage[]): void {
      for (const listener of listeners.get(roomId) ?? []) listener.messages(messages);
    },
    closeRoom(roomId: string): void {
      if (deleted.size >= DELETED_MAX) deleted.delete(deleted.values().next().value as string);
      deleted.add(roomId);
      const set = listeners.get(roomId);
      listeners.delete(roomId);
      for (const listener of set ?? []) listener.closed();
    },
    subscriberCount(): number {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
  };
}

export type RoomBus = ReturnType<typeof createRoomBus>;
