/**
 * Cached answers to the two questions every message asks: does this room exist
 * (and what is its id), and is this person in it. Writes made through this
 * process update the cache at once; writes made elsewhere show after `cacheMs`
 * (for "yes") or `absentCacheMs` (for "no"). The monolith, the only writer of
 * its tables, caches both for as long as it likes. The chat function caches
 * only "yes" and briefly: a room just made or entered elsewhere is usable at
 * once, a person who left can post for at most `cacheMs`, and a room deleted
 * meanwhile is caught by the message's own write (see chat/append.ts). It
 * keeps whole rooms' member lists (`memberLists`), read in one Query: a
 * sender's own entry would expire between two of their messages (one every
 * few seconds), a busy room's list does not.
 */
import { NotFoundError } from '../../lib/errors.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import type { Tables } from '../storage/tables.js';
import { listMembers, type MembersTable, isMember as readMembership } from './members-table.js';
import { getRoom, type RoomRecord, type RoomsTable, roomKey } from './rooms-table.js';

export interface DirectoryDeps {
  rooms: RoomsTable;
  members: MembersTable;
  /** How long a room that exists, or a membership, is trusted. */
  cacheMs: number;
  /** How long "no such room" and "not a member" are trusted. */
  absentCacheMs: number;
  /** Cache each room's member list (one Query), not each membership; a name not on it is read alone. */
  memberLists?: boolean;
}

const CACHE_MAX = 200_000;
const LISTS_MAX = 10_000;

export function createRoomDirectory(deps: DirectoryDeps) {
  const rooms = ttlCache<RoomRecord | undefined>(CACHE_MAX);
  const members = ttlCache<boolean>(CACHE_MAX);
  // Promises, so that the calls of one batch that miss together read a room's list once.
  const lists = ttlCache<Promise<Set<string>>>(LISTS_MAX);
  const memberKey = (roomId: string, person: string) => `${roomId}\u0000${person}`;
  const ttl = (known: unknown) => (known ? deps.cacheMs : deps.absentCacheMs);

  async function findRoom(roomName: string): Promise<RoomRecord | undefined> {
    const key = roomKey(roomName);
    const cached = rooms.lookup(key);
    if (cached) return cached.value;
    const room = await getRoom(deps.rooms, roomName);
    rooms.set(key, room, ttl(room));
    return room;
  }

  async function requireRoom(roomName: string): Promise<RoomRecord> {
    const room = await findRoom(roomName);
    if (!room) throw new NotFoundError(`room ${roomName} does not exist`);
    return room;
  }

  async function isMember(room: RoomRecord, person: string): Promise<boolean> {
    if (deps.memberLists) return onList(room, person);
    const key = memberKey(room.roomId, person);
    const cached = members.get(key);
    if (cached !== undefined) return cached;
    const member = await readMembership(deps.members, room.roomId, person);
    members.set(key, member, ttl(member));
    return member;
  }

  async function onList(room: RoomRecord, person: string): Promise<boolean> {
    let reading = lists.get(room.roomId);
    if (!reading) {
      const read = listMembers(deps.members, room.roomId).then((names) => new Set(names));
      lists.set(room.roomId, read, deps.cacheMs);
      // A failed read is forgotten, so the next call reads again (unless a newer read has taken its place).
      read.catch(() => {
        if (lists.get(room.roomId) === read) lists.delete(room.roomId);
      });
      reading = read;
    }
    const list = await reading;
    if (list.has(person)) return true;
    // Entered since the list was read, perhaps: ask for this one name.
    const member = await readMembership(deps.members, room.roomId, person);
    if (member) list.add(person);
    return member;
  }

  return {
    findRoom,
    requireRoom,
    isMember,
    /** Record a room this process created or deleted. */
    noteRoom(roomName: string, room: RoomRecord | undefined): void {
      rooms.delete(roomKey(roomName));
      rooms.set(roomKey(roomName), room, ttl(room));
    },
    /** Record a membership this process changed. */
    noteMember(room: RoomRecord, person: string, member: boolean): void {
      void lists.get(room.roomId)?.then((list) => list[member ? 'add' : 'delete'](person));
      members.delete(memberKey(room.roomId, person));
      members.set(memberKey(room.roomId, person), member, ttl(member));
    },
  };
}

export type RoomDirectory = ReturnType<typeof createRoomDirectory>;

/** How a directory caches (see DirectoryDeps). */
export type DirectoryCache = Pick<DirectoryDeps, 'cacheMs' | 'absentCacheMs' | 'memberLists'>;

/** The directory over a process's tables (no caching where other processes write them too and staleness would matter). */
export const directoryOver = (tables: Tables, cache: DirectoryCache): RoomDirectory =>
  createRoomDirectory({ rooms: tables('rooms'), members: tables('members'), ...cache });

/** Nothing cached: every answer read afresh. */
export const UNCACHED: DirectoryCache = { cacheMs: 0, absentCacheMs: 0 };
