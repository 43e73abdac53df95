/**
 * The chatroom function: rooms with an owner, and who is in them.
 * Transport-neutral: the caller's name, contract-shaped objects in and out,
 * domain errors thrown.
 */
import { randomUUID } from 'node:crypto';
import type { chat } from '../../contracts/types.js';
import { PermissionDeniedError, ResourceExhaustedError } from '../../lib/errors.js';
import { log } from '../../lib/log.js';
import { type MessagesTable, purgeRoomMessages } from '../chat/messages-table.js';
import * as validate from '../validate.js';
import { LIMITS } from '../validate.js';
import type { RoomDirectory } from './directory.js';
import {
  deleteAllMembers,
  deleteMember,
  listMembers,
  type MembersTable,
  putMember,
  releaseOwnedRoom,
  reserveOwnedRoom,
} from './members-table.js';
import { countLeave, deleteRoomIncarnation, listRooms, putNewRoom, type RoomRecord, type RoomsTable, roomKey } from './rooms-table.js';

export interface ChatroomDeps {
  rooms: RoomsTable;
  members: MembersTable;
  messages: MessagesTable;
  directory: RoomDirectory;
  /** Most rooms one user may own. */
  maxRoomsPerUser: number;
  /** Told after a room is gone, so live subscribers can be ended. */
  onRoomDeleted?: (room: RoomRecord) => void;
}

export function createChatroomLogic(deps: ChatroomDeps) {
  async function createRoom(caller: string, req: chat.CreateRoomRequest): Promise<chat.CreateRoomReply> {
    const roomName = validate.roomName(req.room_name);
    const room = { roomName, key: roomKey(roomName), roomId: randomUUID(), owner: caller, createdAtMs: Date.now() };
    if (!(await reserveOwnedRoom(deps.members, caller, deps.maxRoomsPerUser))) {
      throw new ResourceExhaustedError(`you own ${deps.maxRoomsPerUser} rooms already; delete one first`);
    }
    // Counted before it exists, so two replicas cannot both let the last one through.
    await putNewRoom(deps.rooms, room).catch(async (error) => {
      await releaseOwnedRoom(deps.members, caller);
      throw error;
    });
    deps.directory.noteRoom(roomName, room);
    return { ok: true };
  }

  /**
   * Only the owner may delete. The room item goes first, so the room is gone at
   * once; its members and messages, keyed by the dead room_id, are purged after.
   */
  async function deleteRoom(caller: string, req: chat.DeleteRoomRequest): Promise<chat.DeleteRoomReply> {
    const roomName = validate.roomName(req.room_name);
    const room = await deps.directory.requireRoom(roomName);
    if (room.owner !== caller) throw new PermissionDeniedError(`only the owner (${room.owner}) can delete room ${roomName}`);
    await deleteRoomIncarnation(deps.rooms, room);
    await releaseOwnedRoom(deps.members, room.owner);
    deps.directory.noteRoom(roomName, undefined);
    deps.onRoomDeleted?.(room);
    await deleteAllMembers(deps.members, room.roomId);
    const purged = await purgeRoomMessages(deps.messages, room.roomId);
    log.info('room deleted', { room: roomName, by: caller, messages_purged: purged });
    return { ok: true };
  }

  async function enterRoom(caller: string, req: chat.EnterRoomRequest): Promise<chat.EnterRoomReply> {
    const roomName = validate.roomName(req.room_name);
    const person = validate.personName(caller, req.person_name);
    const room = await deps.directory.requireRoom(roomName);
    await putMember(deps.members, room.roomId, person);
    deps.directory.noteMember(room, person, true);
    return { ok: true };
  }

  async function leaveRoom(caller: string, req: chat.LeaveRoomRequest): Promise<chat.LeaveRoomReply> {
    const roomName = validate.roomName(req.room_name);
    const person = validate.personName(caller, req.person_name);
    const room = await deps.directory.requireRoom(roomName);
    // The cache is cleared even when the delete fails: a stale "member" must not outlive a failed leave.
    deps.directory.noteMember(room, person, false);
    // Counted first: a leave whose delete fails costs other instances a re-read, one not counted a stale "member".
    await countLeave(deps.rooms, room);
    await deleteMember(deps.members, room.roomId, person);
    return { ok: true };
  }

  async function getPeople(_caller: string, req: chat.GetPeopleRequest): Promise<chat.GetPeopleReply> {
    const room = await deps.directory.requireRoom(validate.roomName(req.room_name));
    return { people: await listMembers(deps.members, room.roomId) };
  }

  async function listRoomsPage(_caller: string, req: chat.ListRoomsRequest): Promise<chat.ListRoomsReply> {
    const limit = validate.pageSize('limit', req.limit, LIMITS.listRoomsDefault, LIMITS.listRoomsMax);
    const after = req.after_room_name === '' ? '' : validate.roomName(req.after_room_name);
    const rooms = await listRooms(deps.rooms, limit, after);
    return {
      rooms: rooms.map((r) => ({ room_name: r.roomName, owner: r.owner, created_at_iso: new Date(r.createdAtMs).toISOString() })),
    };
  }

  return { createRoom, deleteRoom, enterRoom, leaveRoom, getPeople, listRooms: listRoomsPage };
}

export type ChatroomLogic = ReturnType<typeof createChatroomLogic>;
