// Original file: contracts/proto/chatroom.proto

import type { RoomInfo as _chat_RoomInfo, RoomInfo__Output as _chat_RoomInfo__Output } from '../chat/RoomInfo';

export interface ListRoomsReply {
  'rooms'?: (_chat_RoomInfo)[];
}

export interface ListRoomsReply__Output {
  'rooms': (_chat_RoomInfo__Output)[];
}
