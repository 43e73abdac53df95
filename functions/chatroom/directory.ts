/**
 * Cached answers to the two questions every message asks: does this room exist
 * (and what is its id), and is this person in it. Writes made through this
 * process update the cache at once; writes made elsewhere show after `cacheMs`.
 * The monolith, the only writer of its tables, can cache for as long as it likes;
 * a Lambda function keeps it short.
 */
import { NotFoundError } from '../../lib/errors.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import type { Tables } from '../storage/tables.js';
import { type MembersTable, isMember as readMembership } from './members-table.js';
import { getRoom, type RoomRecord, type RoomsTable, roomKey } from './rooms-table.js';

export interface DirectoryDeps {
  rooms: RoomsTable;
  members: MembersTable;
  cacheMs: number;
}

const CACHE_MAX = 200_000;

export function createRoomDirectory(deps: DirectoryDeps) {
  const rooms = ttlCache<RoomRecord | undefined>(CACHE_MAX);
  const members = ttlCache<boolean>(CACHE_MAX);
  const memberKey = (roomId: string, person: string) => `${roomId}\u0000${person}`;

  async function findRoom(roomName: string): Promise<RoomRecord | undefined> {
    const key = roomKey(roomName);
    const cached = rooms.lookup(key);
    if (cached) return cached.value;
    const room = await getRoom(deps.rooms, roomName);
    rooms.set(key, room, deps.cacheMs);
    return room;
  }

  async function requireRoom(roomName: string): Promise<RoomRecord> {
    const room = await findRoom(roomName);
    if (!room) throw new NotFoundError(`room ${roomName} does not exist`);
    return room;
  }

  async function isMember(room: RoomRecord, person: string): Promise<boolean> {
    const key = memberKey(room.roomId, person);
    const cached = members.get(key);
    if (cached !== undefined) return cached;
    const member = await readMembership(deps.members, room.roomId, person);
    members.set(key, member, deps.cacheMs);
    return member;
  }

  return {
    findRoom,
    requireRoom,
    isMember,
    /** Record a room this process created or deleted. */
    noteRoom(roomName: string, room: RoomRecord | undefined): void {
      rooms.set(roomKey(roomName), room, deps.cacheMs);
    },
    /** Record a membership this process changed. */
    noteMember(room: RoomRecord, person: string, member: boolean): void {
      members.set(memberKey(room.roomId, person), member, deps.cacheMs);
    },
  };
}

export type RoomDirectory = ReturnType<typeof createRoomDirectory>;

/** The directory over a process's tables, cached for `cacheMs` (0 where other processes write them too). */
export const directoryOver = (tables: Tables, cacheMs: number): RoomDirectory =>
  createRoomDirectory({ rooms: tables('rooms'), members: tables('members'), cacheMs });
