// Original file: contracts/proto/chat.proto

import type { Long } from '@grpc/proto-loader';

export interface SendMessageReply {
  'ok'?: (boolean);
  'message'?: (string);
  'server_seq'?: (number | string | Long);
  'server_ts_ms'?: (number | string | Long);
  /**
   * Additions.
   */
  'msg_id'?: (string);
}

export interface SendMessageReply__Output {
  'ok': (boolean);
  'message': (string);
  'server_seq': (number);
  'server_ts_ms': (number);
  /**
   * Additions.
   */
  'msg_id': (string);
}
