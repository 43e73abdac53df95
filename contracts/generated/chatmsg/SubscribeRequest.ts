// Original file: contracts/proto/chat.proto

import type { Long } from '@grpc/proto-loader';

export interface SubscribeRequest {
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
  'room_name': (string);
  'person_name': (string);
  /**
   * Additions.
   * Resume: first every stored message with a greater server_seq, then live ones.
   */
  'after_seq'?: (number);
  '_after_seq'?: "after_seq";
}
