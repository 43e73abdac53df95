// Original file: contracts/proto/chat.proto

import type { Long } from '@grpc/proto-loader';

export interface SendMessageRequest {
  'room_name'?: (string);
  'person_name'?: (string);
  'text'?: (string);
  'client_ts_ms'?: (number | string | Long);
  /**
   * Idempotency key: a retry with the same msg_id in the same room stores one message.
   */
  'msg_id'?: (string);
}

export interface SendMessageRequest__Output {
  'room_name': (string);
  'person_name': (string);
  'text': (string);
  'client_ts_ms': (number);
  /**
   * Idempotency key: a retry with the same msg_id in the same room stores one message.
   */
  'msg_id': (string);
}
