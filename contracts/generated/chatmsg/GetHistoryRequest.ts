// Original file: contracts/proto/chat.proto

import type { Long } from '@grpc/proto-loader';

export interface GetHistoryRequest {
  'room_name'?: (string);
  'limit'?: (number);
  /**
   * Additions.
   * Page back: only messages with a smaller server_seq (0 = from the newest).
   */
  'before_seq'?: (number | string | Long);
}

export interface GetHistoryRequest__Output {
  'room_name': (string);
  'limit': (number);
  /**
   * Additions.
   * Page back: only messages with a smaller server_seq (0 = from the newest).
   */
  'before_seq': (number);
}
