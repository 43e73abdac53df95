/** The chatroom function's operations, by RPC name (chat.ChatroomService). */
import type { chat } from '../../contracts/types.js';
import { type Operation, requireCaller } from '../shared/operations.js';
import type { ChatroomLogic } from './logic.js';

export function chatroomOperations(logic: ChatroomLogic) {
  return {
    CreateRoom: ((caller, req) => logic.createRoom(requireCaller(caller).username, req)) as Operation<
      chat.CreateRoomRequest,
      chat.CreateRoomReply
    >,
    DeleteRoom: ((caller, req) => logic.deleteRoom(requireCaller(caller).username, req)) as Operation<
      chat.DeleteRoomRequest,
      chat.DeleteRoomReply
    >,
    EnterRoom: ((caller, req) => logic.enterRoom(requireCaller(caller).username, req)) as Operation<
      chat.EnterRoomRequest,
      chat.EnterRoomReply
    >,
    LeaveRoom: ((caller, req) => logic.leaveRoom(requireCaller(caller).username, req)) as Operation<
      chat.LeaveRoomRequest,
      chat.LeaveRoomReply
    >,
    GetPeople: ((caller, req) => logic.getPeople(requireCaller(caller).username, req)) as Operation<
      chat.GetPeopleRequest,
      chat.GetPeopleReply
    >,
    ListRooms: ((caller, req) => logic.listRooms(requireCaller(caller).username, req)) as Operation<
      chat.ListRoomsRequest,
      chat.ListRoomsReply
    >,
  };
}

export type ChatroomOperations = ReturnType<typeof chatroomOperations>;
