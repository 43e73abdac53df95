/** The chatroom function's operations, by RPC name (chat.ChatroomService). */
import { asUser } from '../operation.js';
import type { ChatroomLogic } from './logic.js';

export function chatroomOperations(logic: ChatroomLogic) {
  return {
    CreateRoom: asUser(logic.createRoom),
    DeleteRoom: asUser(logic.deleteRoom),
    EnterRoom: asUser(logic.enterRoom),
    LeaveRoom: asUser(logic.leaveRoom),
    GetPeople: asUser(logic.getPeople),
    ListRooms: asUser(logic.listRooms),
  };
}

export type ChatroomOperations = ReturnType<typeof chatroomOperations>;
