// Original file: contracts/proto/gateway.proto

import type { Auth as _gateway_Auth, Auth__Output as _gateway_Auth__Output } from '../gateway/Auth';
import type { Long } from '@grpc/proto-loader';

export interface GetHistoryRequest {
  'auth'?: (_gateway_Auth | null);
  'room_name'?: (string);
  'limit'?: (number);
  /**
   * Additions.
   * Page back: only messages with a smaller server_seq (0 = from the newest).
   */
  'before_seq'?: (number | string | Long);
}

export interface GetHistoryRequest__Output {
  'auth': (_gateway_Auth__Output | null);
  'room_name': (string);
  'limit': (number);
  /**
   * Additions.
   * Page back: only messages with a smaller server_seq (0 = from the newest).
   */
  'before_seq': (number);
}
