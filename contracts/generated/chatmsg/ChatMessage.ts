// Original file: contracts/proto/chat.proto

import type { Long } from '@grpc/proto-loader';

export interface ChatMessage {
  'room_name'?: (string);
  'person_name'?: (string);
  'text'?: (string);
  'server_seq'?: (number | string | Long);
  'client_ts_ms'?: (number | string | Long);
  'server_ts_ms'?: (number | string | Long);
  'msg_id'?: (string);
}

export interface ChatMessage__Output {
  'room_name': (string);
  'person_name': (string);
  'text': (string);
  'server_seq': (number);
  'client_ts_ms': (number);
  'server_ts_ms': (number);
  'msg_id': (string);
}
