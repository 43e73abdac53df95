/** The chatroom function over its tables: what its Lambda handler and the monolith both build. */
import type { FunctionsConfig } from '../config.js';
import type { Tables } from '../storage/tables.js';
import type { RoomDirectory } from './directory.js';
import { createChatroomLogic } from './logic.js';
import { type ChatroomOperations, chatroomOperations } from './operations.js';
import type { RoomRecord } from './rooms-table.js';

export function wireChatroom(
  tables: Tables,
  config: FunctionsConfig,
  directory: RoomDirectory,
  onRoomDeleted?: (room: RoomRecord) => void,
): ChatroomOperations {
  return chatroomOperations(
    createChatroomLogic({
      rooms: tables('rooms'),
      members: tables('members'),
      messages: tables('messages'),
      maxRoomsPerUser: config.roomsPerUser,
      directory,
      onRoomDeleted,
    }),
  );
}
