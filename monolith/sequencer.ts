/**
 * The monolith's appender: the process is the only writer of its messages
 * table, so it owns each room's next server_seq in memory and commits in groups.
 *
 * Every send is queued; one flush at a time writes everything queued, across
 * all rooms, with BatchWriteItem (25 items a call, calls in parallel), and only
 * then are the senders answered and the messages published. So one SDK call
 * carries up to 25 messages instead of one, and the write that matters is
 * durable before the reply. When messages come faster than flushes (the last
 * one carried several and more were waiting when it ended), flushes start at
 * most every `paceMs` (a send waits that long at worst): a flush costs about as
 * much for one message as for 25, and back to back they would carry one or two
 * each. Otherwise a send is written at once.
 *
 * Exactly-once and no-gap across crashes: a flush that fails, or is cut by a
 * crash, may leave some of its messages stored and others not. None of them was
 * acknowledged. When a room is (re)loaded, its newest stored messages are read;
 * anything above the first hole can only come from such an unacknowledged
 * flush, and is deleted, so numbering resumes at the hole. What stays is found
 * by msg_id when the client retries.
 *
 * Idempotency, keyed by (sender, msg_id), in two tiers bounded apart. The
 * keys of recent messages are held whole — seq, time and a hash of the text,
 * never the text — at most `maxIds` across all rooms, the oldest forgotten
 * first: a retry of one is answered from memory. Behind them, while a room's
 * whole history is known here, a 31-bit fingerprint of every one of its keys
 * (about 20 bytes each, against a kilobyte for a whole key), at most
 * `maxPrints` across all rooms, the least recently written room's given up
 * first. A key that is not among its room's fingerprints is new: no read. A
 * fingerprint that matches (an old retry, or a rare collision), and any miss
 * in a room whose fingerprints are not all here (loaded partly, or given up),
 * is checked in the table's msg_id index. So a retry of any age is found,
 * memory stays bounded whatever clients send, and a busy server does not pay a
 * read per message once it has written more than `maxIds` (the 5,000-user
 * chat did after 100 s: one Query per send, and sends took seconds).
 *
 * Rooms are bounded too, since anyone may register and create them: at most
 * `maxRooms` room states (next seq, committed seq, fingerprints; about 2 KB
 * each) are held, and past that the least recently used room with nothing in
 * flight is let go and read again on its next use, as after a restart.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { chatmsg } from '../contracts/types.js';
import { type Appended, type Appender, type Draft, repeated, repeatOf } from '../functions/chat/append.js';
import { fingerprint } from '../functions/chat/known-ids.js';
import { deleteMessages, findByMsgId, type MessagesTable, putMessages, recentIds } from '../functions/chat/messages-table.js';
import type { RoomRecord } from '../functions/chatroom/rooms-table.js';
import { BATCH_WRITE_ITEMS } from '../functions/storage/dynamo.js';
import { UnavailableError } from '../lib/errors.js';
import { recordMs } from '../lib/latency.js';
import { log } from '../lib/log.js';

export interface SequencerOptions {
  table: MessagesTable;
  /** Called after each commit, per room, with its new messages in server_seq order. */
  onCommitted?: (room: RoomRecord, messages: chatmsg.ChatMessage[]) => void;
  /** Newest messages read when a room is loaded (crash repair, keys to remember). */
  loadWindow?: number;
  /** Most idempotency keys held whole in memory, all rooms together. */
  maxIds?: number;
  /** Most key fingerprints held, all rooms together (0: none; every miss in a room with forgotten keys asks the table). */
  maxPrints?: number;
  /** Most messages one flush writes; the rest wait for the next. */
  maxFlush?: number;
  /** Least time from one flush's start to the next's, unless a BatchWriteItem's worth (25) waits. */
  paceMs?: number;
  /** Most rooms whose state is held; past it, the least recently used room with nothing in flight is let go. */
  maxRooms?: number;
}

type Stamp = Pick<chatmsg.ChatMessage, 'server_seq' | 'server_ts_ms'>;

interface RoomState {
  room: RoomRecord;
  nextSeq: number;
  /** Highest seq whose write completed; a reader must not see beyond it. */
  committedSeq: number;
  /** A fingerprint of every key of the room's messages; absent when not all are known here (then ask the table). */
  prints?: Set<number>;
  /** Set when this state may no longer be used (a write of the room failed, or the room was let go): load again. */
  stale: boolean;
}

/** A room's state as the sequencer holds it: its load, and the state once loaded. */
interface RoomEntry {
  loading: Promise<RoomState>;
  state?: RoomState;
}

/** A remembered idempotency key: where its message is (or is being) stored, and a hash of its text. */
interface KeyEntry {
  state: RoomState;
  stamp: Promise<Stamp>;
  /** Absent for keys loaded from the table (their text is checked there on a repeat). */
  textHash?: string;
}

const keyOf = (roomId: string, sender: string, msgId: string) => `${roomId}\u0000${sender}\u0000${msgId}`;

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

