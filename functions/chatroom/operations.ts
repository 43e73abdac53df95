/** The chatroom function's operations, by RPC name (chat.ChatroomService). */
import type { chat } from '../../contracts/types.js';
import { asUser, type OperationsOf, operation } from '../operation.js';
import type { ChatroomLogic } from './logic.js';

export const CHATROOM = {
  CreateRoom: operation<chat.CreateRoomRequest, chat.CreateRoomReply>('chat.CreateRoomRequest'),
  DeleteRoom: operation<chat.DeleteRoomRequest, chat.DeleteRoomReply>('chat.DeleteRoomRequest'),
  EnterRoom: operation<chat.EnterRoomRequest, chat.EnterRoomReply>('chat.EnterRoomRequest'),
  LeaveRoom: operation<chat.LeaveRoomRequest, chat.LeaveRoomReply>('chat.LeaveRoomRequest'),
  GetPeople: operation<chat.GetPeopleRequest, chat.GetPeopleReply>('chat.GetPeopleRequest'),
  ListRooms: operation<chat.ListRoomsRequest, chat.ListRoomsReply>('chat.ListRoomsRequest'),
};

export type ChatroomOperations = OperationsOf<typeof CHATROOM>;

export function chatroomOperations(logic: ChatroomLogic): ChatroomOperations {
  return {
    CreateRoom: asUser(logic.createRoom),
    DeleteRoom: asUser(logic.deleteRoom),
    EnterRoom: asUser(logic.enterRoom),
    LeaveRoom: asUser(logic.leaveRoom),
    GetPeople: asUser(logic.getPeople),
    ListRooms: asUser(logic.listRooms),
  };
}
