/**
 * Storing a message under the next server_seq of its room, exactly once per
 * (sender, msg_id): an idempotency key is its sender's, so two senders who pick
 * the same msg_id send two messages. Two strategies share one contract (`Appender`):
 *
 * - `createConditionalAppender`: safe with any number of concurrent writers
 *   (Lambda instances, gateway replicas). A seq is taken only by a conditional
 *   put of the one after a seq known taken (the room's head, read, or as its
 *   record was read; this instance's own last; the newest of the messages
 *   read after a lost put), so numbers never skip: the head never passes the
 *   tail, and a stale one costs a lost put, not a wrong seq. Before the first
 *   put, after the guess is made, the msg_id is checked against every seq
 *   below the guess: by the fingerprints of the room's keys where this
 *   instance knows them all (known-ids.ts; a match, or a room it does not
 *   know whole, is looked up: a consistent read on the local index). A
 *   concurrent duplicate stored since can only hold a seq at or above that
 *   guess (every seq below it was taken already). A lost put reads the room's
 *   ids from the lost seq on (one Query) and recognises this very message
 *   among them; the next try is the seq after the newest read, so no seq is
 *   passed unseen and the msg_id never needs a second look-up.
 *   The room may come from a cache: if the head update finds the room gone, the
 *   message is taken back and the send answers NOT_FOUND, so nothing lands
 *   under a deleted room (a writer that dies between the two leaves a row
 *   under an id no room has any more: unreachable, never served).
 * - the monolith's sequencer (`monolith/sequencer.ts`): one writer, group commits.
 */
import type { chatmsg } from '../../contracts/types.js';
import { AlreadyExistsError, NotFoundError, UnavailableError } from '../../lib/errors.js';
import { turnsByKey } from '../../lib/turns.js';
import { advanceRoomHead, type RoomRecord, type RoomsTable, roomHeadSeq } from '../chatroom/rooms-table.js';
import { createKnownIds, type KnownIdsOptions } from './known-ids.js';
import {
  deleteMessages,
  findByMsgId,
  idsFrom,
  lastSeq,
  type MessagesTable,
  messageAt,
  putMessageIfSeqFree,
  type StoredSend,
} from './messages-table.js';

/** What a sender supplies; the appender adds server_seq and server_ts_ms. */
export type Draft = Omit<chatmsg.ChatMessage, 'server_seq' | 'server_ts_ms'>;

export interface Appended {
  message: chatmsg.ChatMessage;
  /** False when the msg_id had been stored before: the reply repeats the first one. */
  fresh: boolean;
}

export type Appender = (room: RoomRecord, draft: Draft, opts: { mayRepeat: boolean }) => Promise<Appended>;

const MAX_ATTEMPTS = 64;
/** Ids read after a lost put, at most: a writer further behind than this loses another put and reads on. */
const CATCH_UP_IDS = 100;
/** How long a room where another writer showed has its head read before every put here. */
const SHARED_MS = 30_000;

/**
 * The answer to a send whose (sender, msg_id) was stored before: the first
 * message's seq if it is the same message, ALREADY_EXISTS if the sender reused
 * the msg_id for another text (a client bug that would otherwise lose a line).
 */
export function repeated(draft: Draft, first: Pick<chatmsg.ChatMessage, 'server_seq' | 'server_ts_ms'>, sameText: boolean): Appended {
  if (!sameText) {
    throw new AlreadyExistsError(`msg_id ${draft.msg_id} was already used for another message (seq ${first.server_seq}); use a new msg_id`);
  }
  return { message: { ...draft, ...first }, fresh: false };
}

/** `repeated`, for a message read back from the table. */
export const repeatOf = (draft: Draft, stored: StoredSend): Appended =>
  repeated(draft, { server_seq: stored.seq, server_ts_ms: stored.serverTsMs }, stored.text === draft.text);

/**
 * @param rooms where each stored message advances its room's head (what gateways watch); none in tests of the appender alone
 * @param known bounds of what this instance keeps of rooms' keys (known-ids.ts)
 */
