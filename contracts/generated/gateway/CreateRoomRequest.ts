// Original file: contracts/proto/gateway.proto

import type { Auth as _gateway_Auth, Auth__Output as _gateway_Auth__Output } from '../gateway/Auth';

export interface CreateRoomRequest {
  'auth'?: (_gateway_Auth | null);
  'room_name'?: (string);
}

export interface CreateRoomRequest__Output {
  'auth': (_gateway_Auth__Output | null);
  'room_name': (string);
}