interface Pending {
  state: RoomState;
  message: chatmsg.ChatMessage;
  resolve: (message: chatmsg.ChatMessage) => void;
  reject: (error: Error) => void;
  /** performance.now() when it was queued. */
  queuedAt: number;
}

export interface Sequencer {
  append: Appender;
  /** Resolves when everything queued so far is committed or failed. */
  drain(): Promise<void>;
  /**
   * The highest seq of a room that readers may see: above it, messages may be
   * in flight or orphans of a crash. Loads (and repairs) the room if needed.
   */
  committedSeq(room: RoomRecord): Promise<number>;
  /** Forget a room (after it is deleted). */
  forget(roomId: string): void;
  stats(): { flushes: number; messages: number; largestFlush: number; keys: number; prints: number; rooms: number };
}

export function createSequencer(options: SequencerOptions): Sequencer {
  const { table, onCommitted } = options;
  const loadWindow = options.loadWindow ?? 10_000;
  const maxIds = options.maxIds ?? 100_000;
  const maxPrints = options.maxPrints ?? 2_000_000;
  const maxFlush = options.maxFlush ?? 1_000;
  const paceMs = options.paceMs ?? 0;
  const maxRooms = options.maxRooms ?? 20_000;
  /** Rooms by id, least recently used first. */
  const rooms = new Map<string, RoomEntry>();
  /** Every remembered key, oldest first. */
  const keys = new Map<string, KeyEntry>();

  /** Rooms holding fingerprints, least recently written first; and how many they hold together. */
  const printing = new Set<RoomState>();
  let prints = 0;

  function remember(key: string, entry: KeyEntry): void {
    keys.delete(key);
    keys.set(key, entry);
    if (keys.size > maxIds) keys.delete(keys.keys().next().value as string);
  }

  function addPrint(state: RoomState, print: number): void {
    if (!state.prints) return;
    const before = state.prints.size;
    state.prints.add(print);
    prints += state.prints.size - before;
    printing.delete(state);
    printing.add(state);
    if (prints <= maxPrints) return; // the common case, on every append: no walk over the rooms
    for (const oldest of printing) {
      if (prints <= maxPrints) break;
      dropPrints(oldest);
    }
  }

  /** From now on a miss in this room asks the table. */
  function dropPrints(state: RoomState): void {
    prints -= state.prints?.size ?? 0;
    state.prints = undefined;
    printing.delete(state);
  }

  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let lastFlushSize = 0;
  const stats = { flushes: 0, messages: 0, largestFlush: 0 };

  async function load(room: RoomRecord): Promise<RoomState> {
    const recent = await recentIds(table, room.roomId, loadWindow); // newest first
    const ascending = [...recent].reverse();
    // The whole room was read when fewer than the window came back: then it must start at 1.
    const wholeRoom = recent.length < loadWindow;
    let expected = wholeRoom ? 1 : (ascending[0]?.seq ?? 1);
    let keep = 0;
    while (keep < ascending.length && ascending[keep]?.seq === expected) {
      keep++;
      expected++;
    }
    const orphans = ascending.slice(keep);
    if (orphans.length > 0) {
      await deleteMessages(
        table,
        room.roomId,
        orphans.map((m) => m.seq),
      );
      log.warn('removed unacknowledged messages above a gap', { room: room.roomName, from_seq: expected, count: orphans.length });
    }
    const kept = ascending.slice(0, keep);
    // Only a room read whole has every key fingerprinted; else a miss asks the table.
    const state: RoomState = {
      room,
      nextSeq: expected,
      committedSeq: expected - 1,
      prints: wholeRoom ? new Set() : undefined,
      stale: false,
    };
    for (const m of kept) {
      const key = keyOf(room.roomId, m.sender, m.msgId);
      remember(key, { state, stamp: Promise.resolve({ server_seq: m.seq, server_ts_ms: m.serverTsMs }) });
      addPrint(state, fingerprint(key));
    }
    return state;
  }

  async function stateOf(room: RoomRecord): Promise<RoomState> {
    for (;;) {
      let entry = rooms.get(room.roomId);
      rooms.delete(room.roomId); // and set again below: the most recently used room is last
      if (!entry) {
        const loading = load(room);
        const loaded: RoomEntry = { loading };
        entry = loaded;
        loading.then(
          (state) => {
            loaded.state = state;
          },
          () => rooms.get(room.roomId) === loaded && rooms.delete(room.roomId),
        );
      }
      rooms.set(room.roomId, entry);
      letGo(room.roomId);
      const state = await entry.loading;
      if (!state.stale) return state; // else a write failed or the room was let go meanwhile: load again
    }
  }

  /**
   * Past `maxRooms`, lets the least recently used rooms go whose messages are all committed: their next use
   * reads them again (`load`), and an append that held one sees it stale and starts over. A room with
   * messages in flight or still loading stays, and so does the room in use, so memory is bounded by the budget
   * plus what is in flight.
   */
  function letGo(inUse: string): void {
    if (rooms.size <= maxRooms) return;
    for (const [roomId, { state }] of rooms) {
      if (rooms.size <= maxRooms) return;
      if (!state || roomId === inUse || state.committedSeq !== state.nextSeq - 1) continue;
      state.stale = true;
      dropPrints(state);
      rooms.delete(roomId);
    }
  }

  /**
   * Writes what is queued (up to maxFlush). `backToBack`: messages were waiting when the last flush ended; if it
   * carried more than one too, they come faster than flushes, and this one waits for the pace to collect more.
   */
  async function flush(backToBack: boolean): Promise<void> {
    const wait = lastFlushAt + paceMs - Date.now();
    if (backToBack && lastFlushSize > 1 && wait > 0 && queue.length < BATCH_WRITE_ITEMS) await sleep(wait);
    lastFlushAt = Date.now();
    const started = performance.now();
    const batch = queue.slice(0, maxFlush);
    for (const p of batch) recordMs('message queued', started - p.queuedAt);
    lastFlushSize = batch.length;
    queue = queue.slice(batch.length);
    stats.flushes++;
    stats.messages += batch.length;
    stats.largestFlush = Math.max(stats.largestFlush, batch.length);
    try {
      await putMessages(
        table,
        batch.map((p) => ({ roomId: p.state.room.roomId, message: p.message })),
      );
    } catch (error) {
      return failRooms(batch, error);
    } finally {
      recordMs('message write (flush)', performance.now() - started);
    }
    const byRoom = new Map<RoomState, chatmsg.ChatMessage[]>();
    for (const p of batch) {
      p.resolve(p.message);
      const list = byRoom.get(p.state) ?? [];
      list.push(p.message);
      byRoom.set(p.state, list);
    }
    for (const [state, messages] of byRoom) {
      state.committedSeq = (messages.at(-1) as chatmsg.ChatMessage).server_seq;
      onCommitted?.(state.room, messages);
    }
  }

  /**
   * A failed write leaves its rooms' stored state unknown: fail every queued
   * message of those rooms (they hold later seqs) and reload them on next use.
   */
  function failRooms(batch: Pending[], error: unknown): void {
    const failed = new Set(batch.map((p) => p.state));
    const queuedOfFailed = queue.filter((p) => failed.has(p.state));
    queue = queue.filter((p) => !failed.has(p.state));
    for (const state of failed) {
      state.stale = true;
      dropPrints(state);
      rooms.delete(state.room.roomId);
    }
    log.error('message write failed', { messages: batch.length + queuedOfFailed.length, error: (error as Error).name });
    const reason = new UnavailableError('storage is unavailable, retry with the same msg_id');
    for (const p of [...batch, ...queuedOfFailed]) p.reject(reason);
  }

  function kick(backToBack = false): void {
    if (flushing) return;
    flushing = flush(backToBack).finally(() => {
      flushing = undefined;
      if (queue.length > 0) kick(true);
    });
  }

  /** The earlier message of this key, from memory or, where memory cannot tell, the table. */
  async function earlier(state: RoomState, key: string, print: number, draft: Draft): Promise<Appended | undefined> {
    const known = keys.get(key);
    if (known?.state === state && known.textHash !== undefined)
      return repeated(draft, await known.stamp, known.textHash === hashOf(draft.text));
    if (state.prints && !state.prints.has(print)) return undefined;
    // A key loaded from the table (its text unknown here), an old one held only as a fingerprint, or a room
    // whose keys are not all known here.
    const stored = await findByMsgId(table, state.room.roomId, draft.person_name, draft.msg_id);
    return stored && repeatOf(draft, stored);
  }

  const append: Appender = async (room, draft, opts) => {
    const state = await stateOf(room);
    if (state.stale) return append(room, draft, opts); // a write failed between the load and now
    const key = keyOf(room.roomId, draft.person_name, draft.msg_id);
    const print = fingerprint(key);
    if (opts.mayRepeat) {
      const before = keys.get(key);
      const first = await earlier(state, key, print, draft);
      if (first) return first;
      // A table lookup yields: a send of the same key may have been queued meanwhile.
      if (keys.get(key) !== before || state.stale) return append(room, draft, opts);
    }
    const message = { ...draft, server_seq: state.nextSeq++, server_ts_ms: Date.now() };
    const stored = new Promise<chatmsg.ChatMessage>((resolve, reject) =>
      queue.push({ state, message, resolve, reject, queuedAt: performance.now() }),
    );
    const stamp = stored.then(({ server_seq, server_ts_ms }) => ({ server_seq, server_ts_ms }));
    const entry = { state, stamp, textHash: hashOf(draft.text) };
    remember(key, entry);
    addPrint(state, print);
    stamp.catch(() => keys.get(key) === entry && keys.delete(key));
    kick();
    return { message: await stored, fresh: true };
  };

  return {
    append,
    async drain() {
      while (flushing) await flushing;
    },
    async committedSeq(room) {
      return (await stateOf(room)).committedSeq;
    },
    forget(roomId) {
      rooms.get(roomId)?.loading.then(dropPrints, () => {});
      rooms.delete(roomId);
    },
    stats: () => ({ ...stats, keys: keys.size, prints, rooms: rooms.size }),
  };
}
