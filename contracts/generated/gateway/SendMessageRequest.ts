// Original file: contracts/proto/gateway.proto

import type { Auth as _gateway_Auth, Auth__Output as _gateway_Auth__Output } from '../gateway/Auth';
import type { Long } from '@grpc/proto-loader';

export interface SendMessageRequest {
  'auth'?: (_gateway_Auth | null);
  'room_name'?: (string);
  'person_name'?: (string);
  'text'?: (string);
  'client_ts_ms'?: (number | string | Long);
  'msg_id'?: (string);
}

export interface SendMessageRequest__Output {
  'auth': (_gateway_Auth__Output | null);
  'room_name': (string);
  'person_name': (string);
  'text': (string);
  'client_ts_ms': (number);
  'msg_id': (string);
}
