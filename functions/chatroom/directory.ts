/**
 * Cached answers to the two questions every message asks: does this room exist
 * (and what is its id), and is this person in it. Writes made through this
 * process update the cache at once; writes made elsewhere show after `cacheMs`
 * (for "yes") or `absentCacheMs` (for "no"). The monolith, the only writer of
 * its tables, caches both for as long as it likes. The chat function caches
 * only "yes" and briefly: a room just made or entered elsewhere is usable at
 * once, and a room deleted meanwhile is caught by the message's own write
 * (see chat/append.ts). A membership it may keep longer (`memberCacheMs`):
 * every LeaveRoom is counted on the room's item before the membership goes
 * (rooms-table.ts countLeave), and a membership read under another count than
 * the room's, as re-read every `cacheMs`, is read again. So a person who left
 * can post for at most `cacheMs`, while a sender's membership is read once,
 * not once per `cacheMs` (for one who posts every few seconds, on nearly every
 * message). In a Lambda instance, the reads of a batch's calls that miss go
 * together, in one request (storage/gets-together.ts).
 */
import { NotFoundError } from '../../lib/errors.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import type { Tables } from '../storage/tables.js';
import { type MembersTable, isMember as readMembership } from './members-table.js';
import { getRoom, type RoomRecord, type RoomsTable, roomKey } from './rooms-table.js';

export interface DirectoryDeps {
  rooms: RoomsTable;
  members: MembersTable;
  /** How long a room that exists is trusted; a membership, while the room's LeaveRooms are as counted then. */
  cacheMs: number;
  /** How long "no such room" and "not a member" are trusted. */
  absentCacheMs: number;
  /** How long a membership is kept at most (default `cacheMs`): it is read again sooner when the room's count of leaves moves. */
  memberCacheMs?: number;
}

const CACHE_MAX = 200_000;

export function createRoomDirectory(deps: DirectoryDeps) {
  const rooms = ttlCache<RoomRecord | undefined>(CACHE_MAX);
  // Each answer with the room's count of leaves it was read under.
  const members = ttlCache<{ member: boolean; leaves: number }>(CACHE_MAX);
  const memberKey = (roomId: string, person: string) => `${roomId}\u0000${person}`;
  const ttl = (known: unknown) => (known ? deps.cacheMs : deps.absentCacheMs);
  const memberTtl = (member: boolean) => (member ? (deps.memberCacheMs ?? deps.cacheMs) : deps.absentCacheMs);

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
    const key = memberKey(room.roomId, person);
    const leaves = room.leaves ?? 0;
    const cached = members.get(key);
    if (cached !== undefined && cached.leaves === leaves) return cached.member;
    const member = await readMembership(deps.members, room.roomId, person);
    members.set(key, { member, leaves }, memberTtl(member));
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
      members.delete(memberKey(room.roomId, person));
      members.set(memberKey(room.roomId, person), { member, leaves: room.leaves ?? 0 }, memberTtl(member));
    },
  };
}

export type RoomDirectory = ReturnType<typeof createRoomDirectory>;

/** How a directory caches (see DirectoryDeps). */
export type DirectoryCache = Pick<DirectoryDeps, 'cacheMs' | 'absentCacheMs' | 'memberCacheMs'>;

/** The directory over a process's tables (no caching where other processes write them too and staleness would matter). */
export const directoryOver = (tables: Tables, cache: DirectoryCache): RoomDirectory =>
  createRoomDirectory({ rooms: tables('rooms'), members: tables('members'), ...cache });

/** Nothing cached: every answer read afresh. */
export const UNCACHED: DirectoryCache = { cacheMs: 0, absentCacheMs: 0 };