export function createConditionalAppender(table: MessagesTable, rooms?: RoomsTable, known: KnownIdsOptions = {}): Appender {
  const knownIds = createKnownIds(table, known);
  // Next-seq guesses from this instance's own writes, saving a read where this instance is the room's only writer.
  // Once another writer shows in a room (a lost put, or a head read past this instance's own last), its guesses
  // there are not trusted for `SHARED_MS`: each send reads the head first. A wrong guess costs a failed put and a
  // read of the messages; a head read is one item, and a batch's heads go in one request (storage/gets-together.ts).
  // Trusting again after one head read that agreed (as before) lost 0.30 puts per message in the 1,000-user chat on
  // three gateways; this, 0.11.
  const guesses = new Map<string, { next: number; sharedUntil: number }>();
  // This instance's own messages to one room (a batch's) go one at a time: together they would race for one seq.
  const inTurn = turnsByKey();

  return (room, draft, opts) => inTurn(room.roomId, () => append(room, draft, opts));

  async function append(room: RoomRecord, draft: Draft, { mayRepeat }: { mayRepeat: boolean }): Promise<Appended> {
    const guess = guesses.get(room.roomId);
    const trusted = guess !== undefined && Date.now() >= guess.sharedUntil;
    let next = trusted ? guess.next : ((guess ? undefined : room.lastSeq) ?? (await knownTaken(room))) + 1;
    // Another writer shows: the head is past this instance's own last message, or a put is lost (below).
    let sharedUntil = guess && next !== guess.next ? Date.now() + SHARED_MS : (guess?.sharedUntil ?? 0);
    if (mayRepeat) {
      const ids = await knownIds.knownThrough(room.roomId, next - 1);
      // Seqs known taken beyond the guess (read after a put lost here) are passed at once.
      if (ids && ids.upTo >= next) [next, sharedUntil] = [ids.upTo + 1, Date.now() + SHARED_MS];
      if (!ids || knownIds.mayHold(ids, draft.person_name, draft.msg_id)) {
        const stored = await findByMsgId(table, room.roomId, draft.person_name, draft.msg_id);
        if (stored) return repeatOf(draft, stored);
      }
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const message = { ...draft, server_seq: next, server_ts_ms: Date.now() };
      if (await putMessageIfSeqFree(table, room.roomId, message)) {
        if (rooms && !(await advanceRoomHead(rooms, room, next, JSON.stringify(message)))) {
          guesses.delete(room.roomId);
          knownIds.forget(room.roomId);
          await deleteMessages(table, room.roomId, [next]);
          throw new NotFoundError(`room ${room.roomName} does not exist`);
        }
        guesses.set(room.roomId, { next: next + 1, sharedUntil });
        knownIds.saw(room.roomId, [{ seq: next, serverTsMs: message.server_ts_ms, msgId: draft.msg_id, sender: draft.person_name }]);
        return { message, fresh: true };
      }
      sharedUntil = Date.now() + SHARED_MS;
      // One read finds how far behind the guess was (with three writers on a room, often more than one message)
      // and whether this very message, sent again through another instance, is among those it lost to.
      const since = await idsFrom(table, room.roomId, next, CATCH_UP_IDS);
      knownIds.saw(room.roomId, since);
      const mine = mayRepeat && since.find((s) => s.sender === draft.person_name && s.msgId === draft.msg_id);
      const repeat = mine && (await messageAt(table, room.roomId, mine.seq));
      if (repeat) return repeatOf(draft, repeat);
      next = (since.at(-1)?.seq ?? next - 1) + 1;
    }
    throw new UnavailableError(`room ${room.roomName} is too busy, try again`);
  }

  /** A seq known taken: the room's head (every seq up to it is taken; it may lag the tail), else its tail. */
  async function knownTaken(room: RoomRecord): Promise<number> {
    return (rooms && (await roomHeadSeq(rooms, room))) ?? lastSeq(table, room.roomId);
  }
}
