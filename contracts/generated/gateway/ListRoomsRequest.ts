// Original file: contracts/proto/gateway.proto

import type { Auth as _gateway_Auth, Auth__Output as _gateway_Auth__Output } from '../gateway/Auth';

/**
 * Additions.
 */
export interface ListRoomsRequest {
  'auth'?: (_gateway_Auth | null);
  'limit'?: (number);
  'after_room_name'?: (string);
}

/**
 * Additions.
 */
export interface ListRoomsRequest__Output {
  'auth': (_gateway_Auth__Output | null);
  'limit': (number);
  'after_room_name': (string);
}
