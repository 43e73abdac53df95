/**
 * A subscription: stored messages after `after_seq`, then live ones, with no
 * gap and no duplicate. The live feed is registered before the first stored
 * page is read, so a message committed meanwhile is either in a page or in the
 * live buffer; delivery skips whatever is not above the last seq sent. A hole in
 * the live feed (a feed that can drop, like polling) is filled from storage the
 * same way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { chatmsg } from '../../contracts/types.js';
import { UnavailableError } from '../../lib/errors.js';
import type { RoomDirectory } from '../chatroom/directory.js';
import type { RoomRecord } from '../chatroom/rooms-table.js';
import * as validate from '../validate.js';
import { type MessagesTable, messagesAfter } from './messages-table.js';

/** Most stored messages one replay page reads; a subscription pages until it is live. */
const REPLAY_PAGE = 500;
const HOLE_RETRY_MS = 10;
const MAX_HOLE_RETRIES = 300;

export interface FeedListener {
  /** A committed batch of one room, in server_seq order. */
  messages(messages: chatmsg.ChatMessage[]): void;
  /** The room is gone; no more messages will come. */
  closed(): void;
}

export interface LiveFeed {
  /** Starts listening to a room (this incarnation of it: its room_id); returns the function that stops it. */
  listen(room: RoomRecord, listener: FeedListener): () => void;
}

export interface SubscriptionSink {
  send(message: chatmsg.ChatMessage): void;
  /** The stream is over (room deleted). */
  end(): void;
  fail(error: unknown): void;
}

export interface SubscriptionDeps {
  feed: LiveFeed;
  /** Stored messages after a seq, oldest first; shorter than REPLAY_PAGE when there are no more. */
  replayPage(roomId: string, afterSeq: number): Promise<chatmsg.ChatMessage[]>;
}

/** What a binding supplies for Subscribe: where rooms and messages are, and its live feed. */
export interface RoomSubscriptionDeps {
  directory: Pick<RoomDirectory, 'requireRoom'>;
  messages: MessagesTable;
  feed: LiveFeed;
  /** The highest seq readers may see (the monolith's last commit); absent: all that is stored. */
  visibleUpTo?(room: RoomRecord): Promise<number>;
  /** Told of each room subscribed to, before its subscription opens: a room followed is about to be written to. */
  followed?(room: RoomRecord): void;
}

/** Subscribe for `caller`: checks the request, finds the room, opens the subscription; returns its cancel. */
export async function subscribeToRoom(
  deps: RoomSubscriptionDeps,
  caller: string,
  request: chatmsg.SubscribeRequest,
  sink: SubscriptionSink,
): Promise<() => void> {
  const roomName = validate.roomName(request.room_name);
  validate.personName(caller, request.person_name);
  const after = request.after_seq === undefined ? undefined : validate.sequence('after_seq', request.after_seq);
  const room = await deps.directory.requireRoom(roomName);
  deps.followed?.(room);
  const replayPage = async (roomId: string, afterSeq: number) => {
    const visible = deps.visibleUpTo ? await deps.visibleUpTo(room) : Number.POSITIVE_INFINITY;
    const page = await messagesAfter(deps.messages, roomId, afterSeq, REPLAY_PAGE);
    return page.filter((m) => m.server_seq <= visible);
  };
  return openSubscription({ feed: deps.feed, replayPage }, room, after, sink);
}

/** Opens a subscription; `afterSeq` undefined means live messages only. Returns cancel. */
export function openSubscription(
  deps: SubscriptionDeps,
  room: RoomRecord,
  afterSeq: number | undefined,
  sink: SubscriptionSink,
): () => void {
  const { roomId } = room;
  let last = afterSeq; // highest seq delivered (or resumed from)
  let catchingUp = false;
  let done = false;
  let buffer: chatmsg.ChatMessage[] = [];

  const finish = () => {
    done = true;
    stopListening();
  };

  /** Sends what is new; stops at a hole and returns the messages from the hole on. */
  function deliver(messages: chatmsg.ChatMessage[]): chatmsg.ChatMessage[] {
    for (let i = 0; i < messages.length && !done; i++) {
      const message = messages[i] as chatmsg.ChatMessage;
      if (last !== undefined && message.server_seq <= last) continue;
      if (last !== undefined && message.server_seq > last + 1) return messages.slice(i);
      sink.send(message);
      last = message.server_seq;
    }
    return [];
  }

  function deliverLive(messages: chatmsg.ChatMessage[]): void {
    const rest = deliver(messages);
    if (rest.length > 0) {
      buffer = rest;
      void catchUp();
    }
  }

  async function catchUp(): Promise<void> {
    catchingUp = true;
    try {
      for (let holes = 0; ; ) {
        const page = await deps.replayPage(roomId, last ?? 0);
        if (done) return;
        if (deliver(page).length > 0) {
          // Storage shows a hole only while a write is landing: look again shortly.
          if (++holes > MAX_HOLE_RETRIES) throw new UnavailableError('history is being written, resubscribe with after_seq');
          await sleep(HOLE_RETRY_MS);
          continue;
        }
        if (page.length < REPLAY_PAGE) break;
      }
    } catch (error) {
      if (!done) {
        finish();
        sink.fail(error);
      }
      return;
    }
    catchingUp = false;
    const waiting = buffer;
    buffer = [];
    deliverLive(waiting);
  }

  const stopListening = deps.feed.listen(room, {
    messages(messages) {
      if (done) return;
      if (catchingUp) buffer.push(...messages);
      else deliverLive(messages);
    },
    closed() {
      if (done) return;
      finish();
      sink.end();
    },
  });

  if (afterSeq !== undefined) void catchUp();
  return finish;
}
