/** Lambda entry of the chatroom function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaRuntime } from '../lambda/runtime.js';

export const handler = lambdaEntry('chatroom', () => lambdaRuntime().operations.chatroom, {
  CreateRoom: 'chat.CreateRoomRequest',
  DeleteRoom: 'chat.DeleteRoomRequest',
  EnterRoom: 'chat.EnterRoomRequest',
  LeaveRoom: 'chat.LeaveRoomRequest',
  GetPeople: 'chat.GetPeopleRequest',
  ListRooms: 'chat.ListRoomsRequest',
});
