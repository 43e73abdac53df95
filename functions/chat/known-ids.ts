/**
 * What a chat instance knows of a room's idempotency keys, so that a send
 * needs no msg_id look-up where it knows them all: a 31-bit fingerprint of
 * (sender, msg_id) of every message at seqs 1 to `upTo`, with no gap. A key
 * whose fingerprint is not among them was not stored at those seqs; one that
 * is (a retry, or a rare collision) is looked up in the table. A seq is taken
 * once and its message never changes, so what was read stays true; what is
 * known grows by the instance's own writes, by what a lost put reads, and by
 * the seqs between what is known and a room's head, read as single items (so
 * a batch's reads go together, storage/gets-together.ts). A room is learnt
 * whole when first met, if it holds at most `loadUpTo` messages; a longer one,
 * a room that is forgotten (past `maxPrints`, the least recently used rooms
 * first), and one found with a gap, have their keys looked up as before.
 */
import { idAt, idsFrom, type MessagesTable, type StoredId } from './messages-table.js';

/** FNV-1a over the key's UTF-16 units, kept to 31 bits so that V8 stores it as a small integer. */
export function fingerprint(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 1;
}

const printOf = (sender: string, msgId: string) => fingerprint(`${sender}\u0000${msgId}`);

export interface KnownIdsOptions {
  /** Most fingerprints held, all rooms together (each about 20 bytes). */
  maxPrints?: number;
  /** A room first met with more messages than this is not learnt: its sends look their msg_id up. */
  loadUpTo?: number;
}

/** The seqs between what is known and a head read at most this far ahead are read as items; further, the room is let go. */
const CATCH_UP_ITEMS = 100;

interface RoomIds {
  upTo: number;
  prints: Set<number>;
}

export function createKnownIds(table: MessagesTable, { maxPrints = 200_000, loadUpTo = 500 }: KnownIdsOptions = {}) {
  const rooms = new Map<string, RoomIds>(); // least recently used first
  let held = 0;

  function forget(roomId: string): void {
    held -= rooms.get(roomId)?.prints.size ?? 0;
    rooms.delete(roomId);
  }

  /** Adds the ids that continue what is known (ascending; those at or below it are skipped, a jump ends the run). */
  function extend(ids: RoomIds, stored: StoredId[]): void {
    for (const { seq, sender, msgId } of stored) {
      if (seq <= ids.upTo) continue;
      if (seq !== ids.upTo + 1) return;
      const before = ids.prints.size;
      ids.prints.add(printOf(sender, msgId));
      held += ids.prints.size - before;
      ids.upTo = seq;
    }
  }

  function trim(): void {
    if (held <= maxPrints) return; // the common case, on every send: no walk over the rooms
    for (const roomId of rooms.keys()) {
      if (held <= maxPrints) return;
      forget(roomId);
    }
  }

  /** The room's keys known through at least seq `taken` (read as needed); undefined where they are not all known. */
  async function through(roomId: string, taken: number): Promise<RoomIds | undefined> {
    let ids = rooms.get(roomId);
    if (!ids) {
      if (taken > loadUpTo || maxPrints === 0) return undefined;
      const all = await idsFrom(table, roomId, 1, loadUpTo + 1);
      if (all.length > loadUpTo || rooms.has(roomId)) return undefined;
      ids = { upTo: 0, prints: new Set() };
      rooms.set(roomId, ids);
      extend(ids, all);
    } else if (ids.upTo < taken) {
      if (taken - ids.upTo > CATCH_UP_ITEMS) return void forget(roomId);
      const seqs = Array.from({ length: taken - ids.upTo }, (_, i) => (ids as RoomIds).upTo + 1 + i);
      const read = await Promise.all(seqs.map((seq) => idAt(table, roomId, seq)));
      // A seq at or below a head is taken; one missing is a message taken back (its room deleted): a gap.
      if (read.some((id) => id === undefined)) return void forget(roomId);
      extend(ids, read as StoredId[]);
    }
    if (ids.upTo < taken || rooms.get(roomId) !== ids) return undefined;
    rooms.delete(roomId); // and set again: the most recently used room is last
    rooms.set(roomId, ids);
    trim();
    return ids;
  }

  return {
    /**
     * Whether (sender, msgId) may be among the messages at seqs 1 to `upTo` of what `knownThrough` answered:
     * false means it is not; true, that the table must say.
     */
    mayHold: (ids: RoomIds, sender: string, msgId: string): boolean => ids.prints.has(printOf(sender, msgId)),
    knownThrough: through,
    /** Ids this instance saw stored (its own write, what a lost put read), ascending. */
    saw(roomId: string, stored: StoredId[]): void {
      const ids = rooms.get(roomId);
      if (!ids) return;
      extend(ids, stored);
      trim();
    },
    /** A room gone (deleted): nothing more is stored in it. */
    forget,
    stats: () => ({ rooms: rooms.size, prints: held }),
  };
}
