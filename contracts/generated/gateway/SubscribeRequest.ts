// Original file: contracts/proto/gateway.proto

import type { Auth as _gateway_Auth, Auth__Output as _gateway_Auth__Output } from '../gateway/Auth';
import type { Long } from '@grpc/proto-loader';

export interface SubscribeRequest {
  'auth'?: (_gateway_Auth | null);
  'room_name'?: (string);
  'person_name'?: (string);
  /**
   * Additions.
   * Resume: first every stored message with a greater server_seq, then live ones.
   */
  'after_seq'?: (number | string | Long);
  '_after_seq'?: "after_seq";
}

export interface SubscribeRequest__Output {
  'auth': (_gateway_Auth__Output | null);
  'room_name': (string);
  'person_name': (string);
  /**
   * Additions.
   * Resume: first every stored message with a greater server_seq, then live ones.
   */
  'after_seq'?: (number);
  '_after_seq'?: "after_seq";
}
