// Original file: contracts/proto/gateway.proto

import type { RoomInfo as _gateway_RoomInfo, RoomInfo__Output as _gateway_RoomInfo__Output } from '../gateway/RoomInfo';

export interface ListRoomsReply {
  'rooms'?: (_gateway_RoomInfo)[];
}

export interface ListRoomsReply__Output {
  'rooms': (_gateway_RoomInfo__Output)[];
}
